#include "records/identity.hpp"

#include "records/sqlite.hpp"

namespace lektion {

void stamp_write(sqlite3* db) {
    sql::exec(db, "UPDATE identity SET writes = writes + 1", "record the write");
}

std::string database_id(sqlite3* db) {
    sqlite3_stmt* s = nullptr;
    std::string id;
    if (sqlite3_prepare_v2(db, "SELECT database_id FROM identity WHERE only = 1", -1, &s, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        id = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return id;
}

}  // namespace lektion
