#include "speech/wav.hpp"

namespace lektion::speech {

namespace {

void put(std::string& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

std::string wav_file(const std::vector<std::int16_t>& samples, int sample_rate) {
    const auto data = static_cast<std::uint32_t>(samples.size() * 2);
    const auto rate = static_cast<std::uint32_t>(sample_rate);
    std::string out;
    out.reserve(44 + data);
    out += "RIFF";
    put(out, 36 + data, 4);
    out += "WAVEfmt ";
    put(out, 16, 4);        // the format chunk's size
    put(out, 1, 2);         // PCM
    put(out, 1, 2);         // mono
    put(out, rate, 4);      // samples a second
    put(out, rate * 2, 4);  // bytes a second
    put(out, 2, 2);         // bytes a frame
    put(out, 16, 2);        // bits a sample
    out += "data";
    put(out, data, 4);
    for (std::int16_t s : samples) put(out, static_cast<std::uint16_t>(s), 2);
    return out;
}

}  // namespace lektion::speech
