// The audio device, through PulseAudio's simple API (PipeWire serves it
// too, through pipewire-pulse). Used on the speech thread only: opening a
// connection may wait for the server.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

struct pa_simple;

namespace lektion::speech {

class AudioOut {
public:
    // Null, with the reason in `why`, when there is no sound server or device
    // (CI, a classroom PC without speakers).
    static std::unique_ptr<AudioOut> open(int sample_rate, std::string& why);
    ~AudioOut();
    bool write(const std::int16_t* samples, std::size_t count);
    void drain();
    void flush();  // drops what is queued: after stop

private:
    explicit AudioOut(pa_simple* stream) : stream_(stream) {}
    pa_simple* stream_;
};

}  // namespace lektion::speech
