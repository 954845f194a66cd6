// A stored translation file read the same way by the player's overlay, lint
// and status: units inside <group>s, a unit given twice, emphasis in another
// order, and markup the reader refuses.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "exchange/source_units.hpp"
#include "exchange/status.hpp"
#include "exchange/store.hpp"
#include "load/translation.hpp"
#include "load/visit.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// A course in Danish whose lesson has a paragraph with one bold and one
// italic passage, and translations/pl/l1.xlf holding `units`.
struct Course_ {
    TempCourse c;
    explicit Course_(const std::string& units) {
        c.manifest("").file("l1.xml", lesson_xml("l1", R"(
    <p id="l1.s1.p2"><b>Fed</b> og <i>kursiv</i>.</p>)"));
        c.file("translations/pl/l1.xlf", fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="l1.xml" source-language="da" target-language="pl" datatype="xml">
    <body>{}
    </body>
  </file>
</xliff>
)",
                                                     units));
    }
    const fs::path& dir() const { return c.dir(); }
};

std::string unit(const std::string& id, const std::string& source, const std::string& target) {
    return fmt::format(R"(
      <trans-unit id="{0}" resname="{0}">
        <source>{1}</source>
        <target state="translated">{2}</target>
      </trans-unit>)",
                       id, source, target);
}

const std::string title_source = "Lektion";
const std::string p2_source = R"(<g id="1" ctype="bold">Fed</g> og <g id="2" ctype="italic">kursiv</g>.)";

std::map<std::string, std::string> shown(const fs::path& dir) {
    const LoadResult r = load_course(dir, "pl");
    REQUIRE(r.course);
    std::map<std::string, std::string> out;
    for_each_text(*r.course, [&](const Text& t, const UnitContext&) {
        if (!t.untranslated) out[t.id] = t.plain();
    });
    return out;
}

Ran lint(const Course_& c) { return run_lektion({"lint", c.dir().string()}); }

}  // namespace

TEST_CASE("the player shows the units of a <group>, which lint and status read too") {
    const Course_ c(R"(
      <group id="g1">)" +
                    unit("l1.title", title_source, "Lekcja") +
                    R"(
      </group>)");
    CHECK(shown(c.dir()) == std::map<std::string, std::string>{{"l1.title", "Lekcja"}});
    const LoadResult r = load_course(c.dir(), "pl");
    CHECK(r.diagnostics.items.empty());
    Diagnostics diags;
    const Figures f =
        figures(course_source(*load_course(c.dir()).course), read_course_store(c.dir(), "pl", diags));
    CHECK(f.translated == 1);
}

TEST_CASE(
    "of two stored units with one id, the player shows the first, as export and status use it, and "
    "lint says so") {
    const Course_ c(unit("l1.title", title_source, "Lekcja") + unit("l1.title", title_source, "Druga"));
    CHECK(shown(c.dir()) == std::map<std::string, std::string>{{"l1.title", "Lekcja"}});
    Diagnostics diags;
    CHECK(read_course_store(c.dir(), "pl", diags).find("l1.title")->target.plain() == "Lekcja");
    const Ran r = lint(c);
    INFO(r.err);
    CHECK(r.err.find("l1.xlf:9:7: warning: 'l1.title' again (first at ") != std::string::npos);
    CHECK(r.err.find("l1.xlf:5); the first is used") != std::string::npos);
}

TEST_CASE("bold and italic in another order are no warning, in lint or in the player") {
    const Course_ c(
        unit("l1.s1.p2", p2_source,
             R"(<g id="2" ctype="italic">Kursywa</g> i <g id="1" ctype="bold">pogrubienie</g>.)"));
    CHECK(shown(c.dir()) == std::map<std::string, std::string>{{"l1.s1.p2", "Kursywa i pogrubienie."}});
    const LoadResult r = load_course(c.dir(), "pl");
    CHECK(r.diagnostics.items.empty());
    CHECK(lint(c).err.find("l1.s1.p2") == std::string::npos);
}

TEST_CASE("a stored target whose markup is refused is not translated, for status as for the player") {
    const Course_ c(unit("l1.title", title_source, R"(Lekcja <x id="1"/>)"));
    CHECK(shown(c.dir()).empty());
    Diagnostics diags;
    const Figures f =
        figures(course_source(*load_course(c.dir()).course), read_course_store(c.dir(), "pl", diags));
    CHECK(f.translated == 0);
    CHECK(f.missing == f.units);
}
