// Read aloud in the window: the controls, Ctrl+R and Escape, the sentence
// highlighted (looked at: a PNG in the build tree), the speed in Settings,
// and a line instead of a failure where there is no audio output.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "player/read_aloud.hpp"
#include "raster.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

const std::filesystem::path bundled =
    std::filesystem::path(LEKTION_SOURCE_DIR) / "content/karriereplanlaegning";

struct Reader {
    CoursePtr course;
    std::unique_ptr<ui::App> app;
    std::unique_ptr<Headless> ui;
    explicit Reader(const std::string& lang, ui::Theme theme = ui::Theme::light) {
        set_ui_language(lang);
        course = load_course(bundled, lang).course;
        REQUIRE(course);
        app = std::make_unique<ui::App>(course, bundled, nullptr, ui::AppOptions{"Læser", lang});
        app->set_theme(theme);
        ui = std::make_unique<Headless>(*app, ImVec2{1180, 800});
        ui->frames(2);
        app->session()->open_lesson(0);
        app->show(ui::Screen::lesson);
        ui->frames(2);
    }
    // Frames until `label` is drawn (the speech thread works meanwhile); false after 20 s.
    bool wait_for(const std::string& label) {
        for (int i = 0; i < 2000; ++i) {
            ui->frame();
            if (ui->has(label)) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }
};

}  // namespace

TEST_CASE("Read aloud: the sentence being read is highlighted, Escape stops, Ctrl+R starts") {
    ui::read_aloud_null_output(true);
    for (const auto& [lang, theme, name] :
         {std::tuple{std::string("da"), ui::Theme::light, "da-light"}, {"en", ui::Theme::dark, "en-dark"}}) {
        Reader r(lang, theme);
        const std::string read = tr("read.aloud") + "##read-section",
                          stop = tr("read.stop") + "##read-section";
        REQUIRE(r.ui->has(read));
        r.ui->click(read);
        REQUIRE(r.wait_for(stop));
        // The heading is read first; then the first paragraph's first sentence, highlighted.
        const Section& section = r.course->lessons[0].sections[0];
        const Text& paragraph = section.blocks.at(0).text;
        const std::string first_word = paragraph.plain().substr(0, paragraph.plain().find(' '));
        bool highlighted = false;
        for (int i = 0; i < 2000 && !highlighted; ++i) {
            r.ui->frame();
            const ui::DrawnRun* word = r.ui->run(first_word);
            REQUIRE(word);
            // The highlight's colour behind the paragraph's first line.
            for (const ImDrawList* list :
                 std::vector<ImDrawList*>(r.ui->draw_data()->CmdLists,
                                          r.ui->draw_data()->CmdLists + r.ui->draw_data()->CmdListsCount))
                for (const ImDrawVert& v : list->VtxBuffer)
                    if ((v.col == IM_COL32(255, 232, 128, 255) || v.col == IM_COL32(92, 76, 18, 255)) &&
                        // The bottom of the first line's highlight: glyphs start a quarter
                        // of the text size below the line's top, the line is 1.5 sizes tall.
                        std::abs(v.pos.y - (word->min.y + 1.25f * r.app->fonts().size)) <
                            0.15f * r.app->fonts().size)
                        highlighted = true;
            if (!highlighted) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        REQUIRE(highlighted);
        const auto png = std::filesystem::path(LEKTION_BUILD_DIR) / "screenshots" /
                         ("read-aloud-" + std::string(name) + ".png");
        write_frame_png(*r.ui->draw_data(), png);
        CHECK(std::filesystem::file_size(png) > 10000);
        r.ui->key(ui::read_keys::escape);
        REQUIRE(r.wait_for(read));
        r.ui->frames(2);
        CHECK_FALSE(r.ui->has(stop));
        r.ui->key(ui::read_keys::r, true);  // Ctrl+R: the page's first control
        REQUIRE(r.wait_for(stop));
        r.ui->key(ui::read_keys::escape);
        REQUIRE(r.wait_for(read));
    }
}

TEST_CASE("Read aloud without a sound server says so beside the control, and nothing fails") {
    ui::read_aloud_null_output(false);
    ::setenv("PULSE_SERVER", "unix:/nonexistent/lektion-test", 1);  // as on a PC without sound
    Reader r("da");
    const std::string read = tr("read.aloud") + "##read-section";
    r.ui->click(read);
    CHECK(r.wait_for("read-problem:" + tr("read.no_audio")));
    CHECK(r.ui->has(read));  // still there, to try again
    ::unsetenv("PULSE_SERVER");
    ui::read_aloud_null_output(true);
}

TEST_CASE("the reading speed is set in Settings") {
    Reader r("da");
    r.app->show(ui::Screen::settings);
    r.ui->frames(2);
    REQUIRE(r.ui->has("read-rate:" + tr("read.rate", {{"rate", std::int64_t(175)}})));
    r.ui->click(tr("settings.faster"));
    r.ui->frames(2);
    CHECK(r.ui->has("read-rate:" + tr("read.rate", {{"rate", std::int64_t(200)}})));
    for (int i = 0; i < 20; ++i) r.ui->click(tr("settings.slower")), r.ui->frame();
    CHECK(r.ui->has("read-rate:" + tr("read.rate", {{"rate", std::int64_t(80)}})));
}

TEST_CASE("the reading speed is kept per learner in the records, and another learner reads at the default") {
    const std::filesystem::path data = std::filesystem::temp_directory_path() / "lektion-read-rate-test";
    std::filesystem::remove_all(data);
    set_ui_language("da");
    const CoursePtr course = load_course(bundled, "da").course;
    REQUIRE(course);
    {
        Store store(data);
        auto open = [&](const std::string& learner) {
            auto app = std::make_unique<ui::App>(course, bundled, &store, ui::AppOptions{learner, "da"});
            auto ui = std::make_unique<Headless>(*app);
            app->show(ui::Screen::settings);
            ui->frames(2);
            return std::pair{std::move(app), std::move(ui)};
        };
        {
            auto [app, ui] = open("Ane");
            ui->click(tr("settings.faster"));
            ui->click(tr("settings.faster"));
            ui->frames(1);
        }
        REQUIRE(store.find_learner("Ane"));
        CHECK(store.find_learner("Ane")->speech_rate == 225);
        {
            auto [app, ui] = open("Ane");  // a new session of the same learner
            CHECK(ui->has("read-rate:" + tr("read.rate", {{"rate", std::int64_t(225)}})));
        }
        auto [app, ui] = open("Bo");
        CHECK(ui->has("read-rate:" + tr("read.rate", {{"rate", std::int64_t(175)}})));
    }
    std::filesystem::remove_all(data);
}
