#include "speech/audio_out.hpp"

#include <pulse/error.h>
#include <pulse/simple.h>

namespace lektion::speech {

std::unique_ptr<AudioOut> AudioOut::open(int sample_rate, std::string& why) {
    pa_sample_spec spec{};
    spec.format = PA_SAMPLE_S16LE;
    spec.rate = static_cast<std::uint32_t>(sample_rate);
    spec.channels = 1;
    int error = 0;
    pa_simple* stream = pa_simple_new(nullptr, "lektion", PA_STREAM_PLAYBACK, nullptr, "Read aloud", &spec,
                                      nullptr, nullptr, &error);
    if (!stream) {
        why = pa_strerror(error);
        return nullptr;
    }
    return std::unique_ptr<AudioOut>(new AudioOut(stream));
}

AudioOut::~AudioOut() { pa_simple_free(stream_); }

bool AudioOut::write(const std::int16_t* samples, std::size_t count) {
    int error = 0;
    return pa_simple_write(stream_, samples, count * sizeof(std::int16_t), &error) == 0;
}

void AudioOut::drain() {
    int error = 0;
    pa_simple_drain(stream_, &error);
}

void AudioOut::flush() {
    int error = 0;
    pa_simple_flush(stream_, &error);
}

}  // namespace lektion::speech
