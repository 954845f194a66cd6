// One import at a time per course (or per locales folder): two imports that
// read the stored translation, merge and write it back at the same time
// would each write their own merge, and the units of the first would be
// lost. An import holds an exclusive flock(2) on the folder itself from
// before it reads the stored translation until it has written it; a second
// one waits. No lock file is left behind, and the kernel releases the lock
// when the holder dies, even by SIGKILL.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace lektion {

class ImportLock {
public:
    // Locks `folder` (the course folder, or the locales folder), waiting for
    // as long as another import holds it; `waiting` is called once, before
    // the wait, when it has to wait. error() tells why it could not lock.
    ImportLock(const std::filesystem::path& folder, const std::function<void()>& waiting);
    ~ImportLock();
    ImportLock(const ImportLock&) = delete;
    ImportLock& operator=(const ImportLock&) = delete;

    bool locked() const { return fd_ >= 0; }
    const std::string& error() const { return error_; }

private:
    int fd_ = -1;
    std::string error_;
};

}  // namespace lektion
