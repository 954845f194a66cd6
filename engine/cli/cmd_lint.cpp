// lektion lint COURSE_DIR: every problem, each with file, line and column.
#include <cstdio>

#include "cli/commands.hpp"
#include "course/loader.hpp"

namespace lektion::cli {

Run add_lint(CLI::App& app) {
    auto* cmd = app.add_subcommand("lint", "Check a course folder and report every problem");
    auto dir = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    cmd->add_option("COURSE_DIR", *dir, "Course folder (holding course.xml)")->required();
    cmd->add_flag("-q,--quiet", *quiet, "Print only the problems, no summary");
    return [dir, quiet] {
        const LoadResult r = load_course(*dir);
        for (const Diagnostic& d : r.diagnostics.items)
            std::fprintf(stderr, "%s\n", format(d).c_str());
        const int errors = r.diagnostics.error_count();
        const int warnings = r.diagnostics.warning_count();
        if (!*quiet) {
            if (r.course)
                std::fprintf(stderr, "%s: %zu lessons, %s; %d errors, %d warnings\n", dir->c_str(),
                             r.course->lessons.size(), r.course->quiz ? "a final quiz" : "no quiz",
                             errors, warnings);
            else
                std::fprintf(stderr, "%s: %d errors, %d warnings\n", dir->c_str(), errors, warnings);
        }
        return errors > 0 ? 1 : 0;
    };
}

}  // namespace lektion::cli
