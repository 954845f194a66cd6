// The trainer's report on one course: who completed which lesson, quiz
// scores, and how often each question was answered right the first time.
// Data only: the lektion report command prints it, the player can draw it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "records/store.hpp"

namespace lektion {

enum class LessonState { not_started, in_progress, complete };

struct LessonStatus {
    LessonState state = LessonState::not_started;
    double fraction = 0.0;  // sections viewed and checks answered, 0..1
};

struct LearnerReport {
    Learner learner;
    std::vector<LessonStatus> lessons;  // in the course's order
    bool course_complete = false;
    std::optional<Score> best;
    std::optional<Score> last;
    int attempts = 0;            // quiz attempts submitted
    std::string first_activity;  // UTC ISO 8601; empty: never started
    std::string last_activity;
    std::vector<std::string> devices;  // ids of the PCs their events in the course were recorded on, sorted
};

struct QuestionReport {
    std::string id;
    std::string lesson;     // the lesson of an attention check; empty for the quiz
    std::string text;       // the prompt as the course words it, else as it was answered
    bool in_course = true;  // false: records of a question this version no longer has
    int answered = 0;       // learners with a first answer
    int correct = 0;        // of those, right the first time
    int partly = 0;         // of those, partly right (partial credit: some parts right)

    double share() const { return answered > 0 ? static_cast<double>(correct) / answered : 0.0; }
};

struct Report {
    std::string course_id;
    std::string course_version;
    std::string course_title;
    std::vector<std::string> lesson_ids;
    std::vector<std::string> lesson_titles;
    bool has_quiz = false;
    int pass_mark = 0;                                // percent
    int attempts_allowed = 0;                         // 0: unlimited
    std::vector<LearnerReport> learners;              // every learner, by name
    std::vector<QuestionReport> quiz;                 // the quiz's questions, course order first
    std::vector<QuestionReport> checks;               // attention checks, course order first
    std::string this_device;                          // this database's device id
    std::map<std::string, std::string> device_names;  // every device in `learners`: its name, "" unknown
};

// A quiz question's first answer is the one that counted in the first
// submitted attempt that drew it (unanswered counts as wrong); an attention
// check's is the first answer given, as in the session.
Report make_report(const Store& store, const Course& course);

}  // namespace lektion
