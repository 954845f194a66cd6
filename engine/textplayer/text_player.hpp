// The text player: the same course, session and records as the window, as
// plain lines on a terminal. For screen-reader users (Dear ImGui is
// invisible to them), machines without a display, and scripts.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

#include "course/model.hpp"
#include "records/store.hpp"

namespace lektion {

struct TextPlayerOptions {
    std::string learner;    // empty: ask
    std::string language;   // interface language
    int columns = 72;       // wrap width (terminal_columns())
    std::string watch_dir;  // --watch: reload the course from here when it changes
    // On quitting, how long to wait for another program to let go of the records.
    std::chrono::milliseconds quit_wait{10'000};
    // A PIN is read from the terminal without echo (records/secret_input.hpp)
    // when standard input is one; otherwise as a line of `in`, like the rest.
    bool secret_from_terminal = false;
};

// Runs until the learner quits or input ends; progress is saved as it goes.
// A busy database never ends it: steps wait in the store, are retried at
// each prompt (the store's save problem is printed when there is one) and
// flushed on quitting. 0, or 1 when something could not be saved. Nothing
// it prints holds a control character: everything passes terminal_safe()
// (ControlStyle::replaced), course text and records alike.
int run_text_player(CoursePtr course, Store* store, const TextPlayerOptions& options, std::istream& in,
                    std::ostream& out);

// --- the terminal ------------------------------------------------------------

inline constexpr int default_columns = 72, min_columns = 20, max_columns = 200;

// The wrap width: $COLUMNS when it is a number, else the width of the
// terminal on `fd` when it is one, else 72; held between 20 and 200.
int terminal_columns(const char* columns_env, int fd);

// --- the learner's lines -----------------------------------------------------

inline constexpr std::size_t max_line_bytes = 4096;
// A "line" that goes on this long (say /dev/zero) is not typed text: the end of the input.
inline constexpr std::size_t max_discarded_bytes = std::size_t{16} << 20;

enum class LineRead { line, too_long, end };

// One line without its line feed, of at most `max_bytes`: the rest of a
// longer line is read and dropped (too_long). `end` at the end of the input,
// and after `give_up` bytes of one line.
LineRead read_line(std::istream& in, std::string& line, std::size_t max_bytes = max_line_bytes,
                   std::size_t give_up = max_discarded_bytes);

}  // namespace lektion
