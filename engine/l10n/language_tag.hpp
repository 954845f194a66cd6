// Language tags (BCP 47) as lektion accepts them from users and files: a
// tag ICU parses whole, in ASCII, of reasonable length. Nothing else is
// stored, written into an XLIFF attribute or used to name a folder.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// "pl", "pt-BR", "sr-Latn": true. "", "en_US", "x", "../da", "da-": false.
bool valid_language_tag(std::string_view tag);

// BCP 47 case conventions ("PT_br" -> "pt-BR"); underscores become hyphens.
std::string normalize_language_tag(std::string tag);

// Equal without regard to ASCII case.
bool same_language(std::string_view a, std::string_view b);

}  // namespace lektion
