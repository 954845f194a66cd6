// lektion new course DIR --id ID --title "…" [--lang da]: a course to start
// from. lektion new lesson COURSE_DIR ID "Title": a lesson skeleton in it.
// Both lint without errors; their placeholder text is what lint then warns of.
#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "exchange/authoring_names.hpp"
#include "exchange/import_lock.hpp"
#include "exchange/new_course.hpp"
#include "exchange/new_lesson.hpp"

namespace lektion::cli {

namespace {

int usage(const std::string& problem) {
    say(fmt::format("lektion: {} (try --help)", problem));
    return 2;
}

Run add_new_course(CLI::App& cmd) {
    auto* course = cmd.add_subcommand("course",
                                      "Start a course: DIR/course.xml and a first lesson, l1.xml, "
                                      "to write over");
    struct Options {
        std::string dir, id, title, lang = "da";
    };
    auto o = std::make_shared<Options>();
    course->add_option("DIR", o->dir, "Folder for the course (created when missing; must hold no course.xml)")
        ->required();
    course->add_option("--id", o->id, "Course id: a-z, 0-9, '.', '-', '_' (karriereplanlaegning)")
        ->required();
    course->add_option("--title", o->title, "Course title, in the course's language")->required();
    course->add_option("--lang", o->lang, "Language the course is written in (BCP 47: da, en, pt-BR)")
        ->capture_default_str();
    return [o] {
        NewCourse made;
        std::string error;
        try {
            switch (create_course(o->dir, o->id, o->title, o->lang, made, error)) {
                case NewCourseOutcome::refused: return usage(error);
                case NewCourseOutcome::failed: say("lektion: " + error); return 1;
                case NewCourseOutcome::created: break;
            }
        } catch (const std::exception& e) {
            say(fmt::format("lektion: {}", e.what()));
            return 1;
        }
        say(
            fmt::format("wrote {}\nwrote {}\nreplace the placeholder text (lektion lint lists it), and add "
                        "lessons with lektion new lesson",
                        made.manifest.generic_string(), made.lesson.generic_string()));
        return 0;
    };
}

Run add_new_lesson(CLI::App& cmd) {
    auto* lesson = cmd.add_subcommand("lesson",
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
        for (const std::string& problem : {lesson_id_problem(*id), title_problem(*title)})
            if (!problem.empty()) return usage(problem);
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

}  // namespace

Run add_new(CLI::App& app) {
    auto* cmd = app.add_subcommand("new", "Start a course, or add a lesson to one");
    cmd->require_subcommand(1);
    const Run course = add_new_course(*cmd);
    const Run lesson = add_new_lesson(*cmd);
    return [cmd, course, lesson] { return cmd->got_subcommand("course") ? course() : lesson(); };
}

}  // namespace lektion::cli
