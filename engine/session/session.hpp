// A learner's session with a course: navigation with gating, answering,
// scoring and completion. Plain C++: no GUI, no database. Every change goes
// through an Event that the sink (the records store) commits before the
// session applies it; if the sink fails, nothing changes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "session/progress.hpp"

namespace lektion {

// Called with each event before it takes effect; throw to refuse it.
using EventSink = std::function<void(const Event&)>;

enum class QuizState { locked, open, in_progress, passed, failed_no_attempts_left };

// What the learner is told after answering.
struct Evaluation {
    bool correct = false;
    std::vector<std::string> correct_options;
    std::vector<const Text*> feedback;  // for each chosen option that has one
    const Text* explanation = nullptr;
};

class Session {
public:
    Session(CoursePtr course, Progress progress = {}, EventSink sink = {});

    const Course& course() const { return *course_; }
    const Progress& progress() const { return progress_; }
    void set_course(CoursePtr course);  // a reload or a language switch; ids keep the place

    // --- navigation --------------------------------------------------------
    Position position() const { return progress_.position; }
    int page_count(int lesson) const;  // sections, plus one for the attention check
    bool is_check_page(Position p) const;
    const Section* section(Position p) const;

    bool lesson_open(int lesson) const;
    bool can_advance() const;      // past the current page
    void open_lesson(int lesson);  // at its first unviewed page, or its start
    void go_to(Position p);        // a page in an open lesson, or home (-1)
    bool next();                   // false when gated or at the end
    bool previous();
    void go_home();
    Position resume_position() const { return progress_.position; }

    // --- lessons -----------------------------------------------------------
    Evaluation answer_check(const std::string& question_id, const std::vector<std::string>& chosen);
    const Answer* check_answer(const std::string& question_id) const;
    bool lesson_complete(int lesson) const;
    double lesson_fraction(int lesson) const;  // viewed pages and answered checks, 0..1
    bool course_complete() const { return progress_.course_complete; }

    // --- final quiz ----------------------------------------------------------
    QuizState quiz_state() const;
    int attempts_left() const;                          // -1: unlimited
    const QuizAttempt* start_quiz(std::uint64_t seed);  // null when not allowed
    const QuizAttempt* current_attempt() const { return progress_.open_attempt(); }
    bool answer_quiz(const std::string& question_id, const std::vector<std::string>& chosen);
    std::optional<Score> submit_quiz();
    Evaluation evaluate(const Question& q, const std::vector<std::string>& chosen) const;

    // --- settings ----------------------------------------------------------
    void set_language(const std::string& language);

private:
    void emit(Event e);
    void view_current();
    void complete_lessons_and_course();
    void move(Position p);

    CoursePtr course_;
    Progress progress_;
    EventSink sink_;
};

}  // namespace lektion
