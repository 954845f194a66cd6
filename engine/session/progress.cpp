#include "session/progress.hpp"

#include <algorithm>

namespace lektion {

const LessonProgress* Progress::lesson(const std::string& id) const {
    auto it = lessons.find(id);
    return it == lessons.end() ? nullptr : &it->second;
}

const QuizAttempt* Progress::open_attempt() const {
    return !attempts.empty() && !attempts.back().score ? &attempts.back() : nullptr;
}

std::optional<Score> Progress::best_score() const {
    std::optional<Score> best;
    for (const QuizAttempt& a : attempts)
        if (a.score && (!best || a.score->scaled > best->scaled)) best = a.score;
    return best;
}

std::optional<Score> Progress::last_score() const {
    for (auto it = attempts.rbegin(); it != attempts.rend(); ++it)
        if (it->score) return it->score;
    return std::nullopt;
}

int Progress::attempts_submitted() const {
    return static_cast<int>(std::count_if(attempts.begin(), attempts.end(),
                                          [](const QuizAttempt& a) { return a.score.has_value(); }));
}

void apply(Progress& p, const Event& e) {
    switch (e.kind) {
        case EventKind::section_viewed: p.lessons[e.lesson].viewed.insert(e.target); break;
        case EventKind::check_answered:
            // The first answer is the one that counts; later ones are practice.
            p.lessons[e.lesson].checks.try_emplace(e.target, e.answer);
            break;
        case EventKind::lesson_completed: p.lessons[e.lesson].complete = true; break;
        case EventKind::quiz_started: {
            QuizAttempt a;
            a.number = e.attempt;
            a.seed = e.seed;
            a.questions = e.questions;
            a.order = e.order;
            p.attempts.push_back(std::move(a));
            break;
        }
        case EventKind::quiz_answered:
            for (QuizAttempt& a : p.attempts)
                if (a.number == e.attempt && !a.score) a.answers[e.target] = e.answer;
            break;
        case EventKind::quiz_submitted:
            for (QuizAttempt& a : p.attempts)
                if (a.number == e.attempt) a.score = e.score;
            break;
        case EventKind::course_completed: p.course_complete = true; break;
        case EventKind::position_changed:
            p.position = e.position;
            p.position_lesson = e.lesson;
            p.position_section = e.target;
            break;
        case EventKind::language_changed: p.language = e.target; break;
    }
}

}  // namespace lektion
