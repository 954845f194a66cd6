// A learner's session with a course: navigation with gating, answering,
// scoring and completion. Plain C++: no GUI, no database. Every change goes
// through an Event that the sink (the records store) commits before the
// session applies it; if the sink fails, nothing changes.
//
// The course may change under the learner (a trainer's edit, seen on a
// --watch reload or when the learner comes back; a language switch). What
// the events recorded is kept whole (recorded()); what counts is that record
// reconciled with the course loaded now (progress()):
// - the position is found again by lesson and section id: a moved lesson or
//   section is followed; a removed section leaves the learner on the same
//   page number of its lesson; a removed lesson (or one now locked) sends
//   them home. Older records without ids fall back on the page numbers.
// - the open quiz attempt goes on with the questions that remain in the
//   quiz; options that went are no longer shown, options that came are shown
//   after the others. An answer to a removed question, or naming a removed
//   option, stays in the records but does not count: the question is
//   unanswered again, and the score's maximum is the questions that remain.
//   When none remain (or the quiz is gone), the attempt is set aside: it is
//   not used up, and the next one starts afresh with a new number.
// - submitted attempts keep their scores; their question lists show only
//   the questions that remain.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "course/model.hpp"
#include "questions/question_type.hpp"
#include "session/progress.hpp"

namespace lektion {

enum class QuizState { locked, open, in_progress, passed, failed_no_attempts_left };

class Session {
public:
    Session(CoursePtr course, Progress progress = {}, EventSink sink = {});

    const Course& course() const { return *course_; }
    // Pointers and references into progress() (current_attempt(), check_answer(), ...) hold until
    // the next action or set_course(): each rebuilds it.
    const Progress& progress() const { return progress_; }  // as it counts in this course
    const Progress& recorded() const { return recorded_; }  // every event, whatever the course now
    void set_course(CoursePtr course);  // a reload or a language switch; ids keep the place

    // --- navigation --------------------------------------------------------
    Position position() const { return progress_.position; }
    // `lesson` must be an index of course().lessons (an assertion otherwise).
    int page_count(int lesson) const;  // sections, plus one for the attention check
    // These take any position, as a learner's input may name one: false or null when out of range.
    bool is_check_page(Position p) const;
    const Section* section(Position p) const;
    const Lesson* lesson(int index) const;

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
    bool lesson_complete(int lesson) const;    // `lesson` an index of course().lessons
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
    const Question* quiz_question(std::string_view id) const;  // null when the quiz has none by that id

    // --- settings ----------------------------------------------------------
    void set_language(const std::string& language);

private:
    // Where the learner is, by id: what survives an edit of the course.
    struct Place {
        std::string lesson;   // empty: not known (records older than the ids)
        std::string section;  // empty in a lesson: its attention check
        int page = 0;         // the page number, for when the section is gone
    };

    void emit(Event e);
    void describe(Event& e, const Question& q) const;
    void view_current();
    void complete_lessons_and_course();
    void move(Position p);
    void reconcile();  // progress_ from recorded_ for course_
    Position find_place() const;
    std::optional<QuizAttempt> reconcile_attempt(const QuizAttempt& recorded) const;

    CoursePtr course_;
    Progress recorded_;
    Progress progress_;
    Place place_;
    EventSink sink_;
};

}  // namespace lektion
