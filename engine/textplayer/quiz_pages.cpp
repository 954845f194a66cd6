// The text player's final quiz, as in the window: the introduction, one
// question at a time, a review before submitting where any answer may be
// changed, and the result with every question explained.
#include <optional>

#include <fmt/format.h>

#include "base/shuffle.hpp"
#include "l10n/strings.hpp"
#include "session/status_words.hpp"
#include "textplayer/choice.hpp"
#include "textplayer/player.hpp"
#include "textplayer/question_prompts.hpp"

namespace lektion {

namespace {

std::vector<std::string> chosen_in(const QuizAttempt& a, const std::string& qid) {
    auto it = a.answers.find(qid);
    return it != a.answers.end() ? it->second.chosen : std::vector<std::string>{};
}

}  // namespace

bool TextPlayer::quiz_intro() {
    Session& s = *session_;
    const CoursePtr course = course_;
    if (!course->quiz) return false;
    const Quiz& quiz = *course->quiz;
    out_ << "\n";
    out_.wrap(quiz.title.plain());
    // Locked, or no attempts left: the same words as on the home list, and nothing to start.
    if (!quiz_can_start(s)) {
        out_.wrap(quiz_status(s));
        return false;
    }
    out_ << "\n";
    for (const Text& t : quiz.intro) out_.wrap(t.plain()), out_ << "\n";
    out_.wrap(tr("quiz.intro", {{"count", std::int64_t(quiz.questions_per_attempt())},
                                {"mark", percent(quiz.pass_mark / 100.0)}}));
    if (s.quiz_state() == QuizState::passed) out_.wrap(quiz_status(s));
    if (s.attempts_left() > 0)
        out_.wrap(tr("quiz.attempts_left", {{"count", std::int64_t(s.attempts_left())}}));
    for (;;) {
        auto line = ask(tr("text.start_quiz"));
        if (!line || *line == "q") return false;
        if (*line == "p" || course_ != course) return false;
        if (*line == "h") {
            help();
            continue;
        }
        if (!line->empty()) continue;
        const QuizAttempt* started = nullptr;
        guarded([&] { started = s.start_quiz(fresh_seed()); });
        if (!started) out_.wrap(quiz_status(s));
        return started != nullptr;
    }
}

TextPlayer::ReviewReply TextPlayer::quiz_review() {
    Session& s = *session_;
    const CoursePtr course = course_;
    const QuizAttempt* a = s.current_attempt();
    if (!a) return {ReviewReply::reloaded};
    const std::int64_t total = static_cast<std::int64_t>(a->questions.size());
    out_ << "\n";
    out_.wrap(tr("quiz.review_title"));
    out_ << "\n";
    int n = 0, unanswered = 0;
    for (const std::string& qid : a->questions) {
        const Question* q = s.quiz_question(qid);
        if (!q) continue;
        const std::vector<std::string> chosen = chosen_in(*a, qid);
        unanswered += chosen.empty() ? 1 : 0;
        const std::string mark = fmt::format("{}. ", ++n);
        const std::string indent(width_of(mark), ' ');
        out_.wrap(q->prompt.plain(), indent, mark);
        out_.wrap(tr("quiz.your_answer", {{"answer", answer_words(*q, chosen)}}), indent, indent);
    }
    out_ << "\n";
    if (unanswered > 0) out_.wrap(tr("text.unanswered", {{"count", std::int64_t(unanswered)}}));
    const std::string prompt = tr("text.review_prompt", {{"count", total}});
    for (;;) {
        auto line = ask(prompt);
        if (!line || *line == "q") return {ReviewReply::quit};
        if (course_ != course) return {ReviewReply::reloaded};
        if (*line == "s") return {ReviewReply::submit};
        if (*line == "p") return {ReviewReply::back};
        if (*line == "h") {
            help();
            continue;
        }
        Choice c = parse_choice(*line, static_cast<int>(total), false);
        if (c.problem == ChoiceProblem::none)
            return {ReviewReply::change, static_cast<std::size_t>(c.numbers.front() - 1)};
        out_.wrap(choice_allowed(static_cast<int>(total), false));
    }
}

bool TextPlayer::quiz() {
    Session& s = *session_;
    if (!s.current_attempt() && !quiz_intro()) return !quit_;
    // Where the learner left off: the first question without an answer, else the review.
    std::size_t i = 0;
    if (const QuizAttempt* a = s.current_attempt())
        while (i < a->questions.size() && !chosen_in(*a, a->questions[i]).empty()) ++i;
    bool from_review = false;  // a question chosen in the review returns there once answered
    for (;;) {
        // The attempt as it counts now: a reload may have taken questions out of it.
        const CoursePtr course = course_;
        const QuizAttempt* a = s.current_attempt();
        if (!a) return true;  // set aside by a reload that left none of its questions
        const std::size_t total = a->questions.size();
        if (i >= total) {
            const ReviewReply r = quiz_review();
            if (r.kind == ReviewReply::quit) return false;
            if (r.kind == ReviewReply::reloaded) continue;
            if (r.kind == ReviewReply::back) {
                i = total - 1, from_review = false;
                continue;
            }
            if (r.kind == ReviewReply::change) {
                i = r.question, from_review = true;
                continue;
            }
            break;  // submit
        }
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
        out_.wrap(q->prompt.plain());
        const std::vector<std::string> shown = show_options(*q, order->second);
        if (const std::vector<std::string> chosen = chosen_in(*a, qid); !chosen.empty())
            out_.wrap(tr("quiz.your_answer", {{"answer", answer_words(*q, chosen)}}));
        const Reply r = ask_answer(*q, shown, course);
        if (r.kind == Reply::quit) return false;
        if (r.kind == Reply::reloaded) continue;  // ask the question again as it is now
        if (r.kind == Reply::back) {
            i = i > 0 ? i - 1 : 0;
            from_review = false;
            continue;
        }
        // Enter passes a question by, answered or not, as Next does in the window; the review shows what is
        // open.
        if (r.kind == Reply::answer && !guarded([&] { s.answer_quiz(qid, r.chosen); })) continue;
        i = from_review ? total : i + 1;
    }
    std::optional<Score> score;
    if (!guarded([&] { score = s.submit_quiz(); }) || !score) return true;
    return quiz_result(*score);
}

bool TextPlayer::quiz_result(const Score& score) {
    Session& s = *session_;
    const CoursePtr course = course_;
    if (!course->quiz) return true;
    // The head and the list in the words and order the window uses (session/status_words.hpp).
    const QuizResultHead head = quiz_result_head(s, score);
    out_ << "\n";
    out_.wrap(head.score);
    out_.wrap(head.counts);
    out_.wrap(head.verdict);
    if (!head.remaining.empty()) out_.wrap(head.remaining);
    out_ << "\n";
    if (!s.progress().attempts.empty()) {
        for (const QuizResultItem& item : quiz_result_items(s, s.progress().attempts.back())) {
            const Question& q = *item.question;
            const Evaluation& ev = item.evaluation;
            const std::string mark = fmt::format("{} {}. ", result_mark(ev), item.number);
            const std::string indent(width_of(mark), ' ');
            out_.wrap(q.prompt.plain(), indent, mark);
            out_.wrap(tr("quiz.your_answer", {{"answer", answer_words(q, item.chosen)}}), indent, indent);
            if (!ev.correct) right_answers(q, ev, "quiz.correct_answer", indent);
            if (ev.explanation) out_.wrap(ev.explanation->plain(), indent, indent);
            out_ << "\n";
        }
    }
    for (;;) {
        auto line = ask(tr("text.enter_home"));
        if (!line || *line == "q") return false;
        if (*line != "h") return true;
        help();
    }
}

}  // namespace lektion
