// The text player's pages but the quiz's: the learner, the home list, the
// course's own pages (start page, outcomes, keywords, about) and lessons.
#include "textplayer/text_player.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <istream>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "l10n/collate.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "questions/registry.hpp"
#include "records/secret_input.hpp"
#include "session/messages.hpp"
#include "session/status_words.hpp"
#include "textplayer/choice.hpp"
#include "textplayer/player.hpp"
#include "textplayer/question_prompts.hpp"
#include "textplayer/read_aloud.hpp"

namespace lektion {

namespace {

// "3" -> 3; nullopt for anything but a plain decimal number.
std::optional<int> number_in(const std::string& s) {
    int n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return n;
}

// The course's own pages, after the lessons and the quiz on the home list.
enum CoursePage { outcomes_page = -1, keywords_page = -2, about_page = -3 };

}  // namespace

TextPlayer::TextPlayer(CoursePtr course, Store* store, const TextPlayerOptions& o, std::istream& in,
                       std::ostream& out)
    : course_(std::move(course)),
      store_(store),
      options_(o),
      in_(in),
      out_(out, std::clamp(o.columns, min_columns, max_columns)),
      watcher_(o.watch_dir.empty() ? nullptr : std::make_unique<CourseWatcher>(o.watch_dir)) {
    assert(course_ && "the text player needs a course");
}

// --- input ---------------------------------------------------------------------

std::optional<std::string> TextPlayer::ask(const std::string& prompt) {
    for (;;) {
        reload_if_changed();
        retry_records();
        // Wrapped like everything else; "> " ends its last line, where the learner types.
        if (prompt.empty()) {
            out_ << "> ";
        } else {
            const std::vector<std::string> lines = out_.lines(prompt + " >");
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) out_ << lines[i] << "\n";
            out_ << lines.back() << " ";
        }
        out_.flush();
        std::string line;
        const LineRead got = read_line(in_, line);
        if (got == LineRead::end) {
            out_ << "\n";
            quit_ = true;
            return std::nullopt;
        }
        if (got == LineRead::too_long) {
            // Not a command: acting on the first 4096 bytes of a pasted page would surprise.
            out_ << "\n";
            out_.wrap(tr("text.line_too_long"));
            continue;
        }
        line.erase(0, line.find_first_not_of(" \t\r"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (line == "q") quit_ = true;
        return line;
    }
}

TextPlayer::Reply TextPlayer::ask_answer(const Question& q, const std::vector<std::string>& shown,
                                         const CoursePtr& asked_in) {
    const TextQuestion& renderer = text_question(q);
    for (;;) {
        auto line = ask(renderer.prompt(q));
        if (!line || *line == "q") return {Reply::quit, {}};
        if (course_ != asked_in) return {Reply::reloaded, {}};  // the question may have changed: ask it again
        if (*line == "p") return {Reply::back, {}};
        if (line->empty()) return {Reply::enter, {}};
        if (*line == "h") {
            help();
            continue;
        }
        if (*line == "r") {  // the question and its options, in the order shown
            out_.wrap(read_aloud_text(speech::question_utterances(q, *course_, ui_language(), shown),
                                      speech_rate_));
            continue;
        }
        auto answer = renderer.parse(q, shown, *line);
        if (!answer) {
            out_.wrap(renderer.allowed(q, shown));
            continue;
        }
        return {Reply::answer, std::move(*answer)};
    }
}

std::optional<std::string> TextPlayer::ask_secret(const std::string& prompt) {
    retry_records();
    const std::vector<std::string> lines = out_.lines(prompt + " >");
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) out_ << lines[i] << "\n";
    out_ << lines.back() << " ";
    out_.flush();
    if (options_.secret_from_terminal) return read_secret("");  // the prompt is out already
    std::string line;
    const LineRead got = read_line(in_, line);
    if (got == LineRead::end) {
        out_ << "\n";
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;  // a line too long is no PIN: the store refuses it like any wrong one
}

// --- output --------------------------------------------------------------------

void TextPlayer::error(std::string_view message) { out_ << error_line(message) << "\n"; }

std::vector<std::string> TextPlayer::show_options(const Question& q, const std::vector<std::string>& order) {
    return text_question(q).show(out_, q, order);
}

void TextPlayer::right_answers(const Question& q, const Evaluation& ev, const char* key,
                               const std::string& indent) {
    if (ev.parts > 0 && ev.parts_right > 0)
        out_.wrap(tr("quiz.parts_right",
                     {{"correct", std::int64_t(ev.parts_right)}, {"total", std::int64_t(ev.parts)}}),
                  indent, indent);
    out_.wrap(tr(key, {{"answer", question_type(q).right_answer_words(q)}}), indent, indent);
}

void TextPlayer::note(const std::string& words) {
    if (!words.empty()) out_.wrap("(" + words + ")");
}

void TextPlayer::help() {
    out_.wrap(tr("text.commands"));
    out_.wrap(tr("text.read_help"));
}

// --- records and reloads -------------------------------------------------------

// --watch: a trainer saved a file; show the errors, or carry on in the new version.
void TextPlayer::reload_if_changed() {
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
void TextPlayer::retry_records() {
    if (!store_) return;
    if (store_->pending() > 0) guarded([&] { store_->retry_pending(); });
    const std::string problem = store_->save_problem();
    if (!problem.empty() && problem != shown_problem_) error(problem);
    shown_problem_ = problem;
}

bool TextPlayer::flush_records() {
    if (!store_ || store_->pending() == 0) return true;
    bool saved = false;
    guarded([&] { saved = store_->flush_pending(options_.quit_wait); });
    if (!saved) error(tr("records.unsaved", {{"dir", store_->path().string()}}));
    return saved;
}

// --- pages -----------------------------------------------------------------------

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
                // A name given with --learner is no way around its PIN either: it is asked here.
                if (!pin_accepted(l)) {
                    if (quit_) return false;
                    name.clear();
                    continue;
                }
                progress = store_->progress(l.id, *course_);
                sink = store_->sink(l.id, *course_);
                speech_rate_ = l.speech_rate;  // as set in the window's Settings
            }
        } catch (const RecordsError& e) {
            error(e.what());
            // A name typed here may be asked again; one given with --learner is the caller's to fix.
            if (!options_.learner.empty()) throw;
            name.clear();
            continue;
        }
        quit_ = false;  // "q" as a name is a name
        session_ = std::make_unique<Session>(course_, progress, sink);
        return true;
    }
}

bool TextPlayer::pin_accepted(const Learner& learner) {
    if (!store_->learner_pins_enabled() || !store_->learner_has_pin(learner.id)) return true;
    out_.wrap(learner.name);
    out_.wrap(tr("gate.pin_ask"));
    out_.wrap("(" + tr("gate.pin_back") + ")");
    for (;;) {
        std::optional<std::string> pin = ask_secret(tr("gate.pin"));
        if (!pin) {
            quit_ = true;
            return false;
        }
        if (pin->empty()) return false;
        const Store::GuardCheck c = store_->check_learner_pin(learner.id, *pin);
        wipe(*pin);
        using Outcome = Store::GuardCheck::Outcome;
        if (c.outcome == Outcome::accepted || c.outcome == Outcome::not_set) return true;
        // The store does not hear another try before the wait is over; one
        // typed sooner is answered with the time left, and not counted.
        if (c.outcome == Outcome::refused) out_.wrap(tr("gate.pin_wrong"));
        out_.wrap(tr("gate.wait", {{"seconds", static_cast<std::int64_t>(c.wait.count())}}));
    }
}

bool TextPlayer::home() {
    Session& s = *session_;
    const CoursePtr course = course_;  // the version listed; ask() may reload
    out_ << "\n";
    out_.wrap(course->title.plain());
    note(untranslated_note(*course));
    if (!course->description.empty()) out_.wrap(course->description.plain());
    out_ << "\n";
    out_.wrap(tr("home.lessons"));
    const int lessons = static_cast<int>(course->lessons.size());
    for (int i = 0; i < lessons; ++i)
        out_.entry(i + 1, fmt::format("{} ({})", course->lessons[static_cast<std::size_t>(i)].title.plain(),
                                      lesson_status(s, i)));
    int next = lessons + 1;
    const int quiz_number = course->quiz ? next++ : 0;
    if (course->quiz) {
        out_ << "\n";
        out_.wrap(tr("home.quiz"));
        out_.entry(quiz_number, fmt::format("{} ({})", course->quiz->title.plain(), quiz_status(s)));
    }
    // The start page's sections, the outcomes, the keywords and the about page: the window's home and About.
    std::vector<int> pages;
    for (int i = 0; i < static_cast<int>(course->start.size()); ++i) pages.push_back(i);
    if (!course->outcomes.empty()) pages.push_back(outcomes_page);
    if (!course->keywords.empty()) pages.push_back(keywords_page);
    pages.push_back(about_page);
    out_ << "\n";
    const int first_page = next;
    for (int page : pages) {
        const std::string label = page >= 0 ? course->start[static_cast<std::size_t>(page)].heading.plain()
                                  : page == outcomes_page ? course->outcomes_heading.plain()
                                  : page == keywords_page ? course->keywords_heading.plain()
                                                          : tr("about.credits");
        out_.entry(next++, label);
    }
    out_ << "\n";
    if (s.course_complete()) out_.wrap(tr("home.course_done"));
    const Position resume = s.resume_position();
    if (const Lesson* l = s.lesson(resume.lesson))
        out_.wrap(tr("text.enter_continue", {{"lesson", l->title.plain()}}));
    else if (lessons > 0 && !s.lesson_complete(0)) out_.wrap(tr("text.enter_start"));
    auto line = ask();
    if (!line || *line == "q") return false;
    if (*line == "h") return help(), true;
    // The numbers were those of the version listed; a reload shows the list again.
    if (course_ != course) return true;
    if (line->empty()) {
        if (lessons == 0) return true;
        if (resume.lesson >= 0) guarded([&] { s.go_to(resume); });
        else guarded([&] { s.open_lesson(0); });
        return lesson();
    }
    const std::optional<int> n = number_in(*line);
    if (n && quiz_number && *n == quiz_number) return quiz();
    if (n && *n >= 1 && *n <= lessons) {
        if (!s.lesson_open(*n - 1)) {
            out_.wrap(fmt::format("{} ({})", course->lessons[static_cast<std::size_t>(*n - 1)].title.plain(),
                                  lesson_status(s, *n - 1)));
            return true;
        }
        guarded([&] { s.open_lesson(*n - 1); });
        return lesson();
    }
    if (n && *n >= first_page && *n < next)
        return course_page(pages[static_cast<std::size_t>(*n - first_page)]);
    return help(), true;
}

bool TextPlayer::course_page(int which) {
    const CoursePtr course = course_;  // kept alive while shown
    out_ << "\n";
    if (which >= 0) {
        const Section& sec = course->start[static_cast<std::size_t>(which)];
        note(untranslated_note(sec));
        out_.wrap(sec.heading.plain());
        out_ << "\n";
        out_.blocks(sec.blocks);
    } else if (which == outcomes_page) {
        out_.wrap(course->outcomes_heading.plain());
        out_ << "\n";
        for (const Text& t : course->outcomes_intro) out_.wrap(t.plain()), out_ << "\n";
        for (const OutcomeGroup& g : course->outcomes) {
            out_.wrap(g.title.plain());
            Block list;
            list.kind = BlockKind::list;
            list.items = g.items;
            out_.blocks({list});
        }
    } else if (which == keywords_page) {
        out_.wrap(course->keywords_heading.plain());
        out_ << "\n";
        std::string all;
        for (const Text& k : course->keywords) all += (all.empty() ? "" : " · ") + k.plain();
        out_.wrap(all);
        out_ << "\n";
    } else {
        out_.wrap(course->title.plain());
        out_.wrap(tr("about.course_version", {{"version", course->version}}));
        out_ << "\n";
        out_.wrap(tr("about.credits"));
        out_ << "\n";
        for (const Text& t : course->credits) out_.wrap(t.plain()), out_ << "\n";
        out_.wrap(tr("about.funding"));
        out_ << "\n";
        for (const Text& t : course->disclaimer) out_.wrap(t.plain()), out_ << "\n";
    }
    for (;;) {
        auto line = ask(tr("text.enter_home"));
        if (!line || *line == "q") return false;
        if (*line != "h") return true;
        help();
    }
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
            out_ << "\n";
            out_.wrap(l->title.plain() + " – " +
                      tr("lesson.page_of", {{"current", std::int64_t(p.page + 1)},
                                            {"total", std::int64_t(s.page_count(p.lesson))}}));
            out_ << "\n";
            note(untranslated_note(*sec));
            out_.wrap(sec->heading.plain());
            out_ << "\n";
            out_.blocks(sec->blocks);
        } else {
            return true;
        }
        for (;;) {
            auto line = ask();
            stop_reading_text();  // whatever the learner types next
            if (!line || *line == "q") return false;
            if (*line == "h") {
                help();
                continue;
            }
            if (*line == "r") {
                if (const Section* read = s.section(s.position()))
                    out_.wrap(read_aloud_text(speech::section_utterances(*read, *course_, ui_language()),
                                              speech_rate_));
                continue;
            }
            // From here the session as it is now decides: a reload may have moved the learner.
            const Position now = s.position();
            const Lesson* here = s.lesson(now.lesson);
            if (!here) return true;
            if (*line == "p") {
                guarded([&] { s.previous(); });
                break;
            }
            if (*line == "m") {
                // The table of contents, read pages ticked as in the window.
                const LessonProgress* lp = s.progress().lesson(here->id);
                for (int page = 0; page < s.page_count(now.lesson); ++page) {
                    const Section* sec = s.section({now.lesson, page});
                    const bool done =
                        sec ? lp && lp->viewed.count(sec->id)
                            : lp && !here->checks.empty() && lp->checks.count(here->checks[0].id);
                    out_.entry(page + 1,
                               (done ? "✓ " : "") + (sec ? sec->heading.plain() : tr("lesson.check")));
                }
                auto pick = ask();
                if (!pick) return false;
                if (const std::optional<int> n = number_in(*pick))
                    guarded([&] { s.go_to({now.lesson, *n - 1}); });  // go_to checks the page
                break;
            }
            if (line->empty()) {
                if (!s.can_advance()) {
                    out_.wrap(tr("lesson.answer_first"));
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
    const CoursePtr shown_in = course_;
    out_ << "\n" << tr("lesson.check") << "\n\n";
    for (const Question& q : l.checks) {
        if (&q != &l.checks.front()) out_ << "\n";  // one question's feedback apart from the next prompt
        out_.wrap(q.prompt.plain());
        const std::vector<std::string> shown = show_options(q, check_order(q));
        if (s.check_answer(q.id)) continue;  // answered before: the learner may move on
        for (;;) {
            const Reply r = ask_answer(q, shown, shown_in);
            if (r.kind == Reply::quit) return false;
            if (r.kind == Reply::reloaded) return true;
            if (r.kind == Reply::back) return guarded([&] { s.previous(); }), true;
            if (r.kind == Reply::enter) {
                // The check gates the way on: say what it takes.
                out_.wrap(text_question(q).allowed(q, shown));
                continue;
            }
            Evaluation ev;
            if (!guarded([&] { ev = s.answer_check(q.id, r.chosen); })) continue;
            out_.wrap(ev.correct ? tr("lesson.correct") : tr("lesson.wrong"));
            for (const Text* fb : ev.feedback) out_.wrap(fb->plain());
            if (!ev.correct) right_answers(q, ev, "lesson.right_answer", "");
            if (ev.explanation) out_.wrap(ev.explanation->plain());
            break;
        }
    }
    if (s.lesson_complete(s.position().lesson)) out_.wrap(tr("lesson.complete"));
    return true;
}

int TextPlayer::run() {
    try {
        if (!pick_learner()) return flush_records() ? 0 : 1;
        help();
        while (home()) {
        }
        if (!flush_records()) return 1;
        out_.wrap(tr("text.saved"));
        return 0;
    } catch (const std::exception& e) {
        error(e.what());
        flush_records();
        return 1;
    }
}

int run_text_player(CoursePtr course, Store* store, const TextPlayerOptions& options, std::istream& in,
                    std::ostream& out) {
    return TextPlayer(std::move(course), store, options, in, out).run();
}

}  // namespace lektion
