// Text hygiene shared by everything that reads authored text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/characters.hpp"  // the characters text may hold, NFC
#include "course/model.hpp"

namespace lektion {

// Collapses XML whitespace runs to one space across the spans, trims the ends,
// normalizes each span to NFC and merges neighbours of equal emphasis. A
// no-break space is not whitespace here: it is there to hold.
void tidy(Text& text);

// Same characters with the same emphasis.
bool same_text(const Text& a, const Text& b);
// Words separated by white space, as translators count them.
int count_words(const Text& text);

}  // namespace lektion
