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
    // The kind of problem, stable across wordings (diag/codes.hpp); empty
    // for a kind not named there yet.
    std::string_view code;
};

// "path:line:col: error: message", the form editors and CI logs understand.
std::string format(const Diagnostic& d);

struct Diagnostics {
    std::vector<Diagnostic> items;

    void add(Severity s, std::string path, int line, int column, std::string message,
             std::string_view code = {});
    bool has_code(std::string_view code) const;
    int error_count() const;
    int warning_count() const;
    bool has_errors() const { return error_count() > 0; }
};

}  // namespace lektion
