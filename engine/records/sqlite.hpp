// A thin layer over the SQLite C API: statements that finalize themselves,
// transactions that roll back unless committed, and errors that name the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace lektion::sql {

// Throws RecordsError: "FILE: could not DOING: sqlite's message".
[[noreturn]] void fail(sqlite3* db, std::string_view doing);
[[noreturn]] void fail(sqlite3* db, int code, std::string_view doing);

// The database's file, for messages.
std::string file_of(sqlite3* db);

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
