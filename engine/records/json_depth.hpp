// A bound on JSON nesting, checked before a recursive parser or dump() sees
// the text: what nests deeper than any lektion file would only exhaust the stack.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace lektion {

// Byte offset of the first bracket nested deeper than `max_depth`, outside strings.
std::optional<std::size_t> json_too_deep(std::string_view text, int max_depth);

}  // namespace lektion
