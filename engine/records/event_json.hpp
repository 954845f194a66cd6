// One recorded event as JSON, both ways: what `records export --format json`
// writes for it, and what `records import` accepts back. Inside the records
// library only (nlohmann::json is not part of its interface).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "records/store.hpp"

namespace lektion {

// Every field of the event, its device, place there and registration
// included, and `seq`, its place in this database (which an import ignores).
nlohmann::json event_to_json(const RecordedEvent& event);

// A score's raw points: a whole number as an integer (as before partial
// credit), a fraction as a number.
nlohmann::json score_raw_json(double raw);

// Whether two events agree in everything event_to_json writes but `seq`:
// the same as comparing those, without building them.
bool same_content(const RecordedEvent& a, const RecordedEvent& b);

// The event an export holds, every value checked: kinds this lektion knows,
// ids as the course format allows them, UUIDs, timestamps, language tags,
// numbers in range, and text without anything printable() would escape.
// Sets `problem` (one phrase, fit to show) and returns false when the event
// cannot be taken; learner_id and seq are left for the caller.
bool event_from_json(const nlohmann::json& j, RecordedEvent& out, std::string& problem);

// The course format's ids (a-z and 0-9, then also '.', '-' and '_'), as the
// loader accepts them, at most 200 bytes.
bool is_course_id(std::string_view id);

// "2025-03-01T09:30:12.345Z", as utc_now() writes it.
bool is_timestamp(std::string_view at);

}  // namespace lektion
