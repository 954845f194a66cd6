// Navigation, gating, answering, scoring and completion, with no GUI.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "l10n/strings.hpp"
#include "session/session.hpp"
#include "session/status_words.hpp"
#include "temp_course.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// Two lessons of two sections each, a quiz of `n` questions.
CoursePtr fixture(int quiz_questions = 10, const std::string& quiz_attrs = "", bool ordered = false) {
    TempCourse c;
    const std::string section2 = R"(
  </section>
  <section id="ID.s2">
    <heading id="ID.s2.h">Andet afsnit</heading>
    <p id="ID.s2.p1">Mere tekst.</p>)";
    auto lesson = [&](const std::string& id) {
        std::string body = section2;
        for (std::size_t at; (at = body.find("ID")) != std::string::npos;) body.replace(at, 2, id);
        return lesson_xml(id, body);
    };
    c.file("course.xml", std::string(R"(<course id="c" version="1" lang="da" ordered=")") +
                             (ordered ? "true" : "false") + R"(">
  <title id="c.title">Kursus</title>
  <lessons><lesson href="a.xml"/><lesson href="b.xml"/></lessons>
  <quiz href="quiz.xml"/>
</course>)");
    c.file("a.xml", lesson("a")).file("b.xml", lesson("b"));
    c.file("quiz.xml", quiz_xml(quiz_questions, quiz_attrs));
    LoadResult r = c.load();
    INFO(all_messages(r));
    REQUIRE(r.course);
    return r.course;
}

void complete_lesson(Session& s, int lesson) {
    s.open_lesson(lesson);
    while (!s.is_check_page(s.position())) REQUIRE(s.next());
    s.answer_check(s.course().lessons[static_cast<std::size_t>(lesson)].id + ".check",
                   {s.course().lessons[static_cast<std::size_t>(lesson)].id + ".check.a"});
}

// Answers the open attempt with `right` correct answers, the rest wrong.
Score take_quiz(Session& s, int right, std::uint64_t seed = 1) {
    const QuizAttempt* a = s.start_quiz(seed);
    REQUIRE(a);
    const std::vector<std::string> questions = a->questions;
    int i = 0;
    for (const std::string& q : questions) REQUIRE(s.answer_quiz(q, {q + (i++ < right ? ".a" : ".b")}));
    auto score = s.submit_quiz();
    REQUIRE(score);
    return *score;
}

}  // namespace

TEST_CASE("next and previous walk the sections, then the check, then the next lesson") {
    Session s(fixture());
    CHECK(s.position() == Position{-1, 0});
    s.open_lesson(0);
    CHECK(s.position() == Position{0, 0});
    CHECK(s.next());
    CHECK(s.position() == Position{0, 1});
    CHECK(s.next());
    CHECK(s.is_check_page(s.position()));
    SECTION("the attention check gates the way out") {
        CHECK_FALSE(s.can_advance());
        CHECK_FALSE(s.next());
        s.answer_check("a.check", {"a.check.b"});  // wrong answers count as answered
        CHECK(s.next());
        CHECK(s.position() == Position{1, 0});
        CHECK(s.lesson_complete(0));
    }
    SECTION("previous goes back, and home from the first page") {
        CHECK(s.previous());
        CHECK(s.position() == Position{0, 1});
        s.go_to({0, 0});
        CHECK(s.previous());
        CHECK(s.position() == Position{-1, 0});
    }
}

TEST_CASE("a lesson is complete only when every section was viewed and the check answered") {
    Session s(fixture());
    s.open_lesson(0);
    s.go_to({0, 2});  // jump straight to the check, skipping section 2
    s.answer_check("a.check", {"a.check.a"});
    CHECK_FALSE(s.lesson_complete(0));
    CHECK(s.lesson_fraction(0) == Approx(2.0 / 3.0));
    s.go_to({0, 1});
    CHECK(s.lesson_complete(0));
}

TEST_CASE("ordered courses open lessons one after the other") {
    Session s(fixture(10, "", true));
    CHECK(s.lesson_open(0));
    CHECK_FALSE(s.lesson_open(1));
    s.open_lesson(1);
    CHECK(s.position() == Position{-1, 0});
    complete_lesson(s, 0);
    CHECK(s.lesson_open(1));
}

TEST_CASE("the quiz is locked until every lesson is complete") {
    Session s(fixture());
    CHECK(s.quiz_state() == QuizState::locked);
    CHECK_FALSE(s.start_quiz(1));
    complete_lesson(s, 0);
    CHECK(s.quiz_state() == QuizState::locked);
    complete_lesson(s, 1);
    CHECK(s.quiz_state() == QuizState::open);
}

TEST_CASE("scoring: exactly at the pass mark passes, one below fails") {
    Session s(fixture(10, R"(pass-mark="70")"));
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    const Score fail = take_quiz(s, 6);
    CHECK(fail.raw == 6);
    CHECK(fail.max == 10);
    CHECK(fail.scaled == Approx(0.6));
    CHECK_FALSE(fail.passed);
    CHECK(s.quiz_state() == QuizState::open);
    CHECK_FALSE(s.course_complete());
    const Score pass = take_quiz(s, 7);
    CHECK(pass.raw == 7);
    CHECK(pass.passed);
    CHECK(s.quiz_state() == QuizState::passed);
    CHECK(s.course_complete());
    CHECK(s.progress().best_score()->raw == 7);
}

TEST_CASE("a pass mark that does not divide evenly is not rounded in the learner's favour") {
    // 2 of 3 is 66.7 %: below a 67 % pass mark.
    Session s(fixture(3, R"(pass-mark="67")"));
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    CHECK_FALSE(take_quiz(s, 2).passed);
    CHECK(take_quiz(s, 3).passed);
}

TEST_CASE("attempts run out") {
    Session s(fixture(4, R"(attempts="2")"));
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    CHECK(s.attempts_left() == 2);
    take_quiz(s, 0);
    CHECK(s.attempts_left() == 1);
    take_quiz(s, 1);
    CHECK(s.attempts_left() == 0);
    CHECK(s.quiz_state() == QuizState::failed_no_attempts_left);
    CHECK_FALSE(s.start_quiz(3));
}

TEST_CASE("pool draws: N questions, distinct, from the pool, in authored order") {
    Session s(fixture(10, R"(draw="4")"));
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    const QuizAttempt* a = s.start_quiz(42);
    REQUIRE(a);
    REQUIRE(a->questions.size() == 4);
    std::set<std::string> distinct(a->questions.begin(), a->questions.end());
    CHECK(distinct.size() == 4);
    for (std::size_t i = 1; i < a->questions.size(); ++i)
        CHECK(std::stoi(a->questions[i - 1].substr(1)) < std::stoi(a->questions[i].substr(1)));
    // Score against the drawn four, not the pool of ten.
    for (const std::string& q : std::vector<std::string>(a->questions)) s.answer_quiz(q, {q + ".a"});
    CHECK(s.submit_quiz()->max == 4);
}

TEST_CASE("shuffling is deterministic under a seed and differs between seeds") {
    auto order_for = [](std::uint64_t seed) {
        Session s(fixture(10, R"(draw="5" shuffle="true")"));
        complete_lesson(s, 0);
        complete_lesson(s, 1);
        const QuizAttempt* a = s.start_quiz(seed);
        std::vector<std::string> flat = a->questions;
        for (const std::string& q : a->questions)
            for (const std::string& o : a->order.at(q)) flat.push_back(o);
        return flat;
    };
    CHECK(order_for(7) == order_for(7));
    int differing = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) differing += order_for(seed) != order_for(7);
    CHECK(differing >= 4);
}

TEST_CASE("without shuffle, options keep the authored order") {
    Session s(fixture(3, R"(shuffle="false")"));
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    const QuizAttempt* a = s.start_quiz(99);
    CHECK(a->order.at("q1") == std::vector<std::string>{"q1.a", "q1.b", "q1.c"});
}

TEST_CASE("evaluation gives the feedback of the chosen option and the explanation") {
    TempCourse c;
    c.manifest("").file("l1.xml", R"(<lesson id="l1"><title id="t">T</title>
  <section id="s"><heading id="h">H</heading><p id="p">P</p></section>
  <check><question id="q" type="multiple"><prompt id="qp">?</prompt>
    <option id="qa" correct="true"><label id="qal">A</label><feedback id="qaf">Ja, A.</feedback></option>
    <option id="qb" correct="true"><label id="qbl">B</label></option>
    <option id="qc"><label id="qcl">C</label><feedback id="qcf">Nej, C.</feedback></option>
    <explanation id="qe">Se afsnittet.</explanation></question></check></lesson>)");
    LoadResult r = c.load();
    REQUIRE(r.course);
    Session s(r.course);
    Evaluation partial = s.answer_check("q", {"qa"});
    CHECK_FALSE(partial.correct);  // multiple response is all or nothing
    REQUIRE(partial.feedback.size() == 1);
    CHECK(partial.feedback[0]->plain() == "Ja, A.");
    CHECK(partial.explanation->plain() == "Se afsnittet.");
    CHECK(partial.correct_options == std::vector<std::string>{"qa", "qb"});
    CHECK(s.evaluate(*r.course->question("q"), {"qa", "qb"}).correct);
    CHECK_FALSE(s.evaluate(*r.course->question("q"), {"qa", "qb", "qc"}).correct);
    CHECK_FALSE(s.evaluate(*r.course->question("q"), {"qa", "qb", "nope"}).correct);
    // The first answer is the one recorded.
    s.answer_check("q", {"qa", "qb"});
    CHECK_FALSE(s.check_answer("q")->correct);
}

TEST_CASE("a sink that refuses an event leaves progress unchanged") {
    bool refuse = false;
    int committed = 0;
    Session s(fixture(), {}, [&](const Event&) {
        if (refuse) throw std::runtime_error("disk full");
        ++committed;
    });
    s.open_lesson(0);
    const Progress before = s.progress();
    refuse = true;
    CHECK_THROWS(s.next());
    CHECK(s.position() == before.position);
    CHECK(s.progress().lessons.at("a").viewed == before.lessons.at("a").viewed);
    CHECK(committed > 0);
}

TEST_CASE("replaying the events rebuilds the progress") {
    std::vector<Event> log;
    Session s(fixture(), {}, [&](const Event& e) { log.push_back(e); });
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    take_quiz(s, 8);
    s.go_to({1, 1});
    Progress rebuilt;
    for (const Event& e : log) apply(rebuilt, e);
    CHECK(rebuilt.position == s.progress().position);
    CHECK(rebuilt.course_complete);
    CHECK(rebuilt.attempts.size() == 1);
    CHECK(rebuilt.best_score()->raw == 8);
    CHECK(rebuilt.lessons.at("b").viewed.size() == 2);
}

TEST_CASE("a saved position past the end of a changed course falls back home") {
    Progress p;
    p.position = {7, 3};
    Session s(fixture(), p);
    CHECK(s.position() == Position{-1, 0});
}

// --- the course changes under the learner ------------------------------------
//
// A trainer edits the course while a learner is in a lesson or a quiz attempt.
// The session meets the change twice: on a --watch reload or a language switch
// (set_course), and when the learner comes back and their events are replayed
// against the new version (the constructor).

namespace {

std::shared_ptr<Course> edited(const CoursePtr& course) { return std::make_shared<Course>(*course); }

Progress replayed(const std::vector<Event>& log) {
    Progress p;
    for (const Event& e : log) apply(p, e);
    return p;
}

void erase_question(Course& c, const std::string& id) {
    auto& qs = c.quiz->questions;
    qs.erase(std::find_if(qs.begin(), qs.end(), [&](const Question& q) { return q.id == id; }));
}

Question* quiz_question(Course& c, const std::string& id) {
    for (Question& q : c.quiz->questions)
        if (q.id == id) return &q;
    return nullptr;
}

// Runs `check` on the session as a reload finds it, and as a resume from the records finds it.
template <class Check>
void after_edit(Session& s, const std::vector<Event>& log, const CoursePtr& changed, Check check,
                std::vector<Event>* resumed_log = nullptr) {
    SECTION("on a reload") {
        s.set_course(changed);
        check(s);
    }
    SECTION("on resuming from the records") {
        Session again(changed, replayed(log), [&](const Event& e) {
            if (resumed_log) resumed_log->push_back(e);
        });
        check(again);
    }
}

}  // namespace

TEST_CASE("a quiz question removed during an attempt: the attempt goes on without it, scored on the rest") {
    std::vector<Event> log;
    const CoursePtr course = fixture(4, R"(shuffle="false")");
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    REQUIRE(s.start_quiz(1));
    REQUIRE(s.answer_quiz("q1", {"q1.a"}));
    REQUIRE(s.answer_quiz("q2", {"q2.a"}));
    auto changed = edited(course);
    erase_question(*changed, "q2");
    after_edit(s, log, changed, [](Session& t) {
        const QuizAttempt* a = t.current_attempt();
        REQUIRE(a);
        CHECK(a->questions == std::vector<std::string>{"q1", "q3", "q4"});
        CHECK(a->answers.count("q1"));
        CHECK_FALSE(a->answers.count("q2"));
        CHECK_FALSE(t.answer_quiz("q2", {"q2.a"}));  // not a question of this course any more
        // The answer to the vanished question stays in what was recorded.
        CHECK(t.recorded().attempts.back().answers.count("q2"));
        REQUIRE(t.answer_quiz("q3", {"q3.a"}));
        REQUIRE(t.answer_quiz("q4", {"q4.b"}));
        const auto score = t.submit_quiz();
        REQUIRE(score);
        CHECK(score->raw == 2);
        CHECK(score->max == 3);
        CHECK(score->scaled == Approx(2.0 / 3.0));
        CHECK_FALSE(score->passed);
        // The result lists the questions that remain.
        CHECK(t.progress().attempts.back().questions == std::vector<std::string>{"q1", "q3", "q4"});
    });
}

TEST_CASE(
    "a quiz question renamed during an attempt: the old one no longer counts, the new one is not asked") {
    std::vector<Event> log;
    const CoursePtr course = fixture(3, R"(shuffle="false")");
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    REQUIRE(s.start_quiz(1));
    REQUIRE(s.answer_quiz("q3", {"q3.a"}));
    auto changed = edited(course);
    quiz_question(*changed, "q3")->id = "q3-new";
    after_edit(s, log, changed, [](Session& t) {
        REQUIRE(t.current_attempt());
        CHECK(t.current_attempt()->questions == std::vector<std::string>{"q1", "q2"});
        CHECK(t.current_attempt()->answers.empty());
        CHECK_FALSE(t.answer_quiz("q3-new", {"q3.a"}));
        REQUIRE(t.answer_quiz("q1", {"q1.a"}));
        REQUIRE(t.answer_quiz("q2", {"q2.a"}));
        CHECK(t.submit_quiz()->max == 2);
    });
}

TEST_CASE(
    "an option removed during an attempt: an answer naming it is asked again, the shown order loses it") {
    std::vector<Event> log;
    const CoursePtr course = fixture(2, R"(shuffle="false")");
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    REQUIRE(s.start_quiz(1));
    REQUIRE(s.answer_quiz("q1", {"q1.b"}));
    REQUIRE(s.answer_quiz("q2", {"q2.a"}));
    auto changed = edited(course);
    auto& options = quiz_question(*changed, "q1")->options;
    options.erase(options.begin() + 1);  // q1.b
    Option added;
    added.id = "q1.d";
    added.label.spans = {{"Ny", plain}};
    options.push_back(added);
    after_edit(s, log, changed, [](Session& t) {
        const QuizAttempt* a = t.current_attempt();
        REQUIRE(a);
        CHECK(a->questions == std::vector<std::string>{"q1", "q2"});
        // Options that went are not shown; options that came are shown last.
        CHECK(a->order.at("q1") == std::vector<std::string>{"q1.a", "q1.c", "q1.d"});
        CHECK_FALSE(a->answers.count("q1"));
        CHECK(a->answers.count("q2"));
        CHECK(t.recorded().attempts.back().answers.at("q1").chosen == std::vector<std::string>{"q1.b"});
    });
}

TEST_CASE("every question of an open attempt gone: the attempt is set aside and a new one starts afresh") {
    std::vector<Event> log;
    const CoursePtr course = fixture(2, R"(shuffle="false" attempts="2")");
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    REQUIRE(s.start_quiz(1));
    REQUIRE(s.answer_quiz("q1", {"q1.b"}));
    auto changed = edited(course);
    for (Question& q : changed->quiz->questions) q.id = "new-" + q.id;
    after_edit(s, log, changed, [](Session& t) {
        CHECK_FALSE(t.current_attempt());
        CHECK(t.quiz_state() == QuizState::open);
        CHECK(t.attempts_left() == 2);  // an attempt never submitted is not used up
        const QuizAttempt* a = t.start_quiz(2);
        REQUIRE(a);
        CHECK(a->number == 2);  // not the number of the attempt set aside
        CHECK(a->questions == std::vector<std::string>{"new-q1", "new-q2"});
        REQUIRE(t.answer_quiz("new-q1", {"q1.a"}));
        CHECK(t.recorded().attempts.front().answers.size() == 1);  // the old attempt is untouched
        CHECK(t.current_attempt()->answers.size() == 1);
    });
}

TEST_CASE("the quiz removed during an attempt: nothing to answer or submit, and no crash") {
    std::vector<Event> log;
    const CoursePtr course = fixture(2);
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    REQUIRE(s.start_quiz(1));
    auto changed = edited(course);
    changed->quiz.reset();
    after_edit(s, log, changed, [](Session& t) {
        CHECK_FALSE(t.current_attempt());
        CHECK(t.quiz_state() == QuizState::locked);
        CHECK_FALSE(t.answer_quiz("q1", {"q1.a"}));
        CHECK_FALSE(t.submit_quiz());
        CHECK_FALSE(t.start_quiz(3));
    });
}

TEST_CASE("position changes record the lesson and section ids beside the page numbers") {
    std::vector<Event> log;
    Session s(fixture(), {}, [&](const Event& e) { log.push_back(e); });
    s.open_lesson(1);
    s.next();
    s.next();
    std::vector<Event> moves;
    for (const Event& e : log)
        if (e.kind == EventKind::position_changed) moves.push_back(e);
    REQUIRE(moves.size() == 3);
    CHECK(moves[1].lesson == "b");
    CHECK(moves[1].target == "b.s2");
    CHECK(moves[2].lesson == "b");
    CHECK(moves[2].target.empty());  // the attention check
    CHECK(s.progress().position_lesson == "b");
}

TEST_CASE("sections inserted and lessons moved: the learner stays on the same section") {
    std::vector<Event> log;
    const CoursePtr course = fixture();
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    s.open_lesson(1);
    s.next();  // b.s2, page 1 of lesson 1
    auto changed = edited(course);
    Section inserted = changed->lessons[1].sections[0];
    inserted.id = "b.new";
    changed->lessons[1].sections.insert(changed->lessons[1].sections.begin(), inserted);
    std::swap(changed->lessons[0], changed->lessons[1]);
    after_edit(s, log, changed, [](Session& t) {
        CHECK(t.position() == Position{0, 2});
        REQUIRE(t.section(t.position()));
        CHECK(t.section(t.position())->id == "b.s2");
        CHECK(t.next());  // and goes on from there
        CHECK(t.is_check_page(t.position()));
    });
}

TEST_CASE("the attention check stays the place when sections are inserted before it") {
    std::vector<Event> log;
    const CoursePtr course = fixture();
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    s.go_to({0, 2});
    REQUIRE(s.is_check_page(s.position()));
    auto changed = edited(course);
    Section inserted = changed->lessons[0].sections[0];
    inserted.id = "a.new";
    changed->lessons[0].sections.push_back(inserted);
    after_edit(s, log, changed, [](Session& t) {
        CHECK(t.position() == Position{0, 3});
        CHECK(t.is_check_page(t.position()));
    });
}

TEST_CASE("the lesson under the learner removed: home, not another lesson at the same number") {
    std::vector<Event> log;
    const CoursePtr course = fixture();
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    s.go_to({0, 1});
    auto changed = edited(course);
    changed->lessons.erase(changed->lessons.begin());
    after_edit(s, log, changed, [](Session& t) {
        CHECK(t.position() == Position{-1, 0});
        CHECK(t.course().lessons.size() == 1);
    });
}

TEST_CASE("the section under the learner removed: the same page number of the same lesson") {
    std::vector<Event> log;
    const CoursePtr course = fixture();
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    s.go_to({1, 0});
    auto changed = edited(course);
    changed->lessons[1].sections.erase(changed->lessons[1].sections.begin());
    std::swap(changed->lessons[0], changed->lessons[1]);
    after_edit(s, log, changed, [](Session& t) {
        CHECK(t.position() == Position{0, 0});
        REQUIRE(t.section(t.position()));
        CHECK(t.section(t.position())->id == "b.s2");
    });
}

TEST_CASE("a position from older records, without ids, is found again by the course it was read in") {
    Progress p;
    p.position = {1, 1};  // recorded before events carried ids
    const CoursePtr course = fixture();
    Session s(course, p);
    REQUIRE(s.position() == Position{1, 1});
    auto changed = edited(course);
    std::swap(changed->lessons[0], changed->lessons[1]);
    s.set_course(changed);
    CHECK(s.position() == Position{0, 1});
    CHECK(s.section(s.position())->id == "b.s2");
}

TEST_CASE("out-of-range look-ups answer nothing instead of throwing") {
    Session s(fixture());
    CHECK(s.section({5, 0}) == nullptr);
    CHECK(s.section({0, 9}) == nullptr);
    CHECK_FALSE(s.is_check_page({5, 0}));
    CHECK_FALSE(s.lesson_open(5));
    s.go_to({5, 0});
    s.open_lesson(-3);
    CHECK(s.position() == Position{-1, 0});
}

TEST_CASE("a lesson inserted before the learner's in an ordered course: home, since theirs is locked now") {
    std::vector<Event> log;
    const CoursePtr course = fixture(10, "", true);
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    complete_lesson(s, 0);
    s.go_to({1, 1});
    REQUIRE(s.position() == Position{1, 1});
    auto changed = edited(course);
    Lesson inserted = changed->lessons[0];
    inserted.id = "new";
    changed->lessons.insert(changed->lessons.begin() + 1, inserted);
    after_edit(s, log, changed, [](Session& t) {
        CHECK(t.position() == Position{-1, 0});
        CHECK_FALSE(t.lesson_open(2));
        t.open_lesson(1);
        CHECK(t.position() == Position{1, 0});
    });
}

TEST_CASE("answer_quiz refuses options the question does not have") {
    Session s(fixture(2, R"(shuffle="false")"));
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    REQUIRE(s.start_quiz(1));
    CHECK_FALSE(s.answer_quiz("q1", {"q1.a", "q2.a"}));
    CHECK_FALSE(s.answer_quiz("q1", {"nothing"}));
    CHECK(s.current_attempt()->answers.empty());
    CHECK(s.answer_quiz("q1", {"q1.a"}));
    CHECK(s.answer_quiz("q1", {}));  // cleared: allowed, it counts as unanswered
}

TEST_CASE("a quiz without questions starts no attempt and records nothing") {
    std::vector<Event> log;
    auto course = edited(fixture(2));
    course->quiz->questions.clear();
    course->quiz_after_lessons = false;
    Session s(course, {}, [&](const Event& e) { log.push_back(e); });
    CHECK_FALSE(s.start_quiz(1));
    CHECK(log.empty());
}

TEST_CASE("status words: each lesson's and the quiz's state as both players say it") {
    set_ui_language("da");
    Session s(fixture(2, R"(attempts="1" pass-mark="100")", true));
    CHECK(lesson_status(s, 0) == "0\u00A0%");  // ICU's Danish percentage
    CHECK(lesson_status(s, 1) == "Låst");
    CHECK(quiz_status(s) == "Låst, indtil alle lektioner er gennemført");
    CHECK_FALSE(quiz_can_start(s));
    s.open_lesson(0);
    s.next();
    CHECK(lesson_status(s, 0) == "67\u00A0%");  // two sections of two, the check not answered
    complete_lesson(s, 0);
    complete_lesson(s, 1);
    CHECK(lesson_status(s, 0) == "Gennemført");
    CHECK(quiz_status(s) == "Klar – bestå med mindst 100\u00A0%");
    CHECK(quiz_can_start(s));
    REQUIRE(s.start_quiz(1));
    CHECK(quiz_status(s) == "I gang");
    CHECK(quiz_can_start(s));
    REQUIRE(s.submit_quiz());
    CHECK(quiz_status(s) == "Ikke bestået – ingen forsøg tilbage (bedste 0\u00A0%)");
    CHECK_FALSE(quiz_can_start(s));
    set_ui_language("en");
    CHECK(quiz_status(s) == "Not passed – no attempts left (best 0%)");
}

TEST_CASE("a section is untranslated when any of its texts is, deep in callouts and lists too") {
    Section sec;
    sec.heading.spans = {{"Overskrift", plain}};
    Block callout;
    callout.kind = BlockKind::callout;
    Block list;
    list.kind = BlockKind::list;
    list.items.push_back(Text{"i", {{"punkt", plain}}, false});
    callout.children.push_back(list);
    sec.blocks.push_back(callout);
    CHECK_FALSE(any_untranslated(sec));
    sec.blocks[0].children[0].items[0].untranslated = true;
    CHECK(any_untranslated(sec));
    sec.blocks[0].children[0].items[0].untranslated = false;
    Block figure;
    figure.kind = BlockKind::figure;
    figure.caption = Text{"c", {{"Figur", plain}}, true};
    sec.blocks.push_back(figure);
    CHECK(any_untranslated(sec));
}
