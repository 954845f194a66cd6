#include "textplayer/text_player.hpp"

#include <algorithm>
#include <istream>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "course/translation.hpp"
#include "course/watch.hpp"
#include "l10n/collate.hpp"
#include "l10n/strings.hpp"
#include "session/session.hpp"
#include "session/shuffle.hpp"

namespace lektion {

namespace {

// Code points, which is what a terminal column roughly is for these scripts.
std::size_t width_of(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class TextPlayer {
public:
    TextPlayer(CoursePtr course, Store* store, const TextPlayerOptions& o, std::istream& in,
               std::ostream& out)
        : course_(std::move(course)), store_(store), options_(o), in_(in), out_(out) {}

    int run();

private:
    // --- output ----------------------------------------------------------------
    void wrap(const std::string& text, const std::string& indent = "", const std::string& first = "") {
        std::string line = first.empty() ? indent : first;
        std::size_t used = width_of(line);
        const std::size_t limit = static_cast<std::size_t>(options_.columns);
        std::istringstream words(text);
        std::string word;
        bool line_has_word = false;
        while (words >> word) {
            if (line_has_word && used + 1 + width_of(word) > limit) {
                out_ << line << "\n";
                line = indent;
                used = width_of(indent);
                line_has_word = false;
            }
            if (line_has_word) line += ' ', ++used;
            line += word;
            used += width_of(word);
            line_has_word = true;
        }
        out_ << line << "\n";
    }

    void blocks(const std::vector<Block>& list, const std::string& indent = "") {
        for (const Block& b : list) {
            switch (b.kind) {
                case BlockKind::paragraph:
                    wrap(b.text.plain(), indent);
                    out_ << "\n";
                    break;
                case BlockKind::subheading:
                    wrap(b.text.plain(), indent);
                    out_ << "\n";
                    break;
                case BlockKind::quote:
                    wrap("»" + b.text.plain() + "«", indent + "  ");
                    out_ << "\n";
                    break;
                case BlockKind::list: {
                    int n = 0;
                    for (const Text& item : b.items) {
                        const std::string mark =
                            b.list_kind == ListKind::numbered ? fmt::format("{}. ", ++n) : "- ";
                        wrap(item.plain(), indent + std::string(width_of(mark), ' '), indent + mark);
                    }
                    out_ << "\n";
                    break;
                }
                case BlockKind::callout: {
                    const char* kind = b.callout_kind == CalloutKind::example      ? "callout.example"
                                       : b.callout_kind == CalloutKind::data       ? "callout.data"
                                       : b.callout_kind == CalloutKind::case_study ? "callout.case"
                                                                                   : "callout.note";
                    out_ << indent << "[" << tr(kind) << (b.title ? ": " + b.title->plain() : "") << "]\n";
                    blocks(b.children, indent + "  ");
                    out_ << indent << "[/" << tr(kind) << "]\n\n";
                    break;
                }
                case BlockKind::figure:
                    wrap(tr("figure.missing", {{"alt", b.alt.plain()}}), indent);
                    out_ << "\n";
                    break;
            }
        }
    }

    // --- input -------------------------------------------------------------------
    // One line, after the prompt; nullopt at the end of input.
    std::optional<std::string> ask(const std::string& prompt = "") {
        reload_if_changed();
        out_ << prompt << (prompt.empty() ? "> " : " > ") << std::flush;
        std::string line;
        if (!std::getline(in_, line)) {
            out_ << "\n";
            return std::nullopt;
        }
        line.erase(0, line.find_first_not_of(" \t\r"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        return line;
    }

    // "2", "1 3", "1,3" -> option ids in the order shown; empty when not a choice.
    std::vector<std::string> parse_choice(const std::string& line, const std::vector<std::string>& order,
                                          bool multiple) {
        std::vector<std::string> chosen;
        std::string s = line;
        std::replace(s.begin(), s.end(), ',', ' ');
        std::istringstream numbers(s);
        std::string token;
        while (numbers >> token) {
            int n = 0;
            if (std::sscanf(token.c_str(), "%d", &n) != 1 || n < 1 || n > static_cast<int>(order.size()) ||
                std::to_string(n) != token)
                return {};
            const std::string& id = order[static_cast<std::size_t>(n - 1)];
            if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) chosen.push_back(id);
        }
        if (!multiple && chosen.size() > 1) return {};
        return chosen;
    }

    void show_options(const Question& q, const std::vector<std::string>& order) {
        int n = 0;
        for (const std::string& id : order)
            wrap(q.option(id)->label.plain(), "   ", fmt::format("{}) ", ++n));
    }

    void help() { wrap(tr("text.commands")); }

    // --watch: a trainer saved a file; show the errors, or carry on in the new version.
    void reload_if_changed() {
        if (!watcher_ || !watcher_->changed()) return;
        LoadResult loaded = load_course(options_.watch_dir, ui_language());
        for (const Diagnostic& d : loaded.diagnostics.items)
            if (d.severity == Severity::error) out_ << format(d) << "\n";
        if (!loaded.course) return;
        course_ = loaded.course;
        if (session_) session_->set_course(course_);
        out_ << "[" << course_->title.plain() << ": " << tr("text.reloaded") << "]\n";
    }

    void untranslated_note(const Section& sec) {
        bool any = sec.heading.untranslated;
        for (const Block& b : sec.blocks) any |= b.text.untranslated;
        if (any) wrap("(" + tr("lesson.untranslated") + ")");
    }

    bool pick_learner();
    bool home();
    bool lesson();
    bool check(const Lesson& l);
    bool quiz();

    CoursePtr course_;
    Store* store_;
    TextPlayerOptions options_;
    std::istream& in_;
    std::ostream& out_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<CourseWatcher> watcher_ =
        options_.watch_dir.empty() ? nullptr : std::make_unique<CourseWatcher>(options_.watch_dir);
    bool quit_ = false;
};

bool TextPlayer::pick_learner() {
    std::string name = options_.learner;
    while (name.empty()) {
        if (store_) {
            std::vector<std::string> names;
            for (const Learner& l : store_->learners()) names.push_back(l.name);
            sort_names(names);
            for (const std::string& n : names) out_ << "  " << n << "\n";
        }
        auto line = ask(tr("text.who"));
        if (!line) return false;
        name = *line;
    }
    Progress progress;
    EventSink sink;
    if (store_) {
        const Learner l = store_->find_or_create_learner(name, options_.language);
        progress = store_->progress(l.id, *course_);
        sink = store_->sink(l.id, *course_);
    }
    session_ = std::make_unique<Session>(course_, progress, sink);
    return true;
}

bool TextPlayer::home() {
    Session& s = *session_;
    out_ << "\n" << course_->title.plain() << "\n";
    if (course_->title.untranslated) wrap("(" + tr("lesson.untranslated") + ")");
    out_ << "\n";
    for (std::size_t i = 0; i < course_->lessons.size(); ++i) {
        const int li = static_cast<int>(i);
        const std::string state = s.lesson_complete(li) ? tr("home.done")
                                  : s.lesson_open(li)   ? percent(s.lesson_fraction(li))
                                                        : tr("home.locked");
        wrap(fmt::format("{} ({})", course_->lessons[i].title.plain(), state), "   ",
             fmt::format("{}) ", i + 1));
    }
    const int quiz_number = static_cast<int>(course_->lessons.size()) + 1;
    if (course_->quiz)
        wrap(fmt::format("{} ({})", course_->quiz->title.plain(),
                         s.quiz_state() == QuizState::passed   ? tr("home.done")
                         : s.quiz_state() == QuizState::locked ? tr("home.locked")
                                                               : tr("home.open")),
             "   ", fmt::format("{}) ", quiz_number));
    if (s.course_complete()) wrap(tr("home.course_done"));
    auto line = ask();
    if (!line || *line == "q") return false;
    if (*line == "h") return help(), true;
    if (line->empty()) {
        const Position resume = s.resume_position();
        if (resume.lesson >= 0) s.go_to(resume);
        else s.open_lesson(0);
        return lesson();
    }
    const int n = std::atoi(line->c_str());
    if (course_->quiz && n == quiz_number) return quiz();
    if (n >= 1 && n < quiz_number && s.lesson_open(n - 1)) {
        s.open_lesson(n - 1);
        return lesson();
    }
    return help(), true;
}

bool TextPlayer::lesson() {
    Session& s = *session_;
    while (s.position().lesson >= 0) {
        const Position p = s.position();
        const Lesson& l = course_->lessons[static_cast<std::size_t>(p.lesson)];
        if (s.is_check_page(p)) {
            if (!check(l)) return false;
        } else {
            const Section& sec = *s.section(p);
            out_ << "\n" << l.title.plain() << " – " << p.page + 1 << "/" << s.page_count(p.lesson) << "\n\n";
            untranslated_note(sec);
            out_ << sec.heading.plain() << "\n\n";
            blocks(sec.blocks);
        }
        for (;;) {
            auto line = ask();
            if (!line || *line == "q") return false;
            if (*line == "h") {
                help();
                continue;
            }
            if (*line == "p") {
                s.previous();
                break;
            }
            if (*line == "m") {
                for (int page = 0; page < s.page_count(p.lesson); ++page) {
                    const Section* sec = s.section({p.lesson, page});
                    wrap(sec ? sec->heading.plain() : tr("lesson.check"), "   ",
                         fmt::format("{}) ", page + 1));
                }
                auto pick = ask();
                if (!pick) return false;
                const int n = std::atoi(pick->c_str());
                if (n >= 1 && n <= s.page_count(p.lesson)) s.go_to({p.lesson, n - 1});
                break;
            }
            if (line->empty()) {
                if (!s.can_advance()) {
                    wrap(tr("lesson.answer_first"));
                    break;
                }
                if (!s.next()) s.go_home();  // the end of the last open lesson
                break;
            }
            help();
        }
    }
    return true;
}

bool TextPlayer::check(const Lesson& l) {
    Session& s = *session_;
    out_ << "\n" << tr("lesson.check") << "\n\n";
    for (const Question& q : l.checks) {
        std::vector<std::string> order;
        for (const Option& o : q.options) order.push_back(o.id);
        wrap(q.prompt.plain());
        show_options(q, order);
        if (s.check_answer(q.id)) continue;  // answered before: the learner may move on
        for (;;) {
            auto line = ask(tr("text.choose"));
            if (!line || *line == "q") return false;
            if (*line == "p") return s.previous(), true;
            const std::vector<std::string> chosen =
                parse_choice(*line, order, q.type == QuestionType::multiple);
            if (chosen.empty()) continue;
            const Evaluation ev = s.answer_check(q.id, chosen);
            wrap(ev.correct ? tr("lesson.correct") : tr("lesson.wrong"));
            for (const Text* fb : ev.feedback) wrap(fb->plain());
            if (!ev.correct)
                for (const std::string& id : ev.correct_options)
                    wrap(tr("lesson.right_answer", {{"answer", q.option(id)->label.plain()}}));
            if (ev.explanation) wrap(ev.explanation->plain());
            break;
        }
    }
    return true;
}

bool TextPlayer::quiz() {
    Session& s = *session_;
    const Quiz& quiz = *course_->quiz;
    if (!s.current_attempt()) {
        out_ << "\n" << quiz.title.plain() << "\n";
        wrap(tr("quiz.intro", {{"count", std::int64_t(quiz.questions_per_attempt())},
                               {"mark", percent(quiz.pass_mark / 100.0)}}));
        if (!s.start_quiz(fresh_seed())) {
            wrap(tr("home.quiz_locked"));
            return true;
        }
    }
    const std::vector<std::string> questions = s.current_attempt()->questions;
    const int total = static_cast<int>(questions.size());
    int i = 0;
    while (i < total) {
        const std::string& qid = questions[static_cast<std::size_t>(i)];
        const Question& q = *course_->question(qid);
        const std::vector<std::string> order = s.current_attempt()->order.at(qid);
        out_ << "\n"
             << tr("quiz.question_of", {{"current", std::int64_t(i + 1)}, {"total", std::int64_t(total)}})
             << "\n";
        wrap(q.prompt.plain());
        show_options(q, order);
        auto line = ask(tr("text.choose"));
        if (!line || *line == "q") return false;
        if (*line == "p") {
            i = std::max(0, i - 1);
            continue;
        }
        if (line->empty() && s.current_attempt()->answers.count(qid)) {
            ++i;
            continue;
        }
        const auto chosen = parse_choice(*line, order, q.type == QuestionType::multiple);
        if (chosen.empty()) continue;
        s.answer_quiz(qid, chosen);
        ++i;
    }
    const std::optional<Score> score = s.submit_quiz();
    out_ << "\n" << tr("quiz.result", {{"score", percent(score->scaled)}}) << "\n";
    wrap(tr("quiz.score", {{"correct", std::int64_t(score->raw)}, {"total", std::int64_t(score->max)}}));
    const std::string mark = percent(quiz.pass_mark / 100.0);
    wrap(score->passed ? tr("quiz.passed", {{"mark", mark}}) : tr("quiz.failed", {{"mark", mark}}));
    const QuizAttempt& done = s.progress().attempts.back();
    int n = 0;
    for (const std::string& qid : done.questions) {
        const Question& q = *course_->question(qid);
        auto it = done.answers.find(qid);
        const Evaluation ev =
            s.evaluate(q, it != done.answers.end() ? it->second.chosen : std::vector<std::string>{});
        wrap(fmt::format("{} {}. {}", ev.correct ? "✓" : "✗", ++n, q.prompt.plain()));
        if (!ev.correct)
            for (const std::string& id : ev.correct_options)
                wrap(tr("quiz.correct_answer", {{"answer", q.option(id)->label.plain()}}), "   ", "   ");
        if (ev.explanation) wrap(ev.explanation->plain(), "   ", "   ");
    }
    return true;
}

int TextPlayer::run() {
    try {
        if (!pick_learner()) return 0;
        help();
        while (!quit_ && home()) {
        }
        wrap(tr("text.saved"));
        return 0;
    } catch (const std::exception& e) {
        out_ << "lektion: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

int run_text_player(CoursePtr course, Store* store, const TextPlayerOptions& options, std::istream& in,
                    std::ostream& out) {
    return TextPlayer(std::move(course), store, options, in, out).run();
}

}  // namespace lektion
