// lektion status: the figures per language for the course and the
// interface, and --require as a gate that fails below the figure.
#include <catch2/catch.hpp>

#include <regex>

#include <fmt/format.h>

#include "exchange/status.hpp"
#include "load/loader.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

Figures course_figures(const Workspace& w, const std::string& lang) {
    const LoadResult r = load_course(w.course());
    REQUIRE(r.course);
    Diagnostics diags;
    return figures(course_source(*r.course), read_course_store(w.course(), lang, diags));
}

Figures interface_figures(const Workspace& w, const std::string& lang) {
    Diagnostics diags;
    const auto source = interface_source(w.locales(), diags);
    REQUIRE(source);
    return figures(*source, read_interface_store(w.locales(), lang, diags));
}

// The row `status` prints for a language.
std::string row(const std::string& lang, const Figures& f) {
    return fmt::format("  {:<9} {:>17} {:6} {:8}   {:>17} {:7} {:8}", lang,
                       fmt::format("{} {:5.1f} %", f.translated, f.percent()), f.stale, f.missing,
                       fmt::format("{} {:5.1f} %", f.words_translated, f.words_percent()), f.words_stale,
                       f.words_missing);
}

void drop_german_target(const Workspace& w) {
    std::string de = read_file(w.locales() / "de.xlf");
    const std::string target = "<target state=\"translated\">Wer lernt heute?</target>";
    de.erase(de.find(target), target.size());
    write_file(w.locales() / "de.xlf", de);
}

Ran status(const Workspace& w, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"status", w.course().string(), "--locales", w.locales().string()};
    args.insert(args.end(), more.begin(), more.end());
    return run_lektion(args);
}

}  // namespace

TEST_CASE("status counts units and words translated, stale and missing") {
    Workspace w;
    REQUIRE(
        run_lektion({"xliff", "import", w.course().string(), fixture("xliff/wrong_original.xlf")}).status ==
        0);
    const Figures pl = course_figures(w, "pl");
    CHECK(pl.units == 556);
    CHECK(pl.translated == 2);
    CHECK(pl.stale == 0);
    CHECK(pl.missing == 554);
    CHECK(pl.words_translated == 6);  // "Karriereplanlægning og trivsel på arbejdspladsen", "Introduktion"
    CHECK(pl.words_translated + pl.words_missing == pl.words);

    const Figures en = course_figures(w, "en");
    CHECK(en.translated == 556);
    CHECK(en.percent() == 100.0);

    // A changed source makes the English unit stale; it no longer counts as translated.
    std::string lesson = read_file(w.course() / "lektion1.xml");
    lesson.replace(lesson.find("Som sagt er"), 8, "Som nævnt");
    write_file(w.course() / "lektion1.xml", lesson);
    const Figures stale = course_figures(w, "en");
    CHECK(stale.translated == 555);
    CHECK(stale.stale == 1);
    CHECK(stale.words_stale == 32);

    // The interface: a missing message in German, a stale one in French.
    drop_german_target(w);
    std::string fr = read_file(w.locales() / "fr.xlf");
    const std::string source = "<source>Who is learning today?</source>";
    fr.replace(fr.find(source), source.size(), "<source>Who learns today?</source>");
    write_file(w.locales() / "fr.xlf", fr);
    CHECK(interface_figures(w, "de").missing == 1);
    CHECK(interface_figures(w, "fr").stale == 1);
    CHECK(interface_figures(w, "pl").percent() == 100.0);

    const Ran r = status(w);
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("Course karriereplanlaegning, source da: 556 units, "));
    CHECK(r.out.find(row("en", stale)) != std::string::npos);
    CHECK(r.out.find(row("pl", pl)) != std::string::npos);
    CHECK(r.out.find("\nInterface, source en: ") != std::string::npos);
    CHECK(r.out.find(row("de", interface_figures(w, "de"))) != std::string::npos);
    CHECK(r.out.find(row("fr", interface_figures(w, "fr"))) != std::string::npos);
    CHECK(r.out.find(row("sv", interface_figures(w, "sv"))) != std::string::npos);
}

TEST_CASE("status --require exits 1 below the figure, in the course or the interface") {
    Workspace w;
    REQUIRE(
        run_lektion({"xliff", "import", w.course().string(), fixture("xliff/wrong_original.xlf")}).status ==
        0);
    // pl: 2 of 556 course units (0.36 %), the whole interface.
    CHECK(status(w, {"--require", "en=100"}).status == 0);
    CHECK(status(w, {"--require", "pl=0.3"}).status == 0);
    CHECK(status(w, {"--require", "pl=0.3%", "--require", "en=99.5"}).status == 0);
    CHECK(status(w, {"--require", "da=100"}).status == 0);  // the source language is complete by definition
    // One LANG=PERCENT per --require: the course folder may come after it.
    CHECK(run_lektion({"status", "--require", "pl=1", w.course().string(), "--locales", w.locales().string()})
              .status == 1);

    Ran r = status(w, {"--require", "en=100", "--require", "pl=1"});
    CHECK(r.status == 1);
    CHECK(r.err == "lektion: pl is 0.4 % translated in the course, below the 1 % required\n");

    // A language nobody has started: missing everywhere, listed with zeros.
    r = status(w, {"--require", "is=50"});
    CHECK(r.status == 1);
    CHECK(r.err.find("is is 0.0 % translated in the course, below the 50 % required") != std::string::npos);
    CHECK(r.err.find("is is 0.0 % translated in the interface, below the 50 % required") !=
          std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("\n  is +0 +0\\.0 % +0 +556 ")));
    CHECK(status(w, {"--require", "is=0"}).status == 0);

    // The interface alone can fail it: a complete course translation, one message missing.
    fs::copy(w.course() / "translations/en", w.course() / "translations/de");
    drop_german_target(w);
    r = status(w, {"--require", "de=100"});
    CHECK(r.status == 1);
    CHECK(r.err ==
          fmt::format("lektion: de is {:.1f} % translated in the interface, below the 100 % required\n",
                      interface_figures(w, "de").percent()));
}

TEST_CASE("status fails on a stored translation it cannot read") {
    Workspace w;
    write_file(w.course() / "translations/xx/course.xlf", "<xliff>");
    const Ran r = status(w);
    CHECK(r.status == 1);
    CHECK(r.err.find("translations/xx/course.xlf:1:7: error: malformed XML") != std::string::npos);
}

TEST_CASE("status --require rejects what is not LANG=PERCENT as a usage error") {
    Workspace w;
    for (const char* bad : {"pl", "pl=", "pl=101", "pl=-1", "pl=ten", "../x=5", "=5"}) {
        const Ran r = status(w, {"--require", bad});
        CHECK(r.status == 2);
        CHECK(r.err.starts_with("lektion: "));
    }
}
