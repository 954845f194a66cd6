// lektion play [COURSE_DIR]: the desktop player, or with --text the text
// player. It is also what lektion does when given no sub-command.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>
#include <filesystem>
#include <iostream>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "l10n/language_tag.hpp"
#include "l10n/negotiate.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "package/installed.hpp"
#include "package/package.hpp"
#include "player/scratch_store.hpp"
#include "player/window.hpp"
#include "records/store.hpp"
#include "session/messages.hpp"
#include "textplayer/text_player.hpp"

namespace lektion::cli {

namespace {

struct PlayOptions {
    std::string course_dir;  // empty: the bundled course, with a choice of the other installed ones
    std::string learner, lang, data_dir, screenshot, locales;
    bool text = false, watch = false;
    int quit_after_frames = 0;
    std::vector<int> open_page;
};

// Messages quote course files and paths, which anyone may have written: no
// escape sequence gets through, and an author sees what is there, as lint shows it.
void print_line(const std::string& line) { std::fprintf(stderr, "%s\n", terminal_safe(line).c_str()); }
void print_error(const std::string& message) { print_line(error_line(message)); }

ui::WindowOptions window_options(const PlayOptions& o) {
    ui::WindowOptions w;
    w.watch = o.watch;
    w.screenshot_dir = o.screenshot;
    w.quit_after_frames = o.quit_after_frames;
    if (o.open_page.size() == 2) w.open_lesson = o.open_page[0], w.open_page = o.open_page[1];
    return w;
}

// --screenshot: every screen played on a throwaway store. The named learner's
// name, language, theme and text size are copied into it from the real
// records, which are only read (and not even created when missing).
int screenshot_tour(const PlayOptions& o, const CoursePtr& course,
                    std::vector<ui::App::CourseChoice> choices) {
    if (o.learner.empty()) {
        print_error("--screenshot needs --learner NAME");
        return 2;
    }
    Learner settings;
    try {
        const std::filesystem::path dir = data_dir(o.data_dir);
        std::error_code ec;
        if (std::filesystem::exists(dir / Store::file_name(), ec)) {
            const Store real(dir, Store::Access::read);
            if (auto found = real.find_learner(o.learner)) settings = *found;
        }
    } catch (const RecordsError& e) {
        print_error(e.what());  // the tour goes on with the default settings
    }
    try {
        ui::ScratchStore scratch;
        scratch.add_learner(o.learner, settings);
        ui::App app(course, o.course_dir, &scratch.store(), {o.learner, o.lang});
        app.set_course_choices(std::move(choices));
        return ui::run_window(app, window_options(o));
    } catch (const RecordsError& e) {
        print_error(e.what());
        return 1;
    }
}

int play_folder(PlayOptions o);

// A package is played without installing it: unpacked, with every check of
// an install, into a private folder (mkdtemp, mode 0700) in $TMPDIR that
// goes when the player ends. The records are kept as for an installed copy
// of the course: by its id.
int play_package(PlayOptions o) {
    std::error_code ec;
    const UnpackResult unpacked =
        unpack_package(o.course_dir, std::filesystem::temp_directory_path(ec), "lektion-play-");
    if (!unpacked.error.empty()) {
        print_error(unpacked.error);
        return 1;
    }
    print_line(
        fmt::format("lektion: playing {} from a temporary copy in {} (removed at the end; lektion install "
                    "keeps it)",
                    o.course_dir, unpacked.folder.string()));
    o.course_dir = (unpacked.folder / package_course_folder).string();
    int status = 1;
    try {
        status = play_folder(o);
    } catch (...) {
        std::filesystem::remove_all(unpacked.folder, ec);
        throw;
    }
    std::filesystem::remove_all(unpacked.folder, ec);
    return status;
}

int play(const PlayOptions& o) {
    if (!o.locales.empty()) use_locales_folder(o.locales);
    std::error_code ec;
    if (!o.course_dir.empty() && std::filesystem::is_regular_file(o.course_dir, ec)) return play_package(o);
    return play_folder(o);
}

// No course named: the bundled one (else the first installed), and the
// player lists the others on the course home.
std::vector<ui::App::CourseChoice> choose_course(PlayOptions& o, const std::string& lang) {
    std::vector<ui::App::CourseChoice> choices;
    const std::string bundled = default_course_dir();
    for (const InstalledCourse& c : installed_courses(lang)) choices.push_back({c.id, c.title, c.dir});
    o.course_dir = bundled;
    std::error_code ec;
    const bool has_bundled = std::any_of(choices.begin(), choices.end(), [&](const ui::App::CourseChoice& c) {
        return std::filesystem::equivalent(c.dir, bundled, ec);
    });
    if (!has_bundled && !choices.empty()) o.course_dir = choices.front().dir.string();
    return choices;
}

int play_folder(PlayOptions o) {
    // --lang, else the system's language matched against the interface catalogs;
    // a learner's saved choice replaces the latter once they are picked.
    const std::string lang =
        !o.lang.empty() ? o.lang : negotiate_language(system_languages(), ui_languages());
    set_ui_language(lang);
    std::vector<ui::App::CourseChoice> choices;
    if (o.course_dir.empty()) choices = choose_course(o, lang);
    const LoadResult loaded = load_course(o.course_dir, lang);
    if (!loaded.course) {
        for (const Diagnostic& d : loaded.diagnostics.items) print_line(format(d));
        print_error(tr("cli.course_errors", {{"dir", o.course_dir}}));
        return 1;
    }
    if (!o.screenshot.empty()) return screenshot_tour(o, loaded.course, std::move(choices));
    std::unique_ptr<Store> store;
    try {
        store = std::make_unique<Store>(data_dir(o.data_dir));
    } catch (const RecordsError& e) {
        print_error(e.what());
        return 1;
    }
    if (o.text) {
        TextPlayerOptions t{o.learner, o.lang, terminal_columns(std::getenv("COLUMNS"), STDOUT_FILENO),
                            o.watch ? o.course_dir : std::string()};
        t.secret_from_terminal = ::isatty(STDIN_FILENO) == 1;
        return run_text_player(loaded.course, store.get(), t, std::cin, std::cout);
    }
    ui::App app(loaded.course, o.course_dir, store.get(), {o.learner, o.lang});
    app.set_course_choices(std::move(choices));
    if (o.watch) app.watch();
    return ui::run_window(app, window_options(o));
}

}  // namespace

Run add_play(CLI::App& app) {
    auto* cmd = app.add_subcommand("play", "Play a course (the default command)");
    auto o = std::make_shared<PlayOptions>();
    cmd->add_option(
           "COURSE_DIR", o->course_dir,
           "Course folder or package (.lektion) (default: the bundled course, or a choice of the installed)")
        ->check(non_empty);
    cmd->add_flag("--text", o->text, "Play in the terminal, line by line (for screen readers and pipes)");
    cmd->add_flag("--watch", o->watch, "Reload the course when its files change (for authors)");
    cmd->add_option("--learner", o->learner, "Pick or create this learner without asking")->check(non_empty);
    cmd->add_option("--lang", o->lang, "Interface language (da, en)")->transform(language_tag);
    cmd->add_option("--data-dir", o->data_dir, "Folder of the learner records")->check(non_empty);
    cmd->add_option("--locales", o->locales,
                    "Folder of the interface catalogs (default: the program's own, with the user's imports)")
        ->check(non_empty);
    cmd->add_option("--screenshot", o->screenshot,
                    "Render each screen once into PNG files in DIR, then exit (on throwaway records)")
        ->check(non_empty);
    // For tools/bench: measure start-up and memory on a given page.
    cmd->add_option("--quit-after-frames", o->quit_after_frames, "Draw N frames, then exit")->group("");
    cmd->add_option("--open-page", o->open_page, "Start on LESSON PAGE (0-based)")->expected(2)->group("");
    return [o] { return play(*o); };
}

int play_default() { return play(PlayOptions{}); }

}  // namespace lektion::cli
