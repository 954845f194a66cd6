// lektion info COURSE_DIR: what a course holds, at a glance.
#include <cstdio>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "cli/commands.hpp"
#include "cli/plural.hpp"
#include "course/text.hpp"
#include "load/loader.hpp"
#include "resources/paths.hpp"

namespace lektion::cli {

namespace {

int words_in(const std::vector<Block>& blocks) {
    int n = 0;
    for (const Block& b : blocks) {
        n += count_words(b.text);
        for (const Text& t : b.items) n += count_words(t);
        if (b.title) n += count_words(*b.title);
        n += words_in(b.children);
    }
    return n;
}

}  // namespace

Run add_info(CLI::App& app) {
    auto* cmd = app.add_subcommand("info", "Describe a course: lessons, sections, questions");
    auto dir = std::make_shared<std::string>(default_course_dir());
    cmd->add_option("COURSE_DIR", *dir, "Course folder (default: the bundled course)");
    return [dir] {
        const LoadResult r = load_course(*dir);
        if (!r.course) {
            for (const Diagnostic& d : r.diagnostics.items) say(format(d));
            std::fprintf(stderr, "lektion: %s does not load; run lektion lint for details\n", dir->c_str());
            return 1;
        }
        const Course& c = *r.course;
        fmt::print("{}\n", c.title.plain());
        fmt::print("id {} · version {} · language {}\n", c.id, c.version, c.lang);
        fmt::print("lessons in order: {} · quiz after lessons: {}\n", c.ordered ? "yes" : "no",
                   c.quiz_after_lessons ? "yes" : "no");
        int total_words = 0;
        for (const Section& s : c.start) total_words += words_in(s.blocks);
        for (std::size_t i = 0; i < c.lessons.size(); ++i) {
            const Lesson& l = c.lessons[i];
            int words = 0;
            for (const Section& s : l.sections) words += words_in(s.blocks);
            total_words += words;
            fmt::print("  {}. {} ({}): {}, {}, {}\n", i + 1, l.title.plain(), l.file,
                       counted(static_cast<long long>(l.sections.size()), "section", "sections"),
                       counted(words, "word", "words"),
                       counted(static_cast<long long>(l.checks.size()), "check question", "check questions"));
        }
        if (c.quiz) {
            const Quiz& q = *c.quiz;
            fmt::print("  quiz: {} ({}): {}, {} per attempt, pass mark {} %, {}\n", q.title.plain(), q.file,
                       counted(static_cast<long long>(q.questions.size()), "question", "questions"),
                       q.questions_per_attempt(), q.pass_mark,
                       q.attempts == 0 ? std::string("unlimited attempts")
                                       : counted(q.attempts, "attempt", "attempts"));
        }
        fmt::print("words in lessons and start page: {}\n", total_words);
        return 0;
    };
}

}  // namespace lektion::cli

namespace lektion::cli {
std::string default_course_dir() { return bundled_course_dir().string(); }
}  // namespace lektion::cli
