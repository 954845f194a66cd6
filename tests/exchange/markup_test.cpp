// Emphasis through the exchange formats, and the PO syntax, piece by piece.
#include <catch2/catch.hpp>

#include "course/text.hpp"
#include "exchange/po_markup.hpp"
#include "exchange/po_syntax.hpp"
#include "l10n/glyphs.hpp"
#include "xliff/emphasis_tags.hpp"
#include "xliff/inline.hpp"

using namespace lektion;

namespace {

Text spans(std::vector<Span> s) {
    Text t;
    t.spans = std::move(s);
    return t;
}

Text xliff(const std::string& inner, std::vector<std::string>& problems) {
    static pugi::xml_document doc;
    const std::string xml = "<target>" + inner + "</target>";
    REQUIRE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata));
    return read_xliff_inline(doc.child("target"), problems);
}

}  // namespace

TEST_CASE(
    "PO and XLIFF markup carry bold, italic and both, spaces outside the tags, and read back the same") {
    // As the loader leaves it: a space between spans opens the next span.
    const Text t =
        spans({{"Lektion 1:", bold}, {" en", plain}, {" vigtig", bold | italic}, {" proces", italic}});
    const std::string po = to_po_markup(t);
    CHECK(po == "<b>Lektion 1:</b> en <b><i>vigtig</i></b> <i>proces</i>");
    std::vector<std::string> problems;
    CHECK(same_text(from_po_markup(po, problems), t));
    CHECK(problems.empty());
    const std::string xliff_markup = to_xliff_inline(t);
    CHECK(xliff_markup ==
          "<g id=\"1\" ctype=\"bold\">Lektion 1:</g> en <g id=\"3\" ctype=\"bold\"><g id=\"2\" "
          "ctype=\"italic\">vigtig</g></g> <g id=\"4\" ctype=\"italic\">proces</g>");
    CHECK(same_text(xliff(xliff_markup, problems), t));
    CHECK(problems.empty());
}

TEST_CASE("PO markup keeps literal '<' and entity-like '&' apart from tags") {
    const Text t = spans({{"a < b & c &amp; <b>", plain}});
    const std::string po = to_po_markup(t);
    CHECK(po == "a &lt; b & c &amp;amp; &lt;b>");
    std::vector<std::string> problems;
    CHECK(same_text(from_po_markup(po, problems), t));
    CHECK(problems.empty());
    // A translator's "&amp;" and a bare '<' before a space are what they look like.
    CHECK(from_po_markup("McKinsey &amp; Company, 3 < 4", problems).plain() == "McKinsey & Company, 3 < 4");
    CHECK(problems.empty());
}

TEST_CASE("PO markup reports unknown and unbalanced tags") {
    std::vector<std::string> problems;
    from_po_markup("<u>x</u>", problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("<u>") != std::string::npos);
    problems.clear();
    from_po_markup("<b>open", problems);
    CHECK(problems == std::vector<std::string>{"<b> is not closed"});
    problems.clear();
    from_po_markup("close</i>", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("</i>") != std::string::npos);
}

TEST_CASE("XLIFF inline: <g> by ctype, <mrk> transparent, anything else reported") {
    std::vector<std::string> problems;
    const Text t =
        xliff(R"(<mrk mtype="seg" mid="1"><g id="1" ctype="bold">Lesson 1:</g> text</mrk>)", problems);
    CHECK(problems.empty());
    CHECK(same_text(t, spans({{"Lesson 1:", bold}, {" text", plain}})));
    xliff(R"(a <x id="1"/> <g id="2" ctype="underlined">b</g> <bpt id="3">&lt;b&gt;</bpt>)", problems);
    CHECK(problems.size() == 3);
}

TEST_CASE("emphasis runs count passages, not spans or order") {
    const Text source = spans({{"a", bold}, {" b ", plain}, {"c", italic}, {" d", plain}});
    const Text reordered = spans({{"c", italic}, {" and ", plain}, {"a", bold}});
    CHECK(emphasis_runs(source) == emphasis_runs(reordered));
    CHECK(emphasis_runs(spans({{"x", bold | italic}, {"y", bold}})) == EmphasisRuns{1, 1});
    const std::string message = describe_tag_mismatch(emphasis_runs(source), EmphasisRuns{0, 2}, false);
    CHECK(message ==
          "missing bold (<g ctype=\"bold\">): 1 in the source, 0 in the translation; extra italic "
          "(<g ctype=\"italic\">): 1 in the source, 2 in the translation");
    CHECK(describe_tag_mismatch(EmphasisRuns{1, 0}, EmphasisRuns{1, 0}, true).empty());
}

TEST_CASE("PO syntax: entries, continuation lines, flags, comments and their lines") {
    const std::string text =
        "# translator comment\n"
        "msgid \"\"\n"
        "msgstr \"\"\n"
        "\"Language: pl\\n\"\n"
        "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        "\n"
        "#. context\n"
        "#: lektion1.xml:3\n"
        "#, fuzzy, c-format\n"
        "#| msgid \"old\"\n"
        "msgctxt \"l1.title\"\n"
        "msgid \"Lek\"\n"
        "\"tion \\\"1\\\"\"\n"
        "msgstr \"Lesson\\t\\\"1\\\"\\n\"\n"
        "msgctxt \"l1.s1.h\"\n"
        "msgid \"Intro\"\n"
        "msgstr \"\"\n"
        "\n"
        "#~ msgid \"obsolete\"\n"
        "#~ msgstr \"gone\"\n";
    Diagnostics diags;
    const auto entries = parse_po(text, "x.po", diags);
    REQUIRE(entries);
    REQUIRE(entries->size() == 3);
    CHECK(entries->at(0).is_header());
    CHECK(po_header_field(entries->at(0).msgstr, "Language") == "pl");
    const PoEntry& e = entries->at(1);
    CHECK(e.line == 11);
    CHECK(e.msgstr_line == 14);
    CHECK(*e.msgctxt == "l1.title");
    CHECK(e.msgid == "Lektion \"1\"");
    CHECK(e.msgstr == "Lesson\t\"1\"\n");
    CHECK(e.fuzzy());
    CHECK(e.references == std::vector<std::string>{"lektion1.xml:3"});
    CHECK(e.extracted == std::vector<std::string>{"context"});
    CHECK(entries->at(2).line == 15);  // no blank line before it
    CHECK(entries->at(2).msgstr.empty());
}

TEST_CASE("PO syntax errors name their line") {
    for (auto [text, line] : {std::pair{"msgid \"a\"\nmsgstr \"b\nmsgid \"c\"\n", 2},
                              {"msgid \"a\"\nmsgstr \"b\"\nbogus \"c\"\n", 3},
                              {"msgid \"a\" trailing\nmsgstr \"\"\n", 1},
                              {"msgid \"a\\q\"\nmsgstr \"\"\n", 1},
                              {"\"orphan\"\n", 1},
                              {"msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", 1}}) {
        Diagnostics diags;
        CHECK_FALSE(parse_po(text, "x.po", diags));
        REQUIRE(diags.items.size() >= 1);
        CHECK(diags.items[0].line == line);
    }
}

TEST_CASE("po_field splits after newlines the way gettext does") {
    CHECK(po_field("msgid", "one") == "msgid \"one\"");
    CHECK(po_field("msgstr", "a\nb\n") == "msgstr \"\"\n\"a\\n\"\n\"b\\n\"");
}

TEST_CASE("the atlas ranges: Latin, Greek, Cyrillic, punctuation yes; CJK, emoji, Arabic no") {
    CHECK(undrawable("Zażółć gęślą jaźń – Ελληνικά, Кирилица, Ġ ġ ħ, ș ț, €, →, ✓").empty());
    CHECK(undrawable("a\tb\nc").empty());
    CHECK(undrawable("中文 😀 عربي 中") ==
          std::vector<char32_t>{0x4E2D, 0x6587, 0x1F600, 0x0639, 0x0631, 0x0628, 0x064A});
    CHECK(describe_code_point(0x4E2D) == "U+4E2D 中");
    CHECK(atlas_glyph_ranges().front().first == 0x20);
}
