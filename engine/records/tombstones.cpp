#include "records/tombstones.hpp"

#include "records/keyed_hash.hpp"
#include "records/sqlite.hpp"
#include "records/timestamp.hpp"

namespace lektion {

namespace {

std::string name_hash(sqlite3* db, const std::string& name_key) {
    const std::string key = sql::query_text(db, "SELECT value FROM settings WHERE key = 'tombstone_key'");
    if (key.empty()) throw RecordsError(sql::file_of(db) + ": the tombstone key is missing");
    return hmac_sha256_hex(key, name_key);
}

}  // namespace

void add_tombstone(sqlite3* db, const std::string& name_key) {
    sql::Statement s(db, "INSERT OR REPLACE INTO tombstones (name_hash, deleted_at) VALUES (?, ?)");
    s.bind(1, name_hash(db, name_key)).bind(2, utc_now()).run();
}

void remove_tombstone(sqlite3* db, const std::string& name_key) {
    sql::Statement s(db, "DELETE FROM tombstones WHERE name_hash = ?");
    s.bind(1, name_hash(db, name_key)).run();
}

std::optional<std::string> tombstone(sqlite3* db, const std::string& name_key) {
    sql::Statement s(db, "SELECT deleted_at FROM tombstones WHERE name_hash = ?");
    s.bind(1, name_hash(db, name_key));
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

}  // namespace lektion
