// The text player: the same course, session and records as the window, as
// plain lines on a terminal. For screen-reader users (Dear ImGui is
// invisible to them), machines without a display, and scripts.
#pragma once

#include <iosfwd>
#include <string>

#include "course/model.hpp"
#include "records/store.hpp"

namespace lektion {

struct TextPlayerOptions {
    std::string learner;    // empty: ask
    std::string language;   // interface language
    int columns = 72;       // wrap width
    std::string watch_dir;  // --watch: reload the course from here when it changes
};

// Runs until the learner quits or input ends; progress is saved as it goes.
int run_text_player(CoursePtr course, Store* store, const TextPlayerOptions& options, std::istream& in,
                    std::ostream& out);

}  // namespace lektion
