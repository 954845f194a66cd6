// Characters in UTF-8: what no text of lektion's may hold, and Unicode NFC.
// Generic: every reader of a file a person wrote or handed over uses these,
// from the XML reader up.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lektion {

// Byte offset of the first malformed UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// A character no text of lektion's may hold, found in valid UTF-8: NUL and
// the other C0 controls but tab, line feed and carriage return, DEL, and the
// C1 controls U+0080–U+009F. They cut strings short, corrupt files and, as
// escape sequences, take over a terminal. (Lone surrogates are not UTF-8 and
// find_invalid_utf8 finds them.)
struct ForbiddenChar {
    std::size_t offset = 0;  // in bytes
    char32_t code = 0;
};
std::optional<ForbiddenChar> find_control_character(std::string_view utf8);
bool is_forbidden_character(char32_t c);
// "U+001B" for messages.
std::string code_point_name(char32_t c);

// Unicode NFC: Dear ImGui draws one glyph per code point and has no shaping,
// so decomposed letters (a + combining ring) would show as two glyphs.
void normalize_nfc(std::string& text);  // in place; valid UTF-8 in

// A code point that is NFC by itself (quick check "yes") and never combines
// with its neighbours (combining class 0): all of U+0000–U+02FF and the
// punctuation and currency block U+2002–U+20CF (U+2000 and U+2001 have
// canonical decompositions; U+20D0 starts combining marks). A string of only
// such code points is NFC, so the Danish and English texts (letters below
// U+0300, typographic quotes and dashes) never reach ICU. text_test checks
// every one of them against ICU.
bool stays_nfc(char32_t c);

}  // namespace lektion
