// Process measurements for tools/bench.
//   bench_spawn run N -- PROGRAM ARGS... [-- PROGRAM ARGS...]...
//     runs each PROGRAM N times, in turn, after one untimed warm-up round;
//     prints for each (one line, in order) the median wall time from spawn to
//     exit (ms) and the median peak resident memory (ru_maxrss of the child,
//     KiB), then every run.
//   bench_spawn idle SETTLE SECONDS N -- PROGRAM ARGS...
//     starts PROGRAM, waits SETTLE seconds, then samples utime+stime from
//     /proc/PID/stat (all threads) over SECONDS; ends it with SIGTERM. Prints
//     the median CPU seconds of N such runs, and the same from the threads'
//     schedstat (nanoseconds, finer than the clock ticks of stat).
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

pid_t start(char** argv) {
    pid_t pid = 0;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // The programs' output would only disturb the timing and the table.
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    if (const int e = posix_spawnp(&pid, argv[0], &actions, nullptr, argv, environ)) {
        std::fprintf(stderr, "bench_spawn: cannot start %s: %s\n", argv[0], std::strerror(e));
        std::exit(2);
    }
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

int finish(pid_t pid, rusage& usage) {
    int status = 0;
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    return status;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// utime + stime of the whole thread group, in seconds.
double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(in)), {});
    const std::size_t close = s.rfind(')');
    if (close == std::string::npos) return -1;
    // Fields after the command: state is field 3; utime and stime are 14 and 15.
    const char* p = s.c_str() + close + 2;
    unsigned long long utime = 0, stime = 0;
    int field = 3;
    while (*p && field < 14) {
        if (*p++ == ' ') ++field;
    }
    if (std::sscanf(p, "%llu %llu", &utime, &stime) != 2) return -1;
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Time on CPU of every live thread, from /proc/PID/task/*/schedstat, in seconds.
double sched_seconds(pid_t pid) {
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR* d = opendir(dir.c_str());
    if (!d) return -1;
    double total = 0;
    while (dirent* e = readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::ifstream in(dir + "/" + e->d_name + "/schedstat");
        unsigned long long ns = 0;
        if (in >> ns) total += static_cast<double>(ns) / 1e9;
    }
    closedir(d);
    return total;
}

bool alive(pid_t pid) {
    int status = 0;
    return waitpid(pid, &status, WNOHANG) == 0;
}

int usage() {
    std::fprintf(stderr,
                 "usage: bench_spawn run N -- PROGRAM ARGS... [-- PROGRAM ARGS...]...\n"
                 "       bench_spawn idle SETTLE SECONDS N -- PROGRAM ARGS...\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) return usage();
    const std::string mode = argv[1];
    int dashes = 0;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--") == 0) {
            dashes = i;
            break;
        }
    if (!dashes || dashes + 1 >= argc) return usage();
    char** program = argv + dashes + 1;

    if (mode == "run" && dashes == 3) {
        // Each program once per round, in turn, so that all see the same machine.
        std::vector<char**> programs{program};
        for (int i = dashes + 1; i < argc; ++i)
            if (std::strcmp(argv[i], "--") == 0) {
                argv[i] = nullptr;
                programs.push_back(argv + i + 1);
            }
        const int n = std::atoi(argv[2]);
        std::vector<std::vector<double>> wall(programs.size()), rss(programs.size());
        for (int round = -1; round < n; ++round) {  // round -1 warms the page cache and the records
            for (std::size_t k = 0; k < programs.size(); ++k) {
                const auto t0 = Clock::now();
                const pid_t pid = start(programs[k]);
                rusage u{};
                const int status = finish(pid, u);
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                    std::fprintf(stderr, "bench_spawn: %s failed (status %d)\n", programs[k][0], status);
                    return 1;
                }
                if (round < 0) continue;
                wall[k].push_back(ms);
                rss[k].push_back(static_cast<double>(u.ru_maxrss));
            }
        }
        for (std::size_t k = 0; k < programs.size(); ++k) {
            std::printf("wall_ms %.1f rss_kib %.0f runs", median(wall[k]), median(rss[k]));
            for (std::size_t i = 0; i < wall[k].size(); ++i) std::printf(" %.1f/%.0f", wall[k][i], rss[k][i]);
            std::printf("\n");
        }
        return 0;
    }
    if (mode == "idle" && dashes == 5) {
        const double settle = std::atof(argv[2]), seconds = std::atof(argv[3]);
        const int n = std::atoi(argv[4]);
        std::vector<double> cpu, sched;
        for (int i = 0; i < n; ++i) {
            const pid_t pid = start(program);
            std::this_thread::sleep_for(std::chrono::duration<double>(settle));
            if (!alive(pid)) {
                std::fprintf(stderr, "bench_spawn: %s exited before the measurement\n", program[0]);
                return 1;
            }
            const double c0 = cpu_seconds(pid), s0 = sched_seconds(pid);
            std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
            const double c1 = cpu_seconds(pid), s1 = sched_seconds(pid);
            if (!alive(pid)) {
                std::fprintf(stderr, "bench_spawn: %s exited during the measurement\n", program[0]);
                return 1;
            }
            kill(pid, SIGTERM);
            rusage u{};
            finish(pid, u);
            cpu.push_back(c1 - c0);
            sched.push_back(s1 - s0);
        }
        std::printf("cpu_s %.3f sched_s %.4f runs", median(cpu), median(sched));
        for (std::size_t i = 0; i < cpu.size(); ++i) std::printf(" %.3f/%.4f", cpu[i], sched[i]);
        std::printf("\n");
        return 0;
    }
    return usage();
}
