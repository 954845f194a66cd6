// Text hygiene shared by everything that reads authored text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "course/model.hpp"

namespace lektion {

// Byte offset of the first malformed UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Unicode NFC: Dear ImGui draws one glyph per code point and has no shaping,
// so decomposed letters (a + combining ring) would show as two glyphs.
std::string to_nfc(std::string_view text);
void normalize_nfc(std::string& text);  // in place; valid UTF-8 in
// For the test that checks the fast path against ICU.
bool stays_nfc_for_test(char32_t c);

// Collapses XML whitespace runs to one space across the spans, trims the ends,
// normalizes each span to NFC and merges neighbours of equal emphasis. A
// no-break space is not whitespace here: it is there to hold.
void tidy(Text& text);

// Same characters with the same emphasis.
bool same_text(const Text& a, const Text& b);
// Words separated by white space, as translators count them.
int count_words(const Text& text);

}  // namespace lektion
