// XLIFF inline markup as CAT tools write it (OmegaT, Trados, memoQ): one
// reading for the import, lint and the player's overlay. What is accepted
// shows the same text with the same emphasis everywhere; what is refused is
// refused everywhere with the same message, naming the element and what to
// write instead.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "load/translation.hpp"
#include "load/visit.hpp"
#include "support.hpp"
#include "xliff/inline.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

Text read(const std::string& inner, std::vector<std::string>& problems) {
    pugi::xml_document doc;
    const std::string xml = "<target>" + inner + "</target>";
    REQUIRE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata));
    return read_xliff_inline(doc.child("target"), problems);
}

// "**b**" for bold, "_i_" for italic: the spans of a text at a glance. (A
// space between spans starts the next one; it is shown outside the marks.)
std::string shape(const Text& t) {
    std::string out;
    for (const Span& s : t.spans) {
        const std::string open =
            std::string(s.emphasis & bold ? "**" : "") + (s.emphasis & italic ? "_" : "");
        const std::string close =
            std::string(s.emphasis & italic ? "_" : "") + (s.emphasis & bold ? "**" : "");
        const bool space = !open.empty() && s.text.starts_with(' ');
        out += (space ? " " : "") + open + s.text.substr(space ? 1 : 0) + close;
    }
    return out;
}

struct Accepted {
    const char* tool;
    std::string markup;
    std::string shape;
};

struct Refused {
    const char* what;
    std::string markup;
    std::vector<std::string> message_parts;
};

const std::vector<Accepted> accepted = {
    {"Trados segment marker", R"(<mrk mtype="seg" mid="1">Lesson <g id="1" ctype="bold">one</g></mrk>)",
     "Lesson **one**"},
    {"Trados comment inside a segment",
     R"(<mrk mtype="seg" mid="1"><mrk mtype="x-sdl-comment" sdl:cid="c1">Lesson</mrk> one</mrk>)",
     "Lesson one"},
    {"two segments of one unit",
     R"(<mrk mtype="seg" mid="1">One <g id="1" ctype="bold">b</g>.</mrk> <mrk mtype="seg" mid="2">Two.</mrk>)",
     "One **b**. Two."},
    {"protected text", R"(Ask <mrk mtype="protected" mid="2">McKinsey</mrk> first)", "Ask McKinsey first"},
    {"OmegaT and memoQ keep <g>", R"(<g id="1" ctype="bold">Lesson 1:</g> a <g id="2" ctype="italic">b</g>)",
     "**Lesson 1:** a _b_"},
    {"nested <g>", R"(<g id="2" ctype="bold"><g id="1" ctype="italic">both</g></g>)", "**_both_**"},
    {"<bx>/<ex> by id", R"(<bx id="1" ctype="bold"/>Lesson 1:<ex id="1"/> text)", "**Lesson 1:** text"},
    {"<bx>/<ex> by rid", R"(<bx id="1" rid="r1" ctype="italic"/>a<ex id="2" rid="r1"/>)", "_a_"},
    {"<bpt>/<ept> with <b>", R"(<bpt id="1">&lt;b&gt;</bpt>Lesson 1:<ept id="1">&lt;/b&gt;</ept> text)",
     "**Lesson 1:** text"},
    {"<bpt>/<ept> with <strong> and <em>",
     R"(<bpt id="1">&lt;strong&gt;</bpt>a<ept id="1">&lt;/strong&gt;</ept> <bpt id="2">&lt;EM&gt;</bpt>b<ept id="2">&lt;/EM&gt;</ept>)",
     "**a** _b_"},
    {"<bpt>/<ept> with <i> by rid",
     R"(<bpt id="1" rid="5">&lt;i&gt;</bpt>a<ept id="9" rid="5">&lt;/i&gt;</ept>)", "_a_"},
    {"<bpt ctype=\"bold\"> with a tool's own code",
     R"(<bpt id="1" ctype="bold">{1}</bpt>a<ept id="1">{/1}</ept>)", "**a**"},
    {"CDATA", R"(<![CDATA[a < b]]>)", "a < b"},
};

const std::vector<Refused> refused = {
    {"<g> without ctype",
     R"(<g id="1">Lesson 1:</g> text)",
     {"inline <g id=\"1\"> has no ctype", "use <g ctype=\"bold\"> or <g ctype=\"italic\">"}},
    {"<g> underlined",
     R"(<g id="1" ctype="underlined">Lesson 1:</g> text)",
     {"inline <g ctype=\"underlined\">", "use <g ctype=\"bold\"> or <g ctype=\"italic\">"}},
    {"<g> link", R"(<g id="1" ctype="link">Lesson 1:</g> text)", {"inline <g ctype=\"link\">"}},
    {"<x/>", R"(Lesson <x id="1"/>1)", {"inline <x id=\"1\"/>", "remove it"}},
    {"<bx/> without ctype", R"(<bx id="1"/>a<ex id="1"/>)", {"inline <bx id=\"1\"/> has no ctype"}},
    {"<bx/> not closed",
     R"(<bx id="1" ctype="bold"/>a)",
     {"inline <bx id=\"1\"/> is not closed by an <ex/>"}},
    {"<ex/> alone", R"(a<ex id="1"/>)", {"inline <ex id=\"1\"/> closes no <bx/>"}},
    {"<bpt> with <u>",
     R"(<bpt id="1">&lt;u&gt;</bpt>a<ept id="1">&lt;/u&gt;</ept>)",
     {"inline <bpt id=\"1\"> holds the code <u>", "use <g ctype=\"bold\"> or <g ctype=\"italic\">"}},
    {"<bpt> not closed",
     R"(<bpt id="1">&lt;b&gt;</bpt>a)",
     {"inline <bpt id=\"1\"> is not closed by an <ept>"}},
    {"<ept> alone", R"(a<ept id="1">&lt;/b&gt;</ept>)", {"inline <ept id=\"1\"> closes no <bpt>"}},
    {"<ph>", R"(a<ph id="1">&lt;br/&gt;</ph>b)", {"inline <ph id=\"1\"> holds the code <br/>", "remove it"}},
    {"<it>", R"(<it id="1" pos="open">&lt;b&gt;</it>a)", {"inline <it id=\"1\">", "half of a tag pair"}},
    {"unknown element", R"(a <u>b</u>)", {"inline <u> is not XLIFF 1.2 inline markup"}},
};

}  // namespace

TEST_CASE("XLIFF inline: what CAT tools write is read as text with bold and italic") {
    for (const Accepted& c : accepted) {
        INFO(c.tool << ": " << c.markup);
        std::vector<std::string> problems;
        const Text t = read(c.markup, problems);
        CHECK(problems.empty());
        CHECK(shape(t) == c.shape);
    }
}

TEST_CASE("XLIFF inline: codes lektion has no use for are refused, naming the element and what to use") {
    for (const Refused& c : refused) {
        INFO(c.what << ": " << c.markup);
        std::vector<std::string> problems;
        read(c.markup, problems);
        REQUIRE(problems.size() >= 1);
        for (const std::string& part : c.message_parts) {
            INFO(problems.front());
            CHECK(problems.front().find(part) != std::string::npos);
        }
    }
}

TEST_CASE("XLIFF inline: a refused start is reported once, not again at its end") {
    for (const std::string markup :
         {R"(<bx id="1" ctype="underlined"/>a<ex id="1"/>)",
          R"(<bpt id="1">&lt;u&gt;</bpt>a<ept id="1">&lt;/u&gt;</ept>)", R"(<bpt id="1">&lt;u&gt;</bpt>a)"}) {
        INFO(markup);
        std::vector<std::string> problems;
        read(markup, problems);
        CHECK(problems.size() == 1);
    }
}

TEST_CASE("XLIFF inline: the native code inside <bpt>, <ept> and <ph> never becomes text") {
    std::vector<std::string> problems;
    const Text t = read(R"(<bpt id="1">&lt;b&gt;</bpt>a<ept id="1">&lt;/b&gt;</ept>)", problems);
    CHECK(t.plain() == "a");
}

TEST_CASE("XLIFF inline: written with the spaces outside the tags, read back the same") {
    Text t;
    t.spans = {{"Lektion 1:", bold}, {" en", plain}, {" vigtig", bold | italic}, {" proces", italic}};
    const std::string markup = to_xliff_inline(t);
    CHECK(markup ==
          "<g id=\"1\" ctype=\"bold\">Lektion 1:</g> en <g id=\"3\" ctype=\"bold\"><g id=\"2\" "
          "ctype=\"italic\">vigtig</g></g> <g id=\"4\" ctype=\"italic\">proces</g>");
    std::vector<std::string> problems;
    CHECK(shape(read(markup, problems)) == shape(t));
    CHECK(problems.empty());
}

namespace {

// The bundled course's start.s2.l1.i1 has one bold passage ("Lektion 1:").
const std::string unit_id = "start.s2.l1.i1";

std::string stored_source(const Workspace& w) {
    const std::string en = read_file(w.course() / "translations/en/course.xlf");
    const std::size_t unit = en.find("<trans-unit id=\"" + unit_id + "\"");
    const std::size_t from = en.find("<source>", unit);
    const std::size_t to = en.find("</source>", from);
    return en.substr(from, to + 9 - from);
}

// translations/pl/course.xlf with the unit's target as a CAT tool left it.
std::string stored_file(const Workspace& w, const std::string& markup) {
    return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
  <file original="course.xml" source-language="da" target-language="pl" datatype="xml">
    <body>
      <trans-unit id="{}" resname="{}">
        {}
        <target state="translated">{}</target>
      </trans-unit>
    </body>
  </file>
</xliff>
)",
                       unit_id, unit_id, stored_source(w), markup);
}

// What follows "'start.s2.l1.i1': " on the first line naming the unit, "" when none does.
std::string message_about_unit(const std::string& output, const std::string& severity) {
    const std::string key = severity + ": '" + unit_id + "': ";
    const std::size_t at = output.find(key);
    if (at == std::string::npos) return {};
    const std::size_t end = output.find('\n', at);
    return output.substr(at + key.size(), end - at - key.size());
}

const Text* shown_unit(const Course& course) {
    const Text* found = nullptr;
    for_each_text(course, [&](const Text& t, const UnitContext&) {
        if (t.id == unit_id) found = &t;
    });
    return found;
}

}  // namespace

TEST_CASE("import, lint and the player give the same answer for each kind of inline markup") {
    const std::vector<Accepted> shown = {
        {"<mrk>", R"(<mrk mtype="seg" mid="1"><g id="1" ctype="bold">Lekcja 1:</g> podkreśla</mrk>)",
         "**Lekcja 1:** podkreśla"},
        {"<bx>/<ex>", R"(<bx id="1" ctype="bold"/>Lekcja 1:<ex id="1"/> podkreśla)",
         "**Lekcja 1:** podkreśla"},
        {"<bpt>/<ept>", R"(<bpt id="1">&lt;b&gt;</bpt>Lekcja 1:<ept id="1">&lt;/b&gt;</ept> podkreśla)",
         "**Lekcja 1:** podkreśla"},
    };
    for (const Accepted& c : shown) {
        SECTION(c.tool) {
            Workspace w;
            // Imported: stored, and shown by the player.
            const fs::path file = w.file("pl.xlf");
            write_file(file, stored_file(w, c.markup));
            const Ran imported = run_lektion({"xliff", "import", w.course().string(), file.string()});
            INFO(imported.err);
            CHECK(imported.status == 0);
            CHECK(imported.err.find("pl: 1 new") != std::string::npos);
            LoadResult r = load_course(w.course(), "pl");
            REQUIRE(r.course);
            REQUIRE(shown_unit(*r.course));
            CHECK_FALSE(shown_unit(*r.course)->untranslated);
            CHECK(shape(*shown_unit(*r.course)) == c.shape);

            // Put in translations/ by hand, as the tool wrote it: lint and the player agree.
            write_file(w.course() / "translations/pl/course.xlf", stored_file(w, c.markup));
            const Ran lint = run_lektion({"lint", w.course().string()}, w.root());
            INFO(lint.err);
            CHECK(lint.status == 0);
            CHECK(lint.err.find(unit_id) == std::string::npos);
            r = load_course(w.course(), "pl");
            REQUIRE(r.course);
            CHECK_FALSE(shown_unit(*r.course)->untranslated);
            CHECK(shape(*shown_unit(*r.course)) == c.shape);
            CHECK(r.diagnostics.items.empty());
        }
    }
    const std::vector<Refused> not_shown = {
        {"<g> without ctype", R"(<g id="1">Lekcja 1:</g> podkreśla)", {"has no ctype"}},
        {"<g ctype=\"underlined\">",
         R"(<g id="1" ctype="underlined">Lekcja 1:</g> podkreśla)",
         {"underlined"}},
        {"<x/>", R"(<g id="1" ctype="bold">Lekcja 1:</g> <x id="2"/>podkreśla)", {"<x id=\"2\"/>"}},
        {"<ph>",
         R"(<g id="1" ctype="bold">Lekcja 1:</g> <ph id="2">&lt;br/&gt;</ph>podkreśla)",
         {"<ph id=\"2\">"}},
        {"<it>", R"(<it id="1" pos="open">&lt;b&gt;</it>Lekcja 1: podkreśla)", {"<it id=\"1\">"}},
    };
    for (const Refused& c : not_shown) {
        SECTION(c.what) {
            Workspace w;
            const fs::path file = w.file("pl.xlf");
            write_file(file, stored_file(w, c.markup));
            const Ran imported = run_lektion({"xliff", "import", w.course().string(), file.string()});
            const std::string from_import = message_about_unit(imported.err, "error");
            INFO(imported.err);
            CHECK(imported.status == 1);
            for (const std::string& part : c.message_parts)
                CHECK(from_import.find(part) != std::string::npos);

            write_file(w.course() / "translations/pl/course.xlf", stored_file(w, c.markup));
            const Ran lint = run_lektion({"lint", w.course().string()}, w.root());
            INFO(lint.err);
            CHECK(lint.status == 1);
            CHECK(message_about_unit(lint.err, "error") == from_import);

            const LoadResult r = load_course(w.course(), "pl");
            REQUIRE(r.course);
            CHECK(shown_unit(*r.course)->untranslated);  // the source, marked, rather than half a translation
            std::string from_player;
            for (const Diagnostic& d : r.diagnostics.items)
                if (from_player.empty()) from_player = message_about_unit(format(d) + "\n", "warning");
            CHECK(from_player == from_import);
        }
    }
}
