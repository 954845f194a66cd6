// Another program holding the records' write lock (another lektion, a
// backup tool, sqlite3 left in a transaction): the learner's steps are kept
// in memory, in order, and committed once the lock is free. Nothing is
// refused, nothing is reordered, and the learner is told when it lasts.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "records/store.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A second connection holding the write lock, as another process would.
class Lock {
public:
    explicit Lock(const fs::path& file) {
        REQUIRE(sqlite3_open(file.c_str(), &db_) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    ~Lock() {
        release();
        sqlite3_close(db_);
    }
    void release() {
        if (held_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
        held_ = false;
    }

private:
    sqlite3* db_ = nullptr;
    bool held_ = true;
};

// What the session asked the store to record, in order.
struct Seen {
    std::vector<std::string> steps;
    EventSink wrap(EventSink sink) {
        return [this, sink](const Event& e) {
            sink(e);
            steps.push_back(std::string(to_string(e.kind)) + " " + e.target);
        };
    }
};

std::vector<std::string> recorded(const Store& store, std::int64_t learner) {
    std::vector<std::string> out;
    for (const RecordedEvent& r : store.events(learner))
        out.push_back(std::string(to_string(r.event.kind)) + " " + r.event.target);
    return out;
}

std::vector<std::string> right(const Question& q) {
    std::vector<std::string> out;
    for (const Option& o : q.options)
        if (o.correct) out.push_back(o.id);
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("steps that find the records locked are kept, applied, and committed in order afterwards") {
    TempDir dir;
    const CoursePtr course = small_course();
    Store store(dir.path());
    store.set_lock_waits({200ms, 60s});
    const Learner l = store.create_learner("Ann");
    Seen seen;
    Session s(course, store.progress(l.id, *course), seen.wrap(store.sink(l.id, *course)));
    s.open_lesson(0);
    REQUIRE(store.pending() == 0);
    const std::size_t before = store.events(l.id).size();
    {
        Lock lock(dir / "records.sqlite3");
        const auto t0 = std::chrono::steady_clock::now();
        CHECK_NOTHROW(s.next());
        CHECK(s.position().page == 1);  // the session went on
        CHECK_NOTHROW(s.answer_check("l1.check", right(course->lessons[0].checks[0])));
        CHECK(s.progress().lessons.at("l1").checks.count("l1.check") == 1);
        CHECK(seconds_since(t0) < 2.0);  // about 200 ms each, not the 10 s an open may wait
        CHECK(store.pending() == seen.steps.size() - before);
        CHECK(store.pending() >= 2);
        CHECK(store.events(l.id).size() == before);  // nothing is in the database yet
        CHECK_FALSE(store.retry_pending());
        CHECK(store.save_problem().empty());  // not for long yet
    }
    CHECK(store.retry_pending());
    CHECK(store.pending() == 0);
    CHECK(recorded(store, l.id) == seen.steps);
    CHECK(same_progress(store.progress(l.id, *course), s.recorded()));
    const auto cached = store.state(l.id, course->id);
    REQUIRE(cached);
    CHECK(cached->last_seq == store.events(l.id).back().seq);
    CHECK(cached->position == s.recorded().position);
}

TEST_CASE("the next step commits the kept ones first, so the order holds") {
    TempDir dir;
    const CoursePtr course = small_course();
    Store store(dir.path());
    store.set_lock_waits({100ms, 60s});
    const Learner ann = store.create_learner("Ann");
    const Learner bo = store.create_learner("Bo");
    Seen seen;
    Session a(course, {}, seen.wrap(store.sink(ann.id, *course)));
    Session b(course, {}, seen.wrap(store.sink(bo.id, *course)));
    {
        Lock lock(dir / "records.sqlite3");
        a.open_lesson(0);
        b.open_lesson(0);
        a.next();
        CHECK(store.pending() == seen.steps.size());
        CHECK(store.pending() >= 3);
    }
    b.next();  // the lock is gone: the three kept steps go first, then this one
    CHECK(store.pending() == 0);
    std::vector<std::string> all;
    std::vector<std::pair<std::int64_t, std::string>> by_seq;
    for (const Learner& l : {ann, bo})
        for (const RecordedEvent& r : store.events(l.id))
            by_seq.emplace_back(r.seq, std::string(to_string(r.event.kind)) + " " + r.event.target);
    std::sort(by_seq.begin(), by_seq.end());
    for (const auto& [seq, step] : by_seq) all.push_back(step);
    CHECK(all == seen.steps);
    CHECK(same_progress(store.progress(bo.id, *course), b.recorded()));
    CHECK(same_progress(store.progress(ann.id, *course), a.recorded()));
}

TEST_CASE("after a long wait the learner is told what is not saved yet") {
    TempDir dir;
    const CoursePtr course = small_course();
    Store store(dir.path());
    store.set_lock_waits({50ms, 300ms});
    const Learner l = store.create_learner("Ann");
    Session s(course, {}, store.sink(l.id, *course));
    Lock lock(dir / "records.sqlite3");
    s.open_lesson(0);
    s.next();
    CHECK(store.save_problem().empty());
    std::this_thread::sleep_for(400ms);
    const std::string problem = store.save_problem();
    CHECK_THAT(problem, Catch::StartsWith(store.path().string() + ": ") &&
                            Catch::Contains(std::to_string(store.pending()) + " steps") &&
                            Catch::Contains("not saved yet") && Catch::Contains("retried"));
    CHECK(problem.find('\n') == std::string::npos);
    CHECK(problem.rfind("lektion:", 0) == std::string::npos);
    lock.release();
    CHECK(store.retry_pending());
    CHECK(store.save_problem().empty());
}

TEST_CASE("quitting waits a bounded time for kept steps") {
    TempDir dir;
    const CoursePtr course = small_course();
    Store store(dir.path());
    store.set_lock_waits({50ms, 60s});
    const Learner l = store.create_learner("Ann");
    Session s(course, {}, store.sink(l.id, *course));
    auto lock = std::make_unique<Lock>(dir / "records.sqlite3");
    s.open_lesson(0);
    const std::size_t kept = store.pending();
    REQUIRE(kept > 0);
    auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(store.flush_pending(300ms));
    CHECK(seconds_since(t0) >= 0.25);
    CHECK(seconds_since(t0) < 2.0);
    CHECK(store.pending() == kept);
    std::thread release([&] {
        std::this_thread::sleep_for(300ms);
        lock.reset();
    });
    t0 = std::chrono::steady_clock::now();
    CHECK(store.flush_pending(10s));
    CHECK(seconds_since(t0) < 5.0);
    release.join();
    CHECK(store.pending() == 0);
    CHECK(store.events(l.id).size() == kept);
}

TEST_CASE("another process holding the lock past the default wait does not end the session") {
    TempDir dir;
    const CoursePtr course = small_course();
    Store store(dir.path());  // the default waits
    const Learner l = store.create_learner("Ann");
    Seen seen;
    Session s(course, {}, seen.wrap(store.sink(l.id, *course)));
    s.open_lesson(0);

    int locked[2], done[2];
    REQUIRE(::pipe(locked) == 0);
    REQUIRE(::pipe(done) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        sqlite3* db = nullptr;
        sqlite3_open((dir / "records.sqlite3").c_str(), &db);
        const bool ok = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
        char c = ok ? 'y' : 'n';
        (void)!::write(locked[1], &c, 1);
        (void)!::read(done[0], &c, 1);  // holds the lock until told
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        ::_exit(0);
    }
    char c = 0;
    REQUIRE(::read(locked[0], &c, 1) == 1);
    REQUIRE(c == 'y');
    const std::size_t before = seen.steps.size();
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_NOTHROW(s.next());
    const double waited = seconds_since(t0);
    // It waited for the lock about two seconds for the first step, and not
    // again for the steps after it that find the lock still held.
    CHECK(waited >= 1.5);
    CHECK(waited < 3.5);
    CHECK(store.pending() == seen.steps.size() - before);
    CHECK(store.pending() >= 1);
    CHECK(s.position().page == 1);
    (void)!::write(done[1], "x", 1);
    int status = 0;
    ::waitpid(pid, &status, 0);
    for (int fd : {locked[0], locked[1], done[0], done[1]}) ::close(fd);

    CHECK(store.flush_pending(10s));
    CHECK(recorded(store, l.id) == seen.steps);
    CHECK(same_progress(store.progress(l.id, *course), s.recorded()));
}
