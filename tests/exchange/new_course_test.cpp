// lektion new course: a manifest and a first lesson that lint and the XML
// Schema both accept, so that a course can be started with the tools; and
// every refusal in one line, with nothing written.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "course/text.hpp"
#include "load/loader.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

bool schema_valid(const fs::path& file) {
    const std::string command = "xmllint --noout --schema '" LEKTION_SOURCE_DIR
                                "/content/schema/lektion.xsd' '" +
                                file.string() + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

unsigned mode_of(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("new course writes course.xml and a first lesson that lint and the schema accept") {
    Workspace w;
    const fs::path dir = w.file("nyt kursus");
    const Ran r = run_lektion({"new", "course", dir.string(), "--id", "nyt-kursus", "--title",
                               "Trivsel & vækst – et kursus", "--lang", "da"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("course.xml") != std::string::npos);
    CHECK(schema_valid(dir / "course.xml"));
    CHECK(schema_valid(dir / "l1.xml"));
    CHECK(mode_of(dir / "course.xml") == 0644);
    CHECK(mode_of(dir / "l1.xml") == 0644);

    const LoadResult loaded = load_course(dir);
    REQUIRE(loaded.course);
    CHECK(loaded.diagnostics.items.empty());
    CHECK(loaded.course->id == "nyt-kursus");
    CHECK(loaded.course->lang == "da");
    CHECK(loaded.course->title.plain() == "Trivsel & vækst – et kursus");
    REQUIRE(loaded.course->lessons.size() == 1);
    CHECK(loaded.course->lessons[0].file == "l1.xml");

    // No errors; what is left to do is the placeholder text, one warning each.
    const Ran lint = run_lektion({"lint", dir.string()}, w.root());
    INFO(lint.err);
    CHECK(lint.status == 0);
    CHECK(std::regex_search(lint.err,
                            std::regex("1 lesson, no quiz, 0 translations, [0-9]+ interface catalogs; "
                                       "0 errors, [0-9]+ warnings")));
    CHECK(lint.err.find("error:") == std::string::npos);

    // The course grows with new lesson from here.
    const Ran more = run_lektion({"new", "lesson", dir.string(), "l2", "Lektion 2"});
    INFO(more.err);
    CHECK(more.status == 0);
    CHECK(schema_valid(dir / "course.xml"));
    CHECK(load_course(dir).course->lessons.size() == 2);
}

TEST_CASE("new course writes into an empty folder, normalises the language, and takes da by default") {
    Workspace w;
    const fs::path empty = w.file("empty");
    fs::create_directories(empty);
    CHECK(run_lektion({"new", "course", empty.string(), "--id", "a", "--title", "A", "--lang", "PT_br"})
              .status == 0);
    CHECK(load_course(empty).course->lang == "pt-BR");
    const fs::path plain = w.file("plain");
    CHECK(run_lektion({"new", "course", plain.string(), "--id", "b", "--title", "B"}).status == 0);
    CHECK(load_course(plain).course->lang == "da");
}

TEST_CASE("new course refuses, in one line and with nothing written, what cannot become a course") {
    Workspace w;
    const fs::path file = w.file("a-file");
    write_file(file, "not a folder");
    fs::create_directories(w.file("elsewhere"));
    fs::create_directory_symlink(w.file("elsewhere"), w.file("link"));
    const fs::path planted = w.file("planted");
    fs::create_directories(planted);
    fs::create_symlink(w.file("elsewhere") / "l1.xml", planted / "l1.xml");
    const fs::path fresh = w.file("fresh");
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::string title = "Kursus";
    const std::vector<Case> cases = {
        {{w.course().string(), "--id", "k", "--title", title}, "course.xml exists already"},
        {{file.string(), "--id", "k", "--title", title}, "is not a folder"},
        {{w.file("link").string(), "--id", "k", "--title", title}, "is a symbolic link"},
        {{planted.string(), "--id", "k", "--title", title}, "l1.xml exists already"},
        {{fresh.string(), "--id", "Kursus", "--title", title}, "'Kursus' is not a course id"},
        {{fresh.string(), "--id", "../k", "--title", title}, "'../k' is not a course id"},
        {{fresh.string(), "--id", "", "--title", title}, "'' is not a course id"},
        {{fresh.string(), "--id", "l1", "--title", title}, "'l1' is the id of the first lesson"},
        {{fresh.string(), "--id", "k", "--title", "Rød\x1b[31m"}, "control character U+001B"},
        {{fresh.string(), "--id", "k", "--title", "Ny \xff"}, "not UTF-8"},
        {{fresh.string(), "--id", "k", "--title", " \t "}, "the title is empty"},
        {{fresh.string(), "--id", "k", "--title", std::string(201, 'a')}, "longer than 200 characters"},
        {{fresh.string(), "--id", "k", "--title", title, "--lang", "english"},
         "'english' is not a language tag; did you mean 'en'?"},
        {{fresh.string(), "--id", "k", "--title", title, "--lang", "x"}, "'x' is not a language tag"},
        {{fresh.string(), "--title", title}, "--id"},
    };
    const auto course = snapshot(w.course());
    const auto elsewhere = snapshot(w.file("elsewhere"));
    for (const Case& c : cases) {
        std::vector<std::string> args{"new", "course"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const Ran r = run_lektion(args);
        INFO(c.message << "\n" << r.err);
        CHECK(r.status == 2);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK_FALSE(find_control_character(r.err));
        CHECK_FALSE(find_invalid_utf8(r.err));
    }
    CHECK(snapshot(w.course()) == course);
    CHECK(snapshot(w.file("elsewhere")) == elsewhere);
    CHECK(read_file(file) == "not a folder");
    CHECK_FALSE(fs::exists(fresh));
    CHECK_FALSE(fs::exists(w.file("elsewhere") / "l1.xml"));
    CHECK(fs::is_symlink(planted / "l1.xml"));
}
