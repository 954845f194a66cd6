#include "textplayer/text_player.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <istream>
#include <optional>
#include <ostream>
#include <sstream>
#include <type_traits>

#include <fmt/format.h>

#include "course/translation.hpp"
#include "course/watch.hpp"
#include "l10n/collate.hpp"
#include "l10n/strings.hpp"
#include "session/messages.hpp"
#include "session/session.hpp"
#include "session/shuffle.hpp"

namespace lektion {

// --- the terminal ----------------------------------------------------------------

int terminal_columns(const char* columns_env, int fd) {
    int columns = 0;
    if (columns_env && *columns_env) {
        const std::string_view v(columns_env);
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), columns);
        if (ec != std::errc() || end != v.data() + v.size()) columns = 0;
    }
    if (columns <= 0 && ::isatty(fd)) {
        winsize ws{};
        if (::ioctl(fd, TIOCGWINSZ, &ws) == 0) columns = ws.ws_col;
    }
    if (columns <= 0) columns = default_columns;
    return std::clamp(columns, min_columns, max_columns);
}

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// The next code point at `i` and its length in bytes; 0 for a byte that does not start valid UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return {c, 1};
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > s.size()) return {0, 0};
    char32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return {0, 0};
        cp = cp << 6 | (b(k) & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return {0, 0};
    return {cp, n};
}

}  // namespace

std::string sanitize_for_terminal(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    // Skips a control string (OSC, DCS, SOS, PM, APC) up to its terminator: BEL, ST or ESC backslash.
    auto skip_string = [&] {
        while (i < s.size()) {
            const auto [cp, n] = decode(s, i);
            i += n ? n : 1;
            if (cp == 0x07 || cp == 0x9C) return;
            if (cp == 0x1B && i < s.size() && s[i] == '\\') return void(++i);
        }
    };
    // Parameters and intermediates of a CSI, then its final byte.
    auto skip_csi = [&] {
        while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 &&
               static_cast<unsigned char>(s[i]) < 0x40)
            ++i;
        if (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x40 &&
            static_cast<unsigned char>(s[i]) < 0x7F)
            ++i;
    };
    while (i < s.size()) {
        const auto [cp, n] = decode(s, i);
        if (n == 0) {
            out += replacement;
            ++i;
            continue;
        }
        const bool control = (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
        if (!control) {
            out.append(s, i, n);
            i += n;
            continue;
        }
        out += replacement;
        i += n;
        if (cp == 0x1B && i < s.size()) {
            const char next = s[i];
            if (next == '[') ++i, skip_csi();
            else if (next == ']' || next == 'P' || next == 'X' || next == '^' || next == '_')
                ++i, skip_string();
            else {
                // nF sequences: intermediates, then a final byte; Fp, Fe and Fs: one byte.
                while (i < s.size() && s[i] >= 0x20 && s[i] < 0x30) ++i;
                if (i < s.size() && s[i] >= 0x30 && s[i] < 0x7F) ++i;
            }
        } else if (cp == 0x9B) {
            skip_csi();
        } else if (cp == 0x9D || cp == 0x90 || cp == 0x98 || cp == 0x9E || cp == 0x9F) {
            skip_string();
        }
    }
    return out;
}

LineRead read_line(std::istream& in, std::string& line, std::size_t max_bytes, std::size_t give_up) {
    line.clear();
    std::streambuf* buf = in.rdbuf();
    if (!buf || !in.good()) return LineRead::end;
    std::size_t length = 0;
    for (;;) {
        const int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            if (length == 0) {
                in.setstate(std::ios::failbit);
                return LineRead::end;
            }
            break;
        }
        if (c == '\n') break;
        if (++length > give_up) {
            in.setstate(std::ios::failbit);
            return LineRead::end;
        }
        if (length <= max_bytes) line.push_back(static_cast<char>(c));
    }
    return length > max_bytes ? LineRead::too_long : LineRead::line;
}

namespace {

// Code points, which is what a terminal column roughly is for these scripts.
std::size_t width_of(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The only way out to the terminal: course text, catalogs, records and
// diagnostics all pass through sanitize_for_terminal().
class Terminal {
public:
    explicit Terminal(std::ostream& out) : out_(out) {}
    Terminal& operator<<(std::string_view s) {
        out_ << sanitize_for_terminal(s);
        return *this;
    }
    Terminal& operator<<(const std::string& s) { return *this << std::string_view(s); }
    Terminal& operator<<(const char* s) { return *this << std::string_view(s); }
    Terminal& operator<<(char c) { return *this << std::string_view(&c, 1); }
    template <class Number, class = std::enable_if_t<std::is_arithmetic_v<Number>>>
    Terminal& operator<<(Number n) {
        out_ << n;
        return *this;
    }
    void flush() { out_.flush(); }

private:
    std::ostream& out_;
};

// "3" -> 3; nullopt for anything but a plain decimal number.
std::optional<int> number_in(const std::string& s) {
    int n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return n;
}

class TextPlayer {
public:
    TextPlayer(CoursePtr course, Store* store, const TextPlayerOptions& o, std::istream& in,
               std::ostream& out)
        : course_(std::move(course)), store_(store), options_(o), in_(in), out_(out) {
        assert(course_ && "the text player needs a course");
        options_.columns = std::clamp(options_.columns, min_columns, max_columns);
    }

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

    void error(std::string_view message) { out_ << error_line(message) << "\n"; }

    // A session action; a records failure is reported and the learner goes
    // on from where they were (the session did not change).
    template <class Action>
    bool guarded(Action action) {
        try {
            action();
            return true;
        } catch (const std::exception& e) {
            error(e.what());
            return false;
        }
    }

    // --- input -------------------------------------------------------------------
    // One line, after the prompt; nullopt at the end of input. The course may
    // have been reloaded meanwhile (--watch): callers look again.
    std::optional<std::string> ask(const std::string& prompt = "") {
        for (;;) {
            reload_if_changed();
            retry_records();
            out_ << prompt << (prompt.empty() ? "> " : " > ");
            out_.flush();
            std::string line;
            const LineRead got = read_line(in_, line);
            if (got == LineRead::end) {
                out_ << "\n";
                return std::nullopt;
            }
            if (got == LineRead::too_long) {
                // Not a command: acting on the first 4096 bytes of a pasted page would surprise.
                out_ << "\n";
                wrap(tr("text.line_too_long"));
                continue;
            }
            line.erase(0, line.find_first_not_of(" \t\r"));
            line.erase(line.find_last_not_of(" \t\r") + 1);
            return line;
        }
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
            const std::optional<int> n = number_in(token);
            if (!n || *n < 1 || *n > static_cast<int>(order.size())) return {};
            const std::string& id = order[static_cast<std::size_t>(*n - 1)];
            if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) chosen.push_back(id);
        }
        if (!multiple && chosen.size() > 1) return {};
        return chosen;
    }

    // The options in the order given, numbered from 1; ids the question no longer has are left out
    // (the session never offers them, but the order came from the records).
    std::vector<std::string> show_options(const Question& q, const std::vector<std::string>& order) {
        std::vector<std::string> shown;
        for (const std::string& id : order)
            if (const Option* o = q.option(id)) {
                shown.push_back(id);
                wrap(o->label.plain(), "   ", fmt::format("{}) ", shown.size()));
            }
        return shown;
    }

    void right_answers(const Question& q, const Evaluation& ev, const char* key, const std::string& indent) {
        for (const std::string& id : ev.correct_options)
            if (const Option* o = q.option(id)) wrap(tr(key, {{"answer", o->label.plain()}}), indent, indent);
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

    // Another program holds the records' lock: what waits is tried again at
    // each prompt, and the store's line about it printed when it changes.
    void retry_records() {
        if (!store_) return;
        if (store_->pending() > 0) guarded([&] { store_->retry_pending(); });
        const std::string problem = store_->save_problem();
        if (!problem.empty() && problem != shown_problem_) error(problem);
        shown_problem_ = problem;
    }

    // On quitting: true when nothing is left unsaved.
    bool flush_records() {
        if (!store_ || store_->pending() == 0) return true;
        bool saved = false;
        guarded([&] { saved = store_->flush_pending(options_.quit_wait); });
        if (!saved) error(tr("records.unsaved", {{"dir", store_->path().string()}}));
        return saved;
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
    Terminal out_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<CourseWatcher> watcher_ =
        options_.watch_dir.empty() ? nullptr : std::make_unique<CourseWatcher>(options_.watch_dir);
    std::string shown_problem_;
};

bool TextPlayer::pick_learner() {
    std::string name = options_.learner;
    for (;;) {
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
        try {
            if (store_) {
                const Learner l = store_->find_or_create_learner(name, options_.language);
                progress = store_->progress(l.id, *course_);
                sink = store_->sink(l.id, *course_);
            }
        } catch (const RecordsError& e) {
            error(e.what());
            // A name typed here may be asked again; one given with --learner is the caller's to fix.
            if (!options_.learner.empty()) throw;
            name.clear();
            continue;
        }
        session_ = std::make_unique<Session>(course_, progress, sink);
        return true;
    }
}

bool TextPlayer::home() {
    Session& s = *session_;
    const CoursePtr course = course_;  // the version listed; ask() may reload
    out_ << "\n" << course->title.plain() << "\n";
    if (course->title.untranslated) wrap("(" + tr("lesson.untranslated") + ")");
    out_ << "\n";
    for (std::size_t i = 0; i < course->lessons.size(); ++i) {
        const int li = static_cast<int>(i);
        const std::string state = s.lesson_complete(li) ? tr("home.done")
                                  : s.lesson_open(li)   ? percent(s.lesson_fraction(li))
                                                        : tr("home.locked");
        wrap(fmt::format("{} ({})", course->lessons[i].title.plain(), state), "   ",
             fmt::format("{}) ", i + 1));
    }
    const int quiz_number = static_cast<int>(course->lessons.size()) + 1;
    if (course->quiz)
        wrap(fmt::format("{} ({})", course->quiz->title.plain(),
                         s.quiz_state() == QuizState::passed   ? tr("home.done")
                         : s.quiz_state() == QuizState::locked ? tr("home.locked")
                                                               : tr("home.open")),
             "   ", fmt::format("{}) ", quiz_number));
    if (s.course_complete()) wrap(tr("home.course_done"));
    auto line = ask();
    if (!line || *line == "q") return false;
    if (*line == "h") return help(), true;
    // The numbers were those of the version listed; a reload shows the list again.
    if (course_ != course) return true;
    if (line->empty()) {
        const Position resume = s.resume_position();
        if (resume.lesson >= 0) guarded([&] { s.go_to(resume); });
        else guarded([&] { s.open_lesson(0); });
        return lesson();
    }
    const std::optional<int> n = number_in(*line);
    if (n && course_->quiz && *n == quiz_number) return quiz();
    if (n && *n >= 1 && *n < quiz_number && s.lesson_open(*n - 1)) {
        guarded([&] { s.open_lesson(*n - 1); });
        return lesson();
    }
    return help(), true;
}

bool TextPlayer::lesson() {
    Session& s = *session_;
    for (;;) {
        // Kept alive for this page: a reload during ask() must not free what is shown.
        const CoursePtr course = course_;
        const Position p = s.position();
        const Lesson* l = s.lesson(p.lesson);
        if (!l) return true;  // home
        if (s.is_check_page(p)) {
            if (!check(*l)) return false;
            if (course_ != course) continue;  // reloaded while answering: show the page as it is now
        } else if (const Section* sec = s.section(p)) {
            out_ << "\n"
                 << l->title.plain() << " – " << p.page + 1 << "/" << s.page_count(p.lesson) << "\n\n";
            untranslated_note(*sec);
            out_ << sec->heading.plain() << "\n\n";
            blocks(sec->blocks);
        } else {
            return true;
        }
        for (;;) {
            auto line = ask();
            if (!line || *line == "q") return false;
            if (*line == "h") {
                help();
                continue;
            }
            // From here the session as it is now decides: a reload may have moved the learner.
            const Position now = s.position();
            if (!s.lesson(now.lesson)) return true;
            if (*line == "p") {
                guarded([&] { s.previous(); });
                break;
            }
            if (*line == "m") {
                for (int page = 0; page < s.page_count(now.lesson); ++page) {
                    const Section* sec = s.section({now.lesson, page});
                    wrap(sec ? sec->heading.plain() : tr("lesson.check"), "   ",
                         fmt::format("{}) ", page + 1));
                }
                auto pick = ask();
                if (!pick) return false;
                if (const std::optional<int> n = number_in(*pick))
                    guarded([&] { s.go_to({now.lesson, *n - 1}); });  // go_to checks the page
                break;
            }
            if (line->empty()) {
                if (!s.can_advance()) {
                    wrap(tr("lesson.answer_first"));
                    break;
                }
                guarded([&] {
                    if (!s.next()) s.go_home();  // the end of the last open lesson
                });
                break;
            }
            help();
        }
    }
}

bool TextPlayer::check(const Lesson& l) {
    Session& s = *session_;
    const CoursePtr shown = course_;
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
            if (course_ != shown) return true;  // the question may have changed: ask it again as it is now
            if (*line == "p") return guarded([&] { s.previous(); }), true;
            const std::vector<std::string> chosen =
                parse_choice(*line, order, q.type == QuestionType::multiple);
            if (chosen.empty()) continue;
            Evaluation ev;
            if (!guarded([&] { ev = s.answer_check(q.id, chosen); })) continue;
            wrap(ev.correct ? tr("lesson.correct") : tr("lesson.wrong"));
            for (const Text* fb : ev.feedback) wrap(fb->plain());
            if (!ev.correct) right_answers(q, ev, "lesson.right_answer", "");
            if (ev.explanation) wrap(ev.explanation->plain());
            break;
        }
    }
    return true;
}

bool TextPlayer::quiz() {
    Session& s = *session_;
    if (!s.current_attempt()) {
        const Quiz* quiz = course_->quiz ? &*course_->quiz : nullptr;
        if (!quiz) return true;
        out_ << "\n" << quiz->title.plain() << "\n";
        wrap(tr("quiz.intro", {{"count", std::int64_t(quiz->questions_per_attempt())},
                               {"mark", percent(quiz->pass_mark / 100.0)}}));
        const QuizAttempt* started = nullptr;
        guarded([&] { started = s.start_quiz(fresh_seed()); });
        if (!started) {
            wrap(tr("home.quiz_locked"));
            return true;
        }
    }
    std::size_t i = 0;
    for (;;) {
        // The attempt as it counts now: a reload may have taken questions out of it.
        const CoursePtr course = course_;
        const QuizAttempt* a = s.current_attempt();
        if (!a) return true;  // set aside by a reload that left none of its questions
        const std::size_t total = a->questions.size();
        if (i >= total) break;
        const std::string qid = a->questions[i];
        const Question* q = s.quiz_question(qid);
        auto order = a->order.find(qid);
        if (!q || order == a->order.end()) {
            ++i;  // the session keeps neither in an open attempt; skipped should it happen
            continue;
        }
        out_ << "\n"
             << tr("quiz.question_of",
                   {{"current", std::int64_t(i + 1)}, {"total", static_cast<std::int64_t>(total)}})
             << "\n";
        wrap(q->prompt.plain());
        const std::vector<std::string> shown = show_options(*q, order->second);
        const bool answered = a->answers.count(qid) > 0;
        auto line = ask(tr("text.choose"));
        if (!line || *line == "q") return false;
        if (course_ != course) continue;  // ask the question again as it is now
        if (*line == "p") {
            i = i > 0 ? i - 1 : 0;
            continue;
        }
        if (line->empty() && answered) {
            ++i;
            continue;
        }
        const auto chosen = parse_choice(*line, shown, q->type == QuestionType::multiple);
        if (chosen.empty()) continue;
        if (guarded([&] { s.answer_quiz(qid, chosen); })) ++i;
    }
    std::optional<Score> score;
    if (!guarded([&] { score = s.submit_quiz(); }) || !score) return true;
    const Quiz* quiz = course_->quiz ? &*course_->quiz : nullptr;
    if (!quiz) return true;
    out_ << "\n" << tr("quiz.result", {{"score", percent(score->scaled)}}) << "\n";
    wrap(tr("quiz.score", {{"correct", std::int64_t(score->raw)}, {"total", std::int64_t(score->max)}}));
    const std::string mark = percent(quiz->pass_mark / 100.0);
    wrap(score->passed ? tr("quiz.passed", {{"mark", mark}}) : tr("quiz.failed", {{"mark", mark}}));
    if (s.progress().attempts.empty()) return true;
    const QuizAttempt& done = s.progress().attempts.back();
    int n = 0;
    for (const std::string& qid : done.questions) {
        const Question* q = s.quiz_question(qid);
        if (!q) continue;
        auto it = done.answers.find(qid);
        const Evaluation ev =
            s.evaluate(*q, it != done.answers.end() ? it->second.chosen : std::vector<std::string>{});
        wrap(fmt::format("{} {}. {}", ev.correct ? "✓" : "✗", ++n, q->prompt.plain()));
        if (!ev.correct) right_answers(*q, ev, "quiz.correct_answer", "   ");
        if (ev.explanation) wrap(ev.explanation->plain(), "   ", "   ");
    }
    return true;
}

int TextPlayer::run() {
    try {
        if (!pick_learner()) return flush_records() ? 0 : 1;
        help();
        while (home()) {
        }
        if (!flush_records()) return 1;
        wrap(tr("text.saved"));
        return 0;
    } catch (const std::exception& e) {
        error(e.what());
        flush_records();
        return 1;
    }
}

}  // namespace

int run_text_player(CoursePtr course, Store* store, const TextPlayerOptions& options, std::istream& in,
                    std::ostream& out) {
    return TextPlayer(std::move(course), store, options, in, out).run();
}

}  // namespace lektion
