#include "session/status_words.hpp"

#include <cassert>
#include <cmath>

#include "l10n/strings.hpp"
#include "questions/registry.hpp"

namespace lektion {

std::string lesson_status(const Session& s, int lesson) {
    if (s.lesson_complete(lesson)) return tr("home.done");
    if (!s.lesson_open(lesson)) return tr("home.locked");
    return percent(s.lesson_fraction(lesson));
}

std::string quiz_status(const Session& s) {
    assert(s.course().quiz && "quiz_status: the course has no quiz");
    if (!s.course().quiz) return {};
    const auto best = s.progress().best_score();
    const std::string best_text = best ? percent(best->scaled) : "–";
    switch (s.quiz_state()) {
        case QuizState::locked: return tr("home.quiz_locked");
        case QuizState::passed: return tr("home.quiz_passed", {{"score", best_text}});
        case QuizState::in_progress: return tr("home.quiz_in_progress");
        case QuizState::failed_no_attempts_left: return tr("home.quiz_failed", {{"score", best_text}});
        case QuizState::open: break;
    }
    return tr("home.quiz_open", {{"mark", percent(s.course().quiz->pass_mark / 100.0)}});
}

bool quiz_can_start(const Session& s) {
    const QuizState state = s.quiz_state();
    return state == QuizState::open || state == QuizState::in_progress ||
           (state == QuizState::passed && s.attempts_left() != 0);
}

bool any_untranslated(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
        if (b.text.untranslated || b.alt.untranslated) return true;
        if (b.caption && b.caption->untranslated) return true;
        if (b.title && b.title->untranslated) return true;
        for (const Text& item : b.items)
            if (item.untranslated) return true;
        if (any_untranslated(b.children)) return true;
    }
    return false;
}

bool any_untranslated(const Section& section) {
    return section.heading.untranslated || any_untranslated(section.blocks);
}

std::string untranslated_note(const Section& section) {
    return any_untranslated(section) ? tr("lesson.untranslated") : std::string();
}

std::string untranslated_note(const Course& course) {
    return course.title.untranslated || course.description.untranslated ? tr("lesson.untranslated")
                                                                        : std::string();
}

const char* result_mark(const Evaluation& ev) {
    if (ev.correct) return "✓";
    return ev.credit > 0 ? "◐" : "✗";
}

std::string score_words(const Score& score) {
    // Two decimals are enough for a score; a whole number stays an integer for the plural rules.
    const double shown = std::round(score.raw * 100) / 100;
    const double whole = std::round(shown);
    MessageArg correct = std::abs(shown - whole) < 1e-9 ? MessageArg(std::int64_t(whole)) : MessageArg(shown);
    return tr("quiz.score", {{"correct", correct}, {"total", std::int64_t(score.max)}});
}

std::string answer_words(const Question& q, const std::vector<std::string>& answer) {
    const std::string out = answer.empty() ? std::string() : question_type(q).answer_words(q, answer);
    return out.empty() ? tr("quiz.unanswered") : out;
}

std::string callout_kind_words(CalloutKind kind) {
    switch (kind) {
        case CalloutKind::example: return tr("callout.example");
        case CalloutKind::data: return tr("callout.data");
        case CalloutKind::case_study: return tr("callout.case");
        case CalloutKind::note: break;
    }
    return tr("callout.note");
}

std::string callout_label(const Block& callout) {
    std::string label = callout_kind_words(callout.callout_kind);
    if (callout.title) label += ": " + callout.title->plain();
    return label;
}

QuizResultHead quiz_result_head(const Session& s, const Score& score) {
    assert(s.course().quiz && "quiz_result_head: the course has no quiz");
    QuizResultHead head;
    head.score = tr("quiz.result", {{"score", percent(score.scaled)}});
    head.counts = score_words(score);
    const std::string mark = s.course().quiz ? percent(s.course().quiz->pass_mark / 100.0) : std::string();
    head.verdict = score.passed ? tr("quiz.passed", {{"mark", mark}}) : tr("quiz.failed", {{"mark", mark}});
    if (s.attempts_left() > 0)
        head.remaining = tr("quiz.attempts_left", {{"count", std::int64_t(s.attempts_left())}});
    else if (s.quiz_state() == QuizState::failed_no_attempts_left) head.remaining = quiz_status(s);
    return head;
}

std::vector<QuizResultItem> quiz_result_items(const Session& s, const QuizAttempt& attempt) {
    std::vector<QuizResultItem> items;
    for (const std::string& qid : attempt.questions) {
        const Question* q = s.quiz_question(qid);
        if (!q) continue;  // taken out of the quiz since: its answer no longer counts
        QuizResultItem item;
        item.question = q;
        item.number = static_cast<int>(items.size()) + 1;
        if (auto it = attempt.answers.find(qid); it != attempt.answers.end()) item.chosen = it->second.chosen;
        item.evaluation = s.evaluate(*q, item.chosen);
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace lektion
