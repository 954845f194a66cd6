// The database schema and its forward migrations. Each version's SQL is
// frozen once released: a change is a new version with its own migration.
#pragma once

#include <sqlite3.h>

namespace lektion {

constexpr int current_schema = 6;
// PRAGMA application_id: "LKTN", so `file` and lektion know the database as ours.
constexpr int application_id = 0x4C4B544E;

// Brings the database from schema `from` to current_schema. Runs inside the
// caller's immediate transaction, so a crash leaves the old version whole.
void migrate(sqlite3* db, int from);

}  // namespace lektion
