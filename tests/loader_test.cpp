// One small course per validation error: the message and the line it names.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "load/translation.hpp"
#include "temp_course.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// A manifest whose lessons are these files, one a line from line 4.
std::string manifest_naming(std::initializer_list<const char*> hrefs) {
    std::string xml =
        "<course id=\"c\" version=\"1\" lang=\"da\">\n  <title id=\"t\">T</title>\n  <lessons>\n";
    for (const char* href : hrefs) xml += std::string("    <lesson href=\"") + href + "\"/>\n";
    return xml + "  </lessons>\n</course>\n";
}

// The first bytes of a PNG: signature and IHDR, all stb_image's probe reads.
std::string png_header(std::uint32_t width, std::uint32_t height) {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) png += static_cast<char>((v >> shift) & 0xFF);
    png += std::string("\x08\x06\0\0\0", 5);  // 8-bit RGBA, no interlace
    return png + std::string(4, '\0') + std::string(64, '\0');
}

}  // namespace

TEST_CASE("a valid fixture course loads with no diagnostics") {
    TempCourse c;
    c.manifest().file("l1.xml", lesson_xml()).file("quiz.xml", quiz_xml(3));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    REQUIRE(r.course);
    CHECK(r.diagnostics.items.empty());
    CHECK(r.course->lessons.size() == 1);
    CHECK(r.course->quiz->questions.size() == 3);
}

TEST_CASE("malformed XML is reported at its line and column") {
    const LoadResult r = with_body("\n    <p id=\"x\">open <b>bold</p>");
    INFO(all_messages(r));
    CHECK_FALSE(r.course);
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].line == 7);
    CHECK(r.diagnostics.items[0].column == 29);  // the closing tag that does not match
    CHECK(r.diagnostics.items[0].message.find("malformed XML") != std::string::npos);
}

TEST_CASE("unknown elements and attributes") {
    const LoadResult r = with_body("\n    <table id=\"t\"/>\n    <p id=\"y\" style=\"red\">x</p>");
    INFO(all_messages(r));
    CHECK(has_error(r, 7, "unknown element <table> in <section>"));
    CHECK(has_error(r, 8, "unknown attribute 'style' on <p>"));
    // The attribute's own column, not the element's.
    for (const Diagnostic& d : r.diagnostics.items)
        if (d.line == 8) CHECK(d.column == 15);
}

TEST_CASE("missing required attributes and elements") {
    const LoadResult r = with_body("\n    <p>no id</p>\n    <figure/>");
    INFO(all_messages(r));
    CHECK(has_error(r, 7, "<p> needs an id attribute"));
    CHECK(has_error(r, 8, "<figure> needs a src attribute"));
    CHECK(has_error(r, 8, "<figure> needs an <alt>"));
}

TEST_CASE("duplicate ids name the first definition, across files") {
    TempCourse c;
    c.manifest("quiz.xml").file("l1.xml", lesson_xml()).file("quiz.xml", quiz_xml(1));
    c.file("quiz.xml", R"(<quiz id="quiz">
  <title id="l1.title">Quiz</title>
  <question id="q1"><prompt id="q1.p">?</prompt>
    <option id="q1.a" correct="true"><label id="q1.a.l">a</label></option>
    <option id="q1.b"><label id="q1.b.l">b</label></option></question>
</quiz>)");
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_error(r, 2, "duplicate id 'l1.title' (first defined at"));
    CHECK(all_messages(r).find("l1.xml:3:3") != std::string::npos);
}

TEST_CASE("single choice needs exactly one correct option") {
    TempCourse c;
    c.manifest("quiz.xml").file("l1.xml", lesson_xml());
    c.file("quiz.xml", R"(<quiz id="quiz">
  <title id="quiz.title">Quiz</title>
  <question id="q1"><prompt id="q1.p">?</prompt>
    <option id="q1.a" correct="true"><label id="q1.a.l">a</label></option>
    <option id="q1.b" correct="true"><label id="q1.b.l">b</label></option></question>
  <question id="q2"><prompt id="q2.p">?</prompt>
    <option id="q2.a"><label id="q2.a.l">a</label></option>
    <option id="q2.b"><label id="q2.b.l">b</label></option></question>
  <question id="q3" type="multiple"><prompt id="q3.p">?</prompt>
    <option id="q3.a" correct="true"><label id="q3.a.l">a</label></option>
    <option id="q3.b" correct="true"><label id="q3.b.l">b</label></option></question>
</quiz>)");
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_error(r, 3, "'q1' has 2 correct options"));
    CHECK(has_error(r, 6, "'q2' has 0 correct options"));
    CHECK(r.diagnostics.error_count() == 2);  // q3 may have several
}

TEST_CASE("a question needs two options") {
    const LoadResult r = with_body("");
    REQUIRE(r.course);  // control: the fixture itself is valid
    TempCourse c;
    c.manifest("quiz.xml").file("l1.xml", lesson_xml());
    c.file("quiz.xml", R"(<quiz id="quiz">
  <title id="quiz.title">Quiz</title>
  <question id="q1"><prompt id="q1.p">?</prompt>
    <option id="q1.a" correct="true"><label id="q1.a.l">a</label></option></question>
</quiz>)");
    const LoadResult bad = c.load();
    INFO(all_messages(bad));
    CHECK(has_error(bad, 3, "has 1 option; it needs at least two"));
}

TEST_CASE("empty text is an error") {
    const LoadResult r = with_body("\n    <p id=\"e\">  \n   </p>\n    <p id=\"f\"><b> </b></p>");
    INFO(all_messages(r));
    CHECK(has_error(r, 7, "<p> has no text"));
    CHECK(has_error(r, 9, "<p> has no text"));
}

TEST_CASE("a lesson file that does not exist") {
    TempCourse c;
    c.manifest("").file("course.xml", manifest_naming({"missing.xml"}));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_error(r, 4, "lesson file 'missing.xml' does not exist"));
}

TEST_CASE("a lesson that is a named pipe or a folder is refused, not waited on") {
    // Opening a FIFO for reading blocks until a writer comes: the loader must
    // look before it waits.
    TempCourse c;
    c.manifest("").file("course.xml", manifest_naming({"pipe.xml", "folder.xml"}));
    REQUIRE(::mkfifo((c.dir() / "pipe.xml").c_str(), 0600) == 0);
    std::filesystem::create_directory(c.dir() / "folder.xml");
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK_FALSE(r.course);
    CHECK(all_messages(r).find("pipe.xml: error: file does not exist or is not a file") != std::string::npos);
    CHECK(all_messages(r).find("folder.xml: error: file does not exist or is not a file") !=
          std::string::npos);
}

TEST_CASE("image paths may not leave the course folder or point at nothing") {
    TempCourse c;
    c.manifest("").file("img/ok.png", png_header(4, 3));
    std::filesystem::create_directories(c.dir() / "img");
    std::filesystem::create_symlink("/etc/hostname", c.dir() / "img/link.png");
    c.file("l1.xml", lesson_xml("l1", R"(
    <figure src="../secret.png"><alt id="f1">a</alt></figure>
    <figure src="/etc/passwd"><alt id="f2">a</alt></figure>
    <figure src="img/none.png"><alt id="f3">a</alt></figure>
    <figure src="img/link.png"><alt id="f4">a</alt></figure>
    <figure src="img/ok.png"><alt id="f5">a</alt></figure>)"));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_error(r, 7, "leaves the course folder"));
    CHECK(has_error(r, 8, "leaves the course folder"));
    CHECK(has_error(r, 9, "'img/none.png' does not exist"));
    CHECK(has_error(r, 10, "leads outside the course folder"));
    CHECK(r.diagnostics.error_count() == 4);
}

TEST_CASE("invalid UTF-8 is located") {
    const LoadResult r = with_body("\n    <p id=\"u\">bad \xC3\x28 byte</p>");
    INFO(all_messages(r));
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].line == 7);
    CHECK(r.diagnostics.items[0].column == 19);
    CHECK(r.diagnostics.items[0].message == "invalid UTF-8");
}

TEST_CASE("a quiz pool smaller than its draw, a pass mark outside 0-100") {
    TempCourse c;
    c.manifest().file("l1.xml", lesson_xml());
    c.file("quiz.xml", quiz_xml(3, R"(pass-mark="120" draw="5")"));
    LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_error(r, 2, "pass-mark 120 is outside 0–100"));
    CHECK(has_error(r, 2, "quiz draws 5 questions from a pool of 3"));
    c.file("quiz.xml", quiz_xml(3, R"(pass-mark="-1" attempts="x")"));
    r = c.load();
    CHECK(has_error(r, 2, "pass-mark -1 is outside 0–100"));
    CHECK(has_error(r, 2, "attempts=\"x\" must be a whole number"));
}

TEST_CASE("every problem is reported, not just the first") {
    const LoadResult r = with_body(R"(
    <p>a</p>
    <p id="Bad Id">b</p>
    <list kind="stars"><item id="i1">x</item></list>
    <callout><p id="c1">y</p></callout>)");
    INFO(all_messages(r));
    CHECK(r.diagnostics.error_count() == 4);
    CHECK(has_error(r, 7, "needs an id"));
    CHECK(has_error(r, 8, "invalid id 'Bad Id'"));
    CHECK(has_error(r, 9, "list kind 'stars'"));
    CHECK(has_error(r, 10, "<callout> needs kind="));
}

TEST_CASE("text is NFC and whitespace collapses, no-break spaces hold") {
    // "a" + combining ring above, then a line break inside the text.
    const LoadResult r = with_body("\n    <p id=\"n\">Ba\xCC\x8A \n  <b>fed</b>  og\xC2\xA0%</p>");
    INFO(all_messages(r));
    REQUIRE(r.course);
    const Block& b = r.course->lessons[0].sections[0].blocks[1];
    CHECK(b.text.plain() == "B\xC3\xA5 fed og\xC2\xA0%");
    REQUIRE(b.text.spans.size() == 3);
    CHECK(b.text.spans[1].emphasis == bold);
}

TEST_CASE("the root element must be the one the manifest expects") {
    TempCourse c;
    c.manifest("").file("l1.xml", quiz_xml(2));
    const LoadResult r = c.load();
    CHECK(has_error(r, 2, "root element is <quiz>; expected <lesson>"));
}

TEST_CASE("lint checks that a figure is a PNG or JPEG of sensible size") {
    TempCourse c;
    c.manifest("").file("img/ok.png", png_header(640, 480)).file("img/text.png", "just text, not an image");
    c.file("img/huge.png", png_header(30000, 30000)).file("img/cut.png", std::string("\x89PNG\r\n\x1a\n", 8));
    std::filesystem::create_directories(c.dir() / "img" / "folder.png");
    REQUIRE(::mkfifo((c.dir() / "img" / "fifo.png").c_str(), 0600) == 0);
    c.file("l1.xml", lesson_xml("l1", R"(
    <figure src="img/ok.png"><alt id="f1">a</alt></figure>
    <figure src="img/text.png"><alt id="f2">a</alt></figure>
    <figure src="img/huge.png"><alt id="f3">a</alt></figure>
    <figure src="img/cut.png"><alt id="f4">a</alt></figure>
    <figure src="img/folder.png"><alt id="f5">a</alt></figure>
    <figure src="img/fifo.png"><alt id="f6">a</alt></figure>)"));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_error(r, 8, "is not a PNG or JPEG image"));
    CHECK(has_error(r, 9, "30000×30000 pixels"));
    CHECK(has_error(r, 10, "damaged PNG"));
    CHECK(has_error(r, 11, "not a file"));
    CHECK(has_error(r, 12, "not a file"));
    CHECK(r.diagnostics.error_count() == 5);
}

TEST_CASE("translation folders: only real folders named by a language tag count") {
    TempCourse c;
    c.manifest("").file("l1.xml", lesson_xml());
    const std::filesystem::path t = c.dir() / "translations";
    for (const char* d : {"pl", ".pl.import-0123abcd", "not a tag"})
        std::filesystem::create_directories(t / d);
    std::filesystem::create_directories(c.dir() / "elsewhere");
    std::filesystem::create_directory_symlink(c.dir() / "elsewhere", t / "de");
    CHECK(course_languages(c.dir()) == std::vector<std::string>{"pl"});
}

TEST_CASE("a language with no translation reads no folder, whatever its name") {
    TempCourse c;
    c.manifest("").file("l1.xml", lesson_xml());
    // A folder the tag "../x" would reach if it were used as a path.
    c.file(
        "x/evil.xlf",
        "<xliff><file><body><trans-unit id=\"x\"><target>&#0;</target></trans-unit></body></file></xliff>");
    const LoadResult r = load_course(c.dir(), "../x");
    INFO(all_messages(r));
    REQUIRE(r.course);
    CHECK(all_messages(r).find("evil.xlf") == std::string::npos);
}

TEST_CASE("the course language is a BCP 47 tag, with a suggestion when it is not") {
    TempCourse c;
    c.file("course.xml", manifest_naming({"l1.xml"})).file("l1.xml", lesson_xml());
    std::string m = manifest_naming({"l1.xml"});
    m.replace(m.find("lang=\"da\""), 9, "lang=\"english\"");
    c.file("course.xml", m);
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_error(r, 1, "lang 'english' is not a BCP 47 language tag; did you mean 'en'?"));
}

TEST_CASE("a lesson listed twice is one error at its line of course.xml") {
    TempCourse c;
    c.file("course.xml", manifest_naming({"l1.xml", "l2.xml", "./l1.xml"}))
        .file("l1.xml", lesson_xml("l1"))
        .file("l2.xml", lesson_xml("l2"));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(has_error(r, 6, "lesson file './l1.xml' is listed twice (first at line 4)"));
}
