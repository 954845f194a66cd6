#include "textplayer/question_prompts.hpp"

#include <algorithm>
#include <vector>

#include "l10n/strings.hpp"
#include "questions/matching.hpp"
#include "questions/numeric.hpp"
#include "questions/registry.hpp"
#include "textplayer/choice.hpp"

namespace lektion {

std::vector<std::string> TextQuestion::show(Writer& out, const Question& q,
                                            const std::vector<std::string>& order) const {
    std::vector<std::string> shown;
    for (const std::string& id : order)
        if (const Option* o = q.option(id)) {
            shown.push_back(id);
            out.entry(static_cast<int>(shown.size()), o->label.plain());
        }
    return shown;
}

namespace {

// single, multiple, truefalse: "2" or "1 3".
class ChoicePrompt : public TextQuestion {
public:
    ChoicePrompt(std::string_view type, bool multiple) : type_(type), multiple_(multiple) {}
    std::string_view type() const override { return type_; }
    std::string prompt(const Question&) const override { return choice_prompt(multiple_); }
    std::string allowed(const Question&, const std::vector<std::string>& shown) const override {
        return choice_allowed(static_cast<int>(shown.size()), multiple_);
    }
    std::optional<std::vector<std::string>> parse(const Question&, const std::vector<std::string>& shown,
                                                  std::string_view line) const override {
        const Choice c = parse_choice(line, static_cast<int>(shown.size()), multiple_);
        if (c.problem != ChoiceProblem::none) return std::nullopt;
        std::vector<std::string> chosen;
        for (int n : c.numbers) chosen.push_back(shown[static_cast<std::size_t>(n - 1)]);
        return chosen;
    }

private:
    std::string_view type_;
    bool multiple_;
};

// Tokens of a line: separated by spaces, tabs or commas.
std::vector<std::string_view> tokens(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    auto separator = [](char ch) { return ch == ' ' || ch == '\t' || ch == ','; };
    while (i < line.size()) {
        while (i < line.size() && separator(line[i])) ++i;
        std::size_t end = i;
        while (end < line.size() && !separator(line[end])) ++end;
        if (end > i) out.push_back(line.substr(i, end - i));
        i = end;
    }
    return out;
}

std::string letter(std::size_t i) { return std::string(1, static_cast<char>('A' + i)); }

// matching: the items numbered, the targets lettered; "B A C" pairs item 1 with B and so on, "-" leaves
// an item open.
class MatchingPrompt : public TextQuestion {
public:
    std::string_view type() const override { return "matching"; }
    std::vector<std::string> show(Writer& out, const Question& q,
                                  const std::vector<std::string>& order) const override {
        std::vector<std::string> shown = TextQuestion::show(out, q, order);
        out << "\n";
        for (std::size_t i = 0; i < q.targets.size(); ++i) {
            const std::string mark = letter(i) + ") ";
            out.wrap(q.targets[i].label.plain(), std::string(width_of(mark), ' '), mark);
        }
        return shown;
    }
    std::string prompt(const Question&) const override { return tr("text.prompt_match"); }
    std::string allowed(const Question& q, const std::vector<std::string>& shown) const override {
        std::string example;
        for (std::size_t i = 0; i < shown.size(); ++i)
            example += (i ? " " : "") + letter((i + 1) % std::max<std::size_t>(q.targets.size(), 1));
        return tr("text.invalid_match", {{"answer", example}});
    }
    std::optional<std::vector<std::string>> parse(const Question& q, const std::vector<std::string>& shown,
                                                  std::string_view line) const override {
        std::vector<std::string_view> t = tokens(line);
        // "BAC" for three items is as clear as "B A C".
        if (t.size() == 1 && t[0].size() == shown.size() && shown.size() > 1) {
            const std::string_view word = t[0];
            t.clear();
            for (std::size_t i = 0; i < word.size(); ++i) t.push_back(word.substr(i, 1));
        }
        if (t.size() != shown.size()) return std::nullopt;
        std::vector<std::string> answer;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == "-") continue;
            if (t[i].size() != 1) return std::nullopt;
            const char c =
                static_cast<char>(t[i][0] >= 'a' && t[i][0] <= 'z' ? t[i][0] - 'a' + 'A' : t[i][0]);
            const std::size_t target = static_cast<std::size_t>(c - 'A');
            if (c < 'A' || target >= q.targets.size()) return std::nullopt;
            answer.push_back(matching_pair(shown[i], q.targets[target].id));
        }
        if (answer.empty()) return std::nullopt;
        return answer;
    }
};

// ordering: the items numbered as shown; "3 1 2" puts item 3 first.
class OrderingPrompt : public TextQuestion {
public:
    std::string_view type() const override { return "ordering"; }
    std::string prompt(const Question&) const override { return tr("text.prompt_order"); }
    std::string allowed(const Question&, const std::vector<std::string>& shown) const override {
        std::string example;
        for (std::size_t i = shown.size(); i > 0; --i)
            example += (example.empty() ? "" : " ") + std::to_string(i);
        return tr("text.invalid_order", {{"answer", example}});
    }
    std::optional<std::vector<std::string>> parse(const Question&, const std::vector<std::string>& shown,
                                                  std::string_view line) const override {
        const Choice c = parse_choice(line, static_cast<int>(shown.size()), true);
        if (c.problem != ChoiceProblem::none || c.numbers.size() != shown.size()) return std::nullopt;
        std::vector<std::string> answer;
        for (int n : c.numbers) answer.push_back(shown[static_cast<std::size_t>(n - 1)]);
        return answer;
    }
};

// fill-in: the gaps numbered, each with the words before it; one answer a gap, separated by semicolons.
class FillInPrompt : public TextQuestion {
public:
    std::string_view type() const override { return "fillin"; }
    std::vector<std::string> show(Writer& out, const Question& q,
                                  const std::vector<std::string>&) const override {
        std::vector<std::string> shown;
        for (const Option& gap : q.options) {
            shown.push_back(gap.id);
            out.entry(static_cast<int>(shown.size()), gap.label.plain() + " ____");
        }
        return shown;
    }
    std::string prompt(const Question&) const override { return tr("text.prompt_fill"); }
    std::string allowed(const Question&, const std::vector<std::string>& shown) const override {
        std::string example;
        for (std::size_t i = 0; i < shown.size(); ++i) example += (i ? "; " : "") + std::string("…");
        return tr("text.invalid_fill", {{"answer", example}});
    }
    std::optional<std::vector<std::string>> parse(const Question& q, const std::vector<std::string>&,
                                                  std::string_view line) const override {
        std::vector<std::string> answer;
        std::size_t start = 0;
        for (;;) {
            const std::size_t end = line.find(';', start);
            std::string part(
                line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
            part.erase(0, part.find_first_not_of(" \t"));
            part.erase(part.find_last_not_of(" \t") + 1);
            answer.push_back(std::move(part));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        if (answer.size() != q.options.size()) return std::nullopt;
        bool any = false;
        for (const std::string& a : answer) any = any || !a.empty();
        if (!any || !question_type(q).valid_answer(q, answer)) return std::nullopt;
        return answer;
    }
};

// numeric: a number in the interface language's way ("3,5" in Danish).
class NumericPrompt : public TextQuestion {
public:
    std::string_view type() const override { return "numeric"; }
    std::vector<std::string> show(Writer&, const Question&, const std::vector<std::string>&) const override {
        return {};
    }
    std::string prompt(const Question&) const override { return tr("text.prompt_number"); }
    std::string allowed(const Question&, const std::vector<std::string>&) const override {
        return tr("quiz.type_number", {{"answer", learner_number(3.5, ui_language())}});
    }
    std::optional<std::vector<std::string>> parse(const Question&, const std::vector<std::string>&,
                                                  std::string_view line) const override {
        const auto v = parse_learner_number(line, ui_language());
        if (!v) return std::nullopt;
        return std::vector<std::string>{answer_number(*v)};
    }
};

std::vector<std::unique_ptr<TextQuestion>>& renderers() {
    static std::vector<std::unique_ptr<TextQuestion>> all = [] {
        std::vector<std::unique_ptr<TextQuestion>> r;
        r.push_back(std::make_unique<ChoicePrompt>("single", false));
        r.push_back(std::make_unique<ChoicePrompt>("multiple", true));
        r.push_back(std::make_unique<ChoicePrompt>("truefalse", false));
        r.push_back(std::make_unique<MatchingPrompt>());
        r.push_back(std::make_unique<OrderingPrompt>());
        r.push_back(std::make_unique<FillInPrompt>());
        r.push_back(std::make_unique<NumericPrompt>());
        return r;
    }();
    return all;
}

}  // namespace

const TextQuestion& text_question(const Question& q) {
    for (const auto& r : renderers())
        if (r->type() == q.type) return *r;
    return *renderers().front();
}

void add_text_question(std::unique_ptr<TextQuestion> renderer) {
    for (auto& r : renderers())
        if (r->type() == renderer->type()) {
            r = std::move(renderer);
            return;
        }
    renderers().push_back(std::move(renderer));
}

}  // namespace lektion
