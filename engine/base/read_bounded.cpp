#include "base/read_bounded.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace lektion {

std::optional<std::string> read_bounded(const std::filesystem::path& path, std::size_t max_bytes,
                                        std::string& error, ReadFailure* why) {
    ReadFailure ignored;
    ReadFailure& failure = why ? *why : ignored;
    failure = ReadFailure::none;
    // POSIX calls: open, fstat, read, close. The iostream and filesystem
    // route made three times as many system calls, more than the parse cost.
    // O_NONBLOCK: opening a named pipe would otherwise wait for a writer
    // before fstat could tell that it is no file; on a file it changes nothing.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const bool unreadable = fd < 0 && errno != ENOENT && errno != ENOTDIR;
        error = unreadable ? "cannot read the file" : "file does not exist or is not a file";
        failure = unreadable ? ReadFailure::unreadable : ReadFailure::missing;
        if (fd >= 0) ::close(fd);
        return std::nullopt;
    }
    // Size the buffer from the file, not from the limit: zero-filling max + 1
    // bytes for each file cost more than parsing it. It grows should the file
    // grow while being read; one byte past the limit tells too big.
    const auto size = static_cast<std::uintmax_t>(std::max<off_t>(st.st_size, 0));
    std::string text;
    std::size_t used = 0;
    std::size_t want = static_cast<std::size_t>(std::min<std::uintmax_t>(size, max_bytes)) + 1;
    bool failed = false;
    while (true) {
        text.resize(want);
        const ssize_t got = ::read(fd, text.data() + used, want - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            failed = true;
            break;
        }
        used += static_cast<std::size_t>(got);
        if (got == 0 || want > max_bytes) break;  // end of file, or past the limit
        if (used == want) want = std::min(want * 2, max_bytes + 1);
    }
    ::close(fd);
    if (failed) {
        error = "cannot read the file";
        failure = ReadFailure::unreadable;
        return std::nullopt;
    }
    text.resize(used);
    if (text.size() > max_bytes) {
        error = fmt::format("file is larger than the limit of {} bytes", max_bytes);
        failure = ReadFailure::too_large;
        return std::nullopt;
    }
    return text;
}

}  // namespace lektion
