// Every kind of refusal and warning an import gives, each from a fixture
// file: whole files refused with nothing written, and units refused or
// skipped one by one while the good ones are merged.
#include <catch2/catch.hpp>

#include <set>

#include "exchange/store.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

struct Case {
    const char* fixture;  // under fixtures/; .po files go through "lektion po"
    int status;
    std::vector<std::string> messages;  // each found as "<fixture>:<message>"
    const char* lang = nullptr;         // for the units that are imported: the language,
    std::set<std::string> imported{};   // and every id stored in it afterwards
};

bool is_ui(const std::string& fixture) { return fixture.starts_with("ui/"); }

std::set<std::string> stored_ids(const Workspace& w, const std::string& fixture, const std::string& lang) {
    Diagnostics diags;
    const TranslationStore store = is_ui(fixture) ? read_interface_store(w.locales(), lang, diags)
                                                  : read_course_store(w.course(), lang, diags);
    std::set<std::string> ids;
    for (const StoredFile& f : store.files)
        for (const StoredSection& s : f.sections)
            for (const StoredUnit& u : s.units) ids.insert(u.id);
    return ids;
}

Ran import(const Workspace& w, const std::string& fixture_name) {
    const std::string format = fixture_name.ends_with(".po") ? "po" : "xliff";
    if (is_ui(fixture_name))
        return run_lektion(
            {format, "import", "--ui", "--locales", w.locales().string(), fixture(fixture_name)});
    return run_lektion({format, "import", w.course().string(), fixture(fixture_name)});
}

void check_messages(const Case& c, const Ran& r) {
    for (const std::string& m : c.messages) {
        INFO(r.err);
        CHECK(r.err.find(fixture(c.fixture) + ":" + m) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("a file for another course, language or format is refused whole, and nothing is written") {
    const std::vector<Case> cases = {
        {"xliff/other_course.xlf",
         1,
         {"3:3: error: the file is for 'boernehaven', not for the course 'karriereplanlaegning'",
          "3:3: error: 'kapitel1.xml' is not a file of the course 'karriereplanlaegning'",
          "5:7: error: none of the 1 units is a unit of the course 'karriereplanlaegning'"}},
        {"xliff/foreign_ids.xlf", 1, {"5:7: error: none of the 2 units is a unit of the course"}},
        {"xliff/other_source_language.xlf",
         1,
         {"3:3: error: the file translates from 'en', but the source language of the course "
          "'karriereplanlaegning' "
          "is 'da'"}},
        {"xliff/into_source_language.xlf",
         1,
         {"3:3: error: the file translates into 'da', the source language itself; an import never changes "
          "the "
          "source"}},
        {"xliff/bad_language.xlf", 1, {"3:3: error: '../../../tmp/x' is not a language tag"}},
        {"xliff/no_target_language.xlf", 1, {"3:3: error: <file> has no target-language"}},
        {"xliff/mixed_languages.xlf",
         1,
         {"11:3: error: this <file> translates da to de, the first one da to pl"}},
        {"xliff/xliff2.xlf", 1, {"2:1: error: XLIFF 2.0 is not supported"}},
        {"xliff/malformed.xlf", 1, {"7:76: error: malformed XML"}},
        {"po/other_course.po",
         1,
         {"1:1: error: the file is for 'boernehaven', not for the course 'karriereplanlaegning'",
          "11:1: error: 'kapitel1.xml' is not a file of the course 'karriereplanlaegning'"}},
        {"po/other_source_language.po", 1, {"1:1: error: the file translates from 'en'"}},
        {"po/into_source_language.po",
         1,
         {"1:1: error: the file translates into 'da', the source language itself"}},
        {"po/no_language.po", 1, {"1:1: error: the header has no Language: field"}},
        {"po/latin2.po",
         1,
         {"1:1: error: the file says charset=ISO-8859-2; only UTF-8 PO files can be imported"}},
        {"po/not_utf8.po", 1, {"18:12: error: invalid UTF-8"}},
        {"po/syntax_error.po", 1, {"15:7: error: msgid: the string has no closing quote"}},
        {"ui/into_english.xlf", 1, {"3:3: error: the file translates into 'en', the source language itself"}},
        {"ui/course_file.xlf",
         1,
         {"3:3: error: the file translates from 'da', but the source language of the interface catalog "
          "'lektion-ui' is 'en'",
          "3:3: error: 'course.xml' is not a file of the interface catalog 'lektion-ui'"}},
    };
    Workspace w;
    const auto course = snapshot(w.course());
    const auto locales = snapshot(w.locales());
    for (const Case& c : cases) {
        SECTION(c.fixture) {
            const Ran r = import(w, c.fixture);
            CHECK(r.status == c.status);
            check_messages(c, r);
            CHECK(r.err.find(" refused; nothing was written") != std::string::npos);
            CHECK(snapshot(w.course()) == course);
            CHECK(snapshot(w.locales()) == locales);
        }
    }
}

TEST_CASE("units are refused or skipped one by one, and the good ones imported") {
    const std::vector<Case> cases = {
        {"xliff/unknown_id.xlf",
         0,
         {"9:7: warning: 'l1.s99.p1' is not a unit of the course 'karriereplanlaegning' (removed or "
          "renamed?); "
          "skipped"},
         "pl",
         {"course.title"}},
        {"xliff/missing_tag.xlf",
         1,
         {"11:9: error: 'start.s2.l1.i1': missing bold (<g ctype=\"bold\">): 1 in the source, 0 in the "
          "translation"},
         "pl",
         {"course.title"}},
        {"xliff/extra_tag.xlf",
         1,
         {"7:9: error: 'course.title': extra italic (<g ctype=\"italic\">): 0 in the source, 1 in the "
          "translation"},
         "pl",
         {"start.s1.h"}},
        {"xliff/unsupported_inline.xlf",
         1,
         {"11:9: error: 'start.s1.h': inline <x id=\"1\"/> is a placeholder for a code, and lektion text has "
          "none; "
          "remove it"},
         "pl",
         {"course.title"}},
        {"xliff/duplicate_id.xlf",
         1,
         {"9:7: error: 'course.title' again (first at line 5); this one is ignored"},
         "pl",
         {"course.title"}},
        {"xliff/wrong_original.xlf",
         0,
         {"9:7: warning: 'l1.s1.h' is in lektion1.xml, not course.xml; imported by its id"},
         "pl",
         {"course.title", "l1.s1.h"}},
        {"po/unknown_id.po",
         0,
         {"16:1: warning: 'l1.s99.p1' is not a unit of the course"},
         "pl",
         {"course.title"}},
        {"po/missing_tag.po",
         1,
         {"18:1: error: 'start.s2.l1.i1': missing bold (<b>): 1 in the source, 0 in the translation"},
         "pl",
         {"course.title"}},
        {"po/extra_tag.po",
         1,
         {"13:1: error: 'course.title': extra italic (<i>): 0 in the source, 1 in the translation"},
         "pl",
         {"start.s1.h"}},
        {"po/unbalanced_tag.po",
         1,
         {"18:1: error: 'start.s2.l1.i1': <b> is not closed"},
         "pl",
         {"course.title"}},
        {"po/unknown_tag.po",
         1,
         {"18:1: error: 'l1.s1.h': tag <u> is not supported"},
         "pl",
         {"course.title"}},
        {"po/no_msgctxt.po", 1, {"16:1: error: entry without msgctxt"}, "pl", {"course.title"}},
        {"po/plural.po",
         1,
         {"18:1: error: 'l1.s1.h': a plural entry (msgid_plural)"},
         "pl",
         {"course.title"}},
        {"ui/broken_icu.xlf",
         1,
         {"11:9: error: 'quiz.attempts_left': broken message pattern: the pattern is not valid ICU "
          "MessageFormat syntax (write {name}, {count, plural, one {…} other {…}}, and '' for an "
          "apostrophe), "
          "at character 16 of the pattern"},
         "is",
         {"learners.title"}},
        {"ui/broken_icu.po",
         1,
         {"16:1: error: 'quiz.attempts_left': broken message pattern: the pattern is not valid ICU"},
         "is",
         {"learners.title"}},
        {"ui/placeholder_mismatch.xlf",
         1,
         {"11:9: error: 'home.continue': lacks {lesson}; uses {lexia}, which the source does not have"},
         "is",
         {"learners.title"}},
        {"ui/markup.xlf", 1, {"7:9: error: 'learners.title': <g> in an interface message"}, "is", {}},
    };
    for (const Case& c : cases) {
        SECTION(c.fixture) {
            Workspace w;
            const auto course = snapshot(w.course());
            const Ran r = import(w, c.fixture);
            CHECK(r.status == c.status);
            check_messages(c, r);
            CHECK(stored_ids(w, c.fixture, c.lang) == c.imported);
            if (!is_ui(c.fixture)) {  // the source and the English translation stay as they were
                auto after = snapshot(w.course());
                std::erase_if(after, [](const auto& kv) { return kv.first.starts_with("translations/pl/"); });
                CHECK(after == course);
            }
        }
    }
}

TEST_CASE("an empty target keeps the stored translation, with a warning") {
    for (const char* name : {"xliff/empty_target.xlf", "po/empty_translation.po"}) {
        Workspace w;
        const auto before = snapshot(w.course());
        const Ran r = import(w, name);
        CHECK(r.status == 0);
        const bool po = std::string(name).ends_with(".po");
        const std::string expected =
            po ? "13:1: warning: 'course.title' has an empty translation; the stored "
                 "translation is kept"
               : "7:9: warning: 'course.title' has an empty translation marked translated; "
                 "the stored translation is kept";
        CHECK(r.err.find(fixture(name) + ":" + expected) != std::string::npos);
        CHECK(snapshot(w.course()) == before);
    }
}

TEST_CASE("a duplicate keeps the first translation") {
    Workspace w;
    import(w, "xliff/duplicate_id.xlf");
    Diagnostics diags;
    const TranslationStore store = read_course_store(w.course(), "pl", diags);
    REQUIRE(store.find("course.title"));
    CHECK(store.find("course.title")->target.plain() == "Planowanie kariery i dobrostan w pracy");
}

TEST_CASE("import --dry-run reports and writes nothing") {
    Workspace w;
    const auto before = snapshot(w.course());
    const Ran r =
        run_lektion({"xliff", "import", "--dry-run", w.course().string(), fixture("xliff/missing_tag.xlf")});
    CHECK(r.status == 1);
    CHECK(r.err.find("dry run: nothing was written") != std::string::npos);
    CHECK(snapshot(w.course()) == before);
}
