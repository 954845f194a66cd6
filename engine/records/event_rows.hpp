// Events as rows of the events table: one column per field a trainer may
// query with SQL, and JSON only for a quiz attempt's draw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "records/sqlite.hpp"
#include "records/store.hpp"

namespace lektion {

// Inserts events, one prepared statement for many. An event with a device
// is an imported one: its device, device_seq and registration are stored as
// they are. One without is this database's own (they are resolved when read).
class EventWriter {
public:
    explicit EventWriter(sqlite3* db);
    std::int64_t insert(const RecordedEvent& e);  // returns its seq

private:
    sqlite3* db_;
    sql::Statement s_;
};
std::int64_t insert_event(sqlite3* db, const RecordedEvent& e);

// Finds events by id, whoever's they are, one prepared statement for many.
class EventFinder {
public:
    explicit EventFinder(sqlite3* db);
    std::optional<RecordedEvent> find(std::string_view uuid);

private:
    sql::Statement s_;
};

// The learner's events in the order they were stored here (by seq); course_id empty: every course. Rows this
// version cannot read (an unknown kind) are left out rather than guessed at.
std::vector<RecordedEvent> select_events(sqlite3* db, std::int64_t learner_id, const std::string& course_id);

// The seq of the learner's newest event in the course, 0 when none.
std::int64_t newest_seq(sqlite3* db, std::int64_t learner_id, const std::string& course_id);

}  // namespace lektion
