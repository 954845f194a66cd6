// The store as the player uses it: a Session's sink commits each event, and
// the progress rebuilt from the events is the progress the learner had.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "records/report.hpp"
#include "records/store.hpp"
#include "records/uuid.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

std::vector<std::string> right_answer(const Question& q) {
    std::vector<std::string> out;
    for (const Option& o : q.options)
        if (o.correct) out.push_back(o.id);
    return out;
}

std::vector<std::string> wrong_answer(const Question& q) {
    for (const Option& o : q.options)
        if (!o.correct) return {o.id};
    return {};
}

void complete_lessons(Session& s) {
    for (int l = 0; l < static_cast<int>(s.course().lessons.size()); ++l) {
        s.open_lesson(l);
        while (s.next()) {
        }
        for (const Question& q : s.course().lessons[static_cast<std::size_t>(l)].checks)
            s.answer_check(q.id, right_answer(q));
    }
}

CourseState cached_as_replayed(const Store& store, std::int64_t learner, const Course& course) {
    const std::vector<RecordedEvent> events = store.events(learner, course.id);
    CourseState st = summarize(store.progress(learner, course));
    st.course_version = events.empty() ? "" : events.back().course_version;
    st.last_seq = events.empty() ? 0 : events.back().seq;
    return st;
}

}  // namespace

TEST_CASE("every event is committed before it is applied, and replaying them rebuilds the progress") {
    TempDir dir;
    const CoursePtr course = small_course();
    std::int64_t id = 0;
    Progress lived;
    {
        Store store(dir.path());
        id = store.create_learner("Åse", "da").id;
        Session s(course, store.progress(id, *course), store.sink(id, *course));
        s.set_language("da");
        complete_lessons(s);
        const QuizAttempt* a = s.start_quiz(42);
        REQUIRE(a);
        s.answer_quiz("q1", right_answer(*course->question("q1")));
        s.answer_quiz("q2", wrong_answer(*course->question("q2")));
        s.answer_quiz("q2", right_answer(*course->question("q2")));  // changed their mind
        REQUIRE(s.submit_quiz());
        s.go_to({1, 1});
        lived = s.progress();
        CHECK(lived.course_complete);
    }
    // A new process: a fresh store on the same file.
    Store store(dir.path());
    const Progress replayed = store.progress(id, *course);
    CHECK(same_progress(replayed, lived));
    const auto cached = store.state(id, course->id);
    REQUIRE(cached);
    CHECK(*cached == cached_as_replayed(store, id, *course));
    CHECK(cached->position == Position{1, 1});
    CHECK(cached->attempts == 1);
    CHECK(cached->lessons_complete == std::vector<std::string>{"l1", "l2"});

    Session resumed(course, replayed, store.sink(id, *course));
    CHECK(resumed.resume_position() == Position{1, 1});

    const std::vector<RecordedEvent> events = store.events(id);
    REQUIRE(events.size() > 10);
    CHECK(std::adjacent_find(events.begin(), events.end(), [](const auto& a, const auto& b) {
              return a.seq >= b.seq || a.at > b.at;
          }) == events.end());
    for (const RecordedEvent& e : events) {
        CHECK(is_uuid(e.uuid));
        CHECK(e.course_version == "1");
        CHECK(e.language == "da");
    }
    const auto answered = std::find_if(events.begin(), events.end(), [](const RecordedEvent& e) {
        return e.event.kind == EventKind::quiz_answered;
    });
    REQUIRE(answered != events.end());
    CHECK(answered->event.text == "Spørgsmål 1?");
    CHECK(is_uuid(store.registration(id, course->id)));
}

TEST_CASE("when the store cannot commit, the action does not happen") {
    TempDir dir;
    const CoursePtr course = small_course();
    Store store(dir.path());
    const Learner l = store.create_learner("Bo");
    Session s(course, store.progress(l.id, *course), store.sink(l.id, *course));
    s.open_lesson(0);
    const Progress before = s.progress();
    // The learner is erased by a trainer while the session is open.
    Store other(dir.path());
    other.delete_learner(l.id);
    CHECK_THROWS_AS(s.next(), RecordsError);
    CHECK(same_progress(s.progress(), before));
    CHECK(store.events(l.id).empty());
}

TEST_CASE("two stores recording for one learner keep the state cache equal to the events") {
    TempDir dir;
    const CoursePtr course = small_course();
    Store a(dir.path());
    Store b(dir.path());
    const Learner l = a.create_learner("Cy");
    Session sa(course, a.progress(l.id, *course), a.sink(l.id, *course));
    Session sb(course, b.progress(l.id, *course), b.sink(l.id, *course));
    sa.open_lesson(0);
    sb.open_lesson(1);
    sa.next();
    sb.next();
    sa.answer_check("l1.check", {"l1.check.b"});
    sb.answer_check("l2.check", {"l2.check.a"});
    const auto cached = b.state(l.id, course->id);
    REQUIRE(cached);
    CHECK(*cached == cached_as_replayed(b, l.id, *course));
    const Progress p = b.progress(l.id, *course);
    CHECK(p.lessons.at("l1").checks.count("l1.check") == 1);
    CHECK(p.lessons.at("l2").checks.count("l2.check") == 1);
}

TEST_CASE("a new course version keeps earlier records valid and readable") {
    TempDir dir;
    const CoursePtr v1 = small_course("1");
    const CoursePtr v2 = small_course("2", true);  // q1 reworded, q2 gone
    Store store(dir.path());
    const Learner l = store.create_learner("Dag");
    {
        Session s(v1, store.progress(l.id, *v1), store.sink(l.id, *v1));
        complete_lessons(s);
        REQUIRE(s.start_quiz(7));
        s.answer_quiz("q1", right_answer(*v1->question("q1")));
        s.answer_quiz("q2", right_answer(*v1->question("q2")));
        s.submit_quiz();
    }
    const Progress p = store.progress(l.id, *v2);
    REQUIRE(p.attempts.size() == 1);
    CHECK(p.attempts[0].answers.count("q2") == 1);  // kept, though v2 has no q2

    Session s(v2, p, store.sink(l.id, *v2));
    CHECK(s.quiz_state() != QuizState::locked);
    REQUIRE(s.start_quiz(8));
    // A copy: each answer rebuilds the progress the attempt lives in.
    const std::vector<std::string> questions = s.current_attempt()->questions;
    for (const std::string& q : questions) s.answer_quiz(q, right_answer(*v2->question(q)));
    REQUIRE(s.submit_quiz());

    const std::vector<RecordedEvent> events = store.events(l.id, "c");
    const auto old = std::find_if(events.begin(), events.end(), [](const RecordedEvent& e) {
        return e.event.kind == EventKind::quiz_answered && e.event.target == "q1";
    });
    REQUIRE(old != events.end());
    CHECK(old->course_version == "1");
    CHECK(old->event.text == "Spørgsmål 1?");  // the words the learner saw
    CHECK(events.back().course_version == "2");

    const Report r = make_report(store, *v2);
    const auto q2 = std::find_if(r.quiz.begin(), r.quiz.end(), [](const auto& q) { return q.id == "q2"; });
    REQUIRE(q2 != r.quiz.end());
    CHECK_FALSE(q2->in_course);
    CHECK(q2->text == "Spørgsmål 2?");
    CHECK(r.quiz.front().text == "Nyt spørgsmål 1?");
}

TEST_CASE("events are append-only") {
    TempDir dir;
    const CoursePtr course = small_course();
    {
        Store store(dir.path());
        const Learner l = store.create_learner("Eva");
        Session s(course, {}, store.sink(l.id, *course));
        s.open_lesson(0);
    }
    CHECK_THROWS_WITH(run_sql(dir / "records.sqlite3", "UPDATE events SET target = 'forged'"),
                      Catch::Contains("append-only"));
}

TEST_CASE("deleting a learner leaves no trace of them in the database file") {
    TempDir dir;
    const CoursePtr course = small_course();
    const std::string name = "Zebulon Quixote-Vargas";
    std::string their_uuid;
    {
        Store store(dir.path());
        const Learner keep = store.create_learner("Ingrid");
        const Learner gone = store.create_learner(name, "da");
        for (const Learner& l : {keep, gone}) {
            Session s(course, {}, store.sink(l.id, *course));
            complete_lessons(s);
        }
        their_uuid = store.events(gone.id).front().uuid;
        store.save_settings(gone);
        // Before: the name is there, so the search below can find it.
        store.delete_learner(keep.id + 1000);  // nobody: still compacts, harms nothing
        CHECK((contains_bytes(dir / "records.sqlite3", name) ||
               contains_bytes(dir / "records.sqlite3-wal", name)));
        store.delete_learner(gone.id);
        CHECK_FALSE(store.find_learner(name));
        CHECK(store.events(gone.id).empty());
        CHECK(store.learners().size() == 1);
        CHECK(store.events(keep.id).size() > 5);
        for (const char* file : {"records.sqlite3", "records.sqlite3-wal", "records.sqlite3-shm"}) {
            INFO(file);
            CHECK_FALSE(contains_bytes(dir / file, name));
            CHECK_FALSE(contains_bytes(dir / file, "zebulon quixote-vargas"));  // the folded key
            CHECK_FALSE(contains_bytes(dir / file, their_uuid));
        }
    }
    CHECK(query_text(dir / "records.sqlite3", "PRAGMA integrity_check") == "ok");
}

TEST_CASE("commit latency of one answer") {
    TempDir dir;
    Store store(dir.path());
    const CoursePtr course = small_course();
    const Learner l = store.create_learner("Latency");
    const EventSink sink = store.sink(l.id, *course);
    std::vector<double> ms;
    for (int i = 0; i < 500; ++i) {
        Event e;
        e.kind = EventKind::check_answered;
        e.lesson = "l1";
        e.target = "l1.check";
        e.answer = {{"l1.check.a"}, true};
        e.text = "Spørgsmål?";
        const auto t0 = std::chrono::steady_clock::now();
        sink(e);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    const double p99 = ms[ms.size() * 99 / 100];
    WARN("commit latency over " << ms.size() << " answers (WAL, synchronous=FULL): median " << median
                                << " ms, p99 " << p99 << " ms, max " << ms.back() << " ms");
    // Far above what a disk needs: this catches a lock wait or a replay per commit.
    CHECK(p99 < 250.0);
}
