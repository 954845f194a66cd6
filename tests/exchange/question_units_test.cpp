// The parts of every question type are translation units, with notes that
// tell the translator what they are: matching items and targets, ordering
// steps, gaps and each gap's accepted answers (alternatives), in XLIFF and PO.
#include <catch2/catch.hpp>

#include "exchange/po.hpp"
#include "exchange/source_units.hpp"
#include "exchange/store.hpp"
#include "exchange/xliff.hpp"
#include "load/loader.hpp"
#include "resources/paths.hpp"

using namespace lektion;

TEST_CASE("the tour's question parts are units with notes, in XLIFF and PO") {
    const LoadResult r = load_course(resource_dir("content") / "tour");
    REQUIRE(r.course);
    const Source s = course_source(*r.course);
    auto note = [&](const std::string& id) {
        const SourceUnit* u = s.find(id);
        REQUIRE(u);
        return u->note;
    };
    CHECK_THAT(note("l2.check.match.hammer.label"), Catch::Contains("matching item"));
    CHECK_THAT(note("l2.check.match.nails.label"), Catch::Contains("matching target"));
    CHECK_THAT(note("l2.check.order.drill.label"), Catch::Contains("ordering step"));
    CHECK_THAT(note("l2.check.fill.g1.label"), Catch::Contains("gap"));
    CHECK_THAT(note("l2.check.fill.g1.a1"), Catch::Contains("accepted answer"));
    CHECK_THAT(note("l2.check.fill.g1.a2"), Catch::Contains("alternative"));

    Diagnostics diags;
    const TranslationStore store = read_course_store(resource_dir("content") / "tour", "da", diags);
    const std::string xliff = export_xliff(s, store);
    CHECK(xliff.find("<trans-unit id=\"l2.check.fill.g1.a2\"") != std::string::npos);
    CHECK(xliff.find("each accepted answer is an alternative") != std::string::npos);
    const std::string po = export_po(s, store, "2026-01-01 00:00+0000");
    CHECK(po.find("msgctxt \"l2.check.fill.g1.a2\"") != std::string::npos);
    CHECK(po.find("#. ") != std::string::npos);
    CHECK(po.find("each accepted answer is an alternative") != std::string::npos);
}
