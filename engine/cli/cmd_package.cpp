// lektion pack, install and courses: a course as one file (.lektion), for a
// trainer to hand out and a learner to install; and the courses installed.
#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "package/installed.hpp"
#include "resources/paths.hpp"

namespace lektion::cli {

namespace fs = std::filesystem;

namespace {

// The course's own problems, printed; its error count.
int lint_errors(const fs::path& dir) {
    const CourseLint lint = lint_course(dir.string());
    for (const Diagnostic& d : lint.result.diagnostics.items) say(format(d));
    return lint.result.course ? lint.result.diagnostics.error_count()
                              : std::max(1, lint.result.diagnostics.error_count());
}

int pack(const std::string& dir, const std::string& output) {
    const ProtectedPaths keep = protected_paths({}, {fs::path(dir)});
    if (to_standard_output(output)) {
        say("lektion: pack writes a file; give one with -o FILE.lektion (try --help)");
        return 2;
    }
    if (const int refused = check_output(output, keep)) return refused;
    try {
        if (const int errors = lint_errors(dir); errors > 0) {
            say(fmt::format("lektion: {} has errors; nothing packed (lektion lint {} lists them)", dir, dir));
            return 1;
        }
        // What install would refuse is not packed.
        if (const LoadResult r = load_course(dir); r.course && !valid_course_id(r.course->id)) {
            say(fmt::format(
                "lektion: course id '{}' cannot name a folder (letters, digits, -, _ and . only); "
                "nothing packed",
                r.course->id));
            return 1;
        }
    } catch (const std::exception& e) {
        say(fmt::format("lektion: {}", e.what()));
        return 1;
    }
    const PackResult packed = pack_course(dir);
    if (!packed.error.empty()) {
        say("lektion: " + packed.error);
        return 1;
    }
    if (const int failed = write_output(output, packed.bytes, mode_shared, keep)) return failed;
    say(fmt::format("{}: {} files, {} bytes packed into {} bytes", output, packed.files,
                    packed.unpacked_bytes, packed.bytes.size()));
    return 0;
}

int install(const std::string& file, bool force) {
    try {
        const InstallResult r =
            install_package(file, force, [](const fs::path& d) { return lint_errors(d); });
        if (!r.error.empty()) {
            say("lektion: " + r.error);
            return 1;
        }
        say(fmt::format("{}: installed '{}' version {}{} in {}", file, r.course.id, r.course.version,
                        r.replaced.empty() ? "" : fmt::format(" (replacing version {})", r.replaced),
                        r.course.dir.string()));
        return 0;
    } catch (const std::exception& e) {
        say(fmt::format("lektion: {}", e.what()));
        return 1;
    }
}

int courses() {
    // The listing is the command's output: standard output, as info's.
    for (const InstalledCourse& c : installed_courses()) {
        const std::string line = fmt::format("{}  {}  {}  ({}, {})", c.id, c.version, c.title,
                                             c.user ? "installed by you" : "shipped", c.dir.string());
        std::printf("%s\n", terminal_safe(line).c_str());
    }
    return 0;
}

}  // namespace

Run add_pack(CLI::App& app) {
    auto* cmd = app.add_subcommand("pack", "Pack a course folder into one file (.lektion) after checking it");
    auto dir = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    cmd->add_option("COURSE_DIR", *dir, "Course folder (holding course.xml)")->required()->check(non_empty);
    cmd->add_option("-o,--output", *output, "Package file to write (FILE.lektion)")->required();
    return [dir, output] { return pack(*dir, *output); };
}

Run add_install(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "install", "Check a course package and install it for this user ($XDG_DATA_HOME/lektion/courses/)");
    auto file = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    cmd->add_option("FILE", *file, "Course package (.lektion)")->required()->check(non_empty);
    cmd->add_flag("--force", *force, "Replace an installed course even when it is newer");
    return [file, force] { return install(*file, *force); };
}

Run add_courses(CLI::App& app) {
    app.add_subcommand("courses", "List the installed courses: id, version, title, where");
    return [] { return courses(); };
}

}  // namespace lektion::cli
