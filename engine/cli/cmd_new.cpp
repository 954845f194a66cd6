// lektion new lesson COURSE_DIR ID "Title": a lesson skeleton that lints clean.
#include <cstdio>

#include "cli/commands.hpp"
#include "exchange/new_lesson.hpp"

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
        NewLesson made;
        std::string error;
        try {
            if (!add_lesson(*dir, *id, *title, made, error)) {
                std::fprintf(stderr, "lektion: %s\n", error.c_str());
                return 1;
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "lektion: %s\n", e.what());
            return 1;
        }
        std::fprintf(stderr, "wrote %s\nadded it to %s\n", made.file.generic_string().c_str(),
                     made.manifest.generic_string().c_str());
        return 0;
    };
}

}  // namespace lektion::cli
