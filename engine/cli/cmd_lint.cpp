// lektion lint COURSE_DIR: every problem, each with file, line and column:
// the course, its stored translations and the interface catalogs.
#include <cstdio>

#include "cli/commands.hpp"
#include "course/loader.hpp"
#include "exchange/translation_lint.hpp"
#include "resources/paths.hpp"

namespace lektion::cli {

Run add_lint(CLI::App& app) {
    auto* cmd = app.add_subcommand("lint",
                                   "Check a course folder, its translations and the interface "
                                   "catalogs, and report every problem");
    auto dir = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    cmd->add_option("COURSE_DIR", *dir, "Course folder (holding course.xml)")->required();
    cmd->add_flag("-q,--quiet", *quiet, "Print only the problems, no summary");
    return [dir, quiet] {
        LoadResult r = load_course(*dir);
        int languages = 0, catalogs = 0;
        try {
            // Translations are checked against the source, so only a course that loads.
            if (r.course) languages = lint_course_translations(*r.course, *dir, r.diagnostics);
            catalogs = lint_interface_catalogs(resource_dir("locales"), r.diagnostics);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "lektion: %s\n", e.what());
            return 1;
        }
        for (const Diagnostic& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", format(d).c_str());
        const int errors = r.diagnostics.error_count();
        const int warnings = r.diagnostics.warning_count();
        if (!*quiet) {
            if (r.course)
                std::fprintf(stderr,
                             "%s: %zu lessons, %s, %d translation%s, %d interface catalogs; %d errors, "
                             "%d warnings\n",
                             dir->c_str(), r.course->lessons.size(),
                             r.course->quiz ? "a final quiz" : "no quiz", languages,
                             languages == 1 ? "" : "s", catalogs, errors, warnings);
            else std::fprintf(stderr, "%s: %d errors, %d warnings\n", dir->c_str(), errors, warnings);
        }
        return errors > 0 ? 1 : 0;
    };
}

}  // namespace lektion::cli
