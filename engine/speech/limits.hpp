// Limits of read aloud, in one place.
#pragma once

#include <cstddef>

namespace lektion::speech {

// Words a minute: eSpeak NG's own range is 80–450; 175 is its default.
constexpr int min_rate = 80, default_rate = 175, max_rate = 450;
// A learner's stored speed as both players use it: 0 (never chosen) or one out of range (an older or
// edited database) reads at the default.
constexpr int rate_or_default(int rate) { return rate >= min_rate && rate <= max_rate ? rate : default_rate; }
// The longest text handed to eSpeak NG at once (a section's paragraph is far
// shorter); longer is cut, so that a broken course cannot hold the thread for minutes.
constexpr std::size_t max_utterance_bytes = 64 * 1024;
// Playback in pieces this long, so that stop takes effect at once.
constexpr int playback_chunk_ms = 50;

}  // namespace lektion::speech
