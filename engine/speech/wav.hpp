// A RIFF WAVE file: 16-bit signed little-endian PCM, one channel.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lektion::speech {

std::string wav_file(const std::vector<std::int16_t>& samples, int sample_rate);

}  // namespace lektion::speech
