#include "resources/paths.hpp"

#include <cstdlib>

namespace lektion {

namespace fs = std::filesystem;

fs::path resource_dir(const char* name) {
    if (const char* root = std::getenv("LEKTION_RESOURCES"); root && *root) return fs::path(root) / name;
    const fs::path source = fs::path(LEKTION_SOURCE_DIR) / name;
    if (fs::exists(source)) return source;
    return fs::path("/usr/share/lektion") / name;
}

fs::path bundled_course_dir() { return resource_dir("content") / "karriereplanlaegning"; }

}  // namespace lektion
