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
