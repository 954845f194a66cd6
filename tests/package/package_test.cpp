// Course packages through real libzip: what pack writes unpacks to the same
// files, and every bound of PackageLimits refuses a package that passes it,
// leaving nothing behind. (Hostile packages from outside, with names and
// links libzip would not write: hostile_test.sh.)
#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "package/installed.hpp"
#include "package/package.hpp"
#include "resources/paths.hpp"

using namespace lektion;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / fmt::format("lektion-package-{:x}", std::random_device{}());
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

fs::path packed(const TempDir& t, const fs::path& course, const PackageLimits& limits = {}) {
    const PackResult r = pack_course(course, limits);
    REQUIRE(r.error.empty());
    spit(t.path / "c.lektion", r.bytes);
    return t.path / "c.lektion";
}

bool empty_folder(const fs::path& p) { return fs::is_empty(p); }

}  // namespace

TEST_CASE(
    "pack then unpack gives back every file of the course, byte for byte, and the same course packs the "
    "same") {
    TempDir t;
    const fs::path course = bundled_course_dir();
    const PackResult first = pack_course(course);
    REQUIRE(first.error.empty());
    CHECK(first.files >= 8);
    CHECK(pack_course(course).bytes == first.bytes);
    spit(t.path / "c.lektion", first.bytes);
    const UnpackResult u = unpack_package(t.path / "c.lektion", t.path / "out", "x-");
    REQUIRE(u.error.empty());
    CHECK(u.files == first.files);
    std::size_t compared = 0;
    for (const auto& e : fs::recursive_directory_iterator(course)) {
        if (!e.is_regular_file()) continue;
        const fs::path copy = u.folder / "course" / e.path().lexically_relative(course);
        INFO(copy);
        REQUIRE(fs::is_regular_file(copy));
        CHECK(slurp(copy) == slurp(e.path()));
        ++compared;
    }
    CHECK(compared == first.files);
    CHECK(fs::is_regular_file(u.folder / "manifest.sha256") == false);  // checked, not unpacked
}

TEST_CASE("pack leaves out hidden files and refuses a link in the course folder") {
    TempDir t;
    fs::copy(bundled_course_dir(), t.path / "course", fs::copy_options::recursive);
    spit(t.path / "course" / ".course.xml.swp", "editor");
    spit(t.path / "course" / ".git" / "HEAD", "ref");
    const PackResult r = pack_course(t.path / "course");
    REQUIRE(r.error.empty());
    CHECK(r.bytes.find(".course.xml.swp") == std::string::npos);
    CHECK(r.bytes.find(".git") == std::string::npos);
    fs::create_symlink("/etc/passwd", t.path / "course" / "figure.png");
    const PackResult linked = pack_course(t.path / "course");
    CHECK(linked.bytes.empty());
    CHECK_THAT(linked.error, Catch::Contains("figure.png: is a symbolic link"));
}

TEST_CASE("each bound of PackageLimits refuses a package just past it, and nothing is left behind") {
    TempDir t;
    const fs::path file = packed(t, bundled_course_dir());
    const PackResult r = pack_course(bundled_course_dir());
    std::uint64_t largest = 0;
    for (const auto& e : fs::recursive_directory_iterator(bundled_course_dir()))
        if (e.is_regular_file()) largest = std::max<std::uint64_t>(largest, e.file_size());

    struct Case {
        const char* what;
        PackageLimits limits;
        const char* says;
    };
    std::vector<Case> cases;
    PackageLimits l;
    l.max_package_bytes = r.bytes.size() - 1;
    cases.push_back({"package size", l, "a package is at most"});
    l = {};
    l.max_total_bytes = r.unpacked_bytes - 1;
    cases.push_back({"total size", l, "unpacks to more than"});
    l = {};
    l.max_entry_bytes = largest - 1;
    cases.push_back({"entry size", l, "more than the"});
    l = {};
    l.max_entries = r.files;  // the manifest makes one more
    cases.push_back({"entry count", l, "entries; refused"});
    l = {};
    l.ratio_floor = 1000;
    l.max_ratio = 2;  // XML deflates better than 2:1
    cases.push_back({"ratio", l, "compressed more than 2:1"});
    l = {};
    l.max_depth = 2;  // course/translations/en/x.xlf is 4 deep
    cases.push_back({"depth", l, "nested more than 2"});
    for (const Case& c : cases) {
        INFO(c.what);
        const UnpackResult u = unpack_package(file, t.path / "out", "x-", c.limits);
        CHECK(u.folder.empty());
        CHECK_THAT(u.error, Catch::Contains(c.says));
        CHECK(u.error.find('\n') == std::string::npos);
        CHECK((!fs::exists(t.path / "out") || empty_folder(t.path / "out")));
    }
    // Exactly at the limits: accepted.
    PackageLimits exact;
    exact.max_package_bytes = r.bytes.size();
    exact.max_total_bytes = r.unpacked_bytes;
    exact.max_entry_bytes = largest;
    exact.max_entries = r.files + 1;
    const UnpackResult u = unpack_package(file, t.path / "out", "x-", exact);
    CHECK(u.error.empty());
}

TEST_CASE("a package cut short or with a flipped byte is refused in one line") {
    TempDir t;
    const fs::path file = packed(t, bundled_course_dir());
    const std::string bytes = slurp(file);
    spit(t.path / "cut.lektion", bytes.substr(0, bytes.size() / 2));
    UnpackResult u = unpack_package(t.path / "cut.lektion", t.path / "out", "x-");
    CHECK_THAT(u.error, Catch::Contains("not a course package"));
    // A byte in the middle of the first entry's compressed data: the CRC or the checksum catches it.
    std::string flipped = bytes;
    flipped[200] = static_cast<char>(flipped[200] ^ 0x55);
    spit(t.path / "flipped.lektion", flipped);
    u = unpack_package(t.path / "flipped.lektion", t.path / "out", "x-");
    CHECK_FALSE(u.error.empty());
    CHECK(u.folder.empty());
    CHECK((!fs::exists(t.path / "out") || empty_folder(t.path / "out")));
}

TEST_CASE("versions compare as dotted numbers, and which course ids name a folder") {
    CHECK(compare_versions("1.0.0", "1.0.0") == 0);
    CHECK(compare_versions("1.10", "1.9") > 0);
    CHECK(compare_versions("1.0", "1.0.1") < 0);
    CHECK(compare_versions("2", "10") < 0);
    CHECK(compare_versions("01.2", "1.2") == 0);
    CHECK(compare_versions("1.0-beta", "1.0-alpha") > 0);
    CHECK(valid_course_id("karriereplanlaegning"));
    CHECK(valid_course_id("a.b-c_d"));
    CHECK_FALSE(valid_course_id(""));
    CHECK_FALSE(valid_course_id(".."));
    CHECK_FALSE(valid_course_id("a/b"));
    CHECK_FALSE(valid_course_id(std::string(65, 'a')));
}
