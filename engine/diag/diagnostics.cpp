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

void Diagnostics::add(Severity s, std::string path, int line, int column, std::string message,
                      std::string_view code) {
    items.push_back({s, std::move(path), line, column, std::move(message), code});
}

bool Diagnostics::has_code(std::string_view code) const {
    return std::any_of(items.begin(), items.end(), [&](const Diagnostic& d) { return d.code == code; });
}

int Diagnostics::error_count() const {
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [](auto& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warning_count() const { return static_cast<int>(items.size()) - error_count(); }

}  // namespace lektion
