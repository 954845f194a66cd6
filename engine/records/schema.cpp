#include "records/schema.hpp"

#include <fmt/format.h>

#include "records/event_rows.hpp"
#include "records/keyed_hash.hpp"
#include "records/sqlite.hpp"
#include "records/state_cache.hpp"
#include "records/timestamp.hpp"
#include "records/uuid.hpp"

namespace lektion {

namespace {

// Version 1: learners and their append-only events.
constexpr const char* schema_1 = R"sql(
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

// Version 2: learner settings, xAPI registrations, and the current state as a
// cache of the events (filled below by replaying them).
constexpr const char* schema_2 = R"sql(
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
)sql";

// Version 3: the database's own identity, a random id made once. Every write
// transaction of lektion's also bumps `writes`, so the page holding the id is
// in every write-ahead log lektion writes for this database; wal_check.cpp
// uses that to tell a log of this database from one copied from another.
constexpr const char* schema_3 = R"sql(
CREATE TABLE identity (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  database_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  writes INTEGER NOT NULL DEFAULT 0
);
)sql";

// Version 4: a classroom of PCs. Events keep where they were recorded (the
// device: the recording database's id, NULL for this one; its order there;
// the xAPI registration they were recorded under, NULL for this database's
// own), so that merged records replay and export the same on every PC.
// Devices seen in imports, tombstones of erased learners, what each LRS has
// acknowledged, and the trainer passphrase and learner PINs as slow hashes.
constexpr const char* schema_4 = R"sql(
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
)sql";

// Version 5: question types. Each answer keeps its question's type (a name in
// the question-type registry), the credit it earned (0..1; partial credit for
// types with parts) and the question as xAPI defines it (JSON, for exports:
// the records know no course). Answers recorded before were all choice
// questions: they get the type "choice", the credit their correctness gave,
// and no definition. The events are append-only, so the trigger steps aside
// for this one rewrite.
constexpr const char* schema_5 = R"sql(
ALTER TABLE events ADD COLUMN question_type TEXT;
ALTER TABLE events ADD COLUMN credit REAL;
ALTER TABLE events ADD COLUMN interaction TEXT;
DROP TRIGGER events_append_only;
UPDATE events SET question_type = 'choice', credit = correct
  WHERE kind IN ('check_answered', 'quiz_answered');
CREATE TRIGGER events_append_only BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'learner events are append-only'); END;
)sql";

// Version 6: the learner's read-aloud speed, in words a minute (0: the default).
constexpr const char* schema_6 = R"sql(
ALTER TABLE learners ADD COLUMN speech_rate INTEGER NOT NULL DEFAULT 0;
)sql";

void fill_state_and_registrations(sqlite3* db) {
    sql::Statement pairs(db, "SELECT DISTINCT learner_id, course_id FROM events");
    while (pairs.step()) {
        const std::int64_t learner = pairs.integer(0);
        const std::string course = pairs.text(1);
        refresh_state(db, learner, course);
        sql::Statement reg(db,
                           "INSERT OR IGNORE INTO registrations (learner_id, course_id, registration) "
                           "VALUES (?, ?, ?)");
        reg.bind(1, learner).bind(2, course).bind(3, random_uuid()).run();
    }
}

}  // namespace

void migrate(sqlite3* db, int from) {
    if (from < 1) sql::exec(db, schema_1, "create the records tables (schema 1)");
    if (from < 2) sql::exec(db, schema_2, "upgrade the records to schema 2");
    if (from < 3) {
        sql::exec(db, schema_3, "upgrade the records to schema 3");
        sql::Statement id(db,
                          "INSERT INTO identity (only, database_id, created_at, writes) VALUES (1, ?, ?, 0)");
        id.bind(1, random_uuid()).bind(2, utc_now()).run();
    }
    if (from < 4) {
        sql::exec(db, schema_4, "upgrade the records to schema 4");
        // The key of the tombstones' keyed hashes (tombstones.hpp).
        sql::Statement key(db, "INSERT INTO settings (key, value) VALUES ('tombstone_key', ?)");
        key.bind(1, random_key_hex()).run();
    }
    if (from < 5) sql::exec(db, schema_5, "upgrade the records to schema 5");
    if (from < 6) sql::exec(db, schema_6, "upgrade the records to schema 6");
    // Replaying events reads today's tables, so the cache is filled once they are all there.
    if (from < 2) fill_state_and_registrations(db);
    if (from < current_schema) {
        sql::exec(db, fmt::format("PRAGMA application_id = {}", application_id).c_str(),
                  "mark the database as lektion's");
        sql::exec(db, fmt::format("PRAGMA user_version = {}", current_schema).c_str(),
                  "record the schema version");
    }
}

}  // namespace lektion
