// Counts in the command line's English: "1 lesson", "2 lessons", "0 errors".
// (The interface's counts are ICU plural patterns in the catalogs.)
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace lektion::cli {

inline std::string counted(long long n, std::string_view one, std::string_view other) {
    return fmt::format("{} {}", n, n == 1 ? one : other);
}

}  // namespace lektion::cli
