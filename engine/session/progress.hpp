// A learner's progress through one course, and the one place events change it.
//
// Progress is pure data, changed only by apply(): every learner action becomes
// an Event first, the records store commits the event, and only then is it
// applied. Replaying a learner's events rebuilds their progress exactly.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "session/events.hpp"

namespace lektion {

struct QuizAttempt {
    int number = 0;                                         // 1-based, unique among the learner's attempts
    std::uint64_t seed = 0;                                 // draws and shuffles
    std::vector<std::string> questions;                     // drawn, in order
    std::map<std::string, std::vector<std::string>> order;  // question -> option ids as shown
    std::map<std::string, Answer> answers;
    std::optional<Score> score;  // set when submitted
};

struct LessonProgress {
    std::set<std::string> viewed;          // section ids
    std::map<std::string, Answer> checks;  // attention check answers, first answer kept
    bool complete = false;
};

struct Progress {
    Position position;
    // The ids of what `position` pointed to when it was recorded (empty before
    // events carried them, and at home), so that a place is found again in a
    // course whose lessons or sections have moved since. An empty section id
    // in a lesson is its attention check.
    std::string position_lesson, position_section;
    std::map<std::string, LessonProgress> lessons;  // by lesson id
    std::vector<QuizAttempt> attempts;
    bool course_complete = false;
    std::string language;  // last language chosen; empty: not chosen

    const LessonProgress* lesson(const std::string& id) const;
    const QuizAttempt* open_attempt() const;  // started, not submitted
    std::optional<Score> best_score() const;
    std::optional<Score> last_score() const;
    int attempts_submitted() const;
};

// The one place progress changes.
void apply(Progress& progress, const Event& event);

}  // namespace lektion
