// Hostile files: none may crash, hang or exhaust the loader.
#include <catch2/catch.hpp>

#include "diag/codes.hpp"
#include "temp_course.hpp"

using namespace lektion;
using namespace lektion::test;

TEST_CASE("a file over the size limit is refused before parsing") {
    TempCourse c;
    c.manifest("").file("l1.xml", lesson_xml("l1", "\n<!--" + std::string(9u << 20, 'x') + "-->"));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_code(r, diag_code::file_too_large));
}

TEST_CASE("deep nesting is refused without recursion") {
    std::string deep;
    for (int i = 0; i < 200000; ++i) deep += "<b>";
    deep += "x";
    for (int i = 0; i < 200000; ++i) deep += "</b>";
    TempCourse c;
    c.manifest("").file("l1.xml", lesson_xml("l1", "\n<p id=\"d\">" + deep + "</p>"));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK(has_code(r, diag_code::too_deep));
}

TEST_CASE("nested callouts stop at four levels") {
    std::string open, close;
    for (int i = 0; i < 8; ++i) open += "<callout kind=\"note\">", close += "</callout>";
    const LoadResult r = [&] {
        TempCourse c;
        c.manifest("").file("l1.xml", lesson_xml("l1", open + "<p id=\"z\">x</p>" + close));
        return c.load();
    }();
    INFO(all_messages(r));
    CHECK(has_code(r, diag_code::callouts_too_deep));
}

TEST_CASE("a very long word and a very long line load") {
    TempCourse c;
    const std::string word(1u << 20, 'a');
    c.manifest("").file("l1.xml", lesson_xml("l1", "\n<p id=\"w\">" + word + "</p>"));
    const LoadResult r = c.load();
    REQUIRE(r.course);
    CHECK(r.course->lessons[0].sections[0].blocks[1].text.plain().size() == word.size());
}

TEST_CASE("escaped entity-like text is left as text") {
    TempCourse c;
    c.manifest("").file("l1.xml", lesson_xml("l1", "\n<p id=\"e\">&amp;b; &#x26;</p>"));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    REQUIRE(r.course);
    CHECK(r.course->lessons[0].sections[0].blocks[1].text.plain() == "&b; &");
}

TEST_CASE("DOCTYPE entities are never expanded: an entity of one is an error") {
    TempCourse c;
    c.manifest("").file("l1.xml",
                        "<!DOCTYPE lesson [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>\n" +
                            lesson_xml("l1", "\n<p id=\"e\">&b;</p>").substr(39));
    const LoadResult r = c.load();
    INFO(all_messages(r));
    CHECK_FALSE(r.course);
    CHECK(has_code(r, diag_code::bad_reference, 1));
}

TEST_CASE("binary garbage and empty files give an error, not a crash") {
    for (const std::string& junk : {std::string(), std::string("\0\0\0", 3), std::string("\xFF\xFE<\0l\0", 6),
                                    std::string("<lesson")}) {
        TempCourse c;
        c.manifest("").file("l1.xml", junk);
        const LoadResult r = c.load();
        CHECK_FALSE(r.course);
        CHECK(r.diagnostics.has_errors());
    }
}
