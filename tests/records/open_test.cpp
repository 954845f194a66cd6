// Databases the store must not harm: from a newer lektion, damaged, someone
// else's, read-only, or not there at all. Each gets one clear line naming the
// file, and its bytes are the same afterwards.
#include <catch2/catch.hpp>

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <random>

#include "records/store.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;
namespace fs = std::filesystem;

namespace {

// A database with one learner and a few events, closed (WAL checkpointed).
fs::path make_records(const TempDir& dir) {
    const CoursePtr course = small_course();
    Store store(dir.path());
    const Learner l = store.create_learner("Åse");
    Session s(course, {}, store.sink(l.id, *course));
    s.open_lesson(0);
    s.next();
    return store.path();
}

std::string error_of(const fs::path& dir, Store::Access access = Store::Access::create) {
    try {
        Store store(dir, access);
    } catch (const RecordsError& e) {
        return e.what();
    }
    return "";
}

int mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return static_cast<int>(st.st_mode & 0777);
}

}  // namespace

TEST_CASE("a missing data folder is created private to the user") {
    TempDir dir;
    const fs::path data = dir / "deep" / "lektion";
    {
        Store store(data);
        store.create_learner("Bo");
    }
    CHECK(mode_of(dir / "deep") == 0700);
    CHECK(mode_of(data) == 0700);
    CHECK(mode_of(data / "records.sqlite3") == 0600);
    Store again(data);
    CHECK(again.learners().size() == 1);
}

TEST_CASE("a data folder that cannot be created is reported") {
    TempDir dir;
    write_bytes(dir / "file", "not a folder");
    const std::string message = error_of(dir / "file" / "lektion");
    CHECK_THAT(message, Catch::Contains((dir / "file").string()) && Catch::Contains("not a folder"));
    CHECK(read_bytes(dir / "file") == "not a folder");
}

TEST_CASE("reading records that do not exist says so and creates nothing") {
    TempDir dir;
    const std::string message = error_of(dir / "none", Store::Access::read);
    CHECK_THAT(message, Catch::Contains((dir / "none" / "records.sqlite3").string()) &&
                            Catch::Contains("no learner records"));
    CHECK_FALSE(fs::exists(dir / "none"));
    CHECK_THAT(error_of(dir / "none", Store::Access::update), Catch::Contains("no learner records"));
}

TEST_CASE("a database from a newer lektion is refused and left untouched") {
    TempDir dir;
    const fs::path file = make_records(dir);
    run_sql(file, "PRAGMA user_version = 99");
    const std::string bytes = read_bytes(file);
    for (auto access : {Store::Access::create, Store::Access::read, Store::Access::update}) {
        const std::string message = error_of(dir.path(), access);
        CHECK(message == file.string() + ": written by a newer lektion (schema 99, this one reads up to " +
                             std::to_string(Store::schema_version()) + "); left untouched");
    }
    CHECK(read_bytes(file) == bytes);
}

TEST_CASE("a file of garbage is reported as damaged and kept as it is") {
    TempDir dir;
    std::mt19937 rng(1234);
    std::string garbage(16384, '\0');
    for (char& c : garbage) c = static_cast<char>(rng());
    write_bytes(dir / "records.sqlite3", garbage);
    for (auto access : {Store::Access::create, Store::Access::read}) {
        const std::string message = error_of(dir.path(), access);
        CHECK_THAT(message, Catch::StartsWith((dir / "records.sqlite3").string() + ": damaged") &&
                                Catch::EndsWith("left untouched"));
    }
    CHECK(read_bytes(dir / "records.sqlite3") == garbage);
    CHECK_FALSE(fs::exists(dir / "records.sqlite3-wal"));
}

TEST_CASE("a database damaged inside is reported and kept as it is") {
    TempDir dir;
    const fs::path file = make_records(dir);
    std::string bytes = read_bytes(file);
    REQUIRE(bytes.size() >= 4 * 4096);
    // Scribble over the second page (a table's b-tree), past the header.
    for (std::size_t i = 4096 + 8; i < 2 * 4096; ++i) bytes[i] = static_cast<char>(i * 7);
    write_bytes(file, bytes);
    const std::string message = error_of(dir.path());
    CHECK_THAT(message, Catch::StartsWith(file.string() + ": damaged") && Catch::EndsWith("left untouched"));
    CHECK(read_bytes(file) == bytes);
}

TEST_CASE("another program's SQLite database is not taken over") {
    TempDir dir;
    run_sql(dir / "records.sqlite3", "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    const std::string bytes = read_bytes(dir / "records.sqlite3");
    CHECK_THAT(error_of(dir.path()), Catch::Contains("not lektion's records"));
    CHECK(read_bytes(dir / "records.sqlite3") == bytes);
}

TEST_CASE("a database opened for reading records nothing") {
    TempDir dir;
    const fs::path file = make_records(dir);
    const std::string bytes = read_bytes(file);
    {
        Store store(dir.path(), Store::Access::read);
        REQUIRE(store.learners().size() == 1);
        const Learner l = store.learners().front();
        CHECK_THROWS_WITH(store.sink(l.id, *small_course()), Catch::Contains("opened for reading"));
        CHECK_THROWS_AS(store.create_learner("Ny"), RecordsError);
        CHECK_THROWS_AS(store.save_settings(l), RecordsError);
        CHECK_THROWS_AS(store.delete_learner(l.id), RecordsError);
    }
    CHECK(read_bytes(file) == bytes);
}

namespace {

// Opens the store as `uid` in a child process; returns its error message.
std::string error_as(uid_t uid, gid_t gid, const fs::path& dir) {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(pipe_fds[0]);
        std::string message = "setuid failed";
        if (::setgid(gid) == 0 && ::setuid(uid) == 0) message = error_of(dir);
        (void)!::write(pipe_fds[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return message;
}

// Whether `uid` can reach `dir` at all: a test folder under a private home is not a read-only test.
bool reachable_as(uid_t uid, gid_t gid, const fs::path& dir) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const bool ok = ::setgid(gid) == 0 && ::setuid(uid) == 0 && ::access(dir.c_str(), X_OK) == 0;
        ::_exit(ok ? 0 : 1);
    }
    int status = 1;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

TEST_CASE("a read-only database or folder is reported and left untouched") {
    TempDir dir;
    const fs::path file = make_records(dir);
    const std::string bytes = read_bytes(file);

    if (!running_as_root()) {
        ::chmod(file.c_str(), 0400);
        CHECK_THAT(error_of(dir.path()), Catch::StartsWith(file.string() + ": read-only"));
        ::chmod(file.c_str(), 0600);
        ::chmod(dir.path().c_str(), 0500);
        CHECK_THAT(error_of(dir.path()), Catch::Contains("folder is read-only"));
        ::chmod(dir.path().c_str(), 0700);
        CHECK(read_bytes(file) == bytes);
        return;
    }
    // Permission bits do not stop root: the store is opened as "nobody" in a
    // child process, on a file and folder that nobody owns but may not write.
    const passwd* nobody = ::getpwnam("nobody");
    if (!nobody || !reachable_as(nobody->pw_uid, nobody->pw_gid, dir.path())) {
        WARN("SKIPPED (not passed): the read-only sub-case needs a user \"nobody\" who can reach "
             << dir.path() << "; running as root, permission bits cannot be tested otherwise");
        return;
    }
    REQUIRE(::chown(dir.path().c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
    REQUIRE(::chown(file.c_str(), nobody->pw_uid, nobody->pw_gid) == 0);

    ::chmod(file.c_str(), 0400);
    CHECK_THAT(error_as(nobody->pw_uid, nobody->pw_gid, dir.path()),
               Catch::StartsWith(file.string() + ": read-only"));
    ::chmod(file.c_str(), 0600);
    ::chmod(dir.path().c_str(), 0500);
    CHECK_THAT(error_as(nobody->pw_uid, nobody->pw_gid, dir.path()), Catch::Contains("folder is read-only"));
    ::chmod(dir.path().c_str(), 0700);
    CHECK(read_bytes(file) == bytes);
}

TEST_CASE("the data folder: --data-dir, then LEKTION_DATA_DIR, then XDG_DATA_HOME, then ~/.local/share") {
    struct Env {
        std::string name;
        std::optional<std::string> was;
        explicit Env(std::string n) : name(std::move(n)) {
            if (const char* v = std::getenv(name.c_str())) was = v;
        }
        ~Env() { was ? ::setenv(name.c_str(), was->c_str(), 1) : ::unsetenv(name.c_str()); }
    };
    const Env lektion("LEKTION_DATA_DIR"), xdg("XDG_DATA_HOME"), home("HOME");
    ::setenv("HOME", "/home/åse", 1);
    ::setenv("XDG_DATA_HOME", "/xdg", 1);
    ::setenv("LEKTION_DATA_DIR", "/records", 1);
    CHECK(data_dir("/given") == "/given");
    CHECK(data_dir() == "/records");
    ::unsetenv("LEKTION_DATA_DIR");
    CHECK(data_dir() == "/xdg/lektion");
    ::setenv("XDG_DATA_HOME", "relative/ignored", 1);  // the XDG spec says so
    CHECK(data_dir() == "/home/åse/.local/share/lektion");
    ::unsetenv("XDG_DATA_HOME");
    CHECK(data_dir() == "/home/åse/.local/share/lektion");
}
