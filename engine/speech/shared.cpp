#include "speech/shared.hpp"

#include <memory>
#include <mutex>

namespace lektion::speech {

Speech* shared_speech(std::string& why) {
    static std::mutex mutex;
    static std::unique_ptr<Speech> speech;
    static std::string failed;
    std::lock_guard lock(mutex);
    if (!speech && failed.empty()) {
        try {
            speech = std::make_unique<Speech>();
        } catch (const std::exception& e) {
            failed = e.what();
        }
    }
    why = failed;
    return speech.get();
}

}  // namespace lektion::speech
