// Emphasis as a PO file carries it: the literal tags <b>…</b> and <i>…</i>
// in msgid and msgstr, which Poedit, Weblate and pofilter know. (XLIFF's
// inline markup is xliff/inline.hpp; interface messages are plain ICU
// patterns in either format.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "course/model.hpp"

namespace lektion {

// "<b>bold</b> and <i>italic</i>", the spaces at a span's edges outside its
// tags; a literal '<' becomes "&lt;", and '&' becomes "&amp;" only where it
// would read as an entity.
std::string to_po_markup(const Text& text);

// The inverse of to_po_markup: <b>, <i> and their closing tags, and the
// entities &lt; &gt; &amp; &quot; &apos;. A '<' that starts no tag is a
// literal character. Unknown or unbalanced tags go to `problems`.
Text from_po_markup(std::string_view markup, std::vector<std::string>& problems);

}  // namespace lektion
