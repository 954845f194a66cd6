// Byte offsets of a file's text to line and column, for messages that say
// exactly where (file:line:col).
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace lektion {

// Maps byte offsets of a file buffer to line and column.
class LineMap {
public:
    explicit LineMap(std::string_view text);
    // Line and column (both 1-based, column in code points) of a byte offset.
    std::pair<int, int> locate(std::size_t offset) const;

private:
    static constexpr std::size_t block = 4096;
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    // The column at each multiple of `block`: a column is counted from the
    // nearest of these, never from the start of a line that may be megabytes
    // long, in whatever order positions are asked for.
    std::vector<int> block_columns_;
};

}  // namespace lektion
