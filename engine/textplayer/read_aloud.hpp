// `r` in the text player: the page read aloud in the background while the
// learner goes on reading; the next line they type stops it.
#pragma once

#include <string>
#include <vector>

#include "speech/course_text.hpp"

namespace lektion {

// Starts reading and waits (at most a few seconds) until it is heard or has
// failed; returns the line to print: reading started, no audio output, or no voice.
std::string read_aloud_text(std::vector<speech::Utterance> utterances, int rate);
// Stops reading, if reading was ever asked for.
void stop_reading_text();

}  // namespace lektion
