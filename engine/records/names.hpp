// Learner names: tidied and checked before they are stored, folded before
// they are compared.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

constexpr int max_name_length = 100;  // code points

// The name as it is stored: NFC, without surrounding white space. Throws
// RecordsError, with the reason, for a name that is empty, overlong or not
// UTF-8, or that holds a character that would make it unreadable or let two
// different names look alike: control characters, bidirectional controls
// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width and
// other invisible (default-ignorable or format) characters, line and
// paragraph separators, unassigned code points, noncharacters and private
// use; or that begins with a combining mark.
std::string tidy_name(std::string_view name);

// The name as a lookup sees it: NFC, without surrounding white space, but not
// otherwise checked, so that a learner an older lektion stored under a name
// tidy_name now refuses can still be found, exported and erased. Throws
// RecordsError for text that is not UTF-8 or is far too long to be a name.
std::string lookup_name(std::string_view name);

// The key two names share when they differ only in case: ICU full case
// folding between NFC normalizations, so "Åse", "åse" and "A\u030Ase" agree.
std::string name_key(std::string_view tidy);

}  // namespace lektion
