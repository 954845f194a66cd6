// lektion lint on translations: ids the course no longer has, emphasis tags
// that differ from the source, stale units, and characters the player's font
// cannot draw, in course translations and interface catalogs alike.
#include <catch2/catch.hpp>

#include <regex>

#include <fmt/format.h>

#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// 1-based line of the first occurrence of `needle`.
int line_of(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

void replace(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = read_file(file);
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_file(file, text);
}

Ran lint(const Workspace& w) { return run_lektion({"lint", w.course().string()}, w.root()); }

}  // namespace

TEST_CASE("lint passes the bundled course with its translation and every catalog") {
    Workspace w;
    const Ran r = lint(w);
    CHECK(r.status == 0);
    CHECK(std::regex_search(r.err, std::regex("5 lessons, a final quiz, 1 translation, [1-9][0-9]* interface "
                                              "catalogs; 0 errors, 0 warnings")));
}

TEST_CASE("lint reports unknown ids, tag mismatches and stale units as warnings, at their line") {
    Workspace w;
    const fs::path en = w.course() / "translations/en";
    replace(en / "lektion1.xlf", "id=\"l1.s2.p2\" resname=\"l1.s2.p2\"",
            "id=\"l1.gone\" resname=\"l1.gone\"");
    replace(en / "course.xlf", "<target state=\"translated\"><g id=\"1\" ctype=\"bold\">Lesson 1:</g>",
            "<target state=\"translated\">Lesson 1:");
    replace(w.course() / "lektion1.xml", "Som sagt er", "Som nævnt er");
    const std::string lesson = read_file(en / "lektion1.xlf");
    const std::string course = read_file(en / "course.xlf");

    const Ran r = lint(w);
    INFO(r.err);
    CHECK(r.status == 0);  // warnings only
    CHECK(r.err.find(
              fmt::format("translations/en/lektion1.xlf:{}:7: warning: translation of 'l1.gone', which the "
                          "course no longer has",
                          line_of(lesson, "id=\"l1.gone\""))) != std::string::npos);
    CHECK(
        r.err.find(fmt::format("translations/en/course.xlf:{}:9: warning: 'start.s2.l1.i1': missing bold (<g "
                               "ctype=\"bold\">): 1 in the source, 0 in the translation",
                               line_of(course, ">Lesson 1: emphasises"))) != std::string::npos);
    CHECK(r.err.find(
              fmt::format("translations/en/lektion1.xlf:{}:7: warning: stale translation of 'l1.s1.p1': the "
                          "source changed since it was translated",
                          line_of(lesson, "id=\"l1.s1.p1\""))) != std::string::npos);
    CHECK(r.err.find("0 errors, 3 warnings") != std::string::npos);
}

TEST_CASE("lint reports text the font atlas cannot draw, in the source, translations and catalogs") {
    Workspace w;
    replace(w.course() / "course.xml", "<title id=\"course.title\">Karriereplanlægning",
            "<title id=\"course.title\">✨ Karriereplanlægning");
    const fs::path en = w.course() / "translations/en/lektion1.xlf";
    replace(en, ">Introduction</target>", ">Introduction 中文</target>");
    replace(w.locales() / "el.xlf", "<target state=\"translated\">lektion</target>",
            "<target state=\"translated\">lektion 😀</target>");
    const std::string lesson = read_file(en);
    const std::string el = read_file(w.locales() / "el.xlf");

    const Ran r = lint(w);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find(
              "course.xml:3:3: error: 'course.title': the player's font cannot draw U+2728 ✨; it would show "
              "as '?'") != std::string::npos);
    CHECK(r.err.find(fmt::format(
              "translations/en/lektion1.xlf:{}:9: error: 'l1.s1.h': the player's font cannot draw "
              "U+4E2D 中, U+6587 文",
              line_of(lesson, ">Introduction 中文"))) != std::string::npos);
    CHECK(r.err.find(
              fmt::format("locales/el.xlf:{}:9: error: 'app.title': the player's font cannot draw U+1F600 😀",
                          line_of(el, "lektion 😀"))) != std::string::npos);
    // And the changed title is stale: one warning, however the count is worded.
    CHECK(std::regex_search(r.err, std::regex("3 errors, 1 warnings?$|3 errors, 1 warnings?\n")));
}

TEST_CASE("lint reports broken catalog patterns and placeholders that differ from English") {
    Workspace w;
    replace(w.locales() / "pl.xlf", ">{count, plural, one {Pozostało", ">{count, plurl, one {Pozostało");
    const std::string de_before = read_file(w.locales() / "de.xlf");
    const std::size_t lesson = de_before.find("{lesson}</target>");
    REQUIRE(lesson != std::string::npos);
    std::string de = de_before;
    de.replace(lesson, 8, "{lektion}");
    write_file(w.locales() / "de.xlf", de);
    const Ran r = lint(w);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("locales/pl.xlf:") != std::string::npos);
    CHECK(r.err.find("error: 'quiz.attempts_left': broken message pattern") != std::string::npos);
    CHECK(r.err.find(
              fmt::format("locales/de.xlf:{}:9: error: 'home.continue': lacks {{lesson}}; uses {{lektion}}, "
                          "which the source does not have",
                          line_of(de, "{lektion}</target>"))) != std::string::npos);
}

TEST_CASE("a broken catalog pattern is one error, in words, with no follow-on") {
    Workspace w;
    const std::string before = read_file(w.locales() / "da.xlf");
    const std::size_t lesson = before.find("{lesson}</target>");
    REQUIRE(lesson != std::string::npos);
    std::string da = before;
    da.replace(lesson, 8, "{lesson");  // unclosed
    write_file(w.locales() / "da.xlf", da);
    const Ran r = lint(w);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("'home.continue': broken message pattern: a brace { is not closed") !=
          std::string::npos);
    CHECK(r.err.find("U_") == std::string::npos);              // no ICU code names
    CHECK(r.err.find("lacks {lesson}") == std::string::npos);  // no follow-on
}

TEST_CASE("lint warns about a translation folder that names no language") {
    Workspace w;
    fs::create_directories(w.course() / "translations/not a language");
    const Ran r = lint(w);
    CHECK(r.status == 0);
    CHECK(r.err.find("translations/not a language: warning: not a language tag") != std::string::npos);
}

TEST_CASE("lint reports a symbolic link in translations/, and ignores an import's hidden leftovers") {
    Workspace w;
    const fs::path translations = w.course() / "translations";
    fs::create_directories(w.file("elsewhere"));
    fs::create_directory_symlink(w.file("elsewhere"), translations / "pl");
    fs::create_symlink(translations / "en" / "quiz.xlf", translations / "en" / "more.xlf");
    write_file(translations / ".pl.import-0123abcd" / "course.xlf", "<half");
    const Ran r = lint(w);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find((translations / "pl").string() + ": warning: a symbolic link") != std::string::npos);
    CHECK(r.err.find((translations / "en" / "more.xlf").string() + ": error: is a symbolic link") !=
          std::string::npos);
    CHECK(r.err.find(".pl.import-0123abcd") == std::string::npos);
}
