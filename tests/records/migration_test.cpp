// A database written by the first schema opens in this lektion with every
// record intact. Schema 1 is copied here as it shipped, so that editing the
// migration cannot quietly change what the test starts from.
#include <catch2/catch.hpp>

#include "records/store.hpp"
#include "records/uuid.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

constexpr const char* schema_1_as_shipped = R"sql(
PRAGMA application_id = 1280005198;
PRAGMA user_version = 1;
CREATE TABLE learners (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  course_id TEXT NOT NULL,
  course_version TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL,
  lesson TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '',
  attempt INTEGER NOT NULL DEFAULT 0,
  chosen TEXT,
  correct INTEGER,
  score_raw INTEGER,
  score_max INTEGER,
  score_scaled REAL,
  passed INTEGER,
  position_lesson INTEGER,
  position_page INTEGER,
  detail TEXT,
  text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_learner ON events (learner_id, course_id, seq);
CREATE TRIGGER events_append_only BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'learner events are append-only'); END;
)sql";

// Åse's records as schema 1 kept them: lesson 1 done, a quiz attempt passed.
constexpr const char* records_1 = R"sql(
INSERT INTO learners VALUES (1, 'Åse', 'åse', 'da', '2024-01-02T08:00:00.000Z');
INSERT INTO learners VALUES (2, 'Bo', 'bo', 'en', '2024-01-02T08:01:00.000Z');
INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, kind, lesson, target)
  VALUES ('11111111-1111-4111-8111-111111111111', 1, 'c', '1', 'da', '2024-01-02T08:02:00.000Z', 'section_viewed', 'l1', 'l1.s1');
INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, kind, lesson, target, chosen, correct, text)
  VALUES ('22222222-2222-4222-8222-222222222222', 1, 'c', '1', 'da', '2024-01-02T08:03:00.000Z', 'check_answered', 'l1', 'l1.check', '["l1.check.a"]', 1, 'Spørgsmål?');
INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, kind, lesson)
  VALUES ('33333333-3333-4333-8333-333333333333', 1, 'c', '1', 'da', '2024-01-02T08:04:00.000Z', 'lesson_completed', 'l1');
INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, kind, attempt, detail)
  VALUES ('44444444-4444-4444-8444-444444444444', 1, 'c', '1', 'da', '2024-01-02T08:05:00.000Z', 'quiz_started', 1,
          '{"seed":"18446744073709551615","questions":["q1","q2"],"order":{"q1":["q1.b","q1.a"],"q2":["q2.a","q2.b"]}}');
INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, kind, attempt, target, chosen, correct, text)
  VALUES ('55555555-5555-4555-8555-555555555555', 1, 'c', '1', 'da', '2024-01-02T08:06:00.000Z', 'quiz_answered', 1, 'q1', '["q1.a"]', 1, 'Spørgsmål 1?');
INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, kind, attempt, score_raw, score_max, score_scaled, passed)
  VALUES ('66666666-6666-4666-8666-666666666666', 1, 'c', '1', 'da', '2024-01-02T08:07:00.000Z', 'quiz_submitted', 1, 1, 2, 0.5, 0);
INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, kind, position_lesson, position_page)
  VALUES ('77777777-7777-4777-8777-777777777777', 1, 'c', '1', 'da', '2024-01-02T08:08:00.000Z', 'position_changed', 0, 1);
)sql";

// Schemas 2 and 3 as they shipped, on top of schema 1 and its records: the
// database a classroom PC holds before this version.
constexpr const char* schemas_2_and_3_as_shipped = R"sql(
ALTER TABLE learners ADD COLUMN theme TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN text_size REAL NOT NULL DEFAULT 0;
CREATE TABLE registrations (
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  course_id TEXT NOT NULL,
  registration TEXT NOT NULL UNIQUE,
  PRIMARY KEY (learner_id, course_id)
);
CREATE TABLE state (
  learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
  course_id TEXT NOT NULL,
  course_version TEXT NOT NULL,
  position_lesson INTEGER NOT NULL,
  position_page INTEGER NOT NULL,
  lessons_complete TEXT NOT NULL,
  course_complete INTEGER NOT NULL,
  best_raw INTEGER, best_max INTEGER, best_scaled REAL, best_passed INTEGER,
  last_raw INTEGER, last_max INTEGER, last_scaled REAL, last_passed INTEGER,
  attempts INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (learner_id, course_id)
);
CREATE TABLE identity (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  database_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  writes INTEGER NOT NULL DEFAULT 0
);
INSERT INTO registrations VALUES (1, 'c', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
INSERT INTO identity VALUES (1, 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', '2024-06-01T00:00:00.000Z', 3);
PRAGMA user_version = 3;
)sql";

// Schema 4 as it shipped (issue 14), on top of schema 3.
constexpr const char* schema_4_as_shipped = R"sql(
ALTER TABLE events ADD COLUMN device TEXT;
ALTER TABLE events ADD COLUMN device_seq INTEGER;
ALTER TABLE events ADD COLUMN registration TEXT;
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  first_seen TEXT NOT NULL
);
CREATE TABLE tombstones (
  name_hash TEXT PRIMARY KEY,
  deleted_at TEXT NOT NULL
);
CREATE TABLE lrs_endpoints (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  home_page TEXT NOT NULL,
  activity_base TEXT NOT NULL
);
CREATE TABLE lrs_acknowledged (
  endpoint INTEGER NOT NULL REFERENCES lrs_endpoints(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  at TEXT NOT NULL,
  PRIMARY KEY (endpoint, seq)
) WITHOUT ROWID;
CREATE INDEX lrs_acknowledged_by_event ON lrs_acknowledged (seq);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE trainer_passphrase (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  hash TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  failed_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE learner_pins (
  learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  failed_at INTEGER NOT NULL DEFAULT 0
);
INSERT INTO settings VALUES ('tombstone_key', '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
PRAGMA user_version = 4;
)sql";

}  // namespace

TEST_CASE(
    "a schema 4 database becomes schema 5: every answer a choice, its credit what its correctness gave") {
    TempDir dir;
    const auto file = dir / "records.sqlite3";
    run_sql(file,
            std::string(schema_1_as_shipped) + records_1 + schemas_2_and_3_as_shipped + schema_4_as_shipped);
    const CoursePtr course = small_course();
    Store store(dir.path());
    CHECK(query_text(file, "PRAGMA user_version") == std::to_string(Store::schema_version()));
    CHECK(query_text(file, "SELECT count(*) FROM events WHERE question_type = 'choice' AND credit = 1") ==
          "2");
    CHECK(query_text(file, "SELECT count(*) FROM events WHERE question_type IS NOT NULL") == "2");
    CHECK(query_text(file, "SELECT count(*) FROM events WHERE interaction IS NOT NULL") == "0");
    // Still append-only: the trigger stepped aside for the migration only.
    CHECK_THROWS(run_sql(file, "UPDATE events SET text = 'changed' WHERE seq = 2;"));
    const auto ase = store.find_learner("Åse");
    REQUIRE(ase);
    const std::vector<RecordedEvent> events = store.events(ase->id);
    REQUIRE(events.size() == 7);
    CHECK(events[1].event.question_type == "choice");
    CHECK(events[1].event.answer.credit == 1.0);
    CHECK(events[1].event.answer.chosen == std::vector<std::string>{"l1.check.a"});
    CHECK(store.progress(ase->id, *course).attempts.size() == 1);
    CHECK(store.progress(ase->id, *course).attempts[0].score->raw == 1.0);
}

TEST_CASE("a migration to schema 5 that fails leaves schema 4 and its records whole") {
    TempDir dir;
    const auto file = dir / "records.sqlite3";
    run_sql(file, std::string(schema_1_as_shipped) + records_1 + schemas_2_and_3_as_shipped +
                      schema_4_as_shipped + "ALTER TABLE events ADD COLUMN interaction TEXT;");
    try {
        Store store(dir.path());
        FAIL("the store opened a database it could not migrate");
    } catch (const RecordsError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith(file.string()) && Catch::Contains("schema 5"));
    }
    CHECK(query_text(file, "PRAGMA user_version") == "4");
    CHECK(query_text(file, "SELECT count(*) FROM events") == "7");
    CHECK(query_text(file, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'question_type'") ==
          "0");
    CHECK_THROWS(run_sql(file, "UPDATE events SET text = 'changed' WHERE seq = 2;"));
}

TEST_CASE("a schema 3 database becomes schema 4: its id is its device id, its events are its own") {
    TempDir dir;
    const auto file = dir / "records.sqlite3";
    run_sql(file, std::string(schema_1_as_shipped) + records_1 + schemas_2_and_3_as_shipped);
    const CoursePtr course = small_course();
    Store store(dir.path());
    CHECK(query_text(file, "PRAGMA user_version") == std::to_string(Store::schema_version()));
    CHECK(store.device_id() == "dddddddd-dddd-4ddd-8ddd-dddddddddddd");
    const auto ase = store.find_learner("Åse");
    REQUIRE(ase);
    const std::vector<RecordedEvent> events = store.events(ase->id);
    REQUIRE(events.size() == 7);
    for (const RecordedEvent& e : events) {
        CHECK(e.device == store.device_id());
        CHECK(e.device_seq == e.seq);
        CHECK(e.registration == "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
    }
    CHECK(query_text(file, "SELECT count(*) FROM events WHERE device IS NOT NULL") == "0");
    CHECK(query_text(file, "SELECT length(value) FROM settings WHERE key = 'tombstone_key'") == "64");
    CHECK(store.progress(ase->id, *course).attempts.size() == 1);
    CHECK_FALSE(store.trainer_passphrase_set());
    CHECK_FALSE(store.learner_pins_enabled());
}

TEST_CASE("a migration to schema 4 that fails leaves schema 3 and its records whole") {
    TempDir dir;
    const auto file = dir / "records.sqlite3";
    run_sql(file, std::string(schema_1_as_shipped) + records_1 + schemas_2_and_3_as_shipped +
                      "CREATE TABLE tombstones (x);");
    try {
        Store store(dir.path());
        FAIL("the store opened a database it could not migrate");
    } catch (const RecordsError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith(file.string()) && Catch::Contains("schema 4"));
    }
    CHECK(query_text(file, "PRAGMA user_version") == "3");
    CHECK(query_text(file, "SELECT count(*) FROM events") == "7");
    CHECK(query_text(file, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'device'") == "0");
    CHECK(query_text(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'devices'") == "0");
}

TEST_CASE("a schema 1 database is migrated with its records intact") {
    TempDir dir;
    const auto file = dir / "records.sqlite3";
    run_sql(file, std::string(schema_1_as_shipped) + records_1);

    const CoursePtr course = small_course();
    Store store(dir.path());
    CHECK(query_text(file, "PRAGMA user_version") == std::to_string(Store::schema_version()));

    const auto ase = store.find_learner("ÅSE");
    REQUIRE(ase);
    CHECK(ase->language == "da");
    CHECK(ase->theme.empty());
    CHECK(ase->text_size == 0.0f);
    CHECK(store.learners().size() == 2);

    const Progress p = store.progress(ase->id, *course);
    CHECK(p.lessons.at("l1").complete);
    CHECK(p.lessons.at("l1").checks.at("l1.check").correct);
    REQUIRE(p.attempts.size() == 1);
    CHECK(p.attempts[0].seed == 18446744073709551615ULL);
    CHECK(p.attempts[0].order.at("q1") == std::vector<std::string>{"q1.b", "q1.a"});
    CHECK(p.attempts[0].score->scaled == 0.5);
    CHECK(p.position == Position{0, 1});

    // The state cache and the registration were filled by the migration.
    const auto st = store.state(ase->id, "c");
    REQUIRE(st);
    CHECK(st->lessons_complete == std::vector<std::string>{"l1"});
    CHECK(st->attempts == 1);
    CHECK(st->last_seq == 7);
    CHECK(is_uuid(store.registration(ase->id, "c")));
    CHECK(store.events(ase->id).at(1).uuid == "22222222-2222-4222-8222-222222222222");

    // And life goes on.
    Session s(course, p, store.sink(ase->id, *course));
    s.open_lesson(1);
    CHECK(store.events(ase->id).size() == 9);
}

TEST_CASE("a migration that fails leaves the old schema and its records whole") {
    TempDir dir;
    const auto file = dir / "records.sqlite3";
    // A table in the way of schema 2 makes its migration fail halfway.
    run_sql(file, std::string(schema_1_as_shipped) + records_1 + "CREATE TABLE state (x);");
    try {
        Store store(dir.path());
        FAIL("the store opened a database it could not migrate");
    } catch (const RecordsError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith(file.string()) && Catch::Contains("schema 2"));
    }
    CHECK(query_text(file, "PRAGMA user_version") == "1");
    CHECK(query_text(file, "SELECT count(*) FROM events") == "7");
    CHECK(query_text(file, "SELECT count(*) FROM pragma_table_info('learners') WHERE name = 'theme'") == "0");
}
