// Read aloud in the window: the controls are App members (read_aloud.cpp);
// these are for the window around the screens and for tests.
#pragma once

namespace lektion::ui {

// Called on the speech thread whenever the sentence being read changes, so
// that a window waiting for events draws the new highlight (glfwPostEmptyEvent).
// Null: nothing to wake; reading stops.
void read_aloud_wake(void (*wake)());

// For tests: speech into nothing at a device's pace, as where there is no sound server.
void read_aloud_null_output(bool null_output);

// GLFW's key codes (app.hpp's keys namespace): Ctrl+R reads the page, Escape stops.
namespace read_keys {
constexpr int r = 82, escape = 256;
}

}  // namespace lektion::ui
