// The bounds of questions, in one place: what the loader enforces and what
// the players and records may rely on. Bounds that more than one area meets
// (file sizes, nesting) are in base/limits.hpp.
#pragma once

#include <cstddef>

namespace lektion::question_limits {

constexpr std::size_t max_items = 20;          // matching items and targets
constexpr std::size_t min_steps = 3;           // ordering: fewer is no puzzle
constexpr std::size_t max_steps = 8;           // ordering: more is no longer readable in a list
constexpr std::size_t max_gaps = 10;           // fill-in
constexpr std::size_t max_accepted = 20;       // fill-in: accepted answers of one gap
constexpr std::size_t max_typed_bytes = 200;   // what a learner may type into a gap or a number field
constexpr std::size_t max_xapi_patterns = 32;  // fill-in: combinations of accepted answers given to xAPI

}  // namespace lektion::question_limits
