// lektion play [COURSE_DIR]: the desktop player, or with --text the text
// player. It is also what lektion does when given no sub-command.
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "course/translation.hpp"
#include "l10n/negotiate.hpp"
#include "l10n/strings.hpp"
#include "player/window.hpp"
#include "records/store.hpp"
#include "textplayer/text_player.hpp"

namespace lektion::cli {

namespace {

struct PlayOptions {
    std::string course_dir = default_course_dir();
    std::string learner, lang, data_dir, screenshot;
    bool text = false, watch = false;
    int quit_after_frames = 0;
    std::vector<int> open_page;
};

int play(const PlayOptions& o) {
    // --lang, else the system's language matched against the interface catalogs;
    // a learner's saved choice replaces the latter once they are picked.
    const std::string lang =
        !o.lang.empty() ? o.lang : negotiate_language(system_languages(), ui_languages());
    set_ui_language(lang);
    const LoadResult loaded = load_course(o.course_dir, lang);
    if (!loaded.course) {
        for (const Diagnostic& d : loaded.diagnostics.items) std::fprintf(stderr, "%s\n", format(d).c_str());
        std::fprintf(stderr, "lektion: %s\n", tr("cli.course_errors", {{"dir", o.course_dir}}).c_str());
        return 1;
    }
    std::unique_ptr<Store> store;
    try {
        store = std::make_unique<Store>(data_dir(o.data_dir));
    } catch (const RecordsError& e) {
        std::fprintf(stderr, "lektion: %s\n", e.what());
        return 1;
    }
    if (o.text) {
        TextPlayerOptions t{o.learner, o.lang, 72, o.watch ? o.course_dir : std::string()};
        return run_text_player(loaded.course, store.get(), t, std::cin, std::cout);
    }
    ui::App app(loaded.course, o.course_dir, store.get(), {o.learner, o.lang});
    if (o.watch) app.watch();
    ui::WindowOptions w;
    w.watch = o.watch;
    w.screenshot_dir = o.screenshot;
    w.quit_after_frames = o.quit_after_frames;
    if (o.open_page.size() == 2) w.open_lesson = o.open_page[0], w.open_page = o.open_page[1];
    return ui::run_window(app, w);
}

}  // namespace

Run add_play(CLI::App& app) {
    auto* cmd = app.add_subcommand("play", "Play a course (the default command)");
    auto o = std::make_shared<PlayOptions>();
    cmd->add_option("COURSE_DIR", o->course_dir, "Course folder (default: the bundled course)");
    cmd->add_flag("--text", o->text, "Play in the terminal, line by line (for screen readers and pipes)");
    cmd->add_flag("--watch", o->watch, "Reload the course when its files change (for authors)");
    cmd->add_option("--learner", o->learner, "Pick or create this learner without asking");
    cmd->add_option("--lang", o->lang, "Interface language (da, en)");
    cmd->add_option("--data-dir", o->data_dir, "Folder of the learner records");
    cmd->add_option("--screenshot", o->screenshot,
                    "Render each screen once into PNG files in DIR, then exit");
    // For tools/bench: measure start-up and memory on a given page.
    cmd->add_option("--quit-after-frames", o->quit_after_frames, "Draw N frames, then exit")->group("");
    cmd->add_option("--open-page", o->open_page, "Start on LESSON PAGE (0-based)")->expected(2)->group("");
    return [o] { return play(*o); };
}

int play_default() { return play(PlayOptions{}); }

}  // namespace lektion::cli
