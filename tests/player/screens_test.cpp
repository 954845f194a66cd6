// What a learner reads on the window's screens: headings that wrap in the
// table of contents, quotations with the author's marks only, and the same
// status words as the text player.
#include <catch2/catch.hpp>

#include <cmath>

#include <fmt/format.h>

#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "sample_course.hpp"
#include "session/status_words.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

struct Window {
    SampleCourse sample;
    CoursePtr course;
    std::unique_ptr<ui::App> app;
    std::unique_ptr<Headless> ui;
    Window() {
        set_ui_language("da");
        course = load_course(sample.dir(), "da").course;
        REQUIRE(course);
        app = std::make_unique<ui::App>(course, sample.dir(), nullptr, ui::AppOptions{"Læser", "da"});
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
};

}  // namespace

TEST_CASE(
    "a 200-character heading wraps in the table of contents: its last word is drawn inside the column") {
    Window w;
    REQUIRE(SampleCourse::long_heading().size() >= 200);
    w.app->session()->open_lesson(0);
    w.app->show(ui::Screen::lesson);
    w.ui->frames(3);
    REQUIRE(w.ui->has("toc"));
    const ui::WidgetRect toc = w.app->widgets().at("toc");
    const ui::DrawnRun* last = nullptr;
    for (const ui::DrawnRun& r : w.ui->runs())  // the table of contents' copy, not a heading on the page
        if (r.text == long_heading_last_word && r.min.x < toc.max.x) last = &r;
    REQUIRE(last);
    CHECK(last->min.x >= toc.min.x);
    CHECK(last->max.x <= toc.max.x);
    CHECK(last->max.y <= toc.max.y);
    // The entry is as tall as its lines, and still takes the learner there.
    const std::string label = fmt::format("  {}##toc1", SampleCourse::long_heading());
    REQUIRE(w.ui->has(label));
    const ui::WidgetRect entry = w.app->widgets().at(label);
    CHECK(entry.max.y - entry.min.y > 3 * w.app->fonts().size);
    w.ui->click(label);
    CHECK(w.app->session()->position() == Position{0, 1});
}

TEST_CASE("a quotation shows the marks its author wrote, and none of the player's") {
    Window w;
    w.app->session()->go_to({1, 0});
    w.app->show(ui::Screen::lesson);
    w.ui->frames(3);
    const std::string text = w.ui->screen_text();
    CHECK(text.find("»Arbejdsglæde smitter.«") != std::string::npos);
    CHECK(text.find("»»") == std::string::npos);
    CHECK(text.find("««") == std::string::npos);
}

TEST_CASE(
    "the quiz's status on the home screen and its result: the text player's words, no attempts left said") {
    Window w;
    Session& s = *w.app->session();
    REQUIRE(s.start_quiz(1));
    for (const std::string& id : std::vector<std::string>(s.current_attempt()->questions))
        s.answer_quiz(id, {s.quiz_question(id)->options[1].id});
    REQUIRE_FALSE(s.submit_quiz()->passed);
    w.app->show(ui::Screen::quiz);
    w.app->set_quiz_page(ui::QuizPage::result);
    w.ui->frames(3);
    CHECK(w.ui->screen_text().find(quiz_status(s)) != std::string::npos);
    CHECK(quiz_status(s).find("ingen forsøg tilbage") != std::string::npos);
    CHECK_FALSE(w.ui->has(tr("quiz.retry")));
    w.app->show(ui::Screen::home);
    w.ui->frames(3);
    CHECK(w.ui->screen_text().find(quiz_status(s)) != std::string::npos);
}

TEST_CASE("the About screen names the course's version, not its id") {
    Window w;
    w.app->show(ui::Screen::about);
    w.ui->frames(3);
    const std::string text = w.ui->screen_text();
    CHECK(text.find("figurkursus") == std::string::npos);
    CHECK(text.find("Kursusversion 2.1") != std::string::npos);
    CHECK(text.find("Ansvarsfraskrivelsen.") != std::string::npos);
}

namespace {

// WCAG 2's relative luminance and contrast ratio.
double luminance(const ImVec4& c) {
    auto channel = [](float v) { return v <= 0.03928f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}
double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("progress bars' words are readable on their fill in every theme") {
    // "Completed", "Locked" and the percentages are drawn in the text colour over the bar's fill.
    Window w;  // a Dear ImGui context for the style
    for (ui::Theme theme : {ui::Theme::light, ui::Theme::dark, ui::Theme::contrast}) {
        INFO(ui::theme_name(theme));
        ui::apply_theme(theme, 19);
        const ImGuiStyle& style = ImGui::GetStyle();
        CHECK(contrast(style.Colors[ImGuiCol_Text], style.Colors[ImGuiCol_PlotHistogram]) >= 4.5);  // WCAG AA
    }
}

TEST_CASE(
    "a course not yet translated: the window notes it on the home screen and above the page, as the text "
    "player does") {
    SampleCourse sample;
    set_ui_language("en");
    const CoursePtr course = load_course(sample.dir(), "en").course;  // the sample has no English
    REQUIRE(course);
    ui::App app(course, sample.dir(), nullptr, ui::AppOptions{"Reader", "en"});
    Headless ui(app);
    ui.frames(2);
    const std::string note = untranslated_note(*course);
    REQUIRE(note == tr("lesson.untranslated"));
    CHECK(ui.screen_text().find(note) != std::string::npos);
    app.session()->open_lesson(0);
    app.show(ui::Screen::lesson);
    ui.frames(2);
    REQUIRE(!untranslated_note(*app.session()->section(app.session()->position())).empty());
    CHECK(ui.screen_text().find(note) != std::string::npos);
    set_ui_language("da");
}
