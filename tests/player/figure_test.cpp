// Figures in the window: drawn from their image, scaled to the column, and
// their textures uploaded once and freed as soon as they are not shown. The
// headless frames have no graphics card: a fake backend counts what the
// real one (OpenGL, gl_textures.cpp) would be asked to do.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "player/texture_cache.hpp"
#include "sample_course.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

struct Counts {
    int uploads = 0, releases = 0;
    std::set<ImTextureID> live;
    ImTextureID last = nullptr;
    int last_width = 0, last_height = 0;
};

class FakeTextures final : public ui::TextureBackend {
public:
    explicit FakeTextures(Counts& counts) : counts_(counts) {}
    ImTextureID upload(const ui::Image& image) override {
        ++counts_.uploads;
        counts_.last = reinterpret_cast<ImTextureID>(next_++);
        counts_.last_width = image.width, counts_.last_height = image.height;
        counts_.live.insert(counts_.last);
        return counts_.last;
    }
    void release(ImTextureID texture) override {
        ++counts_.releases;
        CHECK(counts_.live.erase(texture) == 1);  // only what was made, and only once
    }

private:
    Counts& counts_;
    std::intptr_t next_ = 100;
};

// Whether the last frame drew with this texture.
bool drawn_with(const Headless& ui, ImTextureID texture) {
    const ImDrawData* data = ui.draw_data();
    for (int i = 0; data && i < data->CmdListsCount; ++i)
        for (const ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer)
            if (cmd.TextureId == texture && cmd.ElemCount > 0) return true;
    return false;
}

struct Reader {
    SampleCourse sample;
    CoursePtr course;
    Counts counts;
    std::unique_ptr<ui::App> app;
    std::unique_ptr<Headless> ui;
    Reader() {
        set_ui_language("da");
        LoadResult loaded = load_course(sample.dir(), "da");
        INFO(all_diagnostics(loaded));
        REQUIRE(loaded.course);
        course = loaded.course;
        app = std::make_unique<ui::App>(course, sample.dir(), nullptr, ui::AppOptions{"Læser", "da"});
        app->set_texture_backend(std::make_unique<FakeTextures>(counts));
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
    static std::string all_diagnostics(const LoadResult& r) {
        std::string out;
        for (const Diagnostic& d : r.diagnostics.items) out += format(d) + "\n";
        return out;
    }
    void open(Position p) {
        app->session()->go_to(p);
        app->show(ui::Screen::lesson);
        ui->frames(3);
    }
    ui::WidgetRect figure() const { return app->widgets().at("figure:img/figur.png"); }
};

}  // namespace

TEST_CASE("a figure is drawn from its image, at the column's width with its aspect, and its caption below") {
    Reader r;
    r.open({0, 0});
    REQUIRE(r.ui->has("figure:img/figur.png"));
    CHECK(r.counts.uploads == 1);
    CHECK(r.counts.last_width == figure_width);
    CHECK(r.counts.last_height == figure_height);
    CHECK(drawn_with(*r.ui, r.counts.last));
    const ui::WidgetRect f = r.figure();
    const float w = f.max.x - f.min.x, h = f.max.y - f.min.y;
    // The column at 19 px: 34 ems less the scrollbar, 630 px; the image grows to it (less than twice its
    // width).
    CHECK(w == Approx(19 * 34 - 16).margin(1));
    CHECK(w / h == Approx(2.0).margin(0.01));
    CHECK(f.min.x == std::round(f.min.x));  // on whole pixels: not resampled between two
    CHECK(f.min.y == std::round(f.min.y));
    // Right of the table of contents, under the heading and the paragraph.
    CHECK(f.min.x > r.app->widgets().at("toc").max.x);
    const ui::DrawnRun* paragraph = r.ui->run("billede.");
    REQUIRE(paragraph);
    CHECK(f.min.y > paragraph->max.y);
    // The caption under it; the alt text is not printed (the picture says it).
    const ui::DrawnRun* caption = r.ui->run("Figur");
    REQUIRE(caption);
    CHECK(caption->min.y >= f.max.y);
    CHECK(caption->min.x == Approx(f.min.x).margin(1));
    CHECK(r.ui->screen_text().find("lyserød") == std::string::npos);
}

TEST_CASE(
    "a figure's texture is uploaded once while shown and freed when the page, the screen or the course "
    "changes") {
    Reader r;
    Session& s = *r.app->session();
    r.open({0, 0});
    r.ui->frames(10);
    CHECK(r.counts.uploads == 1);
    CHECK(r.counts.releases == 0);
    SECTION("a larger text size: the same texture, drawn larger, never more than twice its own width") {
        const float before = r.figure().max.x - r.figure().min.x;
        r.app->set_text_size(28);
        r.ui->frames(3);
        const float after = r.figure().max.x - r.figure().min.x;
        CHECK(after > before);
        CHECK(after == Approx(2 * figure_width));  // the column is wider still: the cap holds
        CHECK(r.counts.uploads == 1);
        r.app->set_text_size(13);
        r.ui->frames(3);
        CHECK(r.figure().max.x - r.figure().min.x < before);
        CHECK(r.counts.uploads == 1);
    }
    SECTION("the next page frees it; coming back uploads it again") {
        s.next();
        r.ui->frames(2);
        CHECK(r.counts.releases == 1);
        CHECK(r.counts.live.empty());
        s.previous();
        r.ui->frames(2);
        CHECK(r.counts.uploads == 2);
        CHECK(r.counts.live.size() == 1);
    }
    SECTION("going home frees it") {
        r.app->show(ui::Screen::home);
        r.ui->frames(2);
        CHECK(r.counts.live.empty());
    }
    SECTION("a reload frees it and reads the file again, as it is now") {
        r.app->watch();
        r.ui->frames(2);
        SampleCourse::write_png(r.sample.figure(), 200, 200);
        std::ofstream(r.sample.dir() / "l1.xml", std::ios::app) << "\n";  // the lesson saved too
        REQUIRE(r.app->poll_watch());
        r.ui->frames(3);
        CHECK(r.counts.releases == 1);
        CHECK(r.counts.uploads == 2);
        CHECK(r.counts.last_width == 200);
        const ui::WidgetRect f = r.figure();
        CHECK(f.max.x - f.min.x == Approx(f.max.y - f.min.y).margin(1));
    }
    SECTION("the window closing (the backend going) releases everything") {
        r.app->set_texture_backend(nullptr);
        CHECK(r.counts.live.empty());
        r.ui->frames(2);  // and the page shows the alt text from now on
        CHECK(r.ui->screen_text().find("lyserød") != std::string::npos);
    }
    CHECK(r.counts.releases + static_cast<int>(r.counts.live.size()) == r.counts.uploads);
}

TEST_CASE(
    "a figure whose file went bad since the course loaded shows its alt text and caption, and no texture") {
    Reader r;
    std::ofstream(r.sample.figure(), std::ios::trunc) << "\x89PNG\r\n\x1a\nnot really";
    r.open({0, 0});
    CHECK(r.counts.uploads == 0);
    CHECK_FALSE(r.ui->has("figure:img/figur.png"));
    const std::string text = r.ui->screen_text();
    CHECK(text.find("Billede: En lyserød og en blågrøn flade side om side") != std::string::npos);
    CHECK(text.find("Figur 1: To farver.") != std::string::npos);
    r.ui->frames(5);
    CHECK(r.counts.uploads == 0);  // not tried again every frame
}

TEST_CASE("fit_figure: the column's width, at most twice the pixels (times the content scale), aspect kept") {
    using ui::fit_figure;
    CHECK(fit_figure(360, 180, 630, 0, 1).x == 630);
    CHECK(fit_figure(360, 180, 630, 0, 1).y == 315);
    CHECK(fit_figure(200, 100, 630, 0, 1).x == 400);  // small images grow at most twice
    CHECK(fit_figure(200, 100, 630, 0, 2).x == 630);  // on a HiDPI monitor, with the text
    CHECK(fit_figure(4000, 3000, 630, 0, 1).y == Approx(472.5f).margin(1));
    CHECK(fit_figure(300, 3000, 630, 500, 1).y == 500);  // a tall one fits the page's height
    CHECK(fit_figure(300, 3000, 630, 500, 1).x == 50);
    CHECK(fit_figure(1, 1, 0.5f, 0, 1).x >= 1);
}
