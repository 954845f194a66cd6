// Events as rows of the events table: one column per field a trainer may
// query with SQL, and JSON only for a quiz attempt's draw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "records/sqlite.hpp"
#include "records/store.hpp"

namespace lektion {

// Inserts the event; returns its seq.
std::int64_t insert_event(sqlite3* db, const RecordedEvent& e);

// The learner's events in order; course_id empty: every course. Rows this
// version cannot read (an unknown kind) are left out rather than guessed at.
std::vector<RecordedEvent> select_events(sqlite3* db, std::int64_t learner_id, const std::string& course_id);

// The seq of the learner's newest event in the course, 0 when none.
std::int64_t newest_seq(sqlite3* db, std::int64_t learner_id, const std::string& course_id);

}  // namespace lektion
