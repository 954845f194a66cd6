// Plays a course through real Sessions for three learners, recording into a
// data folder, so the exports and the report have something true to show.
//
//   records_fixture COURSE_DIR DATA_DIR
#include <cstdio>
#include <string>

#include <algorithm>

#include "load/loader.hpp"
#include "questions/registry.hpp"
#include "records/store.hpp"
#include "session/session.hpp"

using namespace lektion;

namespace {

// Right, or wrong in the question type's own way.
std::vector<std::string> answer(const Question& q, bool right) {
    const QuestionType& type = question_type(q);
    if (right) return type.right_answer(q);
    if (q.type == "ordering") {
        std::vector<std::string> order = type.right_answer(q);
        std::reverse(order.begin(), order.end());
        return order;
    }
    if (q.type == "matching") {
        std::vector<std::string> pairs;
        for (const Option& o : q.options) pairs.push_back(o.id + "=" + q.targets.front().id);
        return pairs;
    }
    if (q.type == "fillin") return std::vector<std::string>(q.options.size(), "nothing like it");
    if (q.type == "numeric") return {"-123456"};
    std::vector<std::string> chosen;
    for (const Option& o : q.options)
        if (o.correct == right) chosen.push_back(o.id);
    if (!right && chosen.size() > 1) chosen.resize(1);
    return chosen;
}

// Every event takes the learner 1.5 s, so durations show in the exports.
EventSink timed(EventSink sink) {
    return [sink](const Event& e) {
        Event copy = e;
        copy.duration_ms = 1500;
        sink(copy);
    };
}

void finish_lessons(Session& s, bool checks_right) {
    for (int l = 0; l < static_cast<int>(s.course().lessons.size()); ++l) {
        s.open_lesson(l);
        while (s.next()) {
        }
        for (const Question& q : s.course().lessons[static_cast<std::size_t>(l)].checks)
            s.answer_check(q.id, answer(q, checks_right));
        while (s.next()) {
        }
    }
}

void take_quiz(Session& s, std::uint64_t seed, int right) {
    const QuizAttempt* a = s.start_quiz(seed);
    if (!a) return;
    const std::vector<std::string> questions = a->questions;
    for (std::size_t i = 0; i < questions.size(); ++i)
        s.answer_quiz(questions[i], answer(*s.course().question(questions[i]), static_cast<int>(i) < right));
    s.submit_quiz();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: records_fixture COURSE_DIR DATA_DIR\n");
        return 2;
    }
    try {
        const LoadResult r = load_course(argv[1]);
        if (!r.course) throw std::runtime_error(std::string(argv[1]) + " does not load");
        Store store(argv[2]);
        const int questions = r.course->quiz ? r.course->quiz->questions_per_attempt() : 0;

        // Completes everything, fails the quiz once, then passes.
        const Learner ase = store.create_learner("Åse Ørsted", "da");
        Session a(r.course, store.progress(ase.id, *r.course), timed(store.sink(ase.id, *r.course)));
        a.set_language("da");
        finish_lessons(a, true);
        take_quiz(a, 1, 1);
        take_quiz(a, 2, questions);

        // Gets the checks wrong and stops before the quiz.
        const Learner bo = store.create_learner("Bo Berg", "en");
        Session b(r.course, store.progress(bo.id, *r.course), timed(store.sink(bo.id, *r.course)));
        finish_lessons(b, false);

        // A name that needs CSV quoting; reads one page only.
        const Learner c = store.create_learner("Chloé \"CJ\", Jr.", "fr");
        Session s(r.course, store.progress(c.id, *r.course), timed(store.sink(c.id, *r.course)));
        s.open_lesson(0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "records_fixture: %s\n", e.what());
        return 1;
    }
    return 0;
}
