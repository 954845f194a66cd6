// The process's one Speech (eSpeak NG is one per process), shared by the
// window and the text player. Made on first use: a learner who never asks
// for speech pays nothing for it, no thread, no eSpeak NG.
#pragma once

#include <string>

#include "speech/speech.hpp"

namespace lektion::speech {

// Null when eSpeak NG cannot start; `why` then says why (and so on every later call).
Speech* shared_speech(std::string& why);

}  // namespace lektion::speech
