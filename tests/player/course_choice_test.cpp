// With more than one course installed, the course home lists the others; a
// learner who picks one plays it as themselves, with their own progress in
// each course kept apart.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "resources/paths.hpp"

using namespace lektion;
using namespace lektion::test;
namespace fs = std::filesystem;

namespace {

std::size_t sections_viewed(const Progress& p) {
    std::size_t n = 0;
    for (const auto& [id, lesson] : p.lessons) n += lesson.viewed.size();
    return n;
}

}  // namespace

TEST_CASE("the course home offers the other installed course, which keeps the learner and their progress") {
    const fs::path tmp =
        fs::temp_directory_path() / fmt::format("lektion-choice-{:x}", std::random_device{}());
    struct Cleanup {
        fs::path p;
        ~Cleanup() { fs::remove_all(p); }
    } cleanup{tmp};
    // A second course: the bundled one under another id and title.
    const fs::path other = tmp / "trivsel";
    fs::create_directories(tmp);
    fs::copy(bundled_course_dir(), other, fs::copy_options::recursive);
    std::stringstream text;
    text << std::ifstream(other / "course.xml").rdbuf();
    std::string xml = text.str();
    xml.replace(xml.find("id=\"karriereplanlaegning\""), 25, "id=\"trivsel\"");
    const std::string title = "Karriereplanlægning og trivsel på arbejdspladsen";
    xml.replace(xml.find(title), title.size(), "Trivsel, kort");
    std::ofstream(other / "course.xml") << xml;

    set_ui_language("da");
    const CoursePtr course = load_course(bundled_course_dir(), "da").course;
    REQUIRE(course);
    Store store(tmp / "data");
    ui::App app(course, bundled_course_dir(), &store, ui::AppOptions{"Ane", "da"});
    app.set_course_choices(
        {{"karriereplanlaegning", title, bundled_course_dir()}, {"trivsel", "Trivsel, kort", other}});
    Headless ui(app);
    ui.frames(2);
    REQUIRE(app.screen() == ui::Screen::home);
    CHECK(app.widgets().count(title) == 0);  // the course playing is not offered

    // Some progress in the first course.
    ui.click(tr("home.start"));
    ui.frames(2);
    ui.click(tr("nav.next"));
    ui.frames(2);
    ui.click(tr("nav.home"));
    ui.frames(2);
    const auto learner = store.find_learner("Ane");
    REQUIRE(learner);
    const int read_first = static_cast<int>(sections_viewed(store.progress(learner->id, *course)));

    // The other course: same learner, no progress there yet, on its home.
    ui.click("Trivsel, kort");
    ui.frames(3);
    CHECK(app.course().id == "trivsel");
    CHECK(app.course_dir() == other);
    CHECK(app.learner_name() == "Ane");
    CHECK(app.screen() == ui::Screen::home);
    CHECK(app.widgets().count(tr("home.start")) == 1);
    CHECK(sections_viewed(store.progress(learner->id, app.course())) == 0);

    // And back: the first course's progress is where it was.
    ui.click(title);
    ui.frames(3);
    CHECK(app.course().id == "karriereplanlaegning");
    CHECK(static_cast<int>(sections_viewed(store.progress(learner->id, app.course()))) == read_first);
    CHECK(read_first > 0);
}
