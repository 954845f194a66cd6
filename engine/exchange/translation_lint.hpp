// What lektion lint checks beyond the course itself: the stored translations
// of every language and the interface catalogs, including whether the
// player's font can draw every character.
#pragma once

#include <filesystem>

#include "course/model.hpp"
#include "diag/diagnostics.hpp"

namespace lektion {

// translations/<lang>/*.xlf: ids the course no longer has, inline tags that
// differ from the source, stale units (warnings); languages in the wrong
// file, and characters the font atlas lacks, in the source too (errors).
// Returns the languages checked.
int lint_course_translations(const Course& course, const std::filesystem::path& dir, Diagnostics& diags);

// locales/*.xlf against en.xlf: broken ICU patterns and placeholders that
// differ from the English ones, characters the atlas lacks (errors); unknown
// and stale ids (warnings). Returns the catalogs checked.
int lint_interface_catalogs(const std::filesystem::path& locales, Diagnostics& diags);

}  // namespace lektion
