// What lektion lint says of skeleton text nobody has replaced: a unit of
// the course that still reads, word for word, as a placeholder `lektion new
// lesson` or `lektion new course` wrote (skeleton.hpp) is a warning at its
// element. A warning, not an error: a new course or lesson must load and
// play while its author writes it.
#pragma once

#include <filesystem>

#include "course/model.hpp"
#include "diag/diagnostics.hpp"

namespace lektion {

// "FILE:LINE:COL: warning: placeholder text from 'lektion new lesson' is
// still here", for every such unit of `course`, loaded from `dir`.
void lint_placeholders(const Course& course, const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace lektion
