// A learner answering as fast as the store lets them: records one answer per
// transaction and prints the answer's id on stdout once it is committed. The
// crash test kills this process at random moments and then checks that every
// id it printed is in the database.
//
//   records_writer DATA_DIR LEARNER PREFIX COUNT [PAUSE_MS]   (COUNT 0: until killed)
// PAUSE_MS between commits (default none) leaves other processes a moment to
// take the write lock: SQLite's busy handler is no queue, and a writer that
// never pauses can starve them past any timeout on a loaded machine.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "records/store.hpp"

int main(int argc, char** argv) {
    if (argc != 5 && argc != 6) {
        std::fprintf(stderr, "usage: records_writer DATA_DIR LEARNER PREFIX COUNT [PAUSE_MS]\n");
        return 2;
    }
    const std::string prefix = argv[3];
    const long count = std::strtol(argv[4], nullptr, 10);
    const std::chrono::milliseconds pause{argc == 6 ? std::strtol(argv[5], nullptr, 10) : 0};
    try {
        lektion::Course course;
        course.id = "crash-course";
        course.version = "1";
        course.lang = "da";
        lektion::Store store(argv[1]);
        const lektion::Learner learner = store.find_or_create_learner(argv[2], "da");
        const lektion::EventSink sink = store.sink(learner.id, course);
        for (long n = 1; count == 0 || n <= count; ++n) {
            lektion::Event e;
            e.kind = lektion::EventKind::check_answered;
            e.lesson = "l1";
            e.target = prefix + "-" + std::to_string(n);
            e.answer = {{"a", "c"}, n % 3 != 0};
            e.text = "Hvilket svar er rigtigt?";
            e.duration_ms = n % 5000;
            sink(e);
            // Only now, after the commit: a printed id is a promise.
            std::printf("%s\n", e.target.c_str());
            std::fflush(stdout);
            if (pause.count() > 0) std::this_thread::sleep_for(pause);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "records_writer: %s\n", e.what());
        return 1;
    }
    return 0;
}
