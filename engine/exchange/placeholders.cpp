#include "exchange/placeholders.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "l10n/catalog.hpp"

namespace lektion {

std::string placeholder_problem(const std::string& source, const std::string& target) {
    std::vector<std::string> want = argument_names(source), have = argument_names(target);
    std::sort(want.begin(), want.end());
    std::sort(have.begin(), have.end());
    std::vector<std::string> missing, extra;
    std::set_difference(want.begin(), want.end(), have.begin(), have.end(), std::back_inserter(missing));
    std::set_difference(have.begin(), have.end(), want.begin(), want.end(), std::back_inserter(extra));
    std::string out;
    for (const std::string& m : missing) out += fmt::format("{}lacks {{{}}}", out.empty() ? "" : "; ", m);
    for (const std::string& e : extra)
        out += fmt::format("{}uses {{{}}}, which the source does not have", out.empty() ? "" : "; ", e);
    return out;
}

}  // namespace lektion
