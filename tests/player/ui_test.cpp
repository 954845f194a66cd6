// The real player screens, driven headless: mouse, keyboard, a lesson, an
// attention check and the whole final quiz.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include <sqlite3.h>

#include <fmt/format.h>

#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "resources/paths.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path =
            std::filesystem::temp_directory_path() / fmt::format("lektion-ui-{:x}", std::random_device{}());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

struct Fixture {
    TempDir dir;
    std::filesystem::path course_dir = bundled_course_dir();
    CoursePtr course;
    std::unique_ptr<Store> store;
    std::unique_ptr<ui::App> app;
    std::unique_ptr<Headless> ui;

    explicit Fixture(const std::string& learner = "Test", const std::string& lang = "da") {
        set_ui_language(lang);
        course = load_course(course_dir, lang).course;
        REQUIRE(course);
        store = std::make_unique<Store>(dir.path);
        app = std::make_unique<ui::App>(course, course_dir, store.get(), ui::AppOptions{learner, lang});
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
};

// The label the player gives an option that is correct, found by its text.
std::string correct_label(Fixture& f, const Question& q) {
    for (const auto& [label, rect] : f.app->widgets())
        for (const Option& o : q.options)
            if (o.correct && label.size() > 3 && label.substr(3, label.rfind("##") - 3) == o.label.plain())
                return label;
    FAIL("no correct option of " << q.id << " on screen");
    return {};
}

std::string correct_label_in(ui::App& app, const Question& q) {
    for (const auto& [label, rect] : app.widgets())
        for (const Option& o : q.options)
            if (o.correct && label.size() > 3 && label.substr(3, label.rfind("##") - 3) == o.label.plain())
                return label;
    FAIL("no correct option of " << q.id << " on screen");
    return {};
}

std::string wrong_label(Fixture& f, const Question& q) {
    for (const Option& o : q.options)
        if (!o.correct)
            for (const auto& [label, rect] : f.app->widgets())
                if (label.size() > 3 && label.substr(3, label.rfind("##") - 3) == o.label.plain())
                    return label;
    FAIL("no wrong option of " << q.id << " on screen");
    return {};
}

}  // namespace

TEST_CASE("a learner picks a name by typing it and pressing Enter") {
    Fixture f("");
    CHECK(f.app->screen() == ui::Screen::learners);
    f.ui->click("##name");
    f.ui->type("Åse Ørsted");
    f.ui->key(ui::keys::enter);
    f.ui->frames(2);
    CHECK(f.app->screen() == ui::Screen::home);
    CHECK(f.app->learner_name() == "Åse Ørsted");
    CHECK(f.store->find_learner("åse ørsted"));
}

TEST_CASE("the mouse reads a lesson, answers its attention check and moves on") {
    Fixture f;
    f.ui->click(tr("home.start"));
    CHECK(f.app->screen() == ui::Screen::lesson);
    Session& s = *f.app->session();
    const int pages = s.page_count(0);
    for (int i = 0; i + 1 < pages; ++i) f.ui->click(tr("nav.next"));
    REQUIRE(s.is_check_page(s.position()));
    CHECK_FALSE(s.can_advance());
    const Question& q = f.course->lessons[0].checks[0];
    f.ui->click(correct_label(f, q));
    f.ui->click(tr("lesson.answer") + "##" + q.id);
    REQUIRE(s.check_answer(q.id));
    CHECK(s.check_answer(q.id)->correct);
    CHECK(f.ui->has(tr("nav.next")));
    CHECK(s.lesson_complete(0));
    f.ui->click(tr("nav.next"));
    CHECK(s.position() == Position{1, 0});
    // What the learner did is in the database, not only in memory.
    const Progress stored = f.store->progress(f.store->find_learner("Test")->id, *f.course);
    CHECK(stored.lessons.at("l1").complete);
}

TEST_CASE("the whole final quiz, with the mouse, passes and shows the review") {
    Fixture f;
    Session& s = *f.app->session();
    for (int l = 0; l < 5; ++l) {  // the lessons, quickly, through the same session
        for (int p = 0; p < s.page_count(l); ++p) s.go_to({l, p});
        const Question& q = f.course->lessons[static_cast<std::size_t>(l)].checks[0];
        s.answer_check(q.id, {q.options[0].id});
    }
    f.ui->click(tr("nav.home"));
    REQUIRE(s.quiz_state() == QuizState::open);
    f.ui->click(tr("home.quiz_take"));
    f.ui->click(tr("quiz.start"));
    REQUIRE(f.app->quiz_page() == ui::QuizPage::question);
    const std::vector<std::string> questions = s.current_attempt()->questions;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        CHECK(f.ui->has(tr("nav.next")) == (i + 1 < questions.size()));
        f.ui->click(correct_label(f, *f.course->question(questions[i])));
        f.ui->click(i + 1 < questions.size() ? tr("nav.next") : tr("quiz.review"));
    }
    CHECK(f.app->quiz_page() == ui::QuizPage::review);
    f.ui->click(tr("quiz.submit"));
    CHECK(f.app->quiz_page() == ui::QuizPage::result);
    REQUIRE(s.progress().last_score());
    CHECK(s.progress().last_score()->raw == 10);
    CHECK(s.progress().last_score()->passed);
    CHECK(s.course_complete());
    CHECK(f.ui->has(tr("quiz.retry")));  // unlimited attempts
}

TEST_CASE("going back in the quiz keeps the answer and a wrong answer fails below the pass mark") {
    Fixture f;
    Session& s = *f.app->session();
    for (int l = 0; l < 5; ++l) {
        for (int p = 0; p < s.page_count(l); ++p) s.go_to({l, p});
        const Question& q = f.course->lessons[static_cast<std::size_t>(l)].checks[0];
        s.answer_check(q.id, {q.options[0].id});
    }
    f.ui->click(tr("nav.home"));
    f.ui->click(tr("home.quiz_take"));
    f.ui->click(tr("quiz.start"));
    const auto questions = s.current_attempt()->questions;
    // Answer the first four wrong: 6 of 10 is below 70 %.
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const Question& q = *f.course->question(questions[i]);
        f.ui->click(i < 4 ? wrong_label(f, q) : correct_label(f, q));
        if (i == 1) {  // back and forth keeps the answer
            f.ui->click(tr("nav.previous"));
            CHECK(s.current_attempt()->answers.count(questions[0]));
            f.ui->click(tr("nav.next"));
        }
        f.ui->click(i + 1 < questions.size() ? tr("nav.next") : tr("quiz.review"));
    }
    f.ui->click(tr("quiz.submit"));
    CHECK(s.progress().last_score()->raw == 6);
    CHECK_FALSE(s.progress().last_score()->passed);
    CHECK(f.ui->has(tr("quiz.retry")));
}

TEST_CASE("the keyboard alone: arrows and Tab move, Enter and Space activate, Alt+arrows page") {
    Fixture f;
    REQUIRE(f.ui->focus(tr("home.start")));
    f.ui->key(ui::keys::enter);
    CHECK(f.app->screen() == ui::Screen::lesson);
    Session& s = *f.app->session();
    while (!s.is_check_page(s.position())) {
        const Position before = s.position();
        f.ui->key(ui::keys::right, false, true);  // Alt+Right: next section
        REQUIRE(s.position().page == before.page + 1);
    }
    const Question& q = f.course->lessons[0].checks[0];
    REQUIRE(f.ui->focus(correct_label(f, q)));
    f.ui->key(ui::keys::space);
    REQUIRE(f.ui->focus(tr("lesson.answer") + "##" + q.id));
    f.ui->key(ui::keys::enter);
    REQUIRE(s.check_answer(q.id));
    CHECK(s.check_answer(q.id)->correct);
    f.ui->key(ui::keys::right, false, true);
    CHECK(s.position() == Position{1, 0});
    f.ui->key(ui::keys::left, false, true);  // Alt+Left on a lesson's first page: home
    CHECK(s.position().lesson == -1);
    CHECK(f.app->screen() == ui::Screen::home);
}

TEST_CASE("Ctrl+plus and Ctrl+minus rebuild the atlas at a new size") {
    Fixture f;
    const float before = f.app->text_size();
    const float glyph_before = f.app->fonts().regular->FontSize;
    f.ui->key(ui::keys::equal, true);
    f.ui->frame();
    CHECK(f.app->text_size() == before + 2);
    CHECK(f.app->fonts().regular->FontSize == Approx(glyph_before + 2));
    f.ui->key(ui::keys::minus, true);
    f.ui->key(ui::keys::minus, true);
    f.ui->frame();
    CHECK(f.app->text_size() == before - 2);
    // The size is the learner's setting, kept in the records.
    CHECK(f.store->find_learner("Test")->text_size == Approx(before - 2));
}

TEST_CASE("switching language mid-lesson keeps the place and the answers") {
    Fixture f("Test", "da");
    Session& s = *f.app->session();
    s.open_lesson(0);
    for (int p = 0; p < s.page_count(0); ++p) s.go_to({0, p});
    const Question& q = f.course->lessons[0].checks[0];
    s.answer_check(q.id, {q.options[1].id});
    s.go_to({0, 3});
    f.ui->frame();
    f.app->set_language("el");
    f.ui->frames(2);
    CHECK(ui_language() == "el");
    CHECK(s.position() == Position{0, 3});
    CHECK(s.check_answer(q.id));
    CHECK(s.lesson_complete(0));
    f.app->set_language("en");
    f.ui->frames(2);
    CHECK(f.app->course().lessons[0].title.plain().rfind("Lesson 1", 0) == 0);
    CHECK(s.position() == Position{0, 3});
    CHECK(f.store->find_learner("Test")->language == "en");
}

TEST_CASE("watch mode reloads an edited lesson in place and shows a broken edit's errors") {
    TempDir copy;
    std::filesystem::copy(bundled_course_dir(), copy.path, std::filesystem::copy_options::recursive);
    set_ui_language("da");
    const CoursePtr course = load_course(copy.path, "da").course;
    REQUIRE(course);
    TempDir data;
    Store store(data.path);
    ui::App app(course, copy.path, &store, ui::AppOptions{"Forfatter", "da"});
    app.watch();
    Headless ui(app);
    Session& s = *app.session();
    s.go_to({1, 2});
    app.show(ui::Screen::lesson);
    ui.frames(2);
    CHECK_FALSE(app.poll_watch());  // nothing changed yet

    const auto lesson = copy.path / "lektion2.xml";
    auto edit = [&](const std::string& from, const std::string& to) {
        std::ifstream in(lesson);
        std::string xml((std::istreambuf_iterator<char>(in)), {});
        const auto at = xml.find(from);
        REQUIRE(at != std::string::npos);
        xml.replace(at, from.size(), to);
        std::ofstream(lesson, std::ios::trunc) << xml;
    };
    const std::string heading = app.course().lessons[1].sections[2].heading.plain();
    edit(heading, "Ny overskrift fra træneren");
    CHECK(app.poll_watch());
    ui.frames(2);
    CHECK(app.course().lessons[1].sections[2].heading.plain() == "Ny overskrift fra træneren");
    CHECK(s.position() == Position{1, 2});
    CHECK(app.watch_errors().empty());

    edit("<title id=\"l2.title\">", "<title id=\"l2.title\"><oops>");
    CHECK(app.poll_watch());
    ui.frames(2);
    REQUIRE_FALSE(app.watch_errors().empty());
    CHECK(app.watch_errors()[0].path.find("lektion2.xml") != std::string::npos);
    CHECK(app.watch_errors()[0].line > 0);
    CHECK(app.course().lessons[1].sections[2].heading.plain() == "Ny overskrift fra træneren");  // last good

    edit("<title id=\"l2.title\"><oops>", "<title id=\"l2.title\">");
    CHECK(app.poll_watch());
    CHECK(app.watch_errors().empty());
    CHECK(s.position() == Position{1, 2});
}

TEST_CASE("a lesson page with a paragraph of half a megabyte and a 200 000-letter word draws and scrolls") {
    // Hostile text the loader accepts (limits_test) must not crash, hang or
    // overflow the player's drawing either.
    TempDir copy;
    std::filesystem::copy(bundled_course_dir(), copy.path, std::filesystem::copy_options::recursive);
    std::string huge;
    for (int i = 0; i < 100'000; ++i) huge += "ord og ";
    huge += std::string(200'000, 'a');
    const auto lesson = copy.path / "lektion1.xml";
    std::ifstream in(lesson);
    std::string xml((std::istreambuf_iterator<char>(in)), {});
    const std::string anchor = "<p id=\"l1.s2.p1\">";
    const auto at = xml.find(anchor);
    REQUIRE(at != std::string::npos);
    xml.insert(at + anchor.size(), huge + " ");
    std::ofstream(lesson, std::ios::trunc) << xml;

    set_ui_language("da");
    const CoursePtr course = load_course(copy.path, "da").course;
    REQUIRE(course);
    REQUIRE(course->lessons[0].sections[1].blocks[0].text.plain().size() > huge.size());
    ui::App app(course, copy.path, nullptr, ui::AppOptions{"Læser", "da"});
    Headless ui(app);
    Session& s = *app.session();
    s.go_to({0, 1});
    app.show(ui::Screen::lesson);
    ui.frames(3);
    REQUIRE(ui.draw_data());
    CHECK(ui.draw_data()->TotalVtxCount > 0);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {590, 400};
    for (int i = 0; i < 20; ++i) {  // the wheel, far down the paragraph
        io.MouseWheel = -40;
        ui.frame();
    }
    CHECK(ui.draw_data()->TotalVtxCount > 0);
    CHECK(s.position() == Position{0, 1});
}

namespace {

// The bundled course in a folder of its own, for tests that edit it.
struct CourseCopy {
    TempDir dir;
    CourseCopy() {
        std::filesystem::copy(bundled_course_dir(), dir.path, std::filesystem::copy_options::recursive);
    }
    // Takes the quiz question `id` out of quiz.xml.
    void remove_question(const std::string& id) {
        const auto file = dir.path / "quiz.xml";
        std::ifstream in(file);
        std::string xml((std::istreambuf_iterator<char>(in)), {});
        const auto from = xml.find("<question id=\"" + id + "\"");
        REQUIRE(from != std::string::npos);
        const auto to = xml.find("</question>", from) + std::string("</question>").size();
        xml.erase(from, to - from);
        std::ofstream(file, std::ios::trunc) << xml;
    }
};

void complete_lessons(Session& s) {
    for (int l = 0; l < static_cast<int>(s.course().lessons.size()); ++l) {
        for (int p = 0; p < s.page_count(l); ++p) s.go_to({l, p});
        for (const Question& q : s.course().lessons[static_cast<std::size_t>(l)].checks)
            s.answer_check(q.id, {q.options[0].id});
    }
}

// Every question of the open attempt from the first, answered right with the mouse, then submitted.
void answer_all_and_submit(ui::App& app, Headless& ui) {
    Session& s = *app.session();
    app.set_quiz_page(ui::QuizPage::question, 0);
    ui.frames(2);
    const std::vector<std::string> questions = s.current_attempt()->questions;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const Question* q = s.quiz_question(questions[i]);
        REQUIRE(q);
        std::string right;
        for (const auto& [label, rect] : app.widgets())
            for (const Option& o : q->options)
                if (o.correct && label.size() > 3 &&
                    label.substr(3, label.rfind("##") - 3) == o.label.plain())
                    right = label;
        REQUIRE_FALSE(right.empty());
        ui.click(right);
        ui.click(i + 1 < questions.size() ? tr("nav.next") : tr("quiz.review"));
    }
    REQUIRE(app.quiz_page() == ui::QuizPage::review);
    ui.click(tr("quiz.submit"));
    REQUIRE(app.quiz_page() == ui::QuizPage::result);
    ui.frames(2);
}

}  // namespace

TEST_CASE("quiz questions removed during an attempt: the quiz screens go on with the rest") {
    CourseCopy copy;
    set_ui_language("da");
    const CoursePtr course = load_course(copy.dir.path, "da").course;
    REQUIRE(course);
    TempDir data;
    Store store(data.path);
    std::vector<std::string> questions;
    {
        ui::App app(course, copy.dir.path, &store, ui::AppOptions{"Kursist", "da"});
        app.watch();
        Headless ui(app);
        ui.frames(2);
        Session& s = *app.session();
        complete_lessons(s);
        ui.click(tr("nav.home"));
        ui.click(tr("home.quiz_take"));
        ui.click(tr("quiz.start"));
        questions = s.current_attempt()->questions;
        for (int i = 0; i < 3; ++i) {
            ui.click(correct_label_in(app, *course->question(questions[static_cast<std::size_t>(i)])));
            ui.click(tr("nav.next"));
        }
        REQUIRE(s.current_attempt()->answers.size() == 3);  // and the fourth question on the screen
        // The trainer takes out an answered question and the one on the screen.
        copy.remove_question(questions[1]);
        copy.remove_question(questions[3]);
        SECTION("on a --watch reload") {
            REQUIRE(app.poll_watch());
            ui.frames(3);
            CHECK(app.screen() == ui::Screen::quiz);
            CHECK(s.current_attempt()->questions.size() == 8);
            answer_all_and_submit(app, ui);
            CHECK(s.progress().last_score()->raw == 8);
            CHECK(s.progress().last_score()->max == 8);
            return;
        }
    }
    // The learner comes back to the edited course.
    const CoursePtr edited = load_course(copy.dir.path, "da").course;
    REQUIRE(edited);
    ui::App app(edited, copy.dir.path, &store, ui::AppOptions{"Kursist", "da"});
    Headless ui(app);
    ui.frames(2);
    Session& s = *app.session();
    REQUIRE(s.current_attempt());
    CHECK(s.current_attempt()->questions.size() == 8);
    CHECK(s.current_attempt()->answers.size() == 2);  // the first and the third
    ui.click(tr("home.quiz_take"));
    CHECK(app.quiz_page() == ui::QuizPage::question);
    app.set_quiz_page(ui::QuizPage::review);
    ui.frames(3);  // the review lists what remains
    answer_all_and_submit(app, ui);
    CHECK(s.progress().last_score()->raw == 8);
    CHECK(s.progress().last_score()->max == 8);
    // The result page lists what remains, and the removed answers stay in the records.
    const auto events = store.events(store.find_learner("Kursist")->id);
    CHECK(std::count_if(events.begin(), events.end(), [&](const RecordedEvent& e) {
              return e.event.kind == EventKind::quiz_answered && e.event.target == questions[1];
          }) == 1);
}

TEST_CASE("a learner's stored settings out of range are not used: language, theme, text size") {
    TempDir data;
    {
        Store store(data.path);
        store.create_learner("Skæv", "da");
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data.path / Store::file_name()).c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE learners SET language = '../../etc', theme = 'neon', text_size = 500",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    set_ui_language("da");
    const CoursePtr course = load_course(bundled_course_dir(), "da").course;
    Store store(data.path);
    ui::App app(course, bundled_course_dir(), &store, ui::AppOptions{"Skæv", ""});
    Headless ui(app);
    ui.frames(2);
    CHECK(app.screen() == ui::Screen::home);
    CHECK(app.last_error().empty());
    CHECK(ui_language() == "da");
    CHECK(app.theme() == ui::Theme::light);
    CHECK(app.text_size() == ui::max_text_size);
    // Choosing a theme saves sound settings over the broken ones.
    app.show(ui::Screen::settings);
    ui.frames(2);
    ui.click(tr("theme.dark"));
    CHECK(app.last_error().empty());
    CHECK(store.find_learner("Skæv")->theme == "dark");
}

TEST_CASE("a busy database: the window goes on, shows the save problem as a line, and saves once it can") {
    TempDir data;
    Store store(data.path);
    store.set_lock_waits({std::chrono::milliseconds(20), std::chrono::milliseconds(0)});
    const std::int64_t id = store.create_learner("Travl", "da").id;
    set_ui_language("da");
    const CoursePtr course = load_course(bundled_course_dir(), "da").course;
    ui::App app(course, bundled_course_dir(), &store, ui::AppOptions{"Travl", "da"});
    Headless ui(app);
    ui.frames(2);
    // Another program takes the write lock, as an sqlite3 shell left in a transaction would.
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(store.path().c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    ui.click(tr("home.start"));
    ui.click(tr("nav.next"));
    Session& s = *app.session();
    CHECK(app.screen() == ui::Screen::lesson);
    CHECK(s.position() == Position{0, 1});  // the learner went on
    CHECK(store.pending() > 0);
    CHECK(app.last_error().empty());  // no error, no dialog: a line above the screen
    REQUIRE(ui.has("save-problem"));
    CHECK(app.save_problem().find("locked") != std::string::npos);
    CHECK_FALSE(app.flush_records(std::chrono::milliseconds(50)));
    CHECK(app.unsaved_message().find(store.path().string()) != std::string::npos);
    app.retry_records();
    ui.frames(2);
    CHECK(ui.has("save-problem"));  // still locked
    // The other program lets go: the next retry (the window's, once a second) saves it all.
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    app.retry_records();
    ui.frames(2);
    CHECK_FALSE(ui.has("save-problem"));
    CHECK(store.pending() == 0);
    CHECK(store.progress(id, *course).position == Position{0, 1});
    CHECK(app.flush_records(std::chrono::milliseconds(50)));
}

TEST_CASE("a name of 100 Greek letters fits the name field whole") {
    Fixture f("");
    std::string name;
    for (int i = 0; i < 100; ++i) name += "λ";  // 200 bytes: more than the field once held
    f.ui->click("##name");
    f.ui->type(name);
    f.ui->key(ui::keys::enter);
    f.ui->frames(2);
    CHECK(f.app->screen() == ui::Screen::home);
    CHECK(f.app->learner_name() == name);
}

TEST_CASE("the table of contents takes the learner to any page of the lesson and marks what was read") {
    Fixture f;
    f.ui->click(tr("home.start"));
    Session& s = *f.app->session();
    const Lesson& lesson = f.course->lessons[0];
    const std::string third = fmt::format("  {}##toc2", lesson.sections[2].heading.plain());
    f.ui->click(third);
    CHECK(s.position() == Position{0, 2});
    f.ui->frames(2);
    // Read, it is ticked; the second page, skipped, is not.
    CHECK(f.ui->has(fmt::format("✓ {}##toc2", lesson.sections[2].heading.plain())));
    CHECK(f.ui->has(fmt::format("  {}##toc1", lesson.sections[1].heading.plain())));
}
