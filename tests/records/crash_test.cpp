// Crash safety for real: a writer process records answers as fast as it can
// and is killed with SIGKILL at random moments; every answer it reported as
// committed must be in the database afterwards, and the database must be whole.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "killed_on_purpose.hpp"
#include "records/store.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;
namespace fs = std::filesystem;

namespace {

struct Writer {
    pid_t pid = -1;
    int out = -1;  // its stdout
    std::string buffer;
    std::vector<std::string> committed;

    Writer(const fs::path& dir, const std::string& learner, const std::string& prefix, int count) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            const std::string n = std::to_string(count);
            turn_off_leak_check_before_exec();
            ::execl(RECORDS_WRITER, RECORDS_WRITER, dir.c_str(), learner.c_str(), prefix.c_str(), n.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        out = fds[0];
    }

    ~Writer() {
        if (out >= 0) ::close(out);
    }

    // Reads what it printed, for up to `wait`; false once it has closed its stdout.
    bool read_for(std::chrono::microseconds wait) {
        const auto until = std::chrono::steady_clock::now() + wait;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            pollfd p{out, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(std::max<long long>(0, left.count()))) <= 0) return true;
            char chunk[4096];
            const ssize_t n = ::read(out, chunk, sizeof chunk);
            if (n <= 0) return false;
            buffer.append(chunk, static_cast<std::size_t>(n));
            for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1))
                committed.push_back(buffer.substr(0, nl));
            if (std::chrono::steady_clock::now() >= until) return true;
        }
    }

    int wait_exit() {
        while (read_for(std::chrono::seconds(30))) {
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        return status;
    }
};

std::set<std::string> recorded_targets(const fs::path& dir, const std::string& learner) {
    Store store(dir, Store::Access::read);
    std::set<std::string> out;
    if (const auto l = store.find_learner(learner))
        for (const RecordedEvent& e : store.events(l->id)) out.insert(e.event.target);
    return out;
}

}  // namespace

TEST_CASE("answers reported as committed survive SIGKILL at random moments") {
    TempDir dir;
    std::mt19937 rng(std::random_device{}());
    // The first kills land while the writer starts, creates and migrates the
    // database (about 30 ms); the rest mid-stream, at random.
    constexpr int early_us[] = {0, 2'000, 5'000, 10'000, 20'000, 30'000};
    std::uniform_int_distribution<int> delay_us(20'000, 150'000);
    int kills = 0;
    std::size_t checked = 0, losses = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int round = 0; round < 30; ++round) {
        Writer w(dir.path(), "Crash", "r" + std::to_string(round), 0);
        if (round < 6) {
            w.read_for(std::chrono::microseconds(early_us[round]));
        } else {
            // Mid-stream means after its first commit, however slowly it starts
            // (a sanitizer build takes longer to open the database).
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (w.committed.empty() && std::chrono::steady_clock::now() < deadline &&
                   w.read_for(std::chrono::milliseconds(5))) {
            }
            w.read_for(std::chrono::microseconds(delay_us(rng)));
        }
        ::kill(w.pid, SIGKILL);
        const int status = w.wait_exit();
        REQUIRE(WIFSIGNALED(status));
        ++kills;

        const fs::path file = dir / "records.sqlite3";
        if (!fs::exists(file)) continue;  // killed before it created anything
        CHECK(query_text(file, "PRAGMA integrity_check") == "ok");
        const std::set<std::string> there = recorded_targets(dir.path(), "Crash");
        for (const std::string& id : w.committed) {
            ++checked;
            if (!there.count(id)) {
                ++losses;
                FAIL_CHECK("answer " << id << " was reported committed but is not in the database");
            }
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    WARN("crash test: " << kills << " SIGKILLs, " << checked << " committed answers checked, " << losses
                        << " lost, in " << seconds << " s");
    CHECK(losses == 0);
    CHECK(checked > 100);  // the writer must really have written between the kills
}

TEST_CASE("two processes answering for different learners at once lose nothing") {
    TempDir dir;  // empty: both processes also race to create the database
    constexpr int answers = 200;
    Writer a(dir.path(), "Ada", "a", answers);
    Writer b(dir.path(), "Bert", "b", answers);
    const int status_a = a.wait_exit();
    const int status_b = b.wait_exit();
    REQUIRE(WIFEXITED(status_a));
    REQUIRE(WIFEXITED(status_b));
    CHECK(WEXITSTATUS(status_a) == 0);
    CHECK(WEXITSTATUS(status_b) == 0);
    CHECK(a.committed.size() == answers);
    CHECK(b.committed.size() == answers);
    CHECK(recorded_targets(dir.path(), "Ada").size() == answers);
    CHECK(recorded_targets(dir.path(), "Bert").size() == answers);
    CHECK(query_text(dir / "records.sqlite3", "PRAGMA integrity_check") == "ok");

    Store store(dir.path(), Store::Access::read);
    for (const Learner& l : store.learners()) {
        const auto st = store.state(l.id, "crash-course");
        REQUIRE(st);
        CHECK(st->last_seq == store.events(l.id).back().seq);
    }
}
