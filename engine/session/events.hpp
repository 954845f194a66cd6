// What a learner does, as events: the session makes them, the records store
// commits them (before they take effect, through the sink), apply()
// (session/progress.hpp) replays them into progress. The records include this
// header, not the session's.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "questions/question_type.hpp"  // XapiInteraction

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

// Called with each event before it takes effect; throw to refuse it.
using EventSink = std::function<void(const Event&)>;

}  // namespace lektion
