// Authored XML may hold no character that cuts a string, corrupts a file or
// takes over a terminal, and no reference pugixml would pass through as
// text. Each is an error at its own line and column.
#include <catch2/catch.hpp>

#include "diag/codes.hpp"
#include "temp_course.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// An error of this kind (diag/codes.hpp) at exactly this place.
bool has(const LoadResult& r, int line, int column, std::string_view code) {
    for (const Diagnostic& d : r.diagnostics.items)
        if (d.severity == Severity::error && d.line == line && d.column == column && d.code == code)
            return true;
    return false;
}

}  // namespace

TEST_CASE("a reference to NUL is an error, not a paragraph cut short") {
    const LoadResult r = with_body("\n    <p id=\"x\">before&#0;after</p>");
    INFO(all_messages(r));
    CHECK_FALSE(r.course);
    CHECK(has(r, 7, 21, diag_code::bad_reference));
}

TEST_CASE("a reference to ESC never reaches a terminal") {
    for (const char* ref : {"&#x1b;", "&#27;", "&#X1B;", "&#x9b;", "&#127;", "&#xD800;", "&#x110000;",
                            "&#99999999999999999999;"}) {
        INFO(ref);
        const LoadResult r = with_body(std::string("\n    <p id=\"x\">red ") + ref + "[31m</p>");
        INFO(all_messages(r));
        CHECK_FALSE(r.course);
        CHECK(has(r, 7, 19, diag_code::bad_reference));
    }
}

TEST_CASE("raw control characters are errors where they stand") {
    for (const std::string& bad : {std::string("\x1b", 1), std::string("\x01", 1), std::string("\x7f", 1),
                                   std::string("\xc2\x85", 2), std::string("\0", 1)}) {
        const LoadResult r = with_body("\n    <p id=\"x\">ab" + bad + "cd</p>");
        INFO(all_messages(r));
        CHECK_FALSE(r.course);
        CHECK(has(r, 7, 17, diag_code::forbidden_character));
    }
}

TEST_CASE("tabs, line breaks and the five XML entities stay allowed") {
    const LoadResult r = with_body(
        "\n    <p id=\"x\">a\tb\r\n c &amp; &lt;d&gt; &quot;e&quot; &apos;f&apos; &#x2013; &#8212;</p>");
    INFO(all_messages(r));
    REQUIRE(r.course);
    CHECK(r.diagnostics.items.empty());
}

TEST_CASE("an undefined entity or a bare ampersand is an error, not literal text") {
    const LoadResult undefined = with_body("\n    <p id=\"x\">caf&eacute;</p>");
    INFO(all_messages(undefined));
    CHECK_FALSE(undefined.course);
    CHECK(has(undefined, 7, 18, diag_code::bad_reference));

    const LoadResult bare = with_body("\n    <p id=\"x\">Fish & chips</p>");
    INFO(all_messages(bare));
    CHECK_FALSE(bare.course);
    CHECK(has(bare, 7, 20, diag_code::bad_reference));

    const LoadResult in_attribute = with_body("\n    <p id=\"x&y\">z</p>");
    INFO(all_messages(in_attribute));
    CHECK_FALSE(in_attribute.course);
    CHECK(has(in_attribute, 7, 13, diag_code::bad_reference));
}

TEST_CASE("comments and CDATA may hold an ampersand, never a control character") {
    const LoadResult ok = with_body("\n    <!-- R&D -->\n    <p id=\"x\"><![CDATA[R&D]]></p>");
    INFO(all_messages(ok));
    CHECK(ok.course);

    const LoadResult bad = with_body("\n    <!-- a\x1b[31m -->\n    <p id=\"x\">y</p>");
    INFO(all_messages(bad));
    CHECK_FALSE(bad.course);
    CHECK(has(bad, 7, 11, diag_code::forbidden_character));
}
