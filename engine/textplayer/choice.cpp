#include "textplayer/choice.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "l10n/strings.hpp"

namespace lektion {

Choice parse_choice(std::string_view line, int options, bool multiple) {
    Choice c;
    std::size_t i = 0;
    auto separator = [](char ch) { return ch == ' ' || ch == '\t' || ch == ','; };
    while (i < line.size()) {
        while (i < line.size() && separator(line[i])) ++i;
        if (i == line.size()) break;
        std::size_t end = i;
        while (end < line.size() && !separator(line[end])) ++end;
        const std::string_view token = line.substr(i, end - i);
        i = end;
        int n = 0;
        const auto [stop, ec] = std::from_chars(token.data(), token.data() + token.size(), n);
        if (ec == std::errc::result_out_of_range && stop == token.data() + token.size() && token[0] != '-') {
            c.problem = ChoiceProblem::out_of_range;  // a number, only far too large
            continue;
        }
        if (ec != std::errc() || stop != token.data() + token.size() || token[0] == '+') {
            c.problem = ChoiceProblem::not_a_number;
            continue;
        }
        if (n < 1 || n > options) {
            if (c.problem == ChoiceProblem::none) c.problem = ChoiceProblem::out_of_range;
            continue;
        }
        if (std::find(c.numbers.begin(), c.numbers.end(), n) == c.numbers.end()) c.numbers.push_back(n);
    }
    if (c.problem == ChoiceProblem::none && c.numbers.empty()) c.problem = ChoiceProblem::empty;
    if (c.problem == ChoiceProblem::none && !multiple && c.numbers.size() > 1)
        c.problem = ChoiceProblem::several_for_single;
    if (c.problem != ChoiceProblem::none) c.numbers.clear();
    return c;
}

std::string choice_prompt(bool multiple) { return multiple ? tr("text.prompt_many") : tr("text.prompt_one"); }

std::string choice_allowed(int options, bool multiple) {
    return multiple ? tr("text.invalid_many", {{"count", std::int64_t(options)}})
                    : tr("text.invalid_one", {{"count", std::int64_t(options)}});
}

}  // namespace lektion
