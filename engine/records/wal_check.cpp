#include "records/wal_check.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <sqlite3.h>

#include "records/identity.hpp"
#include "records/schema.hpp"
#include "records/sqlite.hpp"
#include "records/store.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

// A live lektion may restart its log or checkpoint while we copy; a verdict
// against the log is only given when it holds on every one of these tries.
constexpr int tries = 3;
constexpr auto between_tries = std::chrono::milliseconds(50);

constexpr std::size_t wal_header_size = 32;
constexpr std::size_t frame_header_size = 24;
constexpr std::uint32_t wal_magic = 0x377f0682;  // | 1: checksums in big-endian words
constexpr std::uint32_t wal_version = 3007000;

std::uint32_t big_endian(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

std::uint32_t little_endian(const unsigned char* p) {
    return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | p[0];
}

// SQLite's WAL checksum (fileformat2.html#walformat), continued from `sum`
// over `n` bytes (a multiple of 8).
void checksum(const unsigned char* p, std::size_t n, bool big, std::array<std::uint32_t, 2>& sum) {
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        sum[0] += (big ? big_endian(p + i) : little_endian(p + i)) + sum[1];
        sum[1] += (big ? big_endian(p + i + 4) : little_endian(p + i + 4)) + sum[0];
    }
}

// Reads exactly `n` bytes unless the file ends first.
bool read_exactly(int fd, unsigned char* into, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::read(fd, into + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        got += static_cast<std::size_t>(r);
    }
    return true;
}

// The pages SQLite would take from the log: those of frames up to the last
// valid commit frame, where a frame is valid when its salts are the header's
// and the checksums chain from the header through every frame before it.
std::set<std::uint32_t> committed_pages(const fs::path& wal) {
    std::set<std::uint32_t> committed;
    const int fd = ::open(wal.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return committed;
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    unsigned char header[wal_header_size];
    if (!read_exactly(fd, header, sizeof header)) return committed;
    const std::uint32_t magic = big_endian(header);
    if ((magic & ~1u) != wal_magic || big_endian(header + 4) != wal_version) return committed;
    const bool big = (magic & 1u) != 0;
    std::uint32_t page_size = big_endian(header + 8);
    if (page_size == 1) page_size = 65536;
    if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0) return committed;
    std::array<std::uint32_t, 2> sum{0, 0};
    checksum(header, 24, big, sum);
    if (sum[0] != big_endian(header + 24) || sum[1] != big_endian(header + 28)) return committed;

    std::vector<unsigned char> frame(frame_header_size + page_size);
    std::set<std::uint32_t> open_transaction;
    while (read_exactly(fd, frame.data(), frame.size())) {
        const std::uint32_t page = big_endian(frame.data());
        if (page == 0 || std::memcmp(frame.data() + 8, header + 16, 8) != 0) break;
        checksum(frame.data(), 8, big, sum);
        checksum(frame.data() + frame_header_size, page_size, big, sum);
        if (sum[0] != big_endian(frame.data() + 16) || sum[1] != big_endian(frame.data() + 20)) break;
        open_transaction.insert(page);
        if (big_endian(frame.data() + 4) != 0) {  // a commit frame: the transaction is whole
            committed.insert(open_transaction.begin(), open_transaction.end());
            open_transaction.clear();
        }
    }
    return committed;
}

// A private folder (0700) for the copies, gone with everything in it
// afterwards: in the temporary folder, else beside the database.
class TempFolder {
public:
    explicit TempFolder(const fs::path& beside) {
        std::error_code ec;
        const fs::path tmp = fs::temp_directory_path(ec);
        for (const fs::path& parent : {ec ? beside : tmp, beside}) {
            std::string pattern = (parent / ".lektion-wal-check-XXXXXX").string();
            if (::mkdtemp(pattern.data()) != nullptr) {
                path_ = pattern;
                return;
            }
        }
        throw RecordsError(fmt::format("{}: no private folder can be made to check its write-ahead log ({})",
                                       (beside / Store::file_name()).string(), std::strerror(errno)));
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    fs::path operator/(const char* name) const { return path_ / name; }

private:
    fs::path path_;
};

bool write_all(int fd, const unsigned char* p, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// The log is copied with plain reads: SQLite takes no locks on it, so this
// cannot disturb a connection of this process that has it open.
bool copy_log(const fs::path& from, const fs::path& to) {
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (in < 0) return false;
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool ok = out >= 0;
    unsigned char buffer[1 << 16];
    for (ssize_t n; ok && (n = ::read(in, buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0 && write_all(out, buffer, static_cast<std::size_t>(n));
    }
    ::close(in);
    if (out >= 0) ::close(out);
    return ok;
}

struct Connection {
    sqlite3* db = nullptr;
    ~Connection() { sqlite3_close_v2(db); }
};

// What the identity of one database is, as a connection sees it.
struct Identity {
    bool readable = false;
    std::int64_t application = 0;
    std::int64_t tables = 0;
    std::int64_t id_page = 0;  // the identity table's root page, 0 without one
    std::string id;
};

Identity identity_of(sqlite3* db) {
    Identity out;
    auto value = [&](const char* sql, std::int64_t& into) {
        sqlite3_stmt* s = nullptr;
        bool ok = sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK;
        const int rc = ok ? sqlite3_step(s) : SQLITE_ERROR;
        ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
        into = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        sqlite3_finalize(s);
        return ok;
    };
    out.readable =
        value("PRAGMA application_id", out.application) &&
        value("SELECT count(*) FROM sqlite_schema", out.tables) &&
        value("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'identity'", out.id_page);
    if (out.id_page) out.id = database_id(db);
    return out;
}

// The database file alone, the log ignored, copied through SQLite's own file
// handle into `copy` (if given). Reading it with plain open() and close() is
// not safe: closing any descriptor of a file drops every POSIX lock this
// process holds on it, those of other connections included.
Identity read_alone(const fs::path& file, const fs::path* copy) {
    Connection c;
    if (sqlite3_open_v2(sql::read_only_uri(file, true).c_str(), &c.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                        nullptr) != SQLITE_OK)
        return {};
    const Identity id = identity_of(c.db);
    if (!id.readable || !copy) return id;
    sqlite3_file* f = nullptr;
    if (sqlite3_file_control(c.db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f || !f->pMethods)
        return {};
    sqlite3_int64 size = 0;
    if (f->pMethods->xFileSize(f, &size) != SQLITE_OK) return {};
    const int out = ::open(copy->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) return {};
    std::vector<unsigned char> buffer(1 << 16);
    bool ok = true;
    for (sqlite3_int64 at = 0; ok && at < size;) {
        const int n = static_cast<int>(std::min<sqlite3_int64>(size - at, static_cast<int>(buffer.size())));
        ok = f->pMethods->xRead(f, buffer.data(), n, at) == SQLITE_OK &&
             write_all(out, buffer.data(), static_cast<std::size_t>(n));
        at += n;
    }
    ::close(out);
    return ok ? id : Identity{};
}

// The copy with the copied log applied, as SQLite would apply it; not
// readable when the result is damaged (pages of two databases mixed).
Identity read_with_log(const fs::path& copy) {
    Connection c;
    if (sqlite3_open_v2(copy.c_str(), &c.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) return {};
    // Closing must not write the log into the copy: nothing needs it.
    sqlite3_db_config(c.db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_stmt* s = nullptr;
    bool whole = sqlite3_prepare_v2(c.db, "PRAGMA quick_check", -1, &s, nullptr) == SQLITE_OK &&
                 sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) &&
                 std::strcmp(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "ok") == 0;
    sqlite3_finalize(s);
    return whole ? identity_of(c.db) : Identity{};
}

enum class Verdict { belongs, foreign, damaging };

Verdict judge(const fs::path& db_file, const fs::path& wal) {
    TempFolder tmp(db_file.parent_path());
    // The log first: if a live lektion checkpoints and restarts its log
    // meanwhile, the database copied after it already holds these pages.
    const fs::path wal_copy = tmp / "records.sqlite3-wal";
    if (!copy_log(wal, wal_copy)) return Verdict::belongs;  // gone or unreadable: SQLite will say
    const std::set<std::uint32_t> pages = committed_pages(wal_copy);
    if (pages.empty()) return Verdict::belongs;  // nothing SQLite would apply

    const fs::path copy = tmp / "records.sqlite3";
    const Identity alone = read_alone(db_file, &copy);
    // Unreadable, someone else's database, or a new one with nothing in it:
    // opening it refuses the first two, and the last has nothing to lose.
    if (!alone.readable || alone.tables == 0 || alone.application != application_id) return Verdict::belongs;

    const Identity with_log = read_with_log(copy);
    if (!with_log.readable) return Verdict::damaging;
    if (alone.id.empty())  // older than schema 3: only a log from before ids can be told to be ours
        return with_log.id.empty() && with_log.application == alone.application ? Verdict::belongs
                                                                                : Verdict::foreign;
    const bool ours = with_log.id == alone.id && with_log.id_page > 0 &&
                      pages.count(static_cast<std::uint32_t>(with_log.id_page)) == 1;
    return ours ? Verdict::belongs : Verdict::foreign;
}

}  // namespace

void check_wal_belongs(const fs::path& db_file) {
    const fs::path wal = db_file.string() + "-wal";
    struct stat st {};
    if (::stat(wal.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::size_t>(st.st_size) < wal_header_size + frame_header_size)
        return;
    // SQLite deletes the log of a database without pages, and would apply it
    // to a new one: a log whose database was moved or deleted holds answers
    // that are nowhere else.
    struct stat db {};
    const bool no_database = ::stat(db_file.c_str(), &db) != 0 ? errno == ENOENT : db.st_size == 0;
    if (no_database) {
        if (committed_pages(wal).empty()) return;
        throw RecordsError(
            fmt::format("{}: a write-ahead log without its database {} (moved or deleted?); left "
                        "untouched. Put the database back beside it, or move {} away",
                        wal.string(), db_file.string(), wal.filename().string()));
    }
    Verdict verdict = Verdict::belongs;
    for (int i = 0; i < tries; ++i) {
        if (i > 0) std::this_thread::sleep_for(between_tries);
        verdict = judge(db_file, wal);
        if (verdict == Verdict::belongs) return;
    }
    const std::string what =
        verdict == Verdict::foreign
            ? "does not belong to " + db_file.string() +
                  " (it was written for another database, copied in from elsewhere)"
            : "does not belong to " + db_file.string() + " (applied to it, it would damage the records)";
    throw RecordsError(
        fmt::format("{}: {}; both files are left untouched. Move {} away to open the records "
                    "without it, or put it back beside the database it came from",
                    wal.string(), what, wal.filename().string()));
}

}  // namespace lektion
