// Tombstones: an erased learner stays erased when an old export is imported.
//
// Erasure must not keep the name, so a tombstone holds a keyed hash of the
// learner's name key (HMAC-SHA-256 under a random key made with the
// database, keyed_hash.hpp) and the time of the erasure. An import computes
// the same hash for each learner in the file. Someone with the database file
// can still test a guessed name against the tombstones; nobody can read the
// names from them.
#pragma once

#include <optional>
#include <string>

#include <sqlite3.h>

namespace lektion {

// Inside the caller's transaction.
void add_tombstone(sqlite3* db, const std::string& name_key);
void remove_tombstone(sqlite3* db, const std::string& name_key);
// When the learner with this name key was erased (UTC, ISO 8601), or nullopt.
std::optional<std::string> tombstone(sqlite3* db, const std::string& name_key);

}  // namespace lektion
