// lektion new lesson: a skeleton that lints clean, registered in the
// manifest after the last lesson with every other byte kept; refusals leave
// the course as it was.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "course/text.hpp"
#include "exchange/new_lesson.hpp"
#include "load/loader.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

TEST_CASE("new lesson writes ID.xml, registers it after the last lesson, and the course lints clean") {
    Workspace w;
    const std::string manifest = read_file(w.course() / "course.xml");
    const Ran r = run_lektion({"new", "lesson", w.course().string(), "l6", "Lektion 6: Nye veje"});
    REQUIRE(r.status == 0);
    CHECK(r.err.find("l6.xml") != std::string::npos);

    const std::string last = "<lesson href=\"lektion5.xml\"/>";
    const std::size_t after = manifest.find(last) + last.size();
    CHECK(read_file(w.course() / "course.xml") ==
          manifest.substr(0, after) + "\n    <lesson href=\"l6.xml\"/>" + manifest.substr(after));

    // No errors; the skeleton's placeholder text is what is left to write.
    const Ran lint = run_lektion({"lint", w.course().string()}, w.root());
    CHECK(lint.status == 0);
    CHECK(std::regex_search(lint.err,
                            std::regex("6 lessons, a final quiz, 1 translation, [1-9][0-9]* interface "
                                       "catalogs; 0 errors, 8 warnings")));

    const LoadResult loaded = load_course(w.course());
    REQUIRE(loaded.course);
    const Lesson& l = loaded.course->lessons.back();
    CHECK(l.id == "l6");
    CHECK(l.file == "l6.xml");
    CHECK(l.title.plain() == "Lektion 6: Nye veje");
    REQUIRE(l.sections.size() == 1);
    CHECK(l.sections[0].id == "l6.s1");
    CHECK(l.sections[0].heading.id == "l6.s1.h");
    REQUIRE(l.sections[0].blocks.size() == 1);
    CHECK(l.sections[0].blocks[0].text.id == "l6.s1.p1");
    REQUIRE(l.checks.size() == 1);
    CHECK(l.checks[0].id == "l6.check");
    CHECK(l.checks[0].options.size() == 2);

    // Translators see it at once, in manifest order.
    const std::string xliff = run_lektion({"xliff", "export", w.course().string(), "--lang", "pl"}).out;
    const std::size_t l5 = xliff.find("<file original=\"lektion5.xml\"");
    const std::size_t l6 = xliff.find("<file original=\"l6.xml\"");
    const std::size_t quiz = xliff.find("<file original=\"quiz.xml\"");
    CHECK((l5 < l6 && l6 < quiz && quiz != std::string::npos));
}

TEST_CASE("new lesson refuses an id or file the course has, and ids that are not ids") {
    Workspace w;
    write_file(w.course() / "l7.xml", "taken");
    const auto before = snapshot(w.course());
    struct Case {
        std::vector<std::string> args;
        int status;  // 2: the arguments are wrong whatever the course; 1: this course has it already
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"l1", "X"}, 1, "the course has the id 'l1' already"},
        {{"quiz", "X"}, 1, "the course has the id 'quiz' already"},
        {{"l7", "X"}, 1, "l7.xml exists already"},
        {{"L6", "X"}, 2, "'L6' is not a lesson id"},
        {{"l6.x", "X"}, 2, "'l6.x' is not a lesson id"},
        {{"../l6", "X"}, 2, "'../l6' is not a lesson id"},
        {{"l6", "  "}, 2, "the title is empty"},
    };
    for (const auto& [args, status, message] : cases) {
        std::vector<std::string> all{"new", "lesson", w.course().string()};
        all.insert(all.end(), args.begin(), args.end());
        const Ran r = run_lektion(all);
        INFO(r.err);
        CHECK(r.status == status);
        CHECK(r.err.find(message) != std::string::npos);
        CHECK(snapshot(w.course()) == before);
    }
    CHECK(run_lektion({"new", "lesson", w.course().string()}).status == 2);  // usage
}

TEST_CASE("new lesson refuses a title with control characters, invalid UTF-8, only spaces or too long") {
    Workspace w;
    const auto before = snapshot(w.course());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Rød\x1b[31m tekst", "control character U+001B"},
        {"Ny\x7flektion", "control character U+007F"},
        {"Ny\xc2\x85lektion", "control character U+0085"},
        {"Bell\x07", "control character U+0007"},
        {"Ny \xff lektion", "not UTF-8"},
        {" \t\n ", "the title is empty"},
        {std::string(201, 'a'), "longer than 200 characters"},
        {"l\x1b]0;owned\x07", "control character U+001B"},
    };
    for (const auto& [title, message] : cases) {
        const Ran r = run_lektion({"new", "lesson", w.course().string(), "l6", title});
        INFO(title << "\n" << r.err);
        CHECK(r.status == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find(message) != std::string::npos);
        CHECK_FALSE(find_control_character(r.err));
        CHECK_FALSE(find_invalid_utf8(r.err));
        CHECK(snapshot(w.course()) == before);
    }
    // 200 characters, not bytes: a long Danish title fits.
    CHECK(run_lektion({"new", "lesson", w.course().string(), "l6",
                       std::string(100, 'a') + std::string(50, 'x') + "æøåÆØÅ" + std::string(44, 'z')})
              .status == 0);
}

TEST_CASE("new lesson escapes the title and follows the manifest's line endings and layout") {
    TempCourse c;
    c.file("l1.xml", lesson_xml("l1")).file("quiz.xml", quiz_xml(2));
    c.file("course.xml",
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
           "<course id=\"c\" version=\"1\" lang=\"da\">\r\n"
           "\t<title id=\"c.title\">Kursus</title>\r\n"
           "\t<lessons>\r\n"
           "\t\t<lesson href=\"l1.xml\"></lesson>  <!-- first -->\r\n"
           "\t</lessons>\r\n"
           "\t<quiz href=\"quiz.xml\"/>\r\n"
           "</course>");
    NewLesson made;
    std::string error;
    REQUIRE(add_lesson(c.dir(), "intro", "A <b> & \"C\"", made, error));
    CHECK(read_file(c.dir() / "course.xml") ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
          "<course id=\"c\" version=\"1\" lang=\"da\">\r\n"
          "\t<title id=\"c.title\">Kursus</title>\r\n"
          "\t<lessons>\r\n"
          "\t\t<lesson href=\"l1.xml\"></lesson>\r\n"
          "\t\t<lesson href=\"intro.xml\"/>  <!-- first -->\r\n"
          "\t</lessons>\r\n"
          "\t<quiz href=\"quiz.xml\"/>\r\n"
          "</course>");
    const LoadResult r = load_course(c.dir());
    REQUIRE(r.course);
    CHECK(r.diagnostics.items.empty());
    CHECK(r.course->lessons.back().title.plain() == "A <b> & \"C\"");
}

TEST_CASE("new lesson refuses a course that does not load") {
    TempCourse c;
    c.manifest().file("l1.xml", "<lesson id=\"l1\">");
    NewLesson made;
    std::string error;
    CHECK_FALSE(add_lesson(c.dir(), "l2", "Two", made, error));
    CHECK(error.find("has errors; fix them first") != std::string::npos);
    CHECK_FALSE(fs::exists(c.dir() / "l2.xml"));
}

TEST_CASE("new lesson refuses an id the course gives to a section, question, option or group") {
    TempCourse c;
    c.manifest("").file("l1.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<lesson id="l1">
  <title id="l1.title">Lektion</title>
  <section id="intro">
    <heading id="intro-h">Afsnit</heading>
    <p id="intro-p">Tekst.</p>
  </section>
  <check>
    <question id="check1">
      <prompt id="check1-prompt">Spørgsmål?</prompt>
      <option id="yes" correct="true"><label id="yes-label">Ja</label></option>
      <option id="no"><label id="no-label">Nej</label></option>
    </question>
  </check>
</lesson>
)");
    REQUIRE(c.load().course);
    const auto before = snapshot(c.dir());
    for (const std::string id : {"intro", "check1", "yes", "c"}) {
        const Ran r = run_lektion({"new", "lesson", c.dir().string(), id, "Ny"});
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find("the course has the id '" + id + "' already") != std::string::npos);
        CHECK(snapshot(c.dir()) == before);
    }
}

TEST_CASE("new lesson refuses the id of a removed lesson whose translations are still stored") {
    Workspace w;
    const fs::path manifest = w.course() / "course.xml";
    std::string text = read_file(manifest);
    const std::string line = "\n    <lesson href=\"lektion5.xml\"/>";
    REQUIRE(text.find(line) != std::string::npos);
    text.erase(text.find(line), line.size());
    write_file(manifest, text);
    fs::remove(w.course() / "lektion5.xml");
    const auto before = snapshot(w.course());
    const Ran r = run_lektion({"new", "lesson", w.course().string(), "l5", "Ny lektion"});
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("'l5' was used before: translations/en/lektion5.xlf still translates 'l5.title'") !=
          std::string::npos);
    CHECK(snapshot(w.course()) == before);
}

TEST_CASE("new lesson refuses ID.xml when it is a link, even one that leads nowhere") {
    Workspace w;
    fs::create_symlink(w.file("nowhere.xml"), w.course() / "l6.xml");
    const Ran r = run_lektion({"new", "lesson", w.course().string(), "l6", "Ny"});
    CHECK(r.status == 1);
    CHECK(r.err.find("l6.xml exists already") != std::string::npos);
    CHECK_FALSE(fs::exists(w.file("nowhere.xml")));
}

TEST_CASE("lint warns at each piece of skeleton text nobody changed, and only there") {
    Workspace w;
    REQUIRE(run_lektion({"new", "lesson", w.course().string(), "l6", "Lektion 6: Nye veje"}).status == 0);
    const std::string at = (w.course() / "l6.xml").string();
    const std::string message = ": warning: placeholder text from 'lektion new lesson' is still here";
    Ran lint = run_lektion({"lint", w.course().string()}, w.root());
    for (const char* site : {":7:5", ":8:5", ":12:7", ":14:9", ":15:9", ":18:9", ":19:9", ":21:7"}) {
        INFO(site << "\n" << lint.err);
        CHECK(lint.err.find(at + site + message) != std::string::npos);
    }
    CHECK(lint.err.find("0 errors, 8 warnings") != std::string::npos);

    // Written over, or wrapped differently: each judged by its words alone.
    std::string lesson = read_file(w.course() / "l6.xml");
    lesson.replace(lesson.find(">Section heading<"), 17, ">Nye veje<");
    lesson.replace(lesson.find(">Why it is right.<"), 18, ">Why it is right. Mostly.<");
    lesson.replace(lesson.find(">First paragraph of the section.<"), 33,
                   ">First   paragraph\n of the section.<");
    write_file(w.course() / "l6.xml", lesson);
    lint = run_lektion({"lint", w.course().string()}, w.root());
    INFO(lint.err);
    CHECK(lint.status == 0);
    CHECK(lint.err.find(at + ":7:5") == std::string::npos);             // the heading
    CHECK(lint.err.find(at + ":8:5" + message) != std::string::npos);   // the paragraph, now on two lines
    CHECK(lint.err.find(at + ":15:9" + message) != std::string::npos);  // the right answer's label
    CHECK(lint.err.find(at + ":16:9") == std::string::npos);            // its feedback
    CHECK(lint.err.find("0 errors, 6 warnings") != std::string::npos);

    // The bundled course has none.
    Workspace clean;
    CHECK(run_lektion({"lint", clean.course().string()}, clean.root()).err.find("placeholder") ==
          std::string::npos);
}
