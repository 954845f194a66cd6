// lektion new lesson COURSE_DIR ID "Title": a lesson skeleton that lints clean.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "exchange/import_lock.hpp"
#include "exchange/new_lesson.hpp"
#include "base/terminal_text.hpp"

namespace lektion::cli {

Run add_new(CLI::App& app) {
    auto* cmd = app.add_subcommand("new", "Add something new to a course");
    cmd->require_subcommand(1);
    auto* lesson = cmd->add_subcommand("lesson",
                                       "Add a lesson file with a section and an attention check, "
                                       "registered after the last lesson in course.xml");
    auto dir = std::make_shared<std::string>();
    auto id = std::make_shared<std::string>();
    auto title = std::make_shared<std::string>();
    lesson->add_option("COURSE_DIR", *dir, "Course folder (holding course.xml)")->required();
    lesson->add_option("ID", *id, "Lesson id, also the file name: l6 writes l6.xml")->required();
    lesson->add_option("TITLE", *title, "Lesson title, in the course's language")->required();
    return [dir, id, title] {
        // What is wrong whatever the course: a usage error, as for any bad argument.
        for (const std::string& problem : {lesson_id_problem(*id), lesson_title_problem(*title)})
            if (!problem.empty()) {
                say(fmt::format("lektion: {} (try --help)", problem));
                return 2;
            }
        NewLesson made;
        std::string error;
        try {
            // course.xml is read, changed and written back: one command at a time.
            const ImportLock lock(*dir,
                                  [&] { say("lektion: another command is changing " + *dir + "; waiting"); });
            if (!lock.locked()) {
                say(fmt::format("lektion: {}; nothing was written", lock.error()));
                return 1;
            }
            if (!add_lesson(*dir, *id, *title, made, error)) {
                say(fmt::format("lektion: {}", error));
                return 1;
            }
        } catch (const std::exception& e) {
            say(fmt::format("lektion: {}", e.what()));
            return 1;
        }
        say(fmt::format("wrote {}\nadded it to {}", made.file.generic_string(),
                        made.manifest.generic_string()));
        return 0;
    };
}

}  // namespace lektion::cli
