// The desktop front end: a GLFW window with an OpenGL 3.3 context, and a
// main loop that sleeps until something happens.
#pragma once

#include <string>

#include "player/app.hpp"

namespace lektion::ui {

struct WindowOptions {
    std::string screenshot_dir;           // render each screen once into PNGs, then exit
    bool watch = false;                   // poll the course folder for a trainer's edits
    int quit_after_frames = 0;            // for benchmarks: draw this many frames, then exit
    int open_lesson = -1, open_page = 0;  // for benchmarks: start on this page
    int width = 1180, height = 800;
};

// 0 on a normal close, 3 when no display could be opened (after saying so).
int run_window(App& app, const WindowOptions& options);

}  // namespace lektion::ui
