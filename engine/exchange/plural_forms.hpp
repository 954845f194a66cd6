// The gettext Plural-Forms header for a language. lektion's messages carry
// their plurals inside ICU patterns, so no entry uses msgid_plural; the
// header is there because PO editors and msgfmt expect a correct one.
#pragma once

#include <string>

namespace lektion {

// "nplurals=3; plural=(...);" for `lang` (BCP 47 or gettext form); the
// Germanic two-form rule for languages the table does not know.
std::string plural_forms(const std::string& lang);

// The English name of a language ("Polish"), for the Language-Team header.
std::string language_name(const std::string& lang);

}  // namespace lektion
