// The screenshot tour (play --screenshot DIR): test machinery, not part of the
// player a learner uses. It visits each screen once, as a learner would reach
// it, and saves a picture of each as DIR/NN-name.png.
//
// What it visits is a table of stops (tour_stops() in screenshot_tour.cpp),
// each saying where to go in terms any course has (the first lesson's start,
// the first page with a case study, each lesson's check) rather than the
// bundled course's page numbers: what a course lacks is skipped, so any course
// can be toured. To add a screen to the tour, append a stop to that table.
//
// The tour plays the course (lessons read, checks answered, a quiz submitted),
// so the caller gives it a throwaway store (play --screenshot does).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "player/app.hpp"

namespace lektion::ui {

// What the tour needs of the front end: a frame drawn, and the last one saved.
struct TourCamera {
    std::function<void()> draw;                    // one frame, not yet shown
    std::function<bool(const std::string&)> save;  // shows the frame and writes it as a PNG
};

struct Tour;

// A place in the course, said in terms any course has; resolved when the stop
// is reached. A place the course lacks skips the stop.
struct TourPage {
    enum Kind {
        none,          // stay where the learner is
        home,          // the course home (the session leaves its lesson)
        lesson_start,  // open `lesson` at its first unviewed page
        lesson_page,   // page `page` of `lesson`, each clamped to what the course has
        check,         // the attention check closing `lesson` (skipped when it has none)
        case_study,    // the first page with a case-study callout
    };
    Kind kind = none;
    int lesson = 0, page = 0;
};

// One stop of the tour: where to go, how the window looks, what else to set up,
// then one picture named `name`. Fields apply in the order declared; `setup`
// comes last, so it may draw frames of its own (a gate answering needs some).
struct TourStop {
    std::string name{};                 // empty: a step that takes no picture (reading every lesson, say)
    std::function<bool(Tour&)> when{};  // null: always
    TourPage place{};
    std::optional<Screen> screen{};
    std::optional<Theme> theme{};
    std::optional<float> text_size{};
    std::string language{};  // the interface's and the course's; empty: unchanged
    std::function<void(Tour&)> setup{};
    // Stops known only when this one is reached (a shot per question type drawn
    // for the attempt, a shot per lesson check): taken in place of this stop.
    std::function<std::vector<TourStop>(Tour&)> expand{};
};

// The tour under way: the player, its session, and the camera.
struct Tour {
    App& app;
    Session& session;
    TourCamera& camera;
    void settle();  // draws until the gate's worker has answered
};

// The default tour: every screen of the player, light, dark and high contrast.
std::vector<TourStop> tour_stops();

// Takes the pictures; 0 when each was written, 1 when one could not be, 2 when
// there is no learner to tour as (said on stderr).
int screenshot_tour(App& app, TourCamera& camera, const std::string& dir,
                    const std::vector<TourStop>& stops = tour_stops());

}  // namespace lektion::ui
