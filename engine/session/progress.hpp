// A learner's progress through one course, and the events that change it.
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
#include "questions/question_type.hpp"

namespace lektion {

// Where the learner is. lesson == -1 is the course home; a page index equal
// to the number of sections is the lesson's attention check.
struct Position {
    int lesson = -1;
    int page = 0;
    bool operator==(const Position&) const = default;
};

// An answer in a form that does not depend on the question's type: a list of
// strings whose meaning the type gives (questions/question_type.hpp).
struct Answer {
    std::vector<std::string> chosen;  // option ids, pairs, items in order, gap texts, a number
    bool correct = false;             // full credit
    double credit = 0.0;              // 0..1; partial credit for types with parts
};

struct Score {
    double raw = 0;  // the credit of every question added up: partial credit makes fractions
    int max = 0;
    double scaled = 0.0;  // raw / max, 0..1
    bool passed = false;
};

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

enum class EventKind {
    section_viewed,
    check_answered,
    lesson_completed,
    quiz_started,
    quiz_answered,
    quiz_submitted,
    course_completed,
    position_changed,
    language_changed,
};

const char* to_string(EventKind kind);
std::optional<EventKind> event_kind_from(std::string_view name);

struct Event {
    EventKind kind = EventKind::section_viewed;
    std::string lesson;                  // lesson id, where it applies
    std::string target;                  // section or question id, language for language_changed
                                         // position_changed: lesson and section id (empty: the check)
    Answer answer;                       // check_answered, quiz_answered
    int attempt = 0;                     // quiz events
    std::uint64_t seed = 0;              // quiz_started
    std::vector<std::string> questions;  // quiz_started
    std::map<std::string, std::vector<std::string>> order;  // quiz_started
    Score score;                                            // quiz_submitted
    Position position;                                      // position_changed
    // Filled by the session for the records store; apply() ignores them.
    std::string text;             // the question's prompt as the learner saw it
    std::string question_type;    // answers: the type's name in the registry
    XapiInteraction interaction;  // answers: the question as xAPI defines it
    std::int64_t duration_ms = 0;
};

// The one place progress changes.
void apply(Progress& progress, const Event& event);

}  // namespace lektion
