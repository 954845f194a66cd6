// A thin layer over the SQLite C API: statements that finalize themselves,
// transactions that roll back unless committed, and errors that name the file.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "records/store.hpp"

namespace lektion::sql {

// How long a connection waits for another's lock before SQLITE_BUSY, unless
// a caller sets a shorter wait (the sink: Store::LockWaits).
constexpr std::chrono::milliseconds lock_wait{10'000};

// The lock was not free in time (SQLITE_BUSY, SQLITE_LOCKED): the same
// statement may succeed later.
class Busy : public RecordsError {
public:
    using RecordsError::RecordsError;
};

// Throws RecordsError (Busy for a lock that was not free): "FILE: could not DOING: sqlite's message".
[[noreturn]] void fail(sqlite3* db, std::string_view doing);
[[noreturn]] void fail(sqlite3* db, int code, std::string_view doing);

// The database's file, for messages.
std::string file_of(sqlite3* db);

// A URI that opens `file` read-only; `immutable`: without locks and without
// its write-ahead log, as the file is on disk.
std::string read_only_uri(const std::filesystem::path& file, bool immutable);

// Sets the connection's busy timeout for as long as it lives, then restores sql::lock_wait.
class LockWait {
public:
    LockWait(sqlite3* db, std::chrono::milliseconds wait);
    ~LockWait();
    LockWait(const LockWait&) = delete;
    LockWait& operator=(const LockWait&) = delete;

private:
    sqlite3* db_;
};

void exec(sqlite3* db, const char* sql, std::string_view doing);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds by 1-based index; returns *this to chain.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind_null(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // True while there is a row; throws on error.
    bool step();
    // Runs to completion (for statements without rows).
    void run() {
        while (step()) {
        }
    }
    void reset();

    bool is_null(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE takes the write lock at once, so two processes queue on the
// busy timeout instead of failing halfway through a transaction.
class Transaction {
public:
    enum class Kind { deferred, immediate };
    explicit Transaction(sqlite3* db, Kind kind = Kind::immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    sqlite3* db_;
    bool open_ = true;
};

// A single value from a one-row query, such as a PRAGMA.
std::int64_t query_integer(sqlite3* db, const char* sql);
std::string query_text(sqlite3* db, const char* sql);

}  // namespace lektion::sql
