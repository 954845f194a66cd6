#include "player/screenshot_tour.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "questions/registry.hpp"

namespace lektion::ui {

namespace {

constexpr std::uint64_t tour_quiz_seed = 2016;  // any fixed number

bool has_case_study(const std::vector<Block>& blocks) {
    for (const Block& b : blocks)
        if ((b.kind == BlockKind::callout && b.callout_kind == CalloutKind::case_study) ||
            has_case_study(b.children))
            return true;
    return false;
}

// Goes to `place`; false (and nowhere) when the course has no such place.
bool go(Session& s, const TourPage& place) {
    const auto& lessons = s.course().lessons;
    const int count = static_cast<int>(lessons.size());
    switch (place.kind) {
        case TourPage::none: return true;
        case TourPage::home: s.go_home(); return true;
        case TourPage::lesson_start:
            if (place.lesson >= count) return false;
            s.open_lesson(place.lesson);
            return true;
        case TourPage::lesson_page: {
            if (count == 0) return false;
            const int l = std::min(place.lesson, count - 1);
            s.go_to({l, std::min(place.page, s.page_count(l) - 1)});
            return true;
        }
        case TourPage::check:
            if (place.lesson >= count || lessons[static_cast<std::size_t>(place.lesson)].checks.empty())
                return false;
            s.go_to({place.lesson, s.page_count(place.lesson) - 1});
            return true;
        case TourPage::case_study:
            for (int l = 0; l < count; ++l)
                for (int p = 0; p < s.page_count(l); ++p)
                    if (const Section* section = s.section({l, p});
                        section && has_case_study(section->blocks)) {
                        s.go_to({l, p});
                        return true;
                    }
            return false;
    }
    return false;
}

// The first option of each choice: right or wrong, it opens the way on; questions of other types
// (matching, ordering, fill-in, numeric) get their right answer.
void answer_checks(Session& s, const Lesson& l) {
    for (const Question& q : l.checks) {
        const QuestionType& type = question_type(q);
        if (type.has_parts() || q.options.empty()) s.answer_check(q.id, type.right_answer(q));
        else s.answer_check(q.id, {q.options.front().id});
    }
}

bool quiz_open(Tour& t) { return t.session.current_attempt() != nullptr; }
bool has_store(Tour& t) { return t.app.store() != nullptr; }

// The store's delay after a refusal: the next try is heard after it.
void wait_out_refusal() { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); }

class Runner {
public:
    Runner(TourCamera& camera, const std::string& dir) : camera_(camera), dir_(dir) {}

    void snap(const std::string& name) {
        for (int i = 0; i < 3; ++i) camera_.draw();  // ImGui sizes windows over a couple of frames
        ++shot_;
        const std::string path = fmt::format("{}/{:02}-{}.png", dir_, shot_, name);
        if (!camera_.save(path)) ++failed_;
        std::printf("%s\n", path.c_str());
    }

    void visit(Tour& tour, const TourStop& stop) {
        if (stop.when && !stop.when(tour)) return;
        if (stop.expand) {
            for (const TourStop& each : stop.expand(tour)) visit(tour, each);
            return;
        }
        if (!go(tour.session, stop.place)) return;
        App& app = tour.app;
        if (stop.screen) app.show(*stop.screen);
        if (stop.theme) app.set_theme(*stop.theme);
        if (stop.text_size) app.set_text_size(*stop.text_size);
        if (!stop.language.empty()) app.set_language(stop.language);
        if (stop.setup) stop.setup(tour);
        if (!stop.name.empty()) snap(stop.name);
    }

    int failed() const { return failed_; }

private:
    TourCamera& camera_;
    std::string dir_;
    int shot_ = 0, failed_ = 0;
};

}  // namespace

void Tour::settle() {
    while (app.gate_busy()) camera.draw(), std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

std::vector<TourStop> tour_stops() {
    // What the stops keep between them: the learner's own theme, for the screens after the gates.
    struct Kept {
        Theme own = Theme::light;
        Learner other;
    };
    auto kept = std::make_shared<Kept>();
    std::vector<TourStop> stops;
    auto add = [&](TourStop s) { stops.push_back(std::move(s)); };

    add({.name = "learners", .screen = Screen::learners});
    add({.name = "home", .screen = Screen::home});
    add({.name = "lesson", .place = {TourPage::lesson_start, 0}, .screen = Screen::lesson});
    add({.name = "lesson-case-study", .place = {TourPage::case_study}});
    add({.name = "attention-check", .place = {TourPage::check, 0}, .setup = [](Tour& t) {
             answer_checks(t.session, t.session.course().lessons.front());
         }});
    // Every other lesson's check, unanswered: the tour's second lesson has the types with parts.
    add({.expand = [](Tour& t) {
        std::vector<TourStop> each;
        for (int l = 1; l < static_cast<int>(t.session.course().lessons.size()); ++l)
            each.push_back({.name = fmt::format("check-{}", l + 1), .place = {TourPage::check, l}});
        return each;
    }});
    // Read everything so that the quiz opens.
    add({.setup = [](Tour& t) {
        Session& s = t.session;
        for (int l = 0; l < static_cast<int>(s.course().lessons.size()); ++l) {
            for (int p = 0; p < s.page_count(l); ++p) s.go_to({l, p});
            answer_checks(s, s.course().lessons[static_cast<std::size_t>(l)]);
        }
    }});
    add({.name = "home-progress", .place = {TourPage::home}, .screen = Screen::home});

    // --- the quiz: its intro, a question of each type it draws, the review, the result ------------
    const auto has_quiz = [](Tour& t) { return t.session.course().quiz.has_value(); };
    add({.name = "quiz-intro", .when = has_quiz, .screen = Screen::quiz, .setup = [](Tour& t) {
             t.app.set_quiz_page(QuizPage::intro);
         }});
    // The same draw every run, so that two runs' screenshots compare pixel for pixel.
    add({.when = has_quiz, .setup = [](Tour& t) { t.session.start_quiz(tour_quiz_seed); }});
    add({.name = "quiz-question", .when = quiz_open, .setup = [](Tour& t) {
             t.app.set_quiz_page(QuizPage::question, 2);
         }});
    add({.when = quiz_open, .expand = [](Tour& t) {
             std::vector<TourStop> each;
             std::set<std::string> types;
             const std::vector<std::string> drawn = t.session.current_attempt()->questions;
             for (std::size_t i = 0; i < drawn.size(); ++i)
                 if (const Question* q = t.session.quiz_question(drawn[i]); q && types.insert(q->type).second)
                     each.push_back({.name = fmt::format("quiz-{}", q->type), .setup = [i](Tour& t) {
                                         t.app.set_quiz_page(QuizPage::question, static_cast<int>(i));
                                     }});
             return each;
         }});
    add({.name = "quiz-review", .when = quiz_open, .setup = [](Tour& t) {
             Session& s = t.session;
             // Copied: answering changes the attempt.
             const std::vector<std::string> questions = s.current_attempt()->questions;
             for (const std::string& id : questions)
                 if (const Question* q = s.quiz_question(id))
                     s.answer_quiz(id, question_type(*q).right_answer(*q));
             if (!questions.empty()) s.answer_quiz(questions.front(), {});  // one unanswered, in red
             t.app.set_quiz_page(QuizPage::review);
         }});
    add({.name = "quiz-result", .when = quiz_open, .setup = [](Tour& t) {
             t.session.submit_quiz();
             t.app.set_quiz_page(QuizPage::result);
         }});

    // --- who may see what: the trainer passphrase chosen, asked for and refused, then the report;
    // a learner's PIN asked for and refused, light and dark --------------------------------------
    add({.name = "trainer-passphrase-new",
         .when = has_store,
         .screen = Screen::trainer,
         .setup = [kept](Tour& t) {
             kept->own = t.app.theme();  // the learner's, for the screens after these
             t.app.lock();
         }});
    add({.name = "trainer-passphrase", .when = has_store, .setup = [](Tour& t) {
             t.app.store()->set_trainer_passphrase("tour passphrase");
             t.app.lock();
         }});
    const auto refused = [](const char* secret) {
        return [secret](Tour& t) {
            t.app.type_secret(secret);
            t.camera.draw();
            t.settle();
        };
    };
    add({.name = "trainer-passphrase-refused", .when = has_store, .setup = refused("not the passphrase")});
    add({.name = "trainer-report", .when = has_store, .setup = [refused](Tour& t) {
             wait_out_refusal();
             refused("tour passphrase")(t);
         }});
    add({.name = "learner-pin", .when = has_store, .theme = Theme::light, .setup = [kept](Tour& t) {
             Store& store = *t.app.store();
             store.set_learner_pins_enabled(true);
             kept->other = store.find_or_create_learner("Kim");
             store.set_learner_pin(kept->other.id, "4711");
             t.app.lock();
             t.app.ask_learner(kept->other);
         }});
    add({.name = "learner-pin-refused", .when = has_store, .setup = refused("0000")});
    add({.name = "dark-learner-pin", .when = has_store, .theme = Theme::dark, .setup = [kept](Tour& t) {
             wait_out_refusal();  // heard again: refused, 2 s
             t.app.lock();
             t.app.ask_learner(kept->other);
         }});
    add({.name = "dark-learner-pin-refused", .when = has_store, .setup = refused("0000")});
    add({.name = "dark-trainer-passphrase-refused",
         .when = has_store,
         .screen = Screen::trainer,
         .setup = [](Tour& t) {
             t.app.lock();
             t.camera.draw();
             t.app.type_secret("not the passphrase either");
             t.camera.draw();
             t.settle();
         }});
    add({.when = has_store, .setup = [kept](Tour& t) {
             t.app.lock();
             t.app.set_theme(kept->own);
         }});
    add({.name = "trainer-report", .when = [](Tour& t) { return !has_store(t); }, .screen = Screen::trainer});

    add({.name = "about", .screen = Screen::about});
    add({.name = "settings", .screen = Screen::settings});
    // The second lesson's check (the tour's types with parts), dark, before the dark lesson page the
    // large-text shot goes on from.
    add({.name = "dark-check-2",
         .place = {TourPage::check, 1},
         .screen = Screen::lesson,
         .theme = Theme::dark});
    add({.name = "dark-lesson",
         .place = {TourPage::lesson_page, 1, 1},
         .screen = Screen::lesson,
         .theme = Theme::dark});
    add({.name = "contrast-home", .screen = Screen::home, .theme = Theme::contrast});
    add({.name = "large-text", .screen = Screen::lesson, .theme = Theme::light, .text_size = 28.0f});
    return stops;
}

int screenshot_tour(App& app, TourCamera& camera, const std::string& dir,
                    const std::vector<TourStop>& stops) {
    std::filesystem::create_directories(dir);
    Runner runner(camera, dir);
    if (!app.session()) runner.snap("learners");  // who may play, and no further
    if (!app.session()) {
        std::fprintf(stderr, "lektion: --screenshot needs --learner NAME\n");
        return 2;
    }
    Tour tour{app, *app.session(), camera};
    for (const TourStop& stop : stops) runner.visit(tour, stop);
    return runner.failed() ? 1 : 0;
}

}  // namespace lektion::ui
