// Every question type in the window, by keyboard alone (Tab, Space, Enter,
// arrows, typing) and by mouse, on the tour course, in Danish and English.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "../yesno_type.hpp"
#include "headless.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "player/question_widgets.hpp"
#include "questions/registry.hpp"
#include "raster.hpp"
#include "resources/paths.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

struct TourFixture {
    std::filesystem::path data =
        std::filesystem::temp_directory_path() / fmt::format("lektion-types-{:x}", std::random_device{}());
    std::filesystem::path course_dir = resource_dir("content") / "tour";
    CoursePtr course;
    std::unique_ptr<Store> store;
    std::unique_ptr<ui::App> app;
    std::unique_ptr<Headless> ui;

    explicit TourFixture(const std::string& lang) {
        set_ui_language(lang);
        const LoadResult r = load_course(course_dir, lang);
        REQUIRE(r.course);
        course = r.course;
        store = std::make_unique<Store>(data);
        app = std::make_unique<ui::App>(course, course_dir, store.get(), ui::AppOptions{"Tast", lang});
        ui = std::make_unique<Headless>(*app);
        ui->frames(2);
    }
    ~TourFixture() {
        ui.reset(), app.reset(), store.reset();
        std::filesystem::remove_all(data);
    }

    // A lesson read and its checks answered right, through the session.
    void complete_lesson(int l) {
        Session& s = *app->session();
        for (int p = 0; p < s.page_count(l); ++p) s.go_to({l, p});
        for (const Question& q : course->lessons[static_cast<std::size_t>(l)].checks)
            s.answer_check(q.id, question_type(q).right_answer(q));
    }
    // Every lesson: the quiz opens.
    void complete_lessons() {
        for (int l = 0; l < static_cast<int>(course->lessons.size()); ++l) complete_lesson(l);
    }

    // Lesson 2's check page, lesson 1 done through the session.
    void to_lesson_two_check() {
        Session& s = *app->session();
        complete_lesson(0);
        for (int p = 0; p < s.page_count(1); ++p) s.go_to({1, p});
        app->show(ui::Screen::lesson);
        ui->frames(2);
        REQUIRE(s.is_check_page(s.position()));
    }

    const Question& check(const std::string& id) {
        for (const Question& q : course->lessons[1].checks)
            if (q.id == id) return q;
        FAIL("no check question " << id);
        return course->lessons[1].checks[0];
    }

    // Answers a question on screen right, as a learner would: options and matching by keyboard (Tab,
    // Space, Enter, arrows), the ordering buttons with the mouse, gaps and numbers typed.
    void answer_right(const Question& q) {
        ui->frames(2);  // the feedback of the question above has settled the layout
        const QuestionType& type = question_type(q);
        const std::vector<std::string> right = type.right_answer(q);
        if (q.type == "single" || q.type == "truefalse" || q.type == "multiple") {
            for (const std::string& id : right) choose_option(q, id);
        } else if (q.type == "matching") {
            for (const Option& item : q.options) {
                INFO(item.id);
                REQUIRE(ui->focus(tr("quiz.pick_match") + "##" + item.id));
                ui->key(ui::keys::enter);  // opens the list
                ui->frames(2);
                for (std::size_t t = 0; t < q.targets.size() && q.targets[t].id != item.match; ++t)
                    ui->key(ui::keys::down);
                ui->key(ui::keys::enter);
                ui->frames(2);
            }
        } else if (q.type == "ordering") {
            // Where each item is now: the height of its Move down button.
            auto shown = [&] {
                std::vector<std::string> ids = right;
                std::sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
                    return app->widgets().at(tr("quiz.move_down") + "##" + a).min.y <
                           app->widgets().at(tr("quiz.move_down") + "##" + b).min.y;
                });
                return ids;
            };
            if (ui->has(tr("quiz.keep_order"))) ui->click(tr("quiz.keep_order"));
            for (std::size_t place = 0; place < right.size(); ++place)
                for (std::vector<std::string> now = shown(); now[place] != right[place]; now = shown()) {
                    ui->click(tr("quiz.move_up") + "##" + right[place]);
                    ui->frames(1);
                }
        } else if (q.type == "fillin") {
            for (std::size_t gap = 0; gap < q.options.size(); ++gap)
                type_into(q.options[gap].label.plain(), right[gap]);
        } else if (q.type == "numeric") {
            type_into(q.prompt.plain(), right[0]);
        } else {
            FAIL("no way to answer a " << q.type << " question in this test");
        }
    }
    void choose_option(const Question& q, const std::string& id) {  // "B) words##id"
        std::string found;  // a copy: clicking draws frames, which rebuild the widgets
        for (const auto& [label, rect] : app->widgets())
            if (label.ends_with("##" + id)) found = label;
        if (found.empty()) FAIL("no option " << id << " of " << q.id << " on screen");
        REQUIRE(ui->focus(found));  // by keyboard: Tab to it, Space takes it
        ui->key(ui::keys::space);
        ui->frames(1);
    }
    void type_into(const std::string& field, const std::string& text) {
        ui->click(field);
        ui->frames(1);
        ui->type(text);
        ui->frames(1);
        ui->key(ui::keys::enter);
        ui->frames(2);
    }

    // The Answer button under a question, reached by Tab and pressed with Enter.
    void answer_by_keyboard(const Question& q) {
        REQUIRE(ui->focus(tr("lesson.answer") + "##" + q.id));
        ui->key(ui::keys::enter);
        ui->frames(1);
    }
};

}  // namespace

TEST_CASE("the tour in Danish: matching and ordering by keyboard alone, fill-in and numeric typed") {
    TourFixture f("da");
    Session& s = *f.app->session();
    f.complete_lessons();
    REQUIRE(s.start_quiz(11));
    const std::vector<std::string> drawn = s.current_attempt()->questions;
    auto page_of = [&](const std::string& id) {
        const int index = static_cast<int>(std::find(drawn.begin(), drawn.end(), id) - drawn.begin());
        f.app->show(ui::Screen::quiz);
        f.app->set_quiz_page(ui::QuizPage::question, index);
        f.ui->frames(2);
        return s.quiz_question(id);
    };
    auto answer = [&](const std::string& id) {
        const QuizAttempt* a = s.current_attempt();
        auto it = a->answers.find(id);
        return it == a->answers.end() ? std::vector<std::string>{} : it->second.chosen;
    };

    // Matching: a button per item names its target; Enter opens the list, arrows choose, Enter takes.
    const Question& match = *page_of("quiz.match");
    const std::vector<std::string> items = s.current_attempt()->order.at("quiz.match");
    for (const std::string& item_id : items) {
        const Option* item = match.option(item_id);
        REQUIRE(f.ui->focus(tr("quiz.pick_match") + "##" + item_id));
        f.ui->key(ui::keys::enter);  // opens the list
        f.ui->frames(2);
        int target = 0;
        for (std::size_t t = 0; t < match.targets.size(); ++t)
            if (match.targets[t].id == item->match) target = static_cast<int>(t);
        for (int down = 0; down < target; ++down) f.ui->key(ui::keys::down);
        f.ui->key(ui::keys::enter);  // takes the target
        f.ui->frames(2);
    }
    CHECK(question_type(match).evaluate(match, answer("quiz.match")).correct);

    // Ordering: Move up buttons, reached by Tab, pressed with Space.
    const Question& order = *page_of("quiz.order");
    const std::vector<std::string> right = question_type(order).right_answer(order);
    std::vector<std::string> now = s.current_attempt()->order.at("quiz.order");
    for (std::size_t place = 0; place < right.size(); ++place) {
        auto at = static_cast<std::size_t>(std::find(now.begin(), now.end(), right[place]) - now.begin());
        while (at > place) {
            REQUIRE(f.ui->focus(tr("quiz.move_up") + "##" + right[place]));
            f.ui->key(ui::keys::space);
            f.ui->frames(1);
            std::swap(now[at], now[at - 1]);
            --at;
        }
    }
    CHECK(answer("quiz.order") == right);

    // Fill-in: Tab into each field (it takes the typing at once), type (accents and case ignored), Enter
    // leaves it.
    const Question& fill = *page_of("quiz.fill");
    for (const auto& [gap, typed] : {std::pair{0, "TO GANGE"}, std::pair{1, "en gang"}}) {
        REQUIRE(f.ui->focus(fill.options[static_cast<std::size_t>(gap)].label.plain()));
        f.ui->frames(1);
        f.ui->type(typed);
        f.ui->frames(1);
        f.ui->key(ui::keys::enter);
        f.ui->frames(2);
    }
    CHECK(answer("quiz.fill") == std::vector<std::string>{"TO GANGE", "en gang"});
    CHECK(question_type(fill).evaluate(fill, answer("quiz.fill")).correct);

    // Numeric: a Danish decimal comma, typed after Tab.
    const Question& number = *page_of("quiz.number");
    REQUIRE(f.ui->focus(number.prompt.plain()));
    f.ui->frames(1);
    f.ui->type("80,3");
    f.ui->frames(1);
    f.ui->key(ui::keys::enter);
    f.ui->frames(2);
    CHECK(answer("quiz.number") == std::vector<std::string>{"80.3"});
}

TEST_CASE("the tour end to end in the window: every page read, every check and the quiz answered right") {
    TourFixture f("en");
    Session& s = *f.app->session();
    f.ui->click(tr("home.start"));
    REQUIRE(f.app->screen() == ui::Screen::lesson);
    for (std::size_t l = 0; l < f.course->lessons.size(); ++l) {
        while (!s.is_check_page(s.position())) f.ui->click(tr("nav.next"));
        f.ui->frames(3);  // a new page settles its layout (scroll back to the top) over a frame or two
        for (const Question& q : f.course->lessons[l].checks) {
            INFO(q.id);
            f.answer_right(q);
            f.ui->click(tr("lesson.answer") + "##" + q.id);
            f.ui->frames(1);
            INFO(f.ui->screen_text());
            REQUIRE(s.check_answer(q.id));
            CHECK(s.check_answer(q.id)->correct);
        }
        CHECK(s.lesson_complete(static_cast<int>(l)));
        f.ui->click(tr("nav.next"));  // the next lesson, or home after the last
        f.ui->frames(2);
    }
    if (f.app->screen() != ui::Screen::home) f.ui->click(tr("nav.home"));
    f.ui->click(tr("home.quiz_take"));
    f.ui->click(tr("quiz.start"));
    REQUIRE(f.app->quiz_page() == ui::QuizPage::question);
    const std::vector<std::string> questions = s.current_attempt()->questions;
    CHECK(questions.size() == f.course->quiz->questions.size());
    for (std::size_t i = 0; i < questions.size(); ++i) {
        f.answer_right(*s.quiz_question(questions[i]));
        f.ui->click(i + 1 < questions.size() ? tr("nav.next") : tr("quiz.review"));
        f.ui->frames(1);
    }
    REQUIRE(f.app->quiz_page() == ui::QuizPage::review);
    f.ui->click(tr("quiz.submit"));
    REQUIRE(f.app->quiz_page() == ui::QuizPage::result);
    REQUIRE(s.progress().last_score());
    CHECK(s.progress().last_score()->scaled == Approx(1.0));
    CHECK(s.course_complete());
}

TEST_CASE("Tab goes into a text field, which takes the typing, and out of it again, which keeps it") {
    TourFixture f("en");
    f.to_lesson_two_check();
    const Question& fill = f.check("l2.check.fill");
    const Question& number = f.check("l2.check.number");
    REQUIRE(f.ui->focus(fill.options[0].label.plain()));
    f.ui->type("Clamp");
    f.ui->key(ui::keys::tab);  // leaves the field for the next control: no keyboard trap
    f.ui->frames(1);
    CHECK(f.ui->nav_id() != f.app->widgets().at(fill.options[0].label.plain()).id);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    REQUIRE(f.ui->focus(number.prompt.plain()));  // on by Tab to the number's field
    f.ui->type("80");
    f.ui->key(ui::keys::tab);  // and out of that one too
    f.ui->frames(1);
    CHECK(f.ui->nav_id() != f.app->widgets().at(number.prompt.plain()).id);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    f.answer_by_keyboard(fill);
    f.answer_by_keyboard(number);
    Session& s = *f.app->session();
    REQUIRE(s.check_answer(fill.id));
    CHECK(s.check_answer(fill.id)->chosen == std::vector<std::string>{"Clamp"});
    CHECK(s.check_answer(fill.id)->correct);
    REQUIRE(s.check_answer(number.id));
    CHECK(s.check_answer(number.id)->correct);
}

TEST_CASE("what one learner typed and did not answer is not in the next learner's field") {
    // A shared classroom PC: a learner types a word where a number belongs, leaves the field (it keeps
    // the words, with a note on what a number is) and hands over to another learner.
    TourFixture f("en");
    f.to_lesson_two_check();
    const Question& number = f.check("l2.check.number");
    f.type_into(number.prompt.plain(), "twelve");
    REQUIRE_FALSE(f.app->session()->check_answer(number.id));
    const std::string hint = "number-hint##" + number.id;
    REQUIRE(f.ui->has(hint));  // the words stay, and the note on what a number is
    f.app->ask_learner(f.store->find_or_create_learner("Next", "en"));
    f.ui->frames(2);
    REQUIRE(f.app->learner_name() == "Next");
    f.to_lesson_two_check();
    // Their field is empty, with no note: what they type is their number alone, and it answers.
    CHECK_FALSE(f.ui->has(hint));
    f.type_into(number.prompt.plain(), "80");
    f.answer_by_keyboard(number);
    const Answer* answered = f.app->session()->check_answer(number.id);
    REQUIRE(answered);
    CHECK(answered->correct);
}

TEST_CASE(
    "the quiz review's Change buttons, the same words under every question, each open their own and lead "
    "back") {
    TourFixture f("en");
    Session& s = *f.app->session();
    f.complete_lessons();
    REQUIRE(s.start_quiz(7));
    const std::vector<std::string> drawn = s.current_attempt()->questions;
    REQUIRE(drawn.size() >= 3);
    f.app->show(ui::Screen::quiz);
    for (const std::size_t n : {std::size_t{2}, std::size_t{0}}) {
        f.app->set_quiz_page(ui::QuizPage::review);
        f.ui->frames(2);
        f.ui->click(tr("quiz.edit") + "##" + drawn[n]);
        f.ui->frames(2);
        CHECK(f.app->quiz_page() == ui::QuizPage::question);
        const std::string shown =
            tr("quiz.question_of", {{"current", std::int64_t(n + 1)}, {"total", std::int64_t(drawn.size())}});
        CHECK(f.ui->screen_text().find(shown) != std::string::npos);
    }
    // From a question opened there, the review is one button away, as in the text player; not from the
    // same question reached by Next.
    REQUIRE(f.ui->has(tr("quiz.review")));
    const auto png = std::filesystem::path(LEKTION_BUILD_DIR) / "screenshots" / "quiz-from-review-en.png";
    write_frame_png(*f.ui->draw_data(), png);  // to look at
    f.ui->click(tr("quiz.review"));
    f.ui->frames(2);
    CHECK(f.app->quiz_page() == ui::QuizPage::review);
    f.app->set_quiz_page(ui::QuizPage::question, 0);
    f.ui->frames(2);
    CHECK_FALSE(f.ui->has(tr("quiz.review")));
}

TEST_CASE("partial credit in the window: parts right shown, the score adds the shares") {
    TourFixture f("en");
    Session& s = *f.app->session();
    f.complete_lessons();
    REQUIRE(s.start_quiz(3));
    const std::vector<std::string> drawn = s.current_attempt()->questions;  // answering rebuilds the attempt
    for (const std::string& qid : drawn) {
        const Question& q = *s.quiz_question(qid);
        std::vector<std::string> answer = question_type(q).right_answer(q);
        if (q.type == "matching") answer.pop_back();  // 2 of 3
        if (q.type == "fillin") answer[1] = "twice";  // 1 of 2
        REQUIRE(s.answer_quiz(qid, answer));
    }
    f.app->show(ui::Screen::quiz);
    f.app->set_quiz_page(ui::QuizPage::review);
    f.ui->frames(2);
    f.ui->click(tr("quiz.submit"));
    f.ui->frames(2);
    REQUIRE(f.app->quiz_page() == ui::QuizPage::result);
    const Score score = *s.progress().last_score();
    CHECK(score.raw == Approx(5 + 2.0 / 3 + 0.5));
    const std::string text = f.ui->screen_text();
    CHECK(text.find("Parts right: 2 of 3") != std::string::npos);
    CHECK(text.find("Parts right: 1 of 2") != std::string::npos);
    CHECK(text.find("◐") != std::string::npos);

    // The trainer report counts a first answer with some parts right as partly right, not as right.
    f.store->set_trainer_passphrase("the tour's trainer");
    f.app->show(ui::Screen::trainer);
    f.ui->frames(2);
    f.ui->click("##passphrase");
    f.ui->type("the tour's trainer");
    f.ui->key(ui::keys::enter);
    for (int i = 0; i < 3000 && f.app->gate_busy(); ++i) {
        f.ui->frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    f.ui->frames(3);
    const std::string report = f.ui->screen_text();
    INFO(report);
    const std::string none_right =
        tr("trainer.right_of", {{"correct", std::int64_t{0}}, {"answered", std::int64_t{1}}});
    const std::string partly = tr("trainer.partly", {{"partly", std::int64_t{1}}});
    CHECK(report.find(none_right + " " + partly) != std::string::npos);
}

TEST_CASE("the quiz's ordering question by mouse: the buttons move, Keep this order answers") {
    TourFixture f("en");
    Session& s = *f.app->session();
    f.complete_lessons();
    REQUIRE(s.start_quiz(5));
    const std::vector<std::string> questions = s.current_attempt()->questions;
    const int index =
        static_cast<int>(std::find(questions.begin(), questions.end(), "quiz.order") - questions.begin());
    f.app->show(ui::Screen::quiz);
    f.app->set_quiz_page(ui::QuizPage::question, index);
    f.ui->frames(2);
    const std::vector<std::string> shown = s.current_attempt()->order.at("quiz.order");
    CHECK_FALSE(s.current_attempt()->answers.count("quiz.order"));
    f.ui->click(tr("quiz.keep_order"));
    REQUIRE(s.current_attempt()->answers.count("quiz.order"));
    CHECK(s.current_attempt()->answers.at("quiz.order").chosen == shown);
    f.ui->frames(1);
    f.ui->click(tr("quiz.move_down") + "##" + shown[0]);
    std::vector<std::string> moved = shown;
    std::swap(moved[0], moved[1]);
    CHECK(s.current_attempt()->answers.at("quiz.order").chosen == moved);
}

// --- a type registered only in the tests, with its own widget ---------------

namespace {

// Two buttons; the one chosen is shown with a mark.
bool yesno_widget(ui::WidgetContext& c, const Question& q, const std::vector<std::string>&,
                  std::vector<std::string>& answer) {
    bool changed = false;
    for (const char* word : {"yes", "no"}) {
        const bool on = answer.size() == 1 && answer[0] == word;
        if (c.button(fmt::format("{}{}##{}", on ? "● " : "", word, q.id))) {
            answer = {word};
            changed = true;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    return changed;
}

}  // namespace

TEST_CASE("a question type from outside the engine, drawn by its own widget and answered by keyboard") {
    QuestionTypes::get().add(std::make_unique<test::YesNo>());
    ui::add_question_widget("yesno", yesno_widget);
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / fmt::format("lektion-yesno-{:x}", std::random_device{}());
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "course.xml") << R"(<course id="c" version="1" lang="en">
  <title id="t">T</title>
  <lessons><lesson href="l1.xml"/></lessons>
</course>)";
    std::ofstream(dir / "l1.xml") << R"(<lesson id="l1">
  <title id="l1.t">L</title>
  <section id="l1.s1"><heading id="l1.s1.h">H</heading><p id="l1.s1.p">P</p></section>
  <check><question id="l1.q" type="yesno" answer="no"><prompt id="l1.q.p">Is the sky green?</prompt></question></check>
</lesson>)";
    set_ui_language("en");
    const LoadResult r = load_course(dir, "en");
    REQUIRE(r.course);
    ui::App app(r.course, dir, nullptr, ui::AppOptions{"Y", "en"});
    Headless h(app);
    h.frames(2);
    Session& s = *app.session();
    s.go_to({0, 0});
    s.go_to({0, 1});
    app.show(ui::Screen::lesson);
    h.frames(2);
    REQUIRE(h.focus("no##l1.q"));
    h.key(ui::keys::space);
    REQUIRE(h.focus(tr("lesson.answer") + "##l1.q"));
    h.key(ui::keys::enter);
    REQUIRE(s.check_answer("l1.q"));
    CHECK(s.check_answer("l1.q")->chosen == std::vector<std::string>{"no"});
    CHECK(s.check_answer("l1.q")->correct);
    CHECK(s.lesson_complete(0));
    std::filesystem::remove_all(dir);
}
