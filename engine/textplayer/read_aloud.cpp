#include "textplayer/read_aloud.hpp"

#include <chrono>
#include <thread>

#include "l10n/strings.hpp"
#include "speech/limits.hpp"
#include "speech/shared.hpp"

namespace lektion {

namespace {
bool asked = false;  // no speech thread until the learner asks for speech
}  // namespace

std::string read_aloud_text(std::vector<speech::Utterance> utterances, int rate) {
    asked = true;
    std::string why;
    speech::Speech* s = speech::shared_speech(why);
    if (!s) return tr("read.no_voice");
    s->speak(std::move(utterances), speech::rate_or_default(rate));
    // Opening the sound server takes a moment: say what came of it, not "reading" when nothing is heard.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < give_up) {
        const speech::Status st = s->status();
        if (st.state == speech::State::no_audio) return tr("read.no_audio");
        if (st.state == speech::State::failed) return tr("read.no_voice");
        if (st.state == speech::State::idle || st.end > 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return tr("text.read_started");
}

void stop_reading_text() {
    if (!asked) return;
    std::string why;
    if (speech::Speech* s = speech::shared_speech(why)) s->stop();
}

}  // namespace lektion
