// Loading: load_course (read, check UTF-8, parse, validate, build the model)
// against pugixml's raw parse of the same files with the same flags
// (load_file, parse_default | parse_ws_pcdata). For the bundled course, its
// English overlay, and synthetic courses 10 and 100 times larger: the
// bundled lessons copied with renamed ids into a temporary folder.
//   bench_load COURSE_DIR [bundled|bundled+en|x10|x100]
// Prints one line per course: name, bytes, files, median ms of each, ratio.
//   bench_load COURSE_DIR instructions raw|load
// Under valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no:
// counts the instructions of one raw parse, or of one load, of the bundled
// course after a warm-up pass; figures that, unlike times, hold on a busy machine.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <valgrind/callgrind.h>
#include <pugixml.hpp>

#include "load/loader.hpp"
#include "load/translation.hpp"
#include "xml/xml_file.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const fs::path& p) {
    std::string error;
    std::optional<std::string> text = lektion::read_bounded(p, lektion::XmlLimits{}.max_bytes, error);
    if (!text) {
        std::fprintf(stderr, "bench_load: %s: %s\n", p.c_str(), error.c_str());
        std::exit(1);
    }
    return std::move(*text);
}

void spit(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

template <class F>
double time_ms(int runs, F&& f) {
    std::vector<double> t;
    f();  // warm: page cache, ICU data, allocator
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return median(t);
}

// Every id="x" becomes id="x.kN"; hrefs are left alone.
std::string rename_ids(const std::string& text, int copy) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    const std::string key = " id=\"";
    std::size_t at = 0;
    while (true) {
        const std::size_t found = text.find(key, at);
        if (found == std::string::npos) break;
        const std::size_t end = text.find('"', found + key.size());
        out.append(text, at, end - at);
        out += ".k" + std::to_string(copy);
        at = end;
    }
    out.append(text, at, std::string::npos);
    return out;
}

// The bundled course with its lessons `factor` times over.
fs::path synthetic(const fs::path& src, const fs::path& dir, int factor) {
    fs::create_directories(dir);
    std::string manifest = slurp(src / "course.xml");
    const std::size_t open = manifest.find("<lessons>");
    const std::size_t close = manifest.find("</lessons>");
    std::vector<std::string> hrefs;
    for (std::size_t at = open; (at = manifest.find("href=\"", at)) < close;) {
        at += 6;
        hrefs.push_back(manifest.substr(at, manifest.find('"', at) - at));
    }
    std::string lessons = "<lessons>\n";
    for (int k = 0; k < factor; ++k)
        for (const std::string& h : hrefs) {
            const std::string name = fs::path(h).stem().string() + "-" + std::to_string(k) + ".xml";
            spit(dir / name, k == 0 ? slurp(src / h) : rename_ids(slurp(src / h), k));
            lessons += "    <lesson href=\"" + name + "\"/>\n";
        }
    manifest.replace(open, close - open, lessons + "  ");
    spit(dir / "course.xml", manifest);
    fs::copy_file(src / "quiz.xml", dir / "quiz.xml");
    return dir;
}

struct Files {
    std::vector<fs::path> paths;
    std::uintmax_t bytes = 0;
};

Files xml_files(const fs::path& dir, bool with_translation) {
    Files f;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const auto ext = e.path().extension();
        if (!e.is_regular_file()) continue;
        const bool xlf = ext == ".xlf" && e.path().parent_path().filename() == "en";
        if (ext == ".xml" || (with_translation && xlf)) {
            f.paths.push_back(e.path());
            f.bytes += e.file_size();
        }
    }
    return f;
}

void raw_parse(const std::vector<fs::path>& paths) {
    for (const fs::path& p : paths) {
        pugi::xml_document doc;
        if (!doc.load_file(p.c_str(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8)) {
            std::fprintf(stderr, "bench_load: %s does not parse\n", p.c_str());
            std::exit(1);
        }
    }
}

void load(const fs::path& dir, const std::string& lang) {
    const lektion::LoadResult r = lang.empty() ? lektion::load_course(dir) : lektion::load_course(dir, lang);
    if (!r.course) {
        std::fprintf(stderr, "bench_load: %s does not load (%zu problems)\n", dir.c_str(),
                     r.diagnostics.items.size());
        std::exit(1);
    }
}

void measure(const char* name, const fs::path& dir, const std::string& lang, int runs) {
    const Files files = xml_files(dir, !lang.empty());
    const double raw = time_ms(runs, [&] { raw_parse(files.paths); });
    const double loaded = time_ms(runs, [&] { load(dir, lang); });
    std::printf("%s bytes %ju files %zu load_ms %.2f raw_ms %.2f ratio %.2f\n", name, files.bytes,
                files.paths.size(), loaded, raw, loaded / raw);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_load COURSE_DIR [bundled|bundled+en|x10|x100]\n");
        return 2;
    }
    const fs::path src = argv[1];
    std::random_device rd;
    const fs::path tmp = fs::temp_directory_path() / ("lektion-bench-load-" + std::to_string(rd()));
    // A second argument runs only that measurement (for profiling).
    const std::string only = argc > 2 ? argv[2] : "";
    if (only == "instructions" && argc > 3) {
        const std::string what = argv[3];
        const std::vector<fs::path> paths = xml_files(src, false).paths;
        auto once = [&] { what == "raw" ? raw_parse(paths) : load(src, ""); };
        once();  // warm: page cache, ICU data, allocator
        CALLGRIND_START_INSTRUMENTATION;
        CALLGRIND_TOGGLE_COLLECT;
        once();
        CALLGRIND_TOGGLE_COLLECT;
        CALLGRIND_STOP_INSTRUMENTATION;
        return 0;
    }
    auto wanted = [&](const char* name) { return only.empty() || only == name; };
    if (wanted("bundled")) measure("bundled", src, "", 21);
    if (wanted("bundled+en")) measure("bundled+en", src, "en", 21);
    if (wanted("x10")) measure("x10", synthetic(src, tmp / "x10", 10), "", 7);
    if (wanted("x100")) measure("x100", synthetic(src, tmp / "x100", 100), "", 3);
    fs::remove_all(tmp);
    return 0;
}
