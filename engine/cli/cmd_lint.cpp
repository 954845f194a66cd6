// lektion lint COURSE_DIR: every problem, each with file, line and column:
// the course, its stored translations and the interface catalogs.
#include <cstdio>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/plural.hpp"
#include "exchange/placeholder_lint.hpp"
#include "exchange/translation_lint.hpp"
#include "load/loader.hpp"
#include "resources/paths.hpp"

namespace lektion::cli {

namespace fs = std::filesystem;

CourseLint lint_course(const std::string& dir) {
    CourseLint out{load_course(dir), 0};
    // Translations are checked against the source, so only a course that loads.
    if (out.result.course) {
        lint_placeholders(*out.result.course, dir, out.result.diagnostics);
        out.languages = lint_course_translations(*out.result.course, dir, out.result.diagnostics);
    }
    return out;
}

Run add_lint(CLI::App& app) {
    auto* cmd = app.add_subcommand("lint",
                                   "Check a course folder, its translations and the interface "
                                   "catalogs, and report every problem");
    auto dir = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto locales = std::make_shared<std::string>();
    cmd->add_option("COURSE_DIR", *dir, "Course folder (holding course.xml)")->required();
    cmd->add_flag("-q,--quiet", *quiet, "Print only the problems, no summary");
    cmd->add_option("--locales", *locales,
                    "Folder of the interface catalogs to check (default: the program's own)")
        ->check(non_empty);
    return [dir, quiet, locales] {
        LoadResult r;
        int languages = 0, catalogs = 0;
        try {
            CourseLint lint = lint_course(*dir);
            r = std::move(lint.result);
            languages = lint.languages;
            catalogs = lint_interface_catalogs(
                locales->empty() ? resource_dir("locales") : fs::path(*locales), r.diagnostics);
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
