// Everything the records hold about the learners in scope, as JSON: the
// answer to a learner's request for their data (GDPR articles 15 and 20).
#pragma once

#include <string>

#include "records/export_scope.hpp"

namespace lektion {

// {"format": "lektion-records", "schema": N, "exported_at": ..., "learners": [
//   {"name", "language", "theme", "text_size", "courses": [
//     {"id", "registration", "state": {...}, "events": [{every column}]}]}]}
std::string json_export(const Store& store, const ExportScope& scope);

}  // namespace lektion
