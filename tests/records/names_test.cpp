// Learner names: one learner per name, whatever the case or the normal form.
#include <catch2/catch.hpp>

#include "records/store.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

TEST_CASE("learner names are unique under ICU case folding") {
    TempDir dir;
    Store store(dir.path());
    const Learner ase = store.create_learner("Åse", "da");

    for (const char* spelling : {"åse", "ÅSE",
                                 "A\xCC\x8A"
                                 "se",
                                 "  åse  "}) {
        INFO(spelling);
        const auto found = store.find_learner(spelling);
        REQUIRE(found);
        CHECK(found->id == ase.id);
        CHECK(found->name == "Åse");
    }
    CHECK_THROWS_AS(store.create_learner("ÅSE"), RecordsError);
    CHECK_THROWS_WITH(store.create_learner("åse"), Catch::Contains("already exists"));

    // Full case folding, not just lower-casing: ß folds to ss.
    const Learner strasse = store.create_learner("Straße");
    REQUIRE(store.find_learner("STRASSE"));
    CHECK(store.find_learner("STRASSE")->id == strasse.id);

    CHECK(store.find_or_create_learner("åSE").id == ase.id);
    CHECK(store.learners().size() == 2);
}

TEST_CASE("names that could not be shown are refused, and looking them up is harmless") {
    TempDir dir;
    Store store(dir.path());
    for (const std::string& bad :
         {std::string(""), std::string("   "), std::string("a\tb"), std::string("line\nbreak"),
          std::string("\xFF\xFE"), std::string(101, 'x')}) {
        INFO(bad);
        CHECK_THROWS_AS(store.create_learner(bad), RecordsError);
        CHECK_FALSE(store.find_learner(bad));
    }
    CHECK(store.learners().empty());
    CHECK(store.create_learner(std::string(100, 'x')).name.size() == 100);
}

TEST_CASE("settings are saved with the learner") {
    TempDir dir;
    Learner l;
    {
        Store store(dir.path());
        l = store.create_learner("Bo", "da");
        l.language = "en-GB";
        l.theme = "contrast";
        l.text_size = 22.5f;
        store.save_settings(l);
        Learner bad = l;
        bad.language = "en GB; DROP";
        CHECK_THROWS_AS(store.save_settings(bad), RecordsError);
    }
    Store again(dir.path());
    const auto back = again.find_learner("bo");
    REQUIRE(back);
    CHECK(back->language == "en-GB");
    CHECK(back->theme == "contrast");
    CHECK(back->text_size == 22.5f);
}

TEST_CASE("names with invisible, reordering or unassigned characters are refused with the reason") {
    TempDir dir;
    Store store(dir.path());
    struct Bad {
        std::string name;
        const char* shown;  // the character the message must name
    };
    const Bad bad[] = {
        {"Eve\u202Egnp.exe", "U+202E"},  // RIGHT-TO-LEFT OVERRIDE: shows as "Eveexe.png"
        {"Ann\u202Ax", "U+202A"},       {"Ann\u2066x\u2069", "U+2066"},
        {"Ann\u2069", "U+2069"},        {"Ann\u200Ex", "U+200E"},
        {"Ann\u200Fx", "U+200F"},       {"Ann\u061Cx", "U+061C"},
        {"Ann\u200Bx", "U+200B"},  // ZERO WIDTH SPACE: "Ann" and "Ann\u200B" would be two learners
        {"Ann\u200Cx", "U+200C"},       {"Ann\u200Dx", "U+200D"},
        {"Ann\u2060x", "U+2060"},       {"\uFEFFAnn", "U+FEFF"},
        {"Ann\u00ADx", "U+00AD"},       {"Ann\uFE0Fx", "U+FE0F"},
        {"Ann\U000E0041x", "U+E0041"},   // a tag character
        {"Ann\uE000x", "U+E000"},        // private use
        {"Ann\uFDD0x", "U+FDD0"},        // a noncharacter
        {"Ann\U0010FFFFx", "U+10FFFF"},  // a noncharacter
        {"Ann\u0378x", "U+0378"},        // unassigned
        {"Ann\u2028x", "U+2028"},        // LINE SEPARATOR
        {"Ann\x1B[31mx", "U+001B"},     {"Ann\u0085x", "U+0085"},
        {"\u0301Ann", "U+0301"},  // begins with a combining mark: it would join what is printed before
    };
    for (const Bad& b : bad) {
        INFO(b.shown);
        try {
            store.create_learner(b.name);
            FAIL("accepted");
        } catch (const RecordsError& e) {
            const std::string message = e.what();
            CHECK_THAT(message, Catch::Contains(b.shown) && Catch::StartsWith("a learner name"));
            CHECK(message.find('\n') == std::string::npos);
        }
        CHECK_FALSE(store.find_learner(b.name));
    }
    CHECK(store.learners().empty());
    // Letters of every script, spaces, punctuation, combining accents after a letter: fine.
    for (const char* good : {"Åse Ørsted", "Zoë O'Brien-Smith", "Μαρία", "Ольга", "أحمد", "山田 太郎",
                             "Nguyê\u0303n", "Dr. J. R. (Bob) Jr."}) {
        INFO(good);
        CHECK_NOTHROW(store.create_learner(good));
    }
}

TEST_CASE("records messages carry no \"lektion: \" prefix: the front ends add it") {
    TempDir dir;
    Store store(dir.path());
    store.create_learner("Åse");
    const auto message = [](auto&& f) -> std::string {
        try {
            f();
        } catch (const RecordsError& e) {
            return e.what();
        }
        return "no error";
    };
    for (const std::string& m : {
             message([&] { store.create_learner(""); }),
             message([&] { store.create_learner(std::string(101, 'x')); }),
             message([&] { store.create_learner("\xFF"); }),
             message([&] { store.create_learner("a\tb"); }),
             message([&] { store.create_learner("ÅSE"); }),
             message([&] { store.create_learner("Bo", "en GB"); }),
         }) {
        INFO(m);
        CHECK(m != "no error");
        CHECK(m.rfind("lektion:", 0) == std::string::npos);
    }
}

TEST_CASE("a learner's language is a valid BCP 47 tag, stored normalized, or empty") {
    TempDir dir;
    Store store(dir.path());
    const Learner a = store.create_learner("Ann", "EN-gb");
    CHECK(a.language == "en-GB");
    CHECK(store.find_learner("Ann")->language == "en-GB");
    CHECK(store.create_learner("Bo").language.empty());
    // Shaped like a tag but not one (a region twice, a bare letter), or not even shaped like one.
    for (const char* bad : {"da-DK-DK", "x", "en_GB", "en GB", "../da", "da-", "ærø"}) {
        INFO(bad);
        CHECK_THROWS_WITH(store.create_learner(std::string("C ") + bad, bad),
                          Catch::Contains("not a language tag"));
        CHECK_FALSE(store.find_learner(std::string("C ") + bad));
        // The same check for a learner who exists already.
        CHECK_THROWS_WITH(store.find_or_create_learner("Ann", bad), Catch::Contains("not a language tag"));
        Learner changed = a;
        changed.language = bad;
        CHECK_THROWS_AS(store.save_settings(changed), RecordsError);
    }
    CHECK(store.find_or_create_learner("ann", "da").id == a.id);
    CHECK(store.find_or_create_learner("Dag", "PT-br").language == "pt-BR");
    Learner changed = a;
    changed.language = "SR-latn";
    store.save_settings(changed);
    CHECK(store.find_learner("Ann")->language == "sr-Latn");
    changed.language = "";
    store.save_settings(changed);
    CHECK(store.find_learner("Ann")->language.empty());
}

TEST_CASE("a learner stored before the stricter rules can still be found, exported and erased") {
    TempDir dir;
    {
        Store store(dir.path());
        store.create_learner("Placeholder");
    }
    // An older lektion let a zero-width joiner through.
    const std::string old = "Zo\u200De";
    run_sql(dir / "records.sqlite3", "INSERT INTO learners (name, name_key, language, created_at) VALUES ('" +
                                         old + "', '" + "zo\u200De" + "', 'da', '2024-01-01T00:00:00.000Z')");
    Store store(dir.path());
    const auto found = store.find_learner(old);
    REQUIRE(found);
    CHECK(found->name == old);
    CHECK(store.find_or_create_learner("ZO\u200DE").id == found->id);
    store.delete_learner(found->id);
    CHECK_FALSE(store.find_learner(old));
}

TEST_CASE("a language an older lektion stored does not stop the learner's other settings being saved") {
    TempDir dir;
    Store(dir.path()).create_learner("Ann", "da");
    run_sql(dir / "records.sqlite3", "UPDATE learners SET language = 'da-DK-DK'");  // the old check let it in
    Store store(dir.path());
    Learner l = *store.find_learner("Ann");
    REQUIRE(l.language == "da-DK-DK");
    l.theme = "dark";
    CHECK_NOTHROW(store.save_settings(l));  // the language is as it was: kept
    CHECK(store.find_learner("Ann")->theme == "dark");
    l.language = "da-DK-DK-DK";
    CHECK_THROWS_AS(store.save_settings(l), RecordsError);  // a new choice is checked
    l.language = "da";
    store.save_settings(l);
    CHECK(store.find_learner("Ann")->language == "da");
}
