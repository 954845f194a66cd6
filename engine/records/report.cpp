#include "records/report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "records/merge_order.hpp"

namespace lektion {

namespace {

struct Tally {
    int answered = 0;
    int correct = 0;
    int partly = 0;
    std::string text;  // as recorded, for questions the course no longer has
    std::string lesson;
};

LessonStatus lesson_status(const Lesson& lesson, const Progress& p) {
    LessonStatus st;
    const LessonProgress* lp = p.lesson(lesson.id);
    if (!lp) return st;
    const auto total = lesson.sections.size() + lesson.checks.size();
    std::size_t done = 0;
    for (const Section& s : lesson.sections) done += lp->viewed.count(s.id);
    for (const Question& q : lesson.checks) done += lp->checks.count(q.id);
    st.fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    const bool touched = !lp->viewed.empty() || !lp->checks.empty();
    st.state = lp->complete ? LessonState::complete
               : touched    ? LessonState::in_progress
                            : LessonState::not_started;
    if (lp->complete) st.fraction = 1.0;
    return st;
}

void count_quiz(const Progress& p, std::map<std::string, Tally>& quiz) {
    std::vector<std::string> seen;
    for (const QuizAttempt& a : p.attempts) {
        if (!a.score) continue;  // an attempt in progress has no answers that counted yet
        for (const std::string& q : a.questions) {
            if (std::find(seen.begin(), seen.end(), q) != seen.end()) continue;
            seen.push_back(q);
            const auto it = a.answers.find(q);
            Tally& t = quiz[q];
            ++t.answered;
            t.correct += it != a.answers.end() && it->second.correct ? 1 : 0;
            t.partly += it != a.answers.end() && !it->second.correct && it->second.credit > 0 ? 1 : 0;
        }
    }
}

void count_checks(const Progress& p, std::map<std::string, Tally>& checks) {
    for (const auto& [lesson, lp] : p.lessons)
        for (const auto& [q, answer] : lp.checks) {
            Tally& t = checks[q];
            t.lesson = lesson;
            ++t.answered;
            t.correct += answer.correct ? 1 : 0;
            t.partly += !answer.correct && answer.credit > 0 ? 1 : 0;
        }
}

// The words the learner saw, for questions that are gone from the course.
void remember_texts(const std::vector<RecordedEvent>& events, std::map<std::string, Tally>& quiz,
                    std::map<std::string, Tally>& checks) {
    for (const RecordedEvent& r : events) {
        if (r.event.text.empty()) continue;
        if (r.event.kind == EventKind::quiz_answered) quiz[r.event.target].text = r.event.text;
        if (r.event.kind == EventKind::check_answered) checks[r.event.target].text = r.event.text;
    }
}

QuestionReport question_report(const std::string& id, const Tally& t, const Question* q, std::string lesson) {
    QuestionReport r;
    r.id = id;
    r.lesson = std::move(lesson);
    r.in_course = q != nullptr;
    r.text = q ? q->prompt.plain() : t.text;
    r.answered = t.answered;
    r.correct = t.correct;
    r.partly = t.partly;
    return r;
}

// Course order first, then whatever the records hold beyond it, by id.
std::vector<QuestionReport> questions(const std::vector<std::pair<const Question*, std::string>>& ordered,
                                      std::map<std::string, Tally>& tallies) {
    std::vector<QuestionReport> out;
    for (const auto& [q, lesson] : ordered) {
        out.push_back(question_report(q->id, tallies[q->id], q, lesson));
        tallies.erase(q->id);
    }
    for (const auto& [id, t] : tallies)
        if (t.answered > 0) out.push_back(question_report(id, t, nullptr, t.lesson));
    return out;
}

}  // namespace

Report make_report(const Store& store, const Course& course) {
    Report report;
    report.course_id = course.id;
    report.course_version = course.version;
    report.course_title = course.title.plain();
    for (const Lesson& l : course.lessons) {
        report.lesson_ids.push_back(l.id);
        report.lesson_titles.push_back(l.title.plain());
    }
    report.has_quiz = course.quiz.has_value();
    report.attempts_allowed = course.quiz ? course.quiz->attempts : 0;
    report.pass_mark = course.quiz ? course.quiz->pass_mark : 0;
    report.this_device = store.device_id();

    std::map<std::string, Tally> quiz, checks;
    for (const Learner& learner : store.learners()) {
        const std::vector<RecordedEvent> events = store.events(learner.id, course.id);
        const Progress p = replay_progress(events);
        remember_texts(events, quiz, checks);
        count_quiz(p, quiz);
        count_checks(p, checks);

        LearnerReport row;
        row.learner = learner;
        for (const Lesson& l : course.lessons) row.lessons.push_back(lesson_status(l, p));
        row.course_complete = p.course_complete;
        row.best = p.best_score();
        row.last = p.last_score();
        row.attempts = p.attempts_submitted();
        std::set<std::string> devices;
        for (const RecordedEvent& r : events) {
            if (row.first_activity.empty() || r.at < row.first_activity) row.first_activity = r.at;
            if (r.at > row.last_activity) row.last_activity = r.at;
            devices.insert(r.device);
        }
        row.devices.assign(devices.begin(), devices.end());
        for (const std::string& d : devices)
            if (!report.device_names.count(d)) report.device_names[d] = store.device_name(d);
        report.learners.push_back(std::move(row));
    }

    std::vector<std::pair<const Question*, std::string>> quiz_order, check_order;
    if (course.quiz)
        for (const Question& q : course.quiz->questions) quiz_order.emplace_back(&q, "");
    for (const Lesson& l : course.lessons)
        for (const Question& q : l.checks) check_order.emplace_back(&q, l.id);
    report.quiz = questions(quiz_order, quiz);
    report.checks = questions(check_order, checks);
    return report;
}

}  // namespace lektion
