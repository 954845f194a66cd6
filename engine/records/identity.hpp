// Which database this is: a random id kept in the database itself (schema 3),
// so that a write-ahead log can be matched to the database it was written for.
#pragma once

#include <string>

#include <sqlite3.h>

namespace lektion {

// Marks the current write transaction as lektion's on this database: the
// identity row is rewritten, so its page goes into the write-ahead log with
// the rest of the transaction. Every write transaction calls it before COMMIT.
void stamp_write(sqlite3* db);

// The database's id, or "" before schema 3 (or when it cannot be read).
std::string database_id(sqlite3* db);

}  // namespace lektion
