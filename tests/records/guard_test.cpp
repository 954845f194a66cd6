// The trainer passphrase and learner PINs, on the store side: kept only as
// slow salted hashes, a wrong one refused with a delay that doubles, the
// delay kept across restarts, and nothing in clear in the database.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "records/store.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;
using Outcome = Store::GuardCheck::Outcome;

namespace {

// As if the last failure were `seconds` further back: time passing, without waiting for it.
void age_failure(const std::filesystem::path& dir, const char* table, int seconds) {
    run_sql(dir / "records.sqlite3", std::string("UPDATE ") + table + " SET failed_at = failed_at - " +
                                         std::to_string(seconds * 1000));
}

}  // namespace

TEST_CASE("the trainer passphrase is set once, checked, and kept only as a slow salted hash") {
    TempDir dir;
    const std::string passphrase = "Sommerfugl i Vejle 2025";
    {
        Store store(dir.path());
        CHECK_FALSE(store.trainer_passphrase_set());
        CHECK(store.check_trainer_passphrase("anything").outcome == Outcome::not_set);
        CHECK_THROWS_WITH(store.set_trainer_passphrase("kort"), Catch::Contains("at least 8 characters"));
        CHECK_THROWS_WITH(store.set_trainer_passphrase("lang nok\x1b[2J"), Catch::Contains("control"));
        store.set_trainer_passphrase(passphrase);
        CHECK(store.trainer_passphrase_set());
        CHECK(store.check_trainer_passphrase(passphrase).outcome == Outcome::accepted);
    }
    const auto file = dir / "records.sqlite3";
    CHECK_FALSE(contains_bytes(file, passphrase));
    CHECK_FALSE(contains_bytes(file, "Sommerfugl"));
    const std::string hash = query_text(file, "SELECT hash FROM trainer_passphrase");
    CHECK_THAT(hash, Catch::StartsWith("scrypt$ln=15,r=8,p=1$"));
    {
        // A new salt each time: the same passphrase never gives the same line.
        Store store(dir.path());
        store.set_trainer_passphrase(passphrase);
        CHECK(query_text(file, "SELECT hash FROM trainer_passphrase") != hash);
        // The same words typed decomposed (a + combining ring) are the same passphrase.
        store.set_trainer_passphrase("Kl\u00e5r til \u00e5 starte");
        CHECK(store.check_trainer_passphrase("Kla\u030ar til a\u030a starte").outcome == Outcome::accepted);
        store.clear_trainer_passphrase();
        CHECK_FALSE(store.trainer_passphrase_set());
    }
}

TEST_CASE("a wrong passphrase is refused with a delay that doubles and survives a restart") {
    TempDir dir;
    {
        Store store(dir.path());
        store.set_trainer_passphrase("rigtig kodesætning");
        const Store::GuardCheck first = store.check_trainer_passphrase("forkert");
        CHECK(first.outcome == Outcome::refused);
        CHECK(first.wait == std::chrono::seconds(1));
        // During the delay even the right passphrase is not heard, nor counted.
        const Store::GuardCheck early = store.check_trainer_passphrase("rigtig kodesætning");
        CHECK(early.outcome == Outcome::wait);
        CHECK(early.wait == std::chrono::seconds(1));
    }
    // Real time: the first delay is a second.
    std::this_thread::sleep_for(std::chrono::milliseconds(1050));
    std::vector<long long> delays;
    for (int i = 0; i < 4; ++i) {
        Store store(dir.path());  // a restart between tries changes nothing
        const Store::GuardCheck c = store.check_trainer_passphrase("forkert igen");
        CHECK(c.outcome == Outcome::refused);
        delays.push_back(c.wait.count());
        age_failure(dir.path(), "trainer_passphrase", static_cast<int>(c.wait.count()));
    }
    CHECK(delays == std::vector<long long>{2, 4, 8, 16});
    {
        // Many failures later: the delay stops growing at max_guard_delay.
        run_sql(dir / "records.sqlite3", "UPDATE trainer_passphrase SET failures = 40");
        age_failure(dir.path(), "trainer_passphrase", 10'000);
        Store store(dir.path());
        const Store::GuardCheck capped = store.check_trainer_passphrase("forkert");
        CHECK(capped.outcome == Outcome::refused);
        CHECK(capped.wait == Store::max_guard_delay);
        age_failure(dir.path(), "trainer_passphrase", static_cast<int>(capped.wait.count()));
        CHECK(store.check_trainer_passphrase("rigtig kodesætning").outcome == Outcome::accepted);
        // Right once: the count starts again.
        CHECK(store.check_trainer_passphrase("forkert").wait == std::chrono::seconds(1));
    }
    // Nothing of the attempts is kept in clear.
    CHECK_FALSE(contains_bytes(dir / "records.sqlite3", "forkert"));
}

TEST_CASE("a clock set back does not lock the trainer out until it catches up") {
    TempDir dir;
    Store store(dir.path());
    store.set_trainer_passphrase("rigtig kodesætning");
    store.check_trainer_passphrase("forkert");
    // The failure seems to lie a day in the future.
    run_sql(dir / "records.sqlite3", "UPDATE trainer_passphrase SET failed_at = failed_at + 86400000");
    const Store::GuardCheck c = store.check_trainer_passphrase("rigtig kodesætning");
    CHECK(c.outcome == Outcome::wait);
    CHECK(c.wait <= std::chrono::seconds(1));
}

TEST_CASE("learner PINs: switched on per installation, one per learner, erased with the learner") {
    TempDir dir;
    Store store(dir.path());
    const Learner ann = store.create_learner("Ann");
    const Learner bo = store.create_learner("Bo");
    CHECK_FALSE(store.learner_pins_enabled());
    CHECK_THROWS_WITH(store.set_learner_pin(ann.id, "12a4"), Catch::Contains("digits"));
    CHECK_THROWS_WITH(store.set_learner_pin(ann.id, "123"), Catch::Contains("digits"));
    store.set_learner_pin(ann.id, "4711");
    CHECK(store.learner_has_pin(ann.id));
    CHECK_FALSE(store.learner_has_pin(bo.id));
    // Off: nobody is asked.
    CHECK(store.check_learner_pin(ann.id, "0000").outcome == Outcome::not_set);
    store.set_learner_pins_enabled(true);
    CHECK(store.learner_pins_enabled());
    CHECK(store.check_learner_pin(bo.id, "0000").outcome == Outcome::not_set);  // no PIN yet
    CHECK(store.check_learner_pin(ann.id, "4711").outcome == Outcome::accepted);
    const Store::GuardCheck wrong = store.check_learner_pin(ann.id, "1147");
    CHECK(wrong.outcome == Outcome::refused);
    CHECK(wrong.wait == std::chrono::seconds(1));
    // One learner's failures do not delay another.
    store.set_learner_pin(bo.id, "2468");
    CHECK(store.check_learner_pin(bo.id, "2468").outcome == Outcome::accepted);
    CHECK_FALSE(contains_bytes(dir / "records.sqlite3", "4711"));

    store.clear_learner_pin(bo.id);
    CHECK_FALSE(store.learner_has_pin(bo.id));
    store.delete_learner(ann.id);
    CHECK(query_text(dir / "records.sqlite3", "SELECT count(*) FROM learner_pins") == "0");
}

TEST_CASE("a store opened for reading checks nothing and sets nothing") {
    TempDir dir;
    { Store create(dir.path()); }
    Store store(dir.path(), Store::Access::read);
    CHECK_FALSE(store.trainer_passphrase_set());
    CHECK_THROWS_AS(store.set_trainer_passphrase("lang nok kodesætning"), RecordsError);
    CHECK_THROWS_AS(store.set_learner_pins_enabled(true), RecordsError);
}
