// Fills a data folder with a class: N learners who each worked through the
// whole course (class_export.hpp), imported in one go. For the push tests.
//
//   records_class COURSE_DIR DATA_DIR N
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "class_export.hpp"
#include "load/loader.hpp"
#include "records/import.hpp"
#include "records/store.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: records_class COURSE_DIR DATA_DIR N\n");
        return 2;
    }
    try {
        const lektion::LoadResult r = lektion::load_course(argv[1]);
        if (!r.course) throw std::runtime_error(std::string(argv[1]) + " does not load");
        const std::filesystem::path data = argv[2];
        const std::string text = lektion::test::class_export(r.course, data / "scratch", std::atoi(argv[3]));
        std::filesystem::remove_all(data / "scratch");
        lektion::Store store(data);
        const lektion::ImportSummary s = store.import_records(text, {});
        std::printf("%zu events\n", s.added);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "records_class: %s\n", e.what());
        return 1;
    }
    return 0;
}
