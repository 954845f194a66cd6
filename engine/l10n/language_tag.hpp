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

// For a message about an invalid tag: the tag that was probably meant
// ("english" -> "en", "Dansk" -> "da", "pt_BR" -> "pt-BR"), or "" when
// nothing comes close. Language names are matched in English and in each
// language itself, from ICU's locale data.
std::string suggest_language_tag(std::string_view wrong);

// Equal without regard to ASCII case.
bool same_language(std::string_view a, std::string_view b);

}  // namespace lektion
