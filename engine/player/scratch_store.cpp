#include "player/scratch_store.hpp"

#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "l10n/language_tag.hpp"
#include "player/fonts.hpp"

namespace lektion::ui {

ScratchStore::ScratchStore() {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string name = (base / "lektion-scratch-XXXXXX").string();
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    // mkdtemp: a new folder only this user may enter (0700).
    if (!::mkdtemp(buffer.data()))
        throw RecordsError(name + ": no private temporary folder (" + std::strerror(errno) + ")");
    dir_ = buffer.data();
    try {
        store_ = std::make_unique<Store>(dir_);
    } catch (...) {
        std::filesystem::remove_all(dir_, ec);
        throw;
    }
}

ScratchStore::~ScratchStore() {
    store_.reset();  // closed before its files go
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

Learner ScratchStore::add_learner(const std::string& name, const Learner& from) {
    const Learner sound = sound_settings(from);
    Learner l = store_->find_or_create_learner(name, sound.language);
    l.language = sound.language;
    l.theme = sound.theme;
    l.text_size = sound.text_size;
    store_->save_settings(l);
    return l;
}

Learner sound_settings(Learner l) {
    if (!l.language.empty() && !valid_language_tag(l.language)) l.language.clear();
    if (l.theme != "light" && l.theme != "dark" && l.theme != "contrast") l.theme.clear();
    if (!std::isfinite(l.text_size) || l.text_size <= 0) l.text_size = 0;
    else l.text_size = std::clamp(l.text_size, min_text_size, max_text_size);
    return l;
}

}  // namespace lektion::ui
