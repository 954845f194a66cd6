#include "base/line_map.hpp"

#include <algorithm>

namespace lektion {

LineMap::LineMap(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    block_columns_.reserve(text.size() / block + 1);
    int column = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % block == 0) block_columns_.push_back(column);
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            line_starts_.push_back(i + 1);
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // a UTF-8 continuation byte does not start a column
            ++column;
        }
    }
}

std::pair<int, int> LineMap::locate(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    std::size_t from = line_starts_[line_index];
    int column = 1;
    if (const std::size_t b = offset / block; b * block > from && b < block_columns_.size())
        from = b * block, column = block_columns_[b];
    // Count code points, not bytes: UTF-8 continuation bytes do not start a column.
    for (std::size_t i = from; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {static_cast<int>(line_index) + 1, column};
}

}  // namespace lektion
