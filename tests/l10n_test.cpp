// The interface catalogs, plural rules, locale negotiation, ICU formatting,
// and the English translation of the course.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include <unicode/plurrule.h>

#include "l10n/catalog.hpp"
#include "l10n/collate.hpp"
#include "l10n/negotiate.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "load/visit.hpp"
#include "resources/paths.hpp"

using namespace lektion;

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> eu_languages = {"bg", "cs", "da", "de", "el", "en", "es", "et",
                                               "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
                                               "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"};

Catalog load(const std::string& lang, Diagnostics& d) {
    return Catalog::load(resource_dir("locales") / (lang + ".xlf"), d);
}

std::vector<std::string> plural_keywords(const std::string& lang) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(lang.c_str()), status));
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    std::vector<std::string> out;
    while (const char* k = keywords->next(nullptr, status)) out.push_back(k);
    return out;
}

}  // namespace

TEST_CASE("the interface ships complete in the 24 official EU languages") {
    Diagnostics d;
    const Catalog english = load("en", d);
    const std::vector<std::string> keys = english.keys();
    REQUIRE(keys.size() > 50);
    for (const std::string& lang : eu_languages) {
        INFO(lang);
        Diagnostics diags;
        const Catalog c = load(lang, diags);
        for (const Diagnostic& x : diags.items) UNSCOPED_INFO(format(x));
        CHECK(diags.items.empty());  // every pattern compiled with ICU
        CHECK(c.language() == lang);
        CHECK(c.keys() == keys);  // every key, no extra
        for (const std::string& key : keys) {
            INFO(key);
            CHECK(argument_names(c.pattern(key)) == argument_names(english.pattern(key)));
            // Formats with sample arguments in its own locale, nothing left unformatted.
            const std::string out = c.format(key, {{"count", std::int64_t(3)},
                                                   {"errors", std::int64_t(2)},
                                                   {"warnings", std::int64_t(0)},
                                                   {"current", std::int64_t(3)},
                                                   {"total", std::int64_t(10)},
                                                   {"correct", std::int64_t(7)},
                                                   {"lesson", "L"},
                                                   {"mark", "70 %"},
                                                   {"score", "85 %"},
                                                   {"answer", "A"},
                                                   {"alt", "B"},
                                                   {"id", "c"},
                                                   {"version", "1"},
                                                   {"reason", "r"},
                                                   {"dir", "d"},
                                                   {"seconds", std::int64_t(3)},
                                                   {"min", std::int64_t(4)},
                                                   {"max", std::int64_t(12)},
                                                   {"answered", std::int64_t(9)},
                                                   {"partly", std::int64_t(2)},
                                                   {"rate", std::int64_t(175)}});
            CHECK_FALSE(out.empty());
            CHECK(out.find('{') == std::string::npos);
        }
    }
}

TEST_CASE("plural messages cover each language's CLDR categories") {
    // Languages whose plural systems differ most from English.
    for (const std::string lang : {"da", "en", "pl", "lt", "sl", "ga", "cs", "sk", "lv", "mt", "ro", "hr"}) {
        INFO(lang);
        Diagnostics d;
        const Catalog c = load(lang, d);
        for (const std::string key : {"quiz.attempts_left", "quiz.intro", "cli.lint_summary"}) {
            const std::string pattern = c.pattern(key);
            for (const std::string& keyword : plural_keywords(lang)) {
                INFO(key << " " << keyword);
                CHECK(pattern.find(keyword + " {") != std::string::npos);
            }
        }
        for (int n : {0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 19, 20, 21, 22, 100, 101, 111}) {
            const std::string form = c.format("quiz.attempts_left", {{"count", std::int64_t(n)}});
            CHECK(form.find(std::to_string(n)) != std::string::npos);
        }
    }
}

namespace {
// The message without its digits: the words that the plural form chose.
std::string words_of(std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }), s.end());
    return s;
}
}  // namespace

TEST_CASE("Polish, Lithuanian, Slovenian and Irish choose the right plural form") {
    Diagnostics d;
    const Catalog pl = load("pl", d), lt = load("lt", d), sl = load("sl", d), ga = load("ga", d);
    auto f = [](const Catalog& c, int n) {
        return words_of(c.format("quiz.attempts_left", {{"count", std::int64_t(n)}}));
    };
    // pl: 1 one; 2-4, 22-24 few; 5-21, 25 many.
    CHECK(f(pl, 2) == f(pl, 22));
    CHECK(f(pl, 5) == f(pl, 12));
    CHECK(f(pl, 2) != f(pl, 5));
    CHECK(f(pl, 1) != f(pl, 2));
    CHECK(f(pl, 1) != f(pl, 5));
    // lt: 1, 21 one; 2-9, 22 few; 10-20 other.
    CHECK(f(lt, 1) == f(lt, 21));
    CHECK(f(lt, 2) == f(lt, 22));
    CHECK(f(lt, 10) == f(lt, 11));
    CHECK(f(lt, 1) != f(lt, 2));
    CHECK(f(lt, 2) != f(lt, 10));
    // sl: 1, 101 one; 2, 102 two; 3-4 few; 5+ other.
    CHECK(f(sl, 101) == f(sl, 1));
    CHECK(f(sl, 102) == f(sl, 2));
    std::set<std::string> sl_forms{f(sl, 1), f(sl, 2), f(sl, 3), f(sl, 5)};
    CHECK(sl_forms.size() == 4);
    // ga: 7-10 many eclipse the noun ("n-iarracht"), 11 other does not.
    CHECK(f(ga, 7).find("n-") != std::string::npos);
    CHECK(f(ga, 11).find("n-") == std::string::npos);
    // da, en: one and other only.
    Diagnostics d2;
    const Catalog da = load("da", d2), en = load("en", d2);
    CHECK(words_of(en.format("quiz.intro", {{"count", std::int64_t(1)}, {"mark", "70%"}})) !=
          words_of(en.format("quiz.intro", {{"count", std::int64_t(2)}, {"mark", "70%"}})));
    CHECK(da.format("quiz.attempts_left", {{"count", std::int64_t(1)}}) == "1 forsøg tilbage");
}

TEST_CASE("a catalog target in <mrk>, as CAT tools write it, is the translation") {
    const fs::path path = fs::temp_directory_path() / "lektion-mrk-catalog.xlf";
    std::ofstream(path) << R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="lektion-ui" source-language="en" target-language="da" datatype="plaintext">
    <body>
      <trans-unit id="hi"><source>Hi {name}</source>
        <target><mrk mtype="seg" mid="1">Hej {name}</mrk></target></trans-unit>
    </body>
  </file>
</xliff>
)";
    Diagnostics d;
    const Catalog c = Catalog::load(path, d);
    fs::remove(path);
    CHECK(d.items.empty());
    CHECK(c.format("hi", {{"name", "Ane"}}) == "Hej Ane");
}

TEST_CASE("a broken pattern is reported at its line and left out") {
    const fs::path path = fs::temp_directory_path() / "lektion-broken-catalog.xlf";
    std::ofstream(path) << R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="lektion-ui" source-language="en" target-language="da" datatype="plaintext">
    <body>
      <trans-unit id="good"><source>Hi</source><target>Hej {name}</target></trans-unit>
      <trans-unit id="bad"><source>x</source>
        <target>{count, plural, one {# ting}</target></trans-unit>
    </body>
  </file>
</xliff>
)";
    Diagnostics d;
    const Catalog c = Catalog::load(path, d);
    fs::remove(path);
    REQUIRE(d.items.size() == 1);
    CHECK(d.items[0].line == 7);
    CHECK(d.items[0].message.find("'bad': broken message pattern") != std::string::npos);
    CHECK(c.has("good"));
    CHECK_FALSE(c.has("bad"));  // tr() then shows the English source
    CHECK(c.format("good", {{"name", "Ane"}}) == "Hej Ane");
}

TEST_CASE("a broken message pattern is explained in words, at its character") {
    CHECK(message_pattern_problem("Hej {name}", "da").empty());
    CHECK(message_pattern_problem("{count, plural, one {# ting} other {# ting}}", "da").empty());
    const std::string no_other = message_pattern_problem("{count, plural, one {# ting}}", "da");
    CHECK(no_other.find("no 'other' case") != std::string::npos);
    const std::string unclosed = message_pattern_problem("Fortsæt med {lesson", "da");
    INFO(unclosed);
    CHECK(unclosed.find("brace { is not closed") != std::string::npos);
    CHECK(unclosed.find("at character 13 of") != std::string::npos);
    CHECK(no_other.find("at character 1 of") != std::string::npos);
    CHECK(message_pattern_problem("Tryk '{' og {a, plural, one {x}}", "da").find("at character 13") !=
          std::string::npos);
    const std::string syntax = message_pattern_problem("{count, plural, one {# ting} other}", "da");
    CHECK(syntax.find("U_") == std::string::npos);  // never ICU's own code names
}

TEST_CASE("locale negotiation") {
    const std::vector<std::string> ui = eu_languages;
    CHECK(negotiate_language({"de-AT"}, ui) == "de");
    CHECK(negotiate_language({"de_AT"}, ui) == "de");
    CHECK(negotiate_language({"pl_PL"}, ui) == "pl");
    CHECK(negotiate_language({"pt-BR"}, ui) == "pt");
    CHECK(negotiate_language({"fo"}, ui) == "da");     // Faroese readers read Danish
    CHECK(negotiate_language({"nn-NO"}, ui) == "da");  // no Bokmål here: the nearest
    CHECK(negotiate_language({"no"}, ui) == "da");
    std::vector<std::string> with_nb = ui;
    with_nb.push_back("nb");
    CHECK(negotiate_language({"nn-NO"}, with_nb) == "nb");
    CHECK(negotiate_language({"no"}, with_nb) == "nb");
    CHECK(negotiate_language({"ja"}, ui) == "en");
    CHECK(negotiate_language({"garbage!!"}, ui) == "en");
    CHECK(negotiate_language({}, ui) == "en");
    CHECK(negotiate_language({"ja", "fr-CA"}, ui) == "fr");  // the first wish that matches
}

TEST_CASE("the system's language comes from LC_ALL, LC_MESSAGES, LANG; C and POSIX say nothing") {
    auto with = [](const char* all, const char* messages, const char* lang) {
        auto set = [](const char* name, const char* v) { v ? setenv(name, v, 1) : unsetenv(name); };
        set("LC_ALL", all);
        set("LC_MESSAGES", messages);
        set("LANG", lang);
        return system_languages();
    };
    CHECK(with(nullptr, nullptr, "pl_PL.UTF-8") == std::vector<std::string>{"pl_PL"});
    CHECK(with(nullptr, "el_GR.UTF-8", "pl_PL.UTF-8") == std::vector<std::string>{"el_GR"});
    CHECK(with("de_AT@euro", "el_GR", "pl_PL") == std::vector<std::string>{"de_AT"});
    CHECK(with("C", nullptr, "pl_PL").empty());
    CHECK(with(nullptr, nullptr, "POSIX").empty());
    CHECK(negotiate_language(with(nullptr, nullptr, "C.UTF-8"), eu_languages) == "en");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANG");
}

TEST_CASE("percentages through ICU: Danish and German with a no-break space, English without") {
    set_ui_language("da");
    CHECK(percent(0.85) == "85\u00A0%");
    set_ui_language("de");
    CHECK(percent(0.85) == "85\u00A0%");
    set_ui_language("en");
    CHECK(percent(0.85) == "85%");
    set_ui_language("da");
}

TEST_CASE("the English course has a translation for every unit") {
    TranslationStats stats;
    const LoadResult r = load_course(bundled_course_dir(), "en", &stats);
    for (const Diagnostic& d : r.diagnostics.items) UNSCOPED_INFO(format(d));
    REQUIRE(r.course);
    CHECK(r.diagnostics.items.empty());  // nothing stale, nothing unknown
    std::vector<std::string> missing;
    for_each_text(*r.course, [&](const Text& t, const UnitContext&) {
        if (t.untranslated) missing.push_back(t.id);
    });
    INFO("first missing: " << (missing.empty() ? "" : missing.front()));
    CHECK(missing.empty());
    CHECK(stats.translated == stats.units);
    WARN("English course: " << stats.translated << " of " << stats.units << " units, "
                            << stats.words_translated << " of " << stats.words << " words");
}

TEST_CASE("a language without a translation shows the source, marked") {
    const LoadResult r = load_course(bundled_course_dir(), "pl");
    REQUIRE(r.course);
    int marked = 0, units = 0;
    for_each_text(*r.course, [&](const Text& t, const UnitContext&) { ++units, marked += t.untranslated; });
    CHECK(marked == units);
    CHECK(r.course->title.plain() == "Karriereplanlægning og trivsel på arbejdspladsen");
}

TEST_CASE("learner names sort in the interface language's order") {
    std::vector<std::string> names = {"Zoe", "Åse", "Anna", "Ærø", "Øvig", "Bo"};
    set_ui_language("da");
    sort_names(names);
    CHECK(names == std::vector<std::string>{"Anna", "Bo", "Zoe", "Ærø", "Øvig", "Åse"});
    set_ui_language("de");
    sort_names(names);
    // German treats Æ as AE and Å as A: all among the A's, before Bo.
    CHECK(names == std::vector<std::string>{"Ærø", "Anna", "Åse", "Bo", "Øvig", "Zoe"});
    set_ui_language("da");
}

TEST_CASE("dates through ICU in the interface language") {
    set_ui_language("de");
    const std::string de = format_date(1790000000);  // 20 Sep 2026
    set_ui_language("en");
    const std::string en = format_date(1790000000);
    set_ui_language("da");
    CHECK(de.find("2026") != std::string::npos);
    CHECK(en.find("2026") != std::string::npos);
    CHECK(de != en);
}

TEST_CASE("the course language is negotiated among its translations") {
    auto title = [](const std::string& lang) {
        const LoadResult r = load_course(bundled_course_dir(), lang);
        REQUIRE(r.course);
        return std::make_pair(r.course->title.plain(), r.course->title.untranslated);
    };
    CHECK(title("en-GB").first == title("en").first);
    CHECK_FALSE(title("en-GB").second);
    CHECK(title("da").first == "Karriereplanlægning og trivsel på arbejdspladsen");
    CHECK_FALSE(title("da").second);
    // No Polish translation: the Danish source, marked, never the English one.
    CHECK(title("pl").first == "Karriereplanlægning og trivsel på arbejdspladsen");
    CHECK(title("pl").second);
    CHECK(title("fo").first == title("da").first);
    CHECK_FALSE(title("fo").second);
}
