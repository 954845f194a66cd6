// Round trips through XLIFF and PO on a copy of the bundled course: what
// comes back unchanged changes nothing, what a translator filled in shows in
// the course, and stale units stay stale until someone confirms them.
#include <catch2/catch.hpp>

#include <regex>

#include "exchange/source_units.hpp"
#include "exchange/store.hpp"
#include "l10n/catalog.hpp"
#include "load/translation.hpp"
#include "load/visit.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
    return n;
}

std::map<std::string, std::string> without(std::map<std::string, std::string> files,
                                           const std::string& prefix) {
    std::erase_if(files, [&](const auto& kv) { return kv.first.starts_with(prefix); });
    return files;
}

const std::map<std::string, std::string> polish_xliff = {
    {"course.title", "Planowanie kariery i dobrostan w pracy"},
    {"l1.s1.h", "Wstęp"},
    {"start.s2.l1.i1", "<g id=\"1\" ctype=\"bold\">Lekcja 1:</g> podkreśla znaczenie planowania kariery."},
};
const std::map<std::string, std::string> polish_po = {
    {"course.title", "Planowanie kariery i dobrostan w pracy"},
    {"l1.s1.h", "Wstęp"},
    {"start.s2.l1.i1", "<b>Lekcja 1:</b> podkreśla znaczenie planowania kariery."},
};

// The course in Polish shows exactly the three units, the rest in Danish.
void check_three_polish_units(const fs::path& course) {
    TranslationStats stats;
    const LoadResult r = load_course(course, "pl", &stats);
    REQUIRE(r.course);
    CHECK(stats.units == 556);
    CHECK(stats.translated == 3);
    CHECK(stats.missing == 553);
    CHECK(stats.stale == 0);
    std::map<std::string, std::string> shown;
    int untranslated = 0;
    for_each_text(*r.course, [&](const Text& t, const UnitContext&) {
        if (t.untranslated) ++untranslated;
        else shown[t.id] = t.plain();
    });
    CHECK(untranslated == 553);
    CHECK(shown == std::map<std::string, std::string>{
                       {"course.title", "Planowanie kariery i dobrostan w pracy"},
                       {"l1.s1.h", "Wstęp"},
                       {"start.s2.l1.i1", "Lekcja 1: podkreśla znaczenie planowania kariery."}});
    const Text& item = r.course->start.at(1).blocks.at(1).items.at(0);
    REQUIRE(item.spans.size() == 2);
    CHECK(item.spans[0].text == "Lekcja 1:");
    CHECK(item.spans[0].emphasis == bold);
}

}  // namespace

TEST_CASE("English through XLIFF: export, import unchanged, every file byte for byte as it was") {
    Workspace w;
    const auto before = snapshot(w.course());
    const fs::path file = w.file("en.xlf");
    Ran r = run_lektion({"xliff", "export", w.course().string(), "--lang", "en", "-o", file.string()});
    REQUIRE(r.status == 0);
    CHECK(r.err.find("556 units exported") != std::string::npos);
    const std::string xliff = read_file(file);
    CHECK(count(xliff, "<trans-unit ") == 556);
    CHECK(count(xliff, "<target state=\"translated\">") == 556);
    CHECK(count(xliff, "<file original=") == 7);
    CHECK(
        xliff.find(
            "<file original=\"course.xml\" source-language=\"da\" target-language=\"en\" datatype=\"xml\"") !=
        std::string::npos);
    CHECK(xliff.find("<g id=\"1\" ctype=\"bold\">Lesson 1:</g>") != std::string::npos);

    // Without -o, the same document on standard output.
    CHECK(run_lektion({"xliff", "export", w.course().string(), "--lang", "en"}).out == xliff);

    for (int round = 0; round < 2; ++round) {
        r = run_lektion({"xliff", "import", w.course().string(), file.string()});
        CHECK(r.status == 0);
        CHECK(r.err.find("556 unchanged") != std::string::npos);
        CHECK(snapshot(w.course()) == before);
    }
}

TEST_CASE("English through PO: export, import unchanged, every file byte for byte as it was") {
    Workspace w;
    const auto before = snapshot(w.course());
    const fs::path file = w.file("en.po");
    REQUIRE(run_lektion({"po", "export", w.course().string(), "--lang", "en", "-o", file.string()}).status ==
            0);
    const std::string po = read_file(file);
    CHECK(count(po, "\nmsgctxt ") == 556);
    CHECK(po.find("msgstr \"<b>Lesson 1:</b> emphasises") != std::string::npos);
    CHECK(po.find("\"Language: en\\n\"") != std::string::npos);
    CHECK(po.find("\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"") != std::string::npos);
    CHECK(po.find("\"Content-Type: text/plain; charset=UTF-8\\n\"") != std::string::npos);
    CHECK(
        po.find(
            "#. Lektion 1: Strategier for arbejdsglæde og vækst › Introduktion › paragraph\n#: lektion1.xml\n"
            "msgctxt \"l1.s1.p1\"") != std::string::npos);
    for (int round = 0; round < 2; ++round) {
        const Ran r = run_lektion({"po", "import", w.course().string(), file.string()});
        CHECK(r.status == 0);
        CHECK(r.err.find("556 unchanged") != std::string::npos);
        CHECK(snapshot(w.course()) == before);
    }
}

TEST_CASE("Danish to Polish through XLIFF: three units filled in, exactly those three in Polish") {
    Workspace w;
    const auto before = snapshot(w.course());
    const fs::path file = w.file("pl.xlf");
    REQUIRE(
        run_lektion({"xliff", "export", w.course().string(), "--lang", "pl", "-o", file.string()}).status ==
        0);
    const std::string empty = read_file(file);
    CHECK(count(empty, "<trans-unit ") == 556);
    CHECK(count(empty, "<target state=\"new\"></target>") == 556);
    REQUIRE(fill_xliff(file, polish_xliff) == 3);

    Ran r = run_lektion({"xliff", "import", w.course().string(), file.string()});
    CHECK(r.status == 0);
    CHECK(r.err.find("3 new, 0 changed") != std::string::npos);
    CHECK(r.err.find("553 left untranslated") != std::string::npos);
    check_three_polish_units(w.course());
    const auto after = snapshot(w.course());
    CHECK(without(after, "translations/pl/") == before);  // the source and English untouched
    CHECK(after.count("translations/pl/course.xlf") == 1);
    CHECK(after.count("translations/pl/lektion1.xlf") == 1);

    r = run_lektion({"xliff", "import", w.course().string(), file.string()});
    CHECK(r.status == 0);
    CHECK(r.err.find("0 new, 0 changed, 0 confirmed, 3 unchanged") != std::string::npos);
    CHECK(snapshot(w.course()) == after);
}

TEST_CASE("Danish to Polish through PO: three msgstr filled in, exactly those three in Polish") {
    Workspace w;
    const fs::path file = w.file("pl.po");
    REQUIRE(run_lektion({"po", "export", w.course().string(), "--lang", "pl", "-o", file.string()}).status ==
            0);
    CHECK(read_file(file).find("\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2") !=
          std::string::npos);
    REQUIRE(fill_po(file, polish_po) == 3);
    Ran r = run_lektion({"po", "import", w.course().string(), file.string()});
    CHECK(r.status == 0);
    check_three_polish_units(w.course());
    const auto after = snapshot(w.course());
    r = run_lektion({"po", "import", w.course().string(), file.string()});
    CHECK(r.err.find("3 unchanged") != std::string::npos);
    CHECK(snapshot(w.course()) == after);

    // The same units exported again as XLIFF carry the translations PO brought.
    const std::string xliff = run_lektion({"xliff", "export", w.course().string(), "--lang", "pl"}).out;
    CHECK(xliff.find("<target state=\"translated\"><g id=\"1\" ctype=\"bold\">Lekcja 1:</g> podkreśla") !=
          std::string::npos);
}

TEST_CASE("a changed source sends the unit for review, and it stays stale until confirmed") {
    Workspace w;
    const fs::path lesson = w.course() / "lektion1.xml";
    std::string text = read_file(lesson);
    text.replace(text.find("Som sagt er"), 8, "Som nævnt");
    write_file(lesson, text);
    const auto before = snapshot(w.course());

    const fs::path file = w.file("en.xlf");
    REQUIRE(
        run_lektion({"xliff", "export", w.course().string(), "--lang", "en", "-o", file.string()}).status ==
        0);
    const std::string xliff = read_file(file);
    CHECK(count(xliff, "state=\"needs-review-translation\"") == 1);
    CHECK(std::regex_search(xliff,
                            std::regex("<source>Som nævnt er[^<]*</source>\\s*<target "
                                       "state=\"needs-review-translation\">As mentioned[^<]*</target>\\s*"
                                       "<note>[^<]*</note>\\s*<note>The source changed since this was "
                                       "translated. It read: Som sagt er")));

    Ran r = run_lektion({"xliff", "import", w.course().string(), file.string()});
    CHECK(r.status == 0);
    CHECK(r.err.find("1 still to review") != std::string::npos);
    CHECK(snapshot(w.course()) == before);

    // A reviewer keeps the wording and marks it translated: the unit is current again.
    REQUIRE(fill_xliff(file, {{"l1.s1.p1",
                               "As mentioned, career planning is an important process that not only "
                               "aligns a person’s professional ambitions with their personal values and "
                               "strengths but also provides a strategic roadmap for long-term success "
                               "and fulfilment."}}) == 1);
    r = run_lektion({"xliff", "import", w.course().string(), file.string()});
    CHECK(r.status == 0);
    CHECK(r.err.find("1 confirmed") != std::string::npos);
    TranslationStats stats;
    load_course(w.course(), "en", &stats);
    CHECK(stats.stale == 0);
    CHECK(stats.translated == 556);
    const auto after = snapshot(w.course());
    CHECK(after.at("translations/en/lektion1.xlf").find("<source>Som nævnt er") != std::string::npos);
    // Only that unit's <source> line changed.
    CHECK(without(after, "translations/en/lektion1.xlf") == without(before, "translations/en/lektion1.xlf"));
}

TEST_CASE("PO: stale units are fuzzy with the previous msgid, and unflagging confirms them") {
    Workspace w;
    const fs::path lesson = w.course() / "lektion1.xml";
    std::string text = read_file(lesson);
    text.replace(text.find("Som sagt er"), 8, "Som nævnt");
    write_file(lesson, text);
    const auto before = snapshot(w.course());
    const fs::path file = w.file("en.po");
    REQUIRE(run_lektion({"po", "export", w.course().string(), "--lang", "en", "-o", file.string()}).status ==
            0);
    std::string po = read_file(file);
    CHECK(count(po, "#, fuzzy\n") == 1);
    CHECK(po.find("#, fuzzy\n#| msgid \"Som sagt er") != std::string::npos);
    REQUIRE(run_lektion({"po", "import", w.course().string(), file.string()}).status == 0);
    CHECK(snapshot(w.course()) == before);

    po.replace(po.find("#, fuzzy\n"), 9, "");
    write_file(file, po);
    const Ran r = run_lektion({"po", "import", w.course().string(), file.string()});
    CHECK(r.err.find("1 confirmed") != std::string::npos);
    TranslationStats stats;
    load_course(w.course(), "en", &stats);
    CHECK(stats.stale == 0);
}

TEST_CASE("a translation made from an export older than the source comes back stale") {
    Workspace w;
    const fs::path file = w.file("pl.xlf");
    REQUIRE(
        run_lektion({"xliff", "export", w.course().string(), "--lang", "pl", "-o", file.string()}).status ==
        0);
    const fs::path manifest = w.course() / "course.xml";
    std::string text = read_file(manifest);
    const std::string dropped = " og trivsel på arbejdspladsen</title>";
    text.replace(text.find(dropped), dropped.size(), "</title>");
    write_file(manifest, text);
    REQUIRE(fill_xliff(file, {{"course.title", "Planowanie kariery i dobrostan w pracy"}}) == 1);
    REQUIRE(run_lektion({"xliff", "import", w.course().string(), file.string()}).status == 0);
    TranslationStats stats;
    load_course(w.course(), "pl", &stats);
    CHECK(stats.translated == 1);
    CHECK(stats.stale == 1);
}

TEST_CASE("interface catalogs: unchanged through XLIFF and PO; a new language becomes locales/<lang>.xlf") {
    Workspace w;
    const std::string locales = w.locales().string();
    const auto before = snapshot(w.locales());
    for (const char* format : {"xliff", "po"}) {
        const fs::path file = w.file(std::string("ui-pl.") + format);
        REQUIRE(
            run_lektion({format, "export", "--ui", "--locales", locales, "--lang", "pl", "-o", file.string()})
                .status == 0);
        const Ran r = run_lektion({format, "import", "--ui", "--locales", locales, file.string()});
        CHECK(r.status == 0);
        CHECK(snapshot(w.locales()) == before);
    }
    const fs::path file = w.file("ui-is.xlf");
    REQUIRE(
        run_lektion({"xliff", "export", "--ui", "--locales", locales, "--lang", "is", "-o", file.string()})
            .status == 0);
    CHECK(read_file(file).find("<file original=\"lektion-ui\" source-language=\"en\" target-language=\"is\" "
                               "datatype=\"plaintext\"") != std::string::npos);
    REQUIRE(fill_xliff(file, {{"learners.title", "Hver er að læra í dag?"},
                              {"home.continue", "Halda áfram þar sem frá var horfið: {lesson}"}}) == 2);
    const Ran r = run_lektion({"xliff", "import", "--ui", "--locales", locales, file.string()});
    CHECK(r.status == 0);
    CHECK(r.err.find("2 new") != std::string::npos);
    Diagnostics diags;
    const Catalog is = Catalog::load(w.locales() / "is.xlf", diags);
    CHECK(diags.items.empty());
    CHECK(is.language() == "is");
    CHECK(is.keys() == std::vector<std::string>{"home.continue", "learners.title"});
    CHECK(is.format("home.continue", {{"lesson", std::string("Lektion 2")}}) ==
          "Halda áfram þar sem frá var horfið: Lektion 2");
    CHECK(without(snapshot(w.locales()), "is.xlf") == before);
}
