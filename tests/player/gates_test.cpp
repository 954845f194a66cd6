// Who may see what on a shared PC, in the real window code driven headless:
// the trainer passphrase in front of the trainer report and the learner PIN
// in front of a learner's name, against a real records database (real scrypt
// hashes and delays). Each refusal costs the test the store's real delay
// (1 s, then 2 s): about 8 s in all under AddressSanitizer.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "resources/paths.hpp"

using namespace lektion;
using namespace lektion::test;
using namespace std::chrono_literals;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               fmt::format("lektion-gates-{:x}", std::random_device{}());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

// A PC whose records are set up before the window opens.
struct Classroom {
    TempDir dir;
    CoursePtr course;
    Store store{dir.path};
    std::unique_ptr<ui::App> app;
    std::unique_ptr<Headless> ui;

    Classroom() {
        set_ui_language("da");
        course = load_course(bundled_course_dir(), "da").course;
        REQUIRE(course);
    }
    void open(const std::string& learner = "") {
        app = std::make_unique<ui::App>(course, bundled_course_dir(), &store, ui::AppOptions{learner, "da"});
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
    // Frames until the worker has answered, as the window's loop draws them.
    void settle() {
        for (int i = 0; i < 3000 && app->gate_busy(); ++i) {
            ui->frame();
            std::this_thread::sleep_for(5ms);
        }
        REQUIRE_FALSE(app->gate_busy());
        ui->frames(2);
    }
    bool shows(const std::string& text) const { return ui->screen_text().find(text) != std::string::npos; }
    void enter_secret(const std::string& field, const std::string& text) {
        ui->click(field);
        ui->type(text);
    }
};

std::string wait_text(int seconds) { return tr("gate.wait", {{"seconds", std::int64_t{seconds}}}); }

}  // namespace

TEST_CASE(
    "the trainer report stays closed without the passphrase, refuses a wrong one with a growing delay, "
    "and opens with the right one") {
    Classroom c;
    c.store.set_trainer_passphrase("rødgrød med fløde");
    c.open();
    c.ui->click(tr("trainer.report"));
    CHECK(c.app->screen() == ui::Screen::trainer);
    CHECK(c.ui->has("##passphrase"));
    CHECK_FALSE(c.shows(tr("trainer.none")));  // nothing of the report is drawn

    // A wrong one: refused, and the store will not hear another for a second.
    c.enter_secret("##passphrase", "rødgrød med flødeskum");
    c.ui->click(tr("gate.open"));
    c.settle();
    CHECK(c.shows(tr("gate.passphrase_wrong")));
    CHECK(c.shows(wait_text(1)));
    CHECK(c.app->gate_ticking());
    CHECK_FALSE(c.shows(tr("trainer.none")));
    // During the wait the button does nothing: no check starts.
    c.enter_secret("##passphrase", "rødgrød med fløde");
    c.ui->click(tr("gate.open"));
    CHECK_FALSE(c.app->gate_busy());
    CHECK_FALSE(c.shows(tr("trainer.none")));

    // The second failure in a row waits twice as long.
    std::this_thread::sleep_for(1100ms);
    c.ui->frames(2);
    CHECK_FALSE(c.shows(wait_text(1)));
    c.enter_secret("##passphrase", "forkert igen");
    c.ui->key(ui::keys::enter);  // Enter in the field submits as the button does
    c.settle();
    CHECK(c.shows(wait_text(2)));
    CHECK_FALSE(c.shows(tr("trainer.none")));

    std::this_thread::sleep_for(2100ms);
    c.ui->frames(2);
    c.enter_secret("##passphrase", "rødgrød med fløde");
    c.ui->key(ui::keys::enter);
    c.settle();
    CHECK_FALSE(c.ui->has("##passphrase"));
    CHECK(c.shows(tr("trainer.none")));  // the report itself

    // Leaving locks it: the next opening asks again.
    c.ui->click(tr("nav.back_home"));
    CHECK(c.app->screen() == ui::Screen::learners);
    c.ui->click(tr("trainer.report"));
    CHECK(c.ui->has("##passphrase"));
    CHECK_FALSE(c.shows(tr("trainer.none")));
}

TEST_CASE("on first use the trainer chooses the passphrase: twice the same, at least 8 characters") {
    Classroom c;
    c.open();
    c.ui->click(tr("trainer.report"));
    CHECK(c.shows(tr("gate.passphrase_new", {{"min", std::int64_t{8}}})));
    REQUIRE(c.ui->has("##passphrase-again"));

    c.enter_secret("##passphrase", "kort");
    c.enter_secret("##passphrase-again", "kort");
    c.ui->click(tr("gate.set_and_open"));
    CHECK(c.shows(tr("gate.passphrase_short", {{"min", std::int64_t{8}}})));
    CHECK_FALSE(c.store.trainer_passphrase_set());

    c.enter_secret("##passphrase", "lang nok 1");
    c.enter_secret("##passphrase-again", "lang nok 2");
    c.ui->click(tr("gate.set_and_open"));
    CHECK(c.shows(tr("gate.passphrase_differ")));
    CHECK_FALSE(c.store.trainer_passphrase_set());

    c.enter_secret("##passphrase", "lang nok 1");
    c.enter_secret("##passphrase-again", "lang nok 1");
    c.ui->click(tr("gate.set_and_open"));
    c.settle();
    CHECK(c.shows(tr("trainer.none")));
    REQUIRE(c.store.trainer_passphrase_set());
    CHECK(c.store.check_trainer_passphrase("lang nok 1").outcome == Store::GuardCheck::Outcome::accepted);
}

TEST_CASE(
    "a learner with a PIN cannot be entered without it, by the list, by typing the name or by --learner") {
    Classroom c;
    c.store.set_learner_pins_enabled(true);
    const Learner kim = c.store.create_learner("Kim", "da");
    c.store.set_learner_pin(kim.id, "4711");
    c.store.create_learner("Ole", "da");  // no PIN: picked at once

    SECTION("from the list: a wrong PIN is refused with the delay, the right one opens the course") {
        c.open();
        c.ui->click("Kim");
        CHECK(c.app->session() == nullptr);
        REQUIRE(c.ui->has("##pin"));
        CHECK(c.shows(tr("gate.pin_ask")));
        c.enter_secret("##pin", "0000");
        c.ui->click(tr("gate.pin_go"));
        c.settle();
        CHECK(c.shows(tr("gate.pin_wrong")));
        CHECK(c.shows(wait_text(1)));
        CHECK(c.app->session() == nullptr);
        CHECK(c.app->screen() == ui::Screen::learners);

        std::this_thread::sleep_for(1100ms);
        c.ui->frames(2);
        c.enter_secret("##pin", "4711");
        c.ui->key(ui::keys::enter);
        c.settle();
        REQUIRE(c.app->session());
        CHECK(c.app->learner_name() == "Kim");
        CHECK(c.app->screen() == ui::Screen::home);
    }
    SECTION("the PIN field takes digits only") {
        c.open();
        c.ui->click("Kim");
        c.enter_secret("##pin", "47a11");
        c.ui->click(tr("gate.pin_go"));
        c.settle();
        REQUIRE(c.app->session());  // "4711": the letter never reached the field
    }
    SECTION("typing the name asks for the PIN too, and another name can be chosen instead") {
        c.open();
        c.ui->click("##name");
        c.ui->type("kim");
        c.ui->key(ui::keys::enter);
        c.ui->frames(2);
        CHECK(c.app->session() == nullptr);
        REQUIRE(c.ui->has("##pin"));
        c.ui->click(tr("gate.other_name"));
        CHECK_FALSE(c.ui->has("##pin"));
        c.ui->click("Ole");
        REQUIRE(c.app->session());
        CHECK(c.app->learner_name() == "Ole");
    }
    SECTION("--learner opens the window at the PIN question") {
        c.open("Kim");
        CHECK(c.app->session() == nullptr);
        CHECK(c.app->screen() == ui::Screen::learners);
        CHECK(c.ui->has("##pin"));
    }
    SECTION("with PINs switched off, nobody is asked") {
        c.store.set_learner_pins_enabled(false);
        c.open();
        c.ui->click("Kim");
        REQUIRE(c.app->session());
        CHECK(c.app->learner_name() == "Kim");
    }
}

TEST_CASE("with PINs on, a new learner may choose a PIN or go on without one") {
    Classroom c;
    c.store.set_learner_pins_enabled(true);
    c.open();
    c.ui->click("##name");
    c.ui->type("Ny Elev");
    c.ui->key(ui::keys::enter);
    c.ui->frames(2);
    REQUIRE(c.ui->has("##pin-again"));
    CHECK(c.app->session() == nullptr);

    SECTION("without") {
        c.ui->click(tr("gate.pin_skip"));
        REQUIRE(c.app->session());
        CHECK_FALSE(c.store.learner_has_pin(c.store.find_learner("Ny Elev")->id));
    }
    SECTION("with one, typed twice") {
        c.enter_secret("##pin", "12");
        c.enter_secret("##pin-again", "12");
        c.ui->click(tr("gate.pin_set"));
        CHECK(c.shows(tr("gate.pin_invalid", {{"min", std::int64_t{4}}, {"max", std::int64_t{12}}})));
        c.enter_secret("##pin", "2468");
        c.enter_secret("##pin-again", "2469");
        c.ui->click(tr("gate.pin_set"));
        CHECK(c.shows(tr("gate.pin_differ")));
        c.enter_secret("##pin", "2468");
        c.enter_secret("##pin-again", "2468");
        c.ui->click(tr("gate.pin_set"));
        c.settle();
        REQUIRE(c.app->session());
        const std::int64_t id = c.store.find_learner("Ny Elev")->id;
        REQUIRE(c.store.learner_has_pin(id));
        CHECK(c.store.check_learner_pin(id, "2468").outcome == Store::GuardCheck::Outcome::accepted);
    }
}
