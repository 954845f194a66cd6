#include "resources/paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace lektion {

namespace fs = std::filesystem;

namespace {

// The source tree's names for the installed ones.
fs::path source_resource(const std::string& name) {
    const fs::path source(LEKTION_SOURCE_DIR);
    if (name == "courses") return source / "content";
    if (name == "schema") return source / "content" / "schema";
    return source / name;
}

}  // namespace

fs::path executable_dir() {
    std::string buf(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size());
    if (n <= 0 || static_cast<std::size_t>(n) >= buf.size()) return {};
    buf.resize(static_cast<std::size_t>(n));
    return fs::path(buf).parent_path();
}

fs::path resource_dir(const char* name) {
    if (const char* root = std::getenv("LEKTION_RESOURCES"); root && *root) return fs::path(root) / name;
    std::error_code ec;
    // Looked up once: the executable does not move while it runs.
    static const fs::path installed = [] {
        const fs::path exe = executable_dir();
        if (exe.empty()) return fs::path();
        std::error_code e;
        const fs::path share = (exe / LEKTION_DATA_FROM_BIN).lexically_normal();  // "../share/lektion"
        return fs::is_directory(share / "locales", e) ? share : fs::path();
    }();
    if (!installed.empty()) return installed / name;
    const fs::path source = source_resource(name);
    if (fs::exists(source, ec)) return source;
    return fs::path(LEKTION_DATA_DIR_INSTALLED) / name;
}

fs::path bundled_course_dir() { return resource_dir("courses") / "karriereplanlaegning"; }

fs::path user_data_dir() {
    if (const char* v = std::getenv("LEKTION_DATA_DIR"); v && *v) return v;
    // The XDG spec says a relative XDG_DATA_HOME is invalid and to be ignored.
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x == '/') return fs::path(x) / "lektion";
    const char* home = std::getenv("HOME");
    if (!home || !*home) {
        const passwd* pw = ::getpwuid(::getuid());
        home = pw ? pw->pw_dir : nullptr;
    }
    if (!home || !*home) return {};
    return fs::path(home) / ".local" / "share" / "lektion";
}

fs::path user_courses_dir() {
    const fs::path d = user_data_dir();
    return d.empty() ? d : d / "courses";
}

fs::path user_locales_dir() {
    const fs::path d = user_data_dir();
    return d.empty() ? d : d / "locales";
}

}  // namespace lektion
