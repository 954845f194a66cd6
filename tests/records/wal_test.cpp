// The write-ahead log beside the database: one that lektion itself left
// behind (a crash, a power cut) holds committed answers and must be applied;
// one that belongs to another database (copied from another PC, or from
// another data folder) must never be, since SQLite would put the other
// database's pages into this one and the next open would make that permanent.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "killed_on_purpose.hpp"
#include "records/store.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;
namespace fs = std::filesystem;

namespace {

Event answer(const std::string& target) {
    Event e;
    e.kind = EventKind::check_answered;
    e.lesson = "l1";
    e.target = target;
    e.answer = {{"l1.check.a"}, true};
    e.text = "Spørgsmål?";
    return e;
}

// Records answers `prefix`-1..n for `learner` and closes the database cleanly.
void record(const fs::path& dir, const std::string& learner, const std::string& prefix, int n) {
    const CoursePtr course = small_course();
    Store store(dir);
    const Learner l = store.find_or_create_learner(learner, "da");
    const EventSink sink = store.sink(l.id, *course);
    for (int i = 1; i <= n; ++i) sink(answer(prefix + "-" + std::to_string(i)));
}

// The same in a child process that then dies without closing the database,
// as a crash or a power cut would: the answers stay in records.sqlite3-wal.
void record_and_crash(const fs::path& dir, const std::string& learner, const std::string& prefix, int n) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int status = 0;
        try {
            const CoursePtr course = small_course();
            auto* store = new Store(dir);  // never deleted: the process just ends
            const Learner l = store->find_or_create_learner(learner, "da");
            const EventSink sink = store->sink(l.id, *course);
            for (int i = 1; i <= n; ++i) sink(answer(prefix + "-" + std::to_string(i)));
        } catch (...) {
            status = 1;
        }
        ::_exit(status);
    }
    int status = -1;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(fs::file_size(dir / "records.sqlite3-wal") > 32);
}

std::vector<std::string> targets(const fs::path& dir, const std::string& learner,
                                 Store::Access access = Store::Access::read) {
    Store store(dir, access);
    std::vector<std::string> out;
    if (const auto l = store.find_learner(learner))
        for (const RecordedEvent& e : store.events(l->id)) out.push_back(e.event.target);
    return out;
}

std::string error_of(const fs::path& dir, Store::Access access) {
    try {
        Store store(dir, access);
    } catch (const RecordsError& e) {
        return e.what();
    }
    return "";
}

const Store::Access all_accesses[] = {Store::Access::read, Store::Access::update, Store::Access::create};

}  // namespace

TEST_CASE("a write-ahead log that lektion left in a crash is applied: nothing committed is lost") {
    TempDir dir;
    SECTION("the database was created in the session that crashed") {
        record_and_crash(dir.path(), "Ann", "a", 5);
        CHECK(targets(dir.path(), "Ann").size() == 5);  // read-only: applied without checkpointing
        CHECK(targets(dir.path(), "Ann", Store::Access::create).size() == 5);
    }
    SECTION("the database was closed cleanly before, and crashed later") {
        record(dir.path(), "Ann", "a", 3);
        REQUIRE_FALSE(fs::exists(dir / "records.sqlite3-wal"));
        record_and_crash(dir.path(), "Ann", "b", 4);
        record_and_crash(dir.path(), "Bo", "c", 2);  // a second crash on top of the first
        CHECK(targets(dir.path(), "Ann").size() == 7);
        CHECK(targets(dir.path(), "Bo", Store::Access::update).size() == 2);
        CHECK(targets(dir.path(), "Ann", Store::Access::create).size() == 7);
    }
    CHECK(query_text(dir / "records.sqlite3", "PRAGMA integrity_check") == "ok");
}

TEST_CASE("a write-ahead log from another lektion database is refused, and both files stay as they were") {
    TempDir a, b;
    SECTION("a log holding the other database's whole history") { record_and_crash(a.path(), "Ann", "a", 5); }
    SECTION("a log holding the other database's latest answers") {
        record(a.path(), "Ann", "a", 5);
        record_and_crash(a.path(), "Ann", "b", 3);
    }
    record(b.path(), "Bo", "b", 4);
    REQUIRE_FALSE(fs::exists(b / "records.sqlite3-wal"));
    const fs::path db = b / "records.sqlite3";
    const fs::path wal = b / "records.sqlite3-wal";
    fs::copy_file(a / "records.sqlite3-wal", wal);
    const std::string db_bytes = read_bytes(db);
    const std::string wal_bytes = read_bytes(wal);

    for (const Store::Access access : all_accesses) {
        const std::string message = error_of(b.path(), access);
        INFO(message);
        CHECK_THAT(message, Catch::StartsWith(wal.string() + ": ") && Catch::Contains(db.string()) &&
                                Catch::Contains("does not belong"));
        CHECK(message.find('\n') == std::string::npos);
        CHECK(read_bytes(db) == db_bytes);
        CHECK(read_bytes(wal) == wal_bytes);
        CHECK_FALSE(fs::exists(b / "records.sqlite3-shm"));
    }
    // Once the stray log is moved away, the database is what it was.
    fs::rename(wal, b / "stray-wal");
    CHECK(targets(b.path(), "Bo").size() == 4);
    CHECK(targets(b.path(), "Ann").empty());
}

TEST_CASE("a write-ahead log of some other program's SQLite database is refused") {
    TempDir other, b;
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        sqlite3* db = nullptr;
        sqlite3_open((other / "invoices.db").c_str(), &db);
        const int rc =
            sqlite3_exec(db,
                         "PRAGMA journal_mode = WAL; CREATE TABLE invoices (id INTEGER PRIMARY KEY, "
                         "total REAL); INSERT INTO invoices (total) VALUES (12.5), (99);",
                         nullptr, nullptr, nullptr);
        ::_exit(rc == SQLITE_OK ? 0 : 1);  // without closing: the log stays
    }
    int status = -1;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    record(b.path(), "Bo", "b", 2);
    fs::copy_file(other / "invoices.db-wal", b / "records.sqlite3-wal");
    const std::string db_bytes = read_bytes(b / "records.sqlite3");
    CHECK_THAT(error_of(b.path(), Store::Access::create), Catch::Contains("does not belong"));
    CHECK(read_bytes(b / "records.sqlite3") == db_bytes);
}

TEST_CASE("a log with no valid frames is nothing to apply and harms nothing") {
    TempDir dir;
    record(dir.path(), "Ann", "a", 3);
    std::string junk(5000, '\0');
    for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>(i * 31 + 7);
    write_bytes(dir / "records.sqlite3-wal", junk);
    CHECK(targets(dir.path(), "Ann", Store::Access::create).size() == 3);
    CHECK(query_text(dir / "records.sqlite3", "PRAGMA integrity_check") == "ok");
}

TEST_CASE("every database has its own random id, kept by every write") {
    TempDir a, b;
    record(a.path(), "Ann", "a", 1);
    record(b.path(), "Ann", "a", 1);
    const std::string id_a = query_text(a / "records.sqlite3", "SELECT database_id FROM identity");
    const std::string id_b = query_text(b / "records.sqlite3", "SELECT database_id FROM identity");
    CHECK(id_a.size() == 36);
    CHECK(id_a != id_b);
    const std::string writes = query_text(a / "records.sqlite3", "SELECT writes FROM identity");
    record(a.path(), "Ann", "b", 2);
    CHECK(std::stoi(query_text(a / "records.sqlite3", "SELECT writes FROM identity")) ==
          std::stoi(writes) + 2);
    CHECK(query_text(a / "records.sqlite3", "SELECT database_id FROM identity") == id_a);
}

TEST_CASE("the log of a lektion that is running is never taken for a stray one") {
    TempDir dir;
    record(dir.path(), "Bo", "b", 1);
    // A writer committing about a thousand times a second: its log grows, is
    // checkpointed and starts again from the top while the stores below open
    // the database. (With no pause at all it can starve the writing open below
    // of the lock past its 10 s wait on a loaded machine: SQLite's busy handler
    // is no queue. No lektion commits like that.)
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        turn_off_leak_check_before_exec();  // killed below
        ::execl(RECORDS_WRITER, RECORDS_WRITER, dir.path().c_str(), "Ann", "w", "0", "1",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Once it is writing: the log exists.
    const auto started = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!fs::exists(dir / "records.sqlite3-wal") && std::chrono::steady_clock::now() < started)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    int opened = 0;
    std::string refused;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    // Reading needs no write lock, so these opens come fast, each with the log
    // in another state; one that writes, after them.
    for (int i = 0; refused.empty() && (std::chrono::steady_clock::now() < until || i == 0); ++i) {
        try {
            Store store(dir.path(), std::chrono::steady_clock::now() < until ? Store::Access::read
                                                                             : Store::Access::update);
            ++opened;
        } catch (const RecordsError& e) {
            refused = e.what();
        }
    }
    try {
        Store store(dir.path(), Store::Access::update);
    } catch (const RecordsError& e) {
        refused = e.what();
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(refused == "");
    CHECK(opened > 10);
    CHECK(targets(dir.path(), "Ann").size() > 10);
}

namespace {

// Runs SQL in a child process that then dies without closing the database.
void sql_and_crash(const fs::path& file, const std::string& sql) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        ::_exit(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK ? 0 : 1);
    }
    int status = -1;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

// A database as lektion's schema 2 left it: no identity, nor what schemas 4, 5 and 6 added.
void make_schema_2(const fs::path& dir, const std::string& learner) {
    record(dir, learner, "old", 2);
    run_sql(dir / "records.sqlite3",
            "DROP TABLE identity; DROP TABLE devices; DROP TABLE tombstones; DROP TABLE lrs_acknowledged; "
            "DROP TABLE lrs_endpoints; DROP TABLE settings; DROP TABLE trainer_passphrase; "
            "DROP TABLE learner_pins; ALTER TABLE events DROP COLUMN device; "
            "ALTER TABLE events DROP COLUMN device_seq; ALTER TABLE events DROP COLUMN registration; "
            "ALTER TABLE events DROP COLUMN question_type; ALTER TABLE events DROP COLUMN credit; "
            "ALTER TABLE events DROP COLUMN interaction; ALTER TABLE learners DROP COLUMN speech_rate; "
            "PRAGMA user_version = 2");
}

}  // namespace

TEST_CASE("a database from before ids: its own leftover log is applied, then it gets an id") {
    TempDir dir;
    make_schema_2(dir.path(), "Ann");
    // An older lektion crashed after adding a learner.
    sql_and_crash(dir / "records.sqlite3",
                  "INSERT INTO learners (name, name_key, language, created_at) "
                  "VALUES ('Bo', 'bo', 'da', '2024-01-01T00:00:00.000Z')");
    REQUIRE(fs::file_size(dir / "records.sqlite3-wal") > 32);
    {
        Store store(dir.path());
        CHECK(store.find_learner("Bo"));
        CHECK(store.events(store.find_learner("Ann")->id).size() == 2);
    }
    CHECK(query_text(dir / "records.sqlite3", "PRAGMA user_version") ==
          std::to_string(Store::schema_version()));
    CHECK(query_text(dir / "records.sqlite3", "SELECT length(database_id) FROM identity") == "36");
}

TEST_CASE("a database from before ids refuses a log that brings another database's id") {
    TempDir a, b;
    record(a.path(), "Ann", "a", 2);
    record_and_crash(a.path(), "Ann", "b", 2);
    make_schema_2(b.path(), "Bo");
    fs::copy_file(a / "records.sqlite3-wal", b / "records.sqlite3-wal");
    const std::string db_bytes = read_bytes(b / "records.sqlite3");
    CHECK_THAT(error_of(b.path(), Store::Access::create), Catch::Contains("does not belong"));
    CHECK(read_bytes(b / "records.sqlite3") == db_bytes);
}

TEST_CASE("a log whose database is missing or empty is neither deleted nor applied") {
    TempDir dir;
    record_and_crash(dir.path(), "Ann", "a", 3);
    const fs::path db = dir / "records.sqlite3";
    const fs::path wal = dir / "records.sqlite3-wal";
    fs::rename(db, dir / "moved-away.sqlite3");
    const std::string wal_bytes = read_bytes(wal);
    SECTION("missing") {}
    SECTION("empty") { write_bytes(db, ""); }
    const bool had_db = fs::exists(db);
    // SQLite deletes the log of a database with no pages: the answers in it would be gone.
    CHECK_THAT(error_of(dir.path(), Store::Access::create),
               Catch::StartsWith(wal.string() + ": ") && Catch::Contains("without its database"));
    CHECK(read_bytes(wal) == wal_bytes);
    CHECK(fs::exists(db) == had_db);
    if (had_db) CHECK(fs::file_size(db) == 0);
}
