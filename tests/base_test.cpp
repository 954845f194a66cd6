// The base layer: the one atomic write and the guard every export's -o passes.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "base/atomic_file.hpp"
#include "base/output_guard.hpp"

using namespace lektion;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path dir;
    TempDir() {
        char name[] = "/tmp/lektion-base-XXXXXX";
        dir = ::mkdtemp(name);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 07777;
}

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("write_atomically writes with the caller's mode and leaves nothing behind") {
    TempDir t;
    const fs::path file = t.dir / "sub" / "out.csv";
    REQUIRE(write_atomically(file, "a,b\r\n", mode_personal).empty());
    CHECK(slurp(file) == "a,b\r\n");
    CHECK(mode_of(file) == 0600);
    REQUIRE(write_atomically(t.dir / "shared.xlf", "x", mode_shared).empty());
    CHECK(mode_of(t.dir / "shared.xlf") == 0644);
    // Replacing keeps one file, no temporary beside it.
    REQUIRE(write_atomically(file, "new", mode_personal).empty());
    CHECK(slurp(file) == "new");
    CHECK(entries(file.parent_path()) == 1);
}

TEST_CASE("write_atomically never writes through a link or over what is not a file") {
    TempDir t;
    const fs::path victim = t.dir / "victim.txt";
    spit(victim, "precious");
    const fs::path link = t.dir / "link.txt";
    fs::create_symlink(victim, link);
    const std::string why = write_atomically(link, "overwritten", mode_personal);
    CHECK(why.find("symbolic link") != std::string::npos);
    CHECK(slurp(victim) == "precious");
    CHECK(fs::is_symlink(link));

    const fs::path fifo = t.dir / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(write_atomically(fifo, "x", mode_personal).find("named pipe") != std::string::npos);
    CHECK(fs::is_fifo(fifo));

    fs::create_directory(t.dir / "folder");
    CHECK(write_atomically(t.dir / "folder", "x", mode_personal).find("folder") != std::string::npos);
    CHECK(fs::is_directory(t.dir / "folder"));
    CHECK(entries(t.dir) == 4);  // victim, link, fifo, folder: no temporaries
}

TEST_CASE("write_atomically's temporaries are recognisable for clean-up") {
    CHECK(is_atomic_temporary(".pl.xlf.tmp-0123abcd"));
    CHECK_FALSE(is_atomic_temporary("pl.xlf"));
    CHECK_FALSE(is_atomic_temporary(".pl.xlf.tmp-01"));
}

TEST_CASE("the output guard refuses the records, SQLite files, course folders and non-files") {
    TempDir t;
    const fs::path db = t.dir / "data" / "records.sqlite3";
    fs::create_directories(db.parent_path());
    spit(db, std::string("SQLite format 3\0", 16) + std::string(100, 'x'));
    ProtectedPaths keep;
    keep.files = {db, db.string() + "-wal", db.string() + "-shm"};
    keep.folders = {t.dir / "course"};
    fs::create_directories(t.dir / "course" / "translations");

    CHECK(why_not_output(t.dir / "out.csv", keep).empty());
    CHECK(why_not_output(db, keep).find("learner records") != std::string::npos);
    // Another spelling of the same file.
    CHECK_FALSE(why_not_output(t.dir / "data" / ".." / "data" / "records.sqlite3", keep).empty());
    CHECK_FALSE(why_not_output(db.string() + "-wal", keep).empty());
    // Someone else's database and its log, by content and by name.
    const fs::path other = t.dir / "other.db";
    spit(other, std::string("SQLite format 3\0", 16));
    CHECK(why_not_output(other, keep).find("SQLite") != std::string::npos);
    CHECK(why_not_output(t.dir / "other.db-wal", keep).find("SQLite") != std::string::npos);
    // A hard link to the records is the records.
    fs::create_hard_link(db, t.dir / "alias");
    CHECK(why_not_output(t.dir / "alias", keep).find("learner records") != std::string::npos);
    CHECK(why_not_output(t.dir / "course" / "lesson1.xml", keep).find("course folder") != std::string::npos);
    CHECK(why_not_output(t.dir / "course" / "translations" / "new.xlf", keep).find("course folder") !=
          std::string::npos);
    CHECK(why_not_output("/dev/null", keep).find("device") != std::string::npos);
    CHECK(why_not_output(t.dir, keep).find("folder") != std::string::npos);
    const fs::path fifo = t.dir / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(why_not_output(fifo, keep).find("named pipe") != std::string::npos);
    const fs::path sock = t.dir / "sock";
    const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock.c_str());
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    CHECK(why_not_output(sock, keep).find("socket") != std::string::npos);
    ::close(s);
    fs::create_symlink(t.dir / "out.csv", t.dir / "link.csv");
    CHECK(why_not_output(t.dir / "link.csv", keep).find("symbolic link") != std::string::npos);
    CHECK_FALSE(why_not_output("", keep).empty());
}
