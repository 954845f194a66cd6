// Opening the records database without ever harming one we should not write:
// a file from a newer lektion, a damaged one, or someone else's database is
// looked at through a read-only connection first and refused untouched.
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "records/schema.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"
#include "records/wal_check.hpp"
#include "resources/paths.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

constexpr int busy_timeout_ms = static_cast<int>(sql::lock_wait.count());

[[noreturn]] void refuse(const fs::path& file, const std::string& why) {
    throw RecordsError(fmt::format("{}: {}", file.string(), why));
}

std::string reason(int err) { return std::strerror(err); }

// mkdir with 0700 for each missing component: records are personal data.
void make_private_folder(const fs::path& dir) {
    fs::path so_far;
    for (const fs::path& part : dir) {
        so_far /= part;
        struct stat st {};
        if (::stat(so_far.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) refuse(so_far, "not a folder; the records folder cannot be created");
            continue;
        }
        if (errno != ENOENT) refuse(so_far, "cannot be reached (" + reason(errno) + ")");
        if (::mkdir(so_far.c_str(), 0700) != 0 && errno != EEXIST)
            refuse(so_far, "cannot create the records folder (" + reason(errno) + ")");
    }
}

// An empty file is an empty SQLite database; creating it ourselves gives it
// 0600, and SQLite gives its -wal and -shm files the same mode.
void create_private_file(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return;  // another lektion was quicker
        refuse(file, "cannot be created (" + reason(errno) + ")");
    }
    ::close(fd);
    // The new name must survive a power cut as well as the data written into it.
    const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void require_writable(const fs::path& file) {
    const fs::path dir = file.parent_path();
    if (::access(file.c_str(), R_OK | W_OK) != 0)
        refuse(file, "read-only for this user (" + reason(errno) +
                         "); nothing can be recorded, the file is left untouched");
    // SQLite keeps its write-ahead log beside the database.
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        refuse(file, "its folder is read-only for this user (" + reason(errno) +
                         "); nothing can be recorded, the file is left untouched");
}

struct Closer {
    sqlite3*& db;
    ~Closer() {
        if (db) sqlite3_close_v2(db);
        db = nullptr;
    }
};

bool permission_trouble(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM;
}

// A read-only connection that never checkpoints. When the folder does not let
// SQLite create the -shm file a WAL database needs, the file is read as immutable.
sqlite3* open_read_only(const fs::path& file) {
    for (bool immutable : {false, true}) {
        sqlite3* db = nullptr;
        int rc = sqlite3_open_v2(sql::read_only_uri(file, immutable).c_str(), &db,
                                 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        if (rc == SQLITE_OK) {
            sqlite3_extended_result_codes(db, 1);
            sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
            sqlite3_busy_timeout(db, busy_timeout_ms);
            // Opening is lazy: the first read is what meets the file.
            rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
            if (rc == SQLITE_OK) return db;
        }
        const std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        if (!immutable && permission_trouble(rc)) continue;
        if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
            refuse(file, "damaged or not a database (" + why + "); left untouched");
        refuse(file, "cannot be read (" + why + "); left untouched");
    }
    refuse(file, "cannot be read; left untouched");
}

// One value from a query, or the SQLite error code; never throws.
int read_value(sqlite3* db, const char* sql, std::string& out) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            out = text ? text : "";
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            out.clear();
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    return rc;
}

// Switching to WAL takes an exclusive lock from a shared one. Two processes
// opening a new database at once each hold the shared lock the other waits
// for; SQLite then fails one at once instead of calling the busy handler.
void use_write_ahead_log(sqlite3* db, const fs::path& file) {
    std::string mode;
    int rc = SQLITE_BUSY;
    for (int waited_ms = 0; waited_ms < busy_timeout_ms; waited_ms += 5) {
        rc = read_value(db, "PRAGMA journal_mode = WAL", mode);
        if ((rc & 0xFF) != SQLITE_BUSY && (rc & 0xFF) != SQLITE_LOCKED) break;
        ::usleep(5000);
    }
    if (rc != SQLITE_OK) refuse(file, std::string("cannot be opened (") + sqlite3_errmsg(db) + ")");
    if (mode != "wal")
        refuse(file, "cannot use a write-ahead log here (is it on a network drive?); left untouched");
}

struct Probe {
    int version = 0;
};

// Everything that decides whether we may write, read without writing.
// `thorough` adds PRAGMA quick_check, which reads every page.
Probe probe(sqlite3* db, const fs::path& file, bool thorough) {
    // One snapshot for all the reads: another lektion may commit its
    // migration between two of them.
    struct Snapshot {
        sqlite3* db;
        bool own = sqlite3_get_autocommit(db) != 0;
        explicit Snapshot(sqlite3* d) : db(d) {
            if (own) sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        }
        ~Snapshot() {
            if (own) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
    } snapshot(db);
    std::string app, version, tables, check = "ok";
    int rc = read_value(db, "PRAGMA application_id", app);
    if (rc == SQLITE_OK) rc = read_value(db, "PRAGMA user_version", version);
    if (rc == SQLITE_OK) rc = read_value(db, "SELECT count(*) FROM sqlite_schema", tables);
    if (rc == SQLITE_OK && thorough) rc = read_value(db, "PRAGMA quick_check", check);
    if (rc != SQLITE_OK)
        refuse(file, std::string("damaged or unreadable (") + sqlite3_errmsg(db) + "); left untouched");
    Probe p;
    p.version = std::atoi(version.c_str());
    const long long id = std::atoll(app.c_str());
    if (p.version > current_schema)
        refuse(file, fmt::format("written by a newer lektion (schema {}, this one reads up to {}); "
                                 "left untouched",
                                 p.version, current_schema));
    if ((id != 0 && id != application_id) || (id == 0 && std::atoll(tables.c_str()) > 0))
        refuse(file, "an SQLite database, but not lektion's records; left untouched");
    if (check != "ok") refuse(file, "damaged (" + check + "); left untouched");
    return p;
}

Probe probe_file(const fs::path& file) {
    sqlite3* db = open_read_only(file);
    Closer closer{db};
    return probe(db, file, true);
}

void check_regular_file(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        refuse(file, "not a regular file; left untouched");
}

[[noreturn]] void no_records(const fs::path& file) {
    refuse(file, "no learner records here yet (nothing has been recorded in this data folder)");
}

}  // namespace

fs::path data_dir(const std::string& override_dir) {
    if (!override_dir.empty()) return override_dir;
    fs::path dir = user_data_dir();
    if (dir.empty()) throw RecordsError("no home folder to keep learner records in; use --data-dir DIR");
    return dir;
}

int Store::schema_version() { return current_schema; }

Store::Store(const fs::path& dir) : Store(dir, Access::create) {}

Store::Store(const fs::path& dir, Access access) : path_(dir / file_name()) {
    if (path_.is_relative()) path_ = fs::absolute(path_);
    try {
        if (access == Access::read) open_for_reading();
        else open_for_writing(access == Access::create);
    } catch (...) {
        // No destructor runs for a constructor that throws.
        if (db_) sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

Store::~Store() {
    // A last try for events kept from a lock; the front end was to call
    // flush_pending() and tell the learner about any it could not save.
    try {
        if (db_ && !kept_.empty()) commit_kept(std::chrono::milliseconds(0));
    } catch (const std::exception&) {
    }
    if (db_) sqlite3_close_v2(db_);
}

void Store::open_for_writing(bool create) {
    if (create) make_private_folder(path_.parent_path());
    check_regular_file(path_);
    // Before anything of SQLite's reads the log, or creates a database that
    // would make it delete an orphaned one.
    check_wal_belongs(path_);
    std::error_code ec;
    if (fs::exists(path_, ec)) {
        require_writable(path_);
        probe_file(path_);
    } else if (create) {
        create_private_file(path_);
    } else {
        no_records(path_);
    }

    const int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        refuse(path_, "cannot be opened (" + why + "); left untouched");
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    // Deleted rows are overwritten with zeros, so an erased learner's bytes go with them.
    sql::exec(db_, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL",
              "configure the database");
    use_write_ahead_log(db_, path_);

    // Migrations: one immediate transaction, the version read again inside it,
    // since another lektion may have opened the file in between.
    sql::Transaction t(db_);
    const Probe p = probe(db_, path_, false);
    if (p.version < current_schema) migrate(db_, p.version);
    t.commit();
    // The upgrade's pages, the new database id among them, into the database
    // file at once: until then a crash would leave an id only in the log,
    // which wal_check.hpp cannot tell from a log copied in from elsewhere.
    if (p.version < current_schema)
        sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

void Store::open_for_reading() {
    check_regular_file(path_);
    std::error_code ec;
    if (!fs::exists(path_, ec)) no_records(path_);
    check_wal_belongs(path_);  // before anything of SQLite's reads the log
    db_ = open_read_only(path_);
    const Probe p = probe(db_, path_, true);
    read_only_ = true;
    if (p.version == current_schema) return;
    // An older schema is upgraded first, as the player would on its next start.
    sqlite3_close_v2(db_);
    db_ = nullptr;
    if (::access(path_.c_str(), W_OK) != 0 || ::access(path_.parent_path().c_str(), W_OK) != 0)
        refuse(path_, fmt::format("written by an older lektion (schema {}) and read-only here; "
                                  "open it once with write access to upgrade it",
                                  p.version));
    open_for_writing(false);
}

}  // namespace lektion
