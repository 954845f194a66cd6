// Diagnostics: what went wrong in an authored file, and exactly where.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lektion {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string path;  // as given by the caller, so messages match what the user typed
    int line = 0;      // 1-based; 0 when the problem concerns the whole file
    int column = 0;    // 1-based, in code points
    std::string message;
};

// "path:line:col: error: message", the form editors and CI logs understand.
std::string format(const Diagnostic& d);

struct Diagnostics {
    std::vector<Diagnostic> items;

    void add(Severity s, std::string path, int line, int column, std::string message);
    int error_count() const;
    int warning_count() const;
    bool has_errors() const { return error_count() > 0; }
};

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
