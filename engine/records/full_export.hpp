// Everything the records hold about the learners in scope, as JSON: the
// answer to a learner's request for their data (GDPR articles 15 and 20).
#pragma once

#include <string>

#include "records/export_scope.hpp"

namespace lektion {

// {"format": "lektion-records", "schema": N, "exported_at": ...,
//  "device": {"id": this database's id, "name": the host name},
//  "devices": [{"id", "name"}: the other PCs the events come from],
//  "learners": [
//   {"name", "language", "theme", "text_size", "courses": [
//     {"id", "registration", "state": {...}, "events": [{every column, with
//      "device", "device_seq" and "registration" of where it was recorded}]}]}],
//  "sha256": the checksum (records_file.hpp)}
// `records import` reads it back.
std::string json_export(const Store& store, const ExportScope& scope);

}  // namespace lektion
