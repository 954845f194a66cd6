// lektion lint COURSE_DIR: every problem, each with file, line and column:
// the course, its stored translations and the interface catalogs.
#include <cstdio>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/plural.hpp"
#include "course/loader.hpp"
#include "exchange/placeholder_lint.hpp"
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
            if (r.course) {
                lint_placeholders(*r.course, *dir, r.diagnostics);
                languages = lint_course_translations(*r.course, *dir, r.diagnostics);
            }
            catalogs = lint_interface_catalogs(resource_dir("locales"), r.diagnostics);
        } catch (const std::exception& e) {
            say(std::string("lektion: ") + e.what());
            return 1;
        }
        for (const Diagnostic& d : r.diagnostics.items) say(format(d));
        const int errors = r.diagnostics.error_count();
        const int warnings = r.diagnostics.warning_count();
        if (!*quiet) {
            const std::string problems =
                counted(errors, "error", "errors") + ", " + counted(warnings, "warning", "warnings");
            if (r.course)
                say(fmt::format(
                    "{}: {}, {}, {}, {}; {}", *dir,
                    counted(static_cast<long long>(r.course->lessons.size()), "lesson", "lessons"),
                    r.course->quiz ? "a final quiz" : "no quiz",
                    counted(languages, "translation", "translations"),
                    counted(catalogs, "interface catalog", "interface catalogs"), problems));
            else say(fmt::format("{}: {}", *dir, problems));
        }
        return errors > 0 ? 1 : 0;
    };
}

}  // namespace lektion::cli
