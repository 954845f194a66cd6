#include "load/watch.hpp"

namespace lektion {

namespace fs = std::filesystem;

CourseWatcher::CourseWatcher(fs::path dir) : dir_(std::move(dir)), last_(take()) {}

CourseWatcher::Snapshot CourseWatcher::take() const {
    Snapshot snapshot;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        snapshot[it->path().string()] = {it->file_size(ec), it->last_write_time(ec)};
    }
    return snapshot;
}

bool CourseWatcher::changed() {
    Snapshot now = take();
    if (now == last_) return false;
    last_ = std::move(now);
    return true;
}

}  // namespace lektion
