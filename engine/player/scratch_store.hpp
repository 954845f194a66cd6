// A records store nobody keeps: a real Store in a private temporary folder
// that goes with it. The screenshot tour plays every screen (completing
// lessons, submitting a quiz) on one, so that a learner's real records are
// never touched, whatever state they are in.
#pragma once

#include <filesystem>
#include <memory>

#include "records/store.hpp"

namespace lektion::ui {

class ScratchStore {
public:
    ScratchStore();  // throws RecordsError when no private folder can be made
    ~ScratchStore();
    ScratchStore(const ScratchStore&) = delete;
    ScratchStore& operator=(const ScratchStore&) = delete;

    Store& store() { return *store_; }
    const std::filesystem::path& dir() const { return dir_; }

    // A learner of this name with `from`'s language, theme and text size
    // (those that are sound; see sound_settings), and nothing else of theirs.
    Learner add_learner(const std::string& name, const Learner& from);

private:
    std::filesystem::path dir_;
    std::unique_ptr<Store> store_;
};

// A learner's stored settings as the player may use them: a language that is
// a well-formed tag, a theme it knows, a finite text size within its range;
// anything else (an older or edited database) reads as "not chosen".
Learner sound_settings(Learner learner);

}  // namespace lektion::ui
