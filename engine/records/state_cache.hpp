// The state table: each learner's current state in each course, written in
// the same transaction as the event that changed it. It is a cache: the
// events decide, and refresh_state() rebuilds a row from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <sqlite3.h>

#include "records/store.hpp"

namespace lektion {

struct Replay {
    Progress progress;
    std::int64_t last_seq = 0;
    std::string course_version;  // of the last event replayed
    bool merged = false;         // events from another PC: replay order may differ from append order
};

// The learner's events in the course, applied in replay order (merge_order.hpp).
Replay replay(sqlite3* db, std::int64_t learner_id, const std::string& course_id);

void write_state(sqlite3* db, std::int64_t learner_id, const std::string& course_id,
                 const CourseState& state);
std::optional<CourseState> read_state(sqlite3* db, std::int64_t learner_id, const std::string& course_id);
// Rewrites the row from a replay of the events.
void refresh_state(sqlite3* db, std::int64_t learner_id, const std::string& course_id);

}  // namespace lektion
