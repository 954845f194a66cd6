#include "speech/speech.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <future>
#include <stdexcept>

#include "speech/audio_out.hpp"
#include "speech/normalize.hpp"

namespace lektion::speech {

namespace {

std::atomic<bool> one_exists{false};
// eSpeak NG is started once a process and never terminated: in 1.51
// espeak_Terminate() can hang joining its own internal thread after a
// second start (seen in the stop-and-restart test). Its memory stays
// reachable from its globals, which is no leak.
int espeak_rate = 0;

// What the synthesis callback fills: set on the speech thread for the length
// of one espeak_Synth call (eSpeak NG's callback has no argument of ours
// that every call carries).
struct Synthesis {
    Audio* audio;
    std::size_t utterance;
    const Speakable* spoken;
    std::size_t source_size;
    std::size_t first_sample;
    std::function<bool()> cancelled;
};
thread_local Synthesis* current = nullptr;

// eSpeak NG counts characters (code points) from 1; we count bytes from 0.
std::size_t byte_offset(const std::string& utf8, int characters) {
    std::size_t i = 0;
    for (int n = 1; n < characters && i < utf8.size(); ++n) {
        ++i;
        while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
    }
    return std::min(i, utf8.size());
}

int on_synth(short* wav, int count, espeak_EVENT* events) {
    Synthesis* s = current;
    if (!s) return 1;
    if (wav && count > 0) s->audio->samples.insert(s->audio->samples.end(), wav, wav + count);
    for (espeak_EVENT* e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type != espeakEVENT_SENTENCE && e->type != espeakEVENT_WORD) continue;
        const std::string& text = s->spoken->text;
        const std::size_t at = byte_offset(text, e->text_position);
        Event ev;
        ev.kind = e->type == espeakEVENT_SENTENCE ? Event::Kind::sentence : Event::Kind::word;
        ev.utterance = s->utterance;
        ev.begin = std::min(s->spoken->source_offset(at), s->source_size);
        ev.end = ev.begin;
        if (ev.kind == Event::Kind::word)
            ev.end = std::min(s->spoken->source_offset(byte_offset(text, e->text_position + e->length)),
                              s->source_size);
        ev.sample = s->first_sample + static_cast<std::size_t>(e->audio_position) *
                                          static_cast<std::size_t>(s->audio->sample_rate) / 1000;
        s->audio->events.push_back(ev);
    }
    return s->cancelled() ? 1 : 0;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::replace(s.begin(), s.end(), '_', '-');
    return s;
}

// The eSpeak NG language (as its voices name it) that reads `lang`, or "".
std::string voice_language(const std::string& lang) {
    const std::string tag = lower(lang);
    const std::string primary = tag.substr(0, tag.find('-'));
    if (primary.empty()) return {};
    std::string best;
    int best_rank = 0;
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        // MBROLA voices need their own package of diphones: only eSpeak NG's own.
        if ((*v)->identifier && std::string_view((*v)->identifier).starts_with("mb/")) continue;
        for (const char* p = (*v)->languages; p && *p;) {
            const int priority = static_cast<unsigned char>(*p++);
            const std::string name = p;
            p += name.size() + 1;
            // Exact tag, then the primary language, then a regional voice of it.
            const int kind = name == tag ? 0 : name == primary ? 1 : name.starts_with(primary + "-") ? 2 : -1;
            if (kind < 0) continue;
            const int rank = kind * 100 + priority;
            if (best.empty() || rank < best_rank) best = name, best_rank = rank;
        }
    }
    return best;
}

bool set_voice(const std::string& lang) {
    const std::string language = voice_language(lang);
    if (language.empty()) return false;
    espeak_VOICE spec{};
    spec.languages = language.c_str();
    return espeak_SetVoiceByProperties(&spec) == EE_OK;
}

// Each sentence runs to where the next one in its utterance starts, without the spaces between.
void close_sentences(Audio& audio, const std::vector<Utterance>& utterances) {
    for (std::size_t i = 0; i < audio.events.size(); ++i) {
        Event& e = audio.events[i];
        if (e.kind != Event::Kind::sentence) continue;
        std::size_t end = utterances[e.utterance].text.size();
        for (std::size_t j = i + 1; j < audio.events.size(); ++j) {
            const Event& n = audio.events[j];
            if (n.utterance != e.utterance) break;
            if (n.kind == Event::Kind::sentence && n.begin > e.begin) {
                end = n.begin;
                break;
            }
        }
        const std::string& text = utterances[e.utterance].text;
        while (end > e.begin && text[end - 1] == ' ') --end;
        e.end = end;
    }
}

}  // namespace

Speech::Speech() {
    if (one_exists.exchange(true)) throw std::runtime_error("eSpeak NG is already in use in this process");
    std::promise<int> started;
    auto rate = started.get_future();
    thread_ = std::thread([this, &started] {
        // Synchronous: the audio comes to our callback, not to a device of eSpeak NG's.
        if (espeak_rate <= 0)
            espeak_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (espeak_rate > 0) espeak_SetSynthCallback(on_synth);
        started.set_value(espeak_rate);
        if (espeak_rate > 0) loop();
    });
    sample_rate_ = rate.get();
    if (sample_rate_ <= 0) {
        thread_.join();
        one_exists = false;
        throw std::runtime_error("eSpeak NG could not start: is espeak-ng-data installed?");
    }
}

Speech::~Speech() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        ++generation_;
        queue_.clear();
    }
    wake_.notify_all();
    thread_.join();
    one_exists = false;
}

void Speech::loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || !queue_.empty(); });
            if (quit_) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        job.run();
    }
}

void Speech::drop_reading() {
    std::erase_if(queue_, [](const Job& j) { return !j.keep; });
}

void Speech::post(std::function<void()> run) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({generation_.load(), std::move(run), true});
    }
    wake_.notify_all();
}

template <typename Result>
Result Speech::ask(std::function<Result()> work) {
    std::promise<Result> done;
    auto result = done.get_future();
    post([&] {
        try {
            done.set_value(work());
        } catch (...) {
            done.set_exception(std::current_exception());
        }
    });
    return result.get();
}

Audio Speech::synthesize(const std::vector<Utterance>& utterances, int rate,
                         const std::function<bool()>& stop) {
    Audio audio;
    audio.sample_rate = sample_rate_;
    espeak_SetParameter(espeakRATE, std::clamp(rate, min_rate, max_rate), 0);
    for (std::size_t i = 0; i < utterances.size(); ++i) {
        const Utterance& u = utterances[i];
        if (!set_voice(u.lang)) throw std::runtime_error("no eSpeak NG voice for the language " + u.lang);
        const std::string text = u.text.substr(0, max_utterance_bytes);
        const Speakable spoken = speakable(text, u.lang);
        audio.spoken.push_back(spoken.text);
        const std::size_t events_before = audio.events.size();
        Synthesis s{&audio, i, &spoken, text.size(), audio.samples.size(), stop};
        current = &s;
        unsigned int id = 0;
        espeak_Synth(spoken.text.c_str(), spoken.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, &id,
                     nullptr);
        current = nullptr;
        // Every utterance starts a sentence, whether or not eSpeak NG said so.
        if (audio.events.size() == events_before ||
            audio.events[events_before].kind != Event::Kind::sentence ||
            audio.events[events_before].begin != 0)
            audio.events.insert(audio.events.begin() + static_cast<std::ptrdiff_t>(events_before),
                                Event{Event::Kind::sentence, i, 0, 0, s.first_sample});
        if (stop()) break;
    }
    close_sentences(audio, utterances);
    return audio;
}

Audio Speech::render(const std::vector<Utterance>& utterances, int rate) {
    return ask<Audio>([&] { return synthesize(utterances, rate, [] { return false; }); });
}

std::string Speech::voice_for(const std::string& lang) {
    return ask<std::string>([&] { return voice_language(lang); });
}

std::string Speech::phonemes(const std::string& text, const std::string& lang) {
    return ask<std::string>([&] {
        if (!set_voice(lang)) throw std::runtime_error("no eSpeak NG voice for the language " + lang);
        std::string out;
        const void* at = text.c_str();
        // A clause at a time; `at` becomes null after the last.
        while (at) {
            const char* p = espeak_TextToPhonemes(&at, espeakCHARS_UTF8, 0);
            if (!p) break;
            if (!out.empty()) out += ' ';
            out += p;
        }
        return out;
    });
}

void Speech::speak(std::vector<Utterance> utterances, int rate) {
    last_rate_ = rate;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(mutex_);
        generation = ++generation_;  // whatever was being read stops
        drop_reading();
        status_ = {State::speaking, utterances.empty() ? std::string() : utterances.front().key, 0, 0, {}};
        queue_.push_back({generation, [this, generation, u = std::move(utterances), rate] {
                              read_aloud(u, rate, generation);
                          }});
    }
    wake_.notify_all();
    changed();
}

void Speech::stop() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
        drop_reading();
        status_ = {};
    }
    changed();
}

Status Speech::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

void Speech::on_change(std::function<void()> callback) {
    std::lock_guard lock(mutex_);
    on_change_ = std::move(callback);
}

void Speech::changed() {
    std::function<void()> callback;
    {
        std::lock_guard lock(mutex_);
        callback = on_change_;
    }
    if (callback) callback();
}

void Speech::set_status(std::uint64_t generation, Status s) {
    {
        std::lock_guard lock(mutex_);
        // A stop() or a newer speak() since: theirs is the status now.
        if (generation != generation_.load() || s == status_) return;
        status_ = std::move(s);
    }
    changed();
}

void Speech::read_aloud(const std::vector<Utterance>& utterances, int rate, std::uint64_t generation) {
    const auto stopped = [this, generation] { return cancelled(generation); };
    std::unique_ptr<AudioOut> out;
    if (!null_output_) {
        std::string why;
        out = AudioOut::open(sample_rate_, why);
        if (!out) return set_status(generation, {State::no_audio, {}, 0, 0, why});
    }
    const std::size_t chunk = static_cast<std::size_t>(sample_rate_) * playback_chunk_ms / 1000;
    for (std::size_t i = 0; i < utterances.size() && !stopped(); ++i) {
        Audio audio;
        try {
            // One utterance at a time: the first is heard while the next is not yet made.
            audio = synthesize({utterances[i]}, rate, stopped);
        } catch (const std::exception& e) {
            return set_status(generation, {State::failed, {}, 0, 0, e.what()});
        }
        std::size_t next_event = 0;
        for (std::size_t at = 0; at < audio.samples.size() && !stopped(); at += chunk) {
            while (next_event < audio.events.size() && audio.events[next_event].sample <= at) {
                const Event& e = audio.events[next_event++];
                if (e.kind == Event::Kind::sentence)
                    set_status(generation, {State::speaking, utterances[i].key, e.begin, e.end, {}});
            }
            const std::size_t n = std::min(chunk, audio.samples.size() - at);
            if (!out) std::this_thread::sleep_for(std::chrono::milliseconds(playback_chunk_ms));
            else if (!out->write(audio.samples.data() + at, n))
                return set_status(generation, {State::no_audio, {}, 0, 0, "the audio output failed"});
        }
    }
    if (out) {
        if (stopped()) out->flush();
        else out->drain();
    }
    set_status(generation, {});
}

}  // namespace lektion::speech
