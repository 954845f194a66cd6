// Speech from eSpeak NG, synthesised into buffers on a thread of its own.
//
// Why eSpeak NG directly and not speech-dispatcher: speech-dispatcher can
// neither write a WAV file (lektion speak) nor report reliably where in the
// text it is (it passes on its module's index marks, when the module has
// them), and it is a session service that a classroom PC or CI may not run.
// eSpeak NG is a library: it synthesises into our buffers with sentence and
// word positions, it is deterministic (tests compare what it makes), and its
// data package has voices for the EU languages.
//
// eSpeak NG's API is global, one instance per process: a Speech owns it
// and calls it from its one thread only; there may be one Speech at a time.
// Requests go through a queue; stop() is a flag the synthesis callback and
// the playback check, so that it takes effect within one buffer (~50 ms).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "speech/course_text.hpp"
#include "speech/limits.hpp"

namespace lektion::speech {

struct Event {
    enum class Kind { sentence, word } kind = Kind::sentence;
    std::size_t utterance = 0;       // index into what was synthesised
    std::size_t begin = 0, end = 0;  // bytes of the utterance's (source) text
    std::size_t sample = 0;          // where it starts in the audio
};

struct Audio {
    int sample_rate = 0;
    std::vector<std::int16_t> samples;
    std::vector<Event> events;        // in the order spoken
    std::vector<std::string> spoken;  // what eSpeak NG was handed, an entry per utterance (after speakable())
};

enum class State { idle, speaking, no_audio, failed };

struct Status {
    State state = State::idle;
    std::string key;                 // the Text being read (Utterance::key)
    std::size_t begin = 0, end = 0;  // its sentence being read, bytes
    std::string problem;             // failed: why
    bool operator==(const Status&) const = default;
};

class Speech {
public:
    // Starts the thread and eSpeak NG on it; throws std::runtime_error when
    // eSpeak NG cannot start (no data) or another Speech exists.
    Speech();
    ~Speech();  // stops and joins the thread (eSpeak NG stays loaded for the next)
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    // --- on the speech thread, waiting for the answer ----------------------
    // Each utterance in its language at `rate` words a minute, one after the
    // other, into one buffer (lektion speak, tests). Throws when a language
    // has no voice.
    Audio render(const std::vector<Utterance>& utterances, int rate);
    // The eSpeak NG voice for a BCP 47 tag ("da", "en-GB", "pt-BR"), or "" when none.
    std::string voice_for(const std::string& lang);
    // eSpeak NG's phonemes for `text` (its -x notation): what it would say.
    std::string phonemes(const std::string& text, const std::string& lang);

    // --- read aloud: returns at once ------------------------------------------
    // Replaces whatever is being read. `on_change` (may be empty) is called on
    // the speech thread whenever status() changes: the window wakes up.
    void speak(std::vector<Utterance> utterances, int rate);
    void stop();
    Status status() const;
    void on_change(std::function<void()> callback);

    // For tests: play into nothing, at a device's pace, instead of opening an audio device.
    void set_null_output(bool null) { null_output_ = null; }

    int sample_rate() const { return sample_rate_; }
    int last_rate() const { return last_rate_.load(); }  // of the last speak(): what a front end asked for

private:
    struct Job {
        std::uint64_t generation = 0;
        std::function<void()> run;
        bool keep = false;  // a caller waits for it: stop() and speak() leave it queued
    };
    void loop();
    void post(std::function<void()> run);
    template <typename Result>
    Result ask(std::function<Result()> work);  // runs `work` on the thread and waits for it
    void set_status(std::uint64_t generation, Status s);
    void changed();
    void drop_reading();  // with mutex_ held
    bool cancelled(std::uint64_t generation) const { return generation_.load() != generation; }
    Audio synthesize(const std::vector<Utterance>& utterances, int rate, const std::function<bool()>& stop);
    void read_aloud(const std::vector<Utterance>& utterances, int rate, std::uint64_t generation);

    int sample_rate_ = 0;
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<bool> null_output_{false};
    std::atomic<int> last_rate_{0};
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool quit_ = false;
    Status status_;
    std::function<void()> on_change_;
    std::string start_error_;
    std::thread thread_;
};

}  // namespace lektion::speech
