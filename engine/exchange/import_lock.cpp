#include "exchange/import_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace lektion {

ImportLock::ImportLock(const std::filesystem::path& folder, const std::function<void()>& waiting) {
    // The folder is the lock: it always exists when there is anything to
    // import into, and an import never replaces it (only what is inside).
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        error_ = fmt::format("{}: cannot be opened ({})", folder.string(), std::strerror(errno));
        return;
    }
    int locked = ::flock(fd, LOCK_EX | LOCK_NB);
    if (locked != 0 && errno == EWOULDBLOCK) {
        if (waiting) waiting();
        do locked = ::flock(fd, LOCK_EX);
        while (locked != 0 && errno == EINTR);
    }
    if (locked != 0) {
        error_ = fmt::format("{}: cannot be locked ({})", folder.string(), std::strerror(errno));
        ::close(fd);
        return;
    }
    fd_ = fd;
}

ImportLock::~ImportLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the lock
}

}  // namespace lektion
