// Text on its way to a terminal. Unit ids, file names and messages that
// quote them come from files anyone may have written, and the text player
// prints whole courses; an escape sequence in one would clear the screen,
// retitle the window or hide a line of a report.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// How what may not reach a terminal is shown instead.
enum class ControlStyle {
    // For diagnostics and reports: each control character as "\x1b", each
    // byte that is not UTF-8 as "\xff", so that an author sees what is there.
    escaped,
    // For learners (the text player): U+FFFD for each control character and
    // each byte that is not UTF-8, and one U+FFFD for a whole escape
    // sequence (CSI, OSC and the other strings), whose rest means nothing to a reader.
    replaced,
};

// `text` with every control character but tab and line feed (C0, DEL, C1;
// carriage return included: it sends the cursor back over what was printed)
// and every byte that is not UTF-8 made harmless in the given style.
std::string terminal_safe(std::string_view text, ControlStyle style = ControlStyle::escaped);

// Writes terminal_safe(text) and a line feed to standard error.
void say(std::string_view text);

}  // namespace lektion
