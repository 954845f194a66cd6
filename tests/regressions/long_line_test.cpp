// A trainer's file written by a tool without line breaks: one line of
// megabytes with an id every few bytes. Each id's position (line:column) was
// found by counting code points from the start of its line, so loading took
// time quadratic in the line's length: 58 s for 3 MB, minutes for the 8 MiB
// the limits allow. LineMap now counts on from the previous answer.
#include <catch2/catch.hpp>

#include <string>

#include <fmt/format.h>

#include "temp_course.hpp"

using namespace lektion;

namespace {

// A valid lesson on one line: `n` paragraphs, each with its own id, and
// Danish letters so that columns count code points, not bytes.
std::string one_line_lesson(int n, bool duplicate_ids) {
    std::string s =
        R"(<lesson id="l1"><title id="l1.title">Lektion</title><section id="l1.s1"><heading id="l1.s1.h">Afsnit</heading>)";
    s.reserve(static_cast<std::size_t>(n) * 24 + 200);
    for (int i = 0; i < n; ++i)
        s += duplicate_ids ? std::string(R"(<p id="p">æøå</p>)") : fmt::format(R"(<p id="p{}">æøå</p>)", i);
    s += "</section></lesson>";
    return s;
}

}  // namespace

TEST_CASE("a lesson of one 4 MB line with 200 000 ids loads in linear time") {
    test::TempCourse c;
    c.manifest("").file("l1.xml", one_line_lesson(200000, false));
    const LoadResult r = c.load();
    INFO(test::all_messages(r));
    REQUIRE(r.course);
    CHECK(r.course->lessons.at(0).sections.at(0).blocks.size() == 200000);
}

TEST_CASE("200 000 duplicate ids on one line are each reported at their column") {
    test::TempCourse c;
    c.manifest("").file("l1.xml", one_line_lesson(200000, true));
    const LoadResult r = c.load();
    CHECK_FALSE(r.course);
    CHECK(r.diagnostics.error_count() == 199999);
    // The last paragraph: the lesson's head, then 199 999 paragraphs of 17 code points before it.
    const std::string head =
        R"(<lesson id="l1"><title id="l1.title">Lektion</title><section id="l1.s1"><heading id="l1.s1.h">Afsnit</heading>)";
    const int column = static_cast<int>(head.size()) + 199999 * 17 + 1;
    CHECK(test::has_error(r, 1,
                          fmt::format("duplicate id 'p' (first defined at {}:1:{})",
                                      (c.dir() / "l1.xml").generic_string(), head.size() + 1)));
    CHECK(r.diagnostics.items.back().column == column);
}
