#include <filesystem>

#include "cli/commands.hpp"

namespace lektion::cli {

std::string default_course_dir() {
    // A build tree knows its source tree; an installed program looks beside itself.
    namespace fs = std::filesystem;
    for (const fs::path& candidate :
         {fs::path(LEKTION_SOURCE_DIR) / "content/karriereplanlaegning",
          fs::path("/usr/share/lektion/content/karriereplanlaegning")})
        if (fs::exists(candidate / "course.xml")) return candidate.string();
    return "content/karriereplanlaegning";
}

}  // namespace lektion::cli
