// Text on its way to a terminal. Unit ids, file names and messages that
// quote them come from files anyone may have written; an escape sequence in
// one would clear the screen, retitle the window or hide a line of a report.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// `text` with every control character but tab and line feed written as
// "\x1b", and every byte that is not UTF-8 as "\xff".
std::string terminal_safe(std::string_view text);

// Writes terminal_safe(text) and a line feed to standard error.
void say(std::string_view text);

}  // namespace lektion
