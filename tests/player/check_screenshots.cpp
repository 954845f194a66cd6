// Runs the real lektion binary's screenshot tour (in the X server that
// tools/check starts) and checks that every screen was drawn: the right
// size, and more than a blank fill.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <stb_image.h>

#include "load/loader.hpp"
#include "records/store.hpp"
#include "resources/paths.hpp"
#include "sample_course.hpp"
#include "session/session.hpp"

namespace fs = std::filesystem;
using namespace lektion;

namespace {

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// The mean of the image's pixels, 0 (black) to 255 (white).
double brightness(const fs::path& png) {
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &n, 1);
    if (!pixels) return -1;
    double sum = 0;
    for (int i = 0; i < w * h; ++i) sum += pixels[i];
    stbi_image_free(pixels);
    return sum / (w * h);
}

// The binary under test; LEKTION_TEST_BINARY runs these tests against another build.
std::string lektion_binary() {
    const char* other = std::getenv("LEKTION_TEST_BINARY");
    return other && *other ? other : LEKTION_BINARY;
}

struct Picture {
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
    explicit Picture(const fs::path& png) {
        int n = 0;
        unsigned char* p = stbi_load(png.c_str(), &w, &h, &n, 3);
        REQUIRE(p);
        rgb.assign(p, p + static_cast<std::size_t>(w) * h * 3);
        stbi_image_free(p);
    }
    const unsigned char* at(int x, int y) const { return &rgb[(static_cast<std::size_t>(y) * w + x) * 3]; }
};

// Where the pixels of one colour are: their bounding box and how many.
struct Box {
    int left = 1 << 30, top = 1 << 30, right = -1, bottom = -1, count = 0;
    int width() const { return right - left + 1; }
    int height() const { return bottom - top + 1; }
};

Box find_colour(const Picture& p, lektion::test::Rgb c, int tolerance = 4) {
    Box b;
    for (int y = 0; y < p.h; ++y)
        for (int x = 0; x < p.w; ++x) {
            const unsigned char* px = p.at(x, y);
            if (std::abs(px[0] - c.r) > tolerance || std::abs(px[1] - c.g) > tolerance ||
                std::abs(px[2] - c.b) > tolerance)
                continue;
            b.left = std::min(b.left, x), b.right = std::max(b.right, x);
            b.top = std::min(b.top, y), b.bottom = std::max(b.bottom, y);
            ++b.count;
        }
    return b;
}

fs::path shot(const fs::path& dir, const std::string& name) {
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().ends_with("-" + name + ".png")) return entry.path();
    FAIL("no screenshot " << name << " in " << dir);
    return {};
}

}  // namespace

TEST_CASE("the screenshot tour draws every screen, none blank") {
    if (!std::getenv("DISPLAY")) FAIL("no X display: run the suite through tools/check (xvfb-run)");
    const fs::path out = fs::path(LEKTION_BUILD_DIR) / "screenshots";
    const fs::path data = fs::path(LEKTION_BUILD_DIR) / "screenshots-data";
    fs::remove_all(out);
    fs::remove_all(data);
    // Appended, not added up: GCC 12 warns falsely on a chain of + (-Warray-bounds).
    std::string cmd = LEKTION_BINARY;
    cmd.append(" play --lang da --learner Skærmbillede --data-dir ").append(data.string());
    cmd.append(" --screenshot ").append(out.string()).append(" > /dev/null");
    REQUIRE(std::system(cmd.c_str()) == 0);
    int shots = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
        INFO(entry.path());
        int w = 0, h = 0, n = 0;
        unsigned char* pixels = stbi_load(entry.path().c_str(), &w, &h, &n, 3);
        REQUIRE(pixels);
        CHECK(w >= 800);
        CHECK(h >= 600);
        // A drawn screen has text: many distinct colours from anti-aliasing.
        std::set<unsigned> colours;
        for (int i = 0; i < w * h; i += 7)
            colours.insert(pixels[3 * i] << 16 | pixels[3 * i + 1] << 8 | pixels[3 * i + 2]);
        CHECK(colours.size() > 20);
        stbi_image_free(pixels);
        ++shots;
    }
    CHECK(shots >= 14);
}

TEST_CASE("the screenshot tour leaves the learner's records as they were, even with no attempts left") {
    if (!std::getenv("DISPLAY")) FAIL("no X display: run the suite through tools/check (xvfb-run)");
    const fs::path root =
        fs::temp_directory_path() / fmt::format("lektion-tour-{:x}", std::random_device{}());
    struct Cleanup {
        fs::path p;
        ~Cleanup() { fs::remove_all(p); }
    } cleanup{root};
    // The bundled course with one attempt at the quiz.
    const fs::path course_dir = root / "course";
    fs::create_directories(root);
    fs::copy(bundled_course_dir(), course_dir, fs::copy_options::recursive);
    {
        std::string quiz = bytes_of(course_dir / "quiz.xml");
        const auto at = quiz.find("attempts=\"0\"");
        REQUIRE(at != std::string::npos);
        quiz.replace(at, 12, "attempts=\"1\"");
        std::ofstream(course_dir / "quiz.xml", std::ios::trunc) << quiz;
    }
    const CoursePtr course = load_course(course_dir).course;
    REQUIRE(course);
    REQUIRE(course->quiz->attempts == 1);
    const fs::path data = root / "data";
    std::size_t events = 0;
    {
        Store store(data);
        Learner l = store.create_learner("Opbrugt", "da");
        l.theme = "dark";
        l.text_size = 24;
        store.save_settings(l);
        Session s(course, store.progress(l.id, *course), store.sink(l.id, *course));
        for (int li = 0; li < static_cast<int>(course->lessons.size()); ++li) {
            for (int p = 0; p < s.page_count(li); ++p) s.go_to({li, p});
            for (const Question& q : course->lessons[static_cast<std::size_t>(li)].checks)
                s.answer_check(q.id, {q.options[0].id});
        }
        REQUIRE(s.start_quiz(7));
        for (const std::string& q : std::vector<std::string>(s.current_attempt()->questions))
            for (const Option& o : course->question(q)->options)
                if (!o.correct) {
                    s.answer_quiz(q, {o.id});
                    break;
                }
        REQUIRE_FALSE(s.submit_quiz()->passed);
        REQUIRE(s.attempts_left() == 0);
        events = store.events(l.id).size();
    }
    const std::string before = bytes_of(data / Store::file_name());
    REQUIRE_FALSE(before.empty());
    // Files with content; a reader's empty write-ahead log and its index do not count.
    auto files = [&] {
        std::set<std::string> names;
        for (const auto& entry : fs::directory_iterator(data)) {
            const std::string name = entry.path().filename().string();
            if (name.ends_with("-shm") || (name.ends_with("-wal") && entry.file_size() == 0)) continue;
            names.insert(name + " " + std::to_string(entry.file_size()));
        }
        return names;
    };
    const std::set<std::string> files_before = files();

    const fs::path out = root / "shots";
    std::string cmd = LEKTION_BINARY;
    cmd.append(" play ").append(course_dir.string()).append(" --lang da --learner Opbrugt --data-dir ");
    cmd.append(data.string()).append(" --screenshot ").append(out.string()).append(" > /dev/null");
    CHECK(std::system(cmd.c_str()) == 0);
    int shots = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
        INFO(entry.path());
        CHECK(brightness(entry.path()) >= 0);
        ++shots;
    }
    // Every screen, the quiz's four included, the other lessons' checks (4), a quiz question of each
    // type the course has (1), the second lesson's check in dark, and the passphrase's and PIN's eight.
    CHECK(shots == 30);
    // The learner's own theme was copied in: home is dark.
    CHECK(brightness(out / "02-home.png") < 80);

    CHECK(bytes_of(data / Store::file_name()) == before);
    CHECK(files() == files_before);  // and no write-ahead log holding anything
    Store store(data, Store::Access::read);
    const auto learner = store.find_learner("Opbrugt");
    REQUIRE(learner);
    CHECK(store.events(learner->id).size() == events);
    CHECK(store.learners().size() == 1);
}

TEST_CASE("figures in the window: the image's own pixels, at the column's width beside the contents, sharp") {
    if (!std::getenv("DISPLAY")) FAIL("no X display: run the suite through tools/check (xvfb-run)");
    using namespace lektion::test;
    SampleCourse sample;
    const fs::path out = fs::path(LEKTION_BUILD_DIR) / "screenshots-figures";
    const fs::path data =
        fs::temp_directory_path() / fmt::format("lektion-figures-{:x}", std::random_device{}());
    fs::remove_all(out);
    std::string cmd = lektion_binary();
    cmd.append(" play ").append(sample.dir().string()).append(" --lang da --learner Figur --data-dir ");
    cmd.append(data.string()).append(" --screenshot ").append(out.string()).append(" > /dev/null");
    CHECK(std::system(cmd.c_str()) == 0);
    fs::remove_all(data);
    // The lesson at the default text size, light and dark (lesson 2's figure), and at 28 px (the same).
    // The column at 19 px is 34 ems less the scrollbar, 630 px; at 28 px it is wider than twice the
    // image's 360 pixels, and the figure stops growing there.
    for (const auto& [name, width] : std::vector<std::pair<std::string, int>>{
             {"lesson", 19 * 34 - 16}, {"dark-lesson", 19 * 34 - 16}, {"large-text", 2 * figure_width}}) {
        INFO(name << " in " << out.string());
        const Picture p(shot(out, name));
        const Box left = find_colour(p, figure_left), right = find_colour(p, figure_right);
        REQUIRE(left.count > 0);
        REQUIRE(right.count > 0);
        // Each half a solid block of the image's own colour, side by side.
        CHECK(left.count >= left.width() * left.height() * 98 / 100);
        CHECK(right.count >= right.width() * right.height() * 98 / 100);
        CHECK(left.top == right.top);
        CHECK(left.bottom == right.bottom);
        const int w = right.right - left.left + 1, h = left.height();
        CHECK(w == Approx(width).margin(2));
        CHECK(static_cast<double>(w) / h == Approx(2.0).margin(0.02));
        // Sharp: the two colours meet within two pixels, however far it was scaled.
        CHECK(right.left - left.right <= 3);
        // Beside the table of contents (17 ems wide at most), in the page, above the footer.
        CHECK(left.left > 19 * 17 + 16);
        CHECK(left.top > 100);
        CHECK(left.bottom < p.h - 60);
        // Its caption under it: text, so pixels far from the page's colour just below the figure.
        const unsigned char* page = p.at(left.left - 4, left.bottom + 4);
        int ink = 0;
        for (int y = left.bottom + 3; y < std::min(p.h, left.bottom + 60); ++y)
            for (int x = left.left; x < left.left + 200; ++x) {
                const unsigned char* px = p.at(x, y);
                ink +=
                    std::abs(px[0] - page[0]) + std::abs(px[1] - page[1]) + std::abs(px[2] - page[2]) > 150;
            }
        CHECK(ink > 50);
    }
}

TEST_CASE("the screenshot tour never writes through a link someone left in its folder") {
    if (!std::getenv("DISPLAY")) FAIL("no X display: run the suite through tools/check (xvfb-run)");
    const fs::path root =
        fs::temp_directory_path() / fmt::format("lektion-tour-link-{:x}", std::random_device{}());
    struct Cleanup {
        fs::path p;
        ~Cleanup() { fs::remove_all(p); }
    } cleanup{root};
    const fs::path out = root / "shots", victim = root / "victim.txt";
    fs::create_directories(out);
    std::ofstream(victim) << "precious";
    fs::create_symlink(victim, out / "01-learners.png");
    std::string cmd = LEKTION_BINARY;
    cmd.append(" play --lang da --learner Ane --data-dir ").append((root / "data").string());
    cmd.append(" --screenshot ").append(out.string()).append(" > /dev/null 2>&1");
    CHECK(std::system(cmd.c_str()) != 0);  // one screen could not be written: said so
    CHECK(bytes_of(victim) == "precious");
    CHECK(fs::is_symlink(out / "01-learners.png"));
    CHECK(fs::exists(out / "02-home.png"));  // the others were
}
