#include "diag/diagnostics.hpp"

#include <cstring>

#include <algorithm>

#include <fmt/format.h>

namespace lektion {

std::string format(const Diagnostic& d) {
    const char* kind = d.severity == Severity::error ? "error" : "warning";
    if (d.line > 0) return fmt::format("{}:{}:{}: {}: {}", d.path, d.line, d.column, kind, d.message);
    return fmt::format("{}: {}: {}", d.path, kind, d.message);
}

void Diagnostics::add(Severity s, std::string path, int line, int column, std::string message) {
    items.push_back({s, std::move(path), line, column, std::move(message)});
}

int Diagnostics::error_count() const {
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [](auto& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warning_count() const { return static_cast<int>(items.size()) - error_count(); }

LineMap::LineMap(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (const char *p = text.data(), *end = p + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));)
        line_starts_.push_back(static_cast<std::size_t>(++p - text.data()));
}

std::pair<int, int> LineMap::locate(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    std::size_t from = line_starts_[line_index];
    int column = 1;
    if (line_index == last_line_ && offset >= last_offset_ && last_offset_ >= from)
        from = last_offset_, column = last_column_;
    // Count code points, not bytes: UTF-8 continuation bytes do not start a column.
    for (std::size_t i = from; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    last_line_ = line_index, last_offset_ = offset, last_column_ = column;
    return {static_cast<int>(line_index) + 1, column};
}

}  // namespace lektion
