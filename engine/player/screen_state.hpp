// What each screen keeps from one frame to the next: one struct a screen, as
// Tracy keeps each window's state beside its view, and App holds one of each.
// State goes in one of two ways, the same for every screen:
//  - reset(): another learner or another course. Everything goes, the place
//    too: on a shared PC nothing one learner chose, typed or saw is left for
//    the next.
//  - texts_changed(): the same course reloaded (--watch) or in another
//    language. What was laid out from the old texts or points into them goes;
//    the place and what the learner chose or typed stay, as the session keeps
//    their place and their answers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "player/rich_text.hpp"
#include "session/session.hpp"

namespace lektion::ui {

enum class Screen { learners, home, lesson, quiz, about, settings, trainer };
enum class QuizPage { intro, question, review, result };

// A screen whose only state is the layouts of what it draws.
struct TextScreen {
    LayoutCache layouts;
    void reset() { layouts.clear(); }
    void texts_changed() { layouts.clear(); }
};

struct LearnersScreen {
    char new_name[4 * 100 + 1] = {};  // a name of 100 characters (max_name_length) in any script
    LayoutCache layouts;
    void reset() { new_name[0] = 0, layouts.clear(); }
    void texts_changed() { layouts.clear(); }
};

struct LessonScreen {
    std::map<std::string, std::vector<std::string>> chosen;  // check questions, before answering
    std::map<std::string, Evaluation> evaluations;  // shown after answering; they point into the texts
    std::map<std::string, std::string> drafts;      // answers being typed, by question and part
    bool scroll_to_top = false;
    LayoutCache layouts;
    void reset() {
        chosen.clear(), evaluations.clear(), drafts.clear(), scroll_to_top = true, layouts.clear();
    }
    void texts_changed() { evaluations.clear(), layouts.clear(); }
};

struct QuizScreen {
    QuizPage page = QuizPage::intro;
    int index = 0;                              // the question shown, in the attempt's order
    bool from_review = false;                   // opened by a Change in the review: the way back is offered
    std::map<std::string, std::string> drafts;  // answers being typed, by question and part
    LayoutCache layouts;
    void reset() { page = QuizPage::intro, index = 0, from_review = false, drafts.clear(), layouts.clear(); }
    void texts_changed() { layouts.clear(); }
};

struct Screens {
    LearnersScreen learners;
    TextScreen home, about, settings, trainer;
    LessonScreen lesson;
    QuizScreen quiz;

    // Every screen's state, in one list: what is done to one is done to all.
    template <typename F>
    void each(F f) {
        f(learners), f(home), f(lesson), f(quiz), f(about), f(settings), f(trainer);
    }
    void reset() {
        each([](auto& screen) { screen.reset(); });
    }
    void texts_changed() {
        each([](auto& screen) { screen.texts_changed(); });
    }
    void fonts_changed() {
        each([](auto& screen) { screen.layouts.clear(); });
    }
    LayoutCache& layouts(Screen screen) {
        switch (screen) {
            case Screen::learners: return learners.layouts;
            case Screen::home: return home.layouts;
            case Screen::lesson: return lesson.layouts;
            case Screen::quiz: return quiz.layouts;
            case Screen::about: return about.layouts;
            case Screen::settings: return settings.layouts;
            case Screen::trainer: return trainer.layouts;
        }
        IM_ASSERT(false && "Screens::layouts: a screen without its state");
        return home.layouts;
    }
};

}  // namespace lektion::ui
