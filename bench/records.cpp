// Records: the latency of committing one answer through Store::sink (one
// BEGIN IMMEDIATE transaction, WAL, synchronous=FULL: the event row and the
// state cache), against raw SQLite committing one small row the same way in
// the same folder.
//   bench_records COURSE_DIR TEMP_PARENT [N]
// Prints the median and 99th percentile in ms of N commits (default 300) each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "load/loader.hpp"
#include "records/store.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace lektion;

namespace {

struct Stats {
    double median = 0, p99 = 0;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * (v.size() - 1) + 0.5))];
    };
    return {at(0.5), at(0.99)};
}

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "bench_records: %s: %s\n", sql, error);
        std::exit(1);
    }
}

std::vector<double> raw_sqlite(const fs::path& dir, int n) {
    sqlite3* db = nullptr;
    if (sqlite3_open((dir / "raw.sqlite3").c_str(), &db) != SQLITE_OK) std::exit(1);
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA synchronous=FULL");
    exec(db, "CREATE TABLE events (seq INTEGER PRIMARY KEY, learner INTEGER, body TEXT)");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO events (learner, body) VALUES (1, ?)", -1, &insert, nullptr);
    std::vector<double> ms;
    for (int i = -10; i < n; ++i) {
        const auto t0 = Clock::now();
        exec(db, "BEGIN IMMEDIATE");
        sqlite3_bind_text(insert, 1, "{\"chosen\":[\"l1.check.a\"],\"correct\":true}", -1, SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        exec(db, "COMMIT");
        if (i >= 0) ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return ms;
}

std::vector<double> store_sink(const fs::path& dir, const Course& course, int n) {
    Store store(dir / "data");
    const Learner learner = store.find_or_create_learner("bench");
    EventSink sink = store.sink(learner.id, course);
    const Lesson& lesson = course.lessons.front();
    const Question& q = lesson.checks.front();
    std::vector<double> ms;
    for (int i = -10; i < n; ++i) {
        Event e;
        e.kind = EventKind::check_answered;
        e.lesson = lesson.id;
        e.target = q.id;
        e.answer = {{q.options[static_cast<std::size_t>(i & 1)].id},
                    q.options[static_cast<std::size_t>(i & 1)].correct};
        e.text = "Hvad er karriereplanlægning?";
        e.duration_ms = 1200;
        const auto t0 = Clock::now();
        sink(e);
        if (i >= 0) ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_records COURSE_DIR TEMP_PARENT [N]\n");
        return 2;
    }
    const LoadResult loaded = load_course(argv[1]);
    if (!loaded.course) return 1;
    const int n = argc > 3 ? std::atoi(argv[3]) : 300;
    std::random_device rd;
    const fs::path dir = fs::path(argv[2]) / ("lektion-bench-records-" + std::to_string(rd()));
    fs::create_directories(dir);
    // Interleaved in rounds, so that both see the same disk weather.
    std::vector<double> store_ms, raw_ms;
    for (int round = 0; round < 3; ++round) {
        const fs::path d = dir / std::to_string(round);
        fs::create_directories(d);
        auto a = store_sink(d, *loaded.course, n / 3);
        auto b = raw_sqlite(d, n / 3);
        store_ms.insert(store_ms.end(), a.begin(), a.end());
        raw_ms.insert(raw_ms.end(), b.begin(), b.end());
    }
    fs::remove_all(dir);
    const Stats s = stats(store_ms), r = stats(raw_ms);
    std::printf("store_median_ms %.3f store_p99_ms %.3f raw_median_ms %.3f raw_p99_ms %.3f commits %zu\n",
                s.median, s.p99, r.median, r.p99, store_ms.size());
    return 0;
}
