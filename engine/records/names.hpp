// Learner names: tidied before they are stored, folded before they are compared.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

constexpr int max_name_length = 100;  // code points

// The name as it is stored: NFC, without surrounding white space. Throws
// RecordsError for an empty, overlong or malformed name, or one with control characters.
std::string tidy_name(std::string_view name);

// The key two names share when they differ only in case: ICU full case
// folding between NFC normalizations, so "Åse", "åse" and "A\u030Ase" agree.
std::string name_key(std::string_view tidy);

}  // namespace lektion
