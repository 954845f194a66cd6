// libFuzzer target: the course translation overlay (XLIFF 1.2). The input
// becomes translations/xx/lektion1.xlf of a copy of the bundled course cut
// down to its manifest, lesson 1 and the quiz, so that the shipped
// translations' ids match; load_course(dir, "xx") overlays it. Every text of
// the result is then written back as XLIFF inline markup.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "load/translation.hpp"
#include "load/visit.hpp"
#include "support.hpp"

using namespace lektion;
namespace fs = std::filesystem;

#ifndef LEKTION_COURSE_DIR
#error "LEKTION_COURSE_DIR must name the bundled course"
#endif

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path make_course() {
    const fs::path src = LEKTION_COURSE_DIR;
    const fs::path dir = fuzz::scratch("translation");
    // Lessons 2-5 go: loading the source is most of each run's cost.
    const std::string manifest = std::regex_replace(
        slurp(src / "course.xml"), std::regex(R"(<lesson href="lektion[2-9]\.xml"\s*/>)"), "");
    fuzz::write(dir / "course.xml", manifest);
    fuzz::write(dir / "lektion1.xml", slurp(src / "lektion1.xml"));
    fuzz::write(dir / "quiz.xml", slurp(src / "quiz.xml"));
    if (!load_course(dir).course) {
        std::fprintf(stderr, "fuzz: the cut-down course does not load\n");
        std::abort();
    }
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fs::path dir = make_course();
    fuzz::write(dir / "translations" / "xx" / "lektion1.xlf",
                std::string_view(reinterpret_cast<const char*>(data), size));
    TranslationStats stats;
    const LoadResult r = load_course(dir, "xx", &stats);
    for (const Diagnostic& d : r.diagnostics.items) (void)format(d);
    if (r.course) {
        std::size_t bytes = 0;
        for_each_text(*r.course,
                      [&](const Text& t, const UnitContext&) { bytes += to_xliff_inline(t).size(); });
        (void)bytes;
    }
    return 0;
}
