#include "records/sqlite.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace lektion::sql {

std::string file_of(sqlite3* db) {
    const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
    return name && *name ? name : "records database";
}

std::string read_only_uri(const std::filesystem::path& file, bool immutable) {
    std::string uri = "file:";
    for (unsigned char c : file.string()) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21) uri += fmt::format("%{:02X}", c);
        else uri += static_cast<char>(c);
    }
    return uri + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

LockWait::LockWait(sqlite3* db, std::chrono::milliseconds wait) : db_(db) {
    sqlite3_busy_timeout(db_, static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(
                                  wait.count(), 0, lock_wait.count())));
}

LockWait::~LockWait() { sqlite3_busy_timeout(db_, static_cast<int>(lock_wait.count())); }

void fail(sqlite3* db, int code, std::string_view doing) {
    // The connection's message is more precise than the code's, when it is about this code.
    const bool own = db && (sqlite3_extended_errcode(db) & 0xFF) == (code & 0xFF);
    const char* why = own ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    std::string message = fmt::format("{}: could not {}: {}", file_of(db), doing, why);
    if ((code & 0xFF) == SQLITE_BUSY || (code & 0xFF) == SQLITE_LOCKED) throw Busy(std::move(message));
    throw RecordsError(std::move(message));
}

void fail(sqlite3* db, std::string_view doing) { fail(db, sqlite3_extended_errcode(db), doing); }

void exec(sqlite3* db, const char* sql, std::string_view doing) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, doing);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "read the records");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, "use the records");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

Transaction::Transaction(sqlite3* db, Kind kind) : db_(db) {
    exec(db, kind == Kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN", "start a transaction");
}

Transaction::~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    const int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc, "commit");  // the destructor rolls back
    open_ = false;
}

std::int64_t query_integer(sqlite3* db, const char* sql) {
    Statement s(db, sql);
    return s.step() ? s.integer(0) : 0;
}

std::string query_text(sqlite3* db, const char* sql) {
    Statement s(db, sql);
    return s.step() ? s.text(0) : std::string();
}

}  // namespace lektion::sql
