#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include <fmt/format.h>

namespace lektion {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view temp_infix = ".tmp-";

bool write_all(int fd, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = ENOSPC;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// "" when `path` is missing or a regular file (not a link), else why it may not be replaced.
std::string replaceable(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return {};
        return fmt::format("{}: cannot be reached ({})", path.string(), std::strerror(errno));
    }
    if (S_ISREG(st.st_mode)) return {};
    const char* what = S_ISLNK(st.st_mode)                          ? "a symbolic link"
                       : S_ISDIR(st.st_mode)                        ? "a folder"
                       : S_ISFIFO(st.st_mode)                       ? "a named pipe"
                       : S_ISSOCK(st.st_mode)                       ? "a socket"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                                    : "not a regular file";
    return fmt::format("{}: is {}, not a regular file; nothing written", path.string(), what);
}

}  // namespace

void sync_folder(const fs::path& folder) {
    const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;
    ::fsync(dir);
    ::close(dir);
}

bool is_atomic_temporary(std::string_view name) {
    const std::size_t at = name.rfind(temp_infix);
    return !name.empty() && name[0] == '.' && at != std::string_view::npos &&
           name.size() == at + temp_infix.size() + 8;
}

std::string write_atomically(const fs::path& path, std::string_view bytes, mode_t mode) {
    if (std::string why = replaceable(path); !why.empty()) return why;
    const fs::path folder = path.parent_path();
    std::error_code ec;
    if (!folder.empty()) fs::create_directories(folder, ec);
    if (ec) return fmt::format("{}: cannot be created ({})", folder.string(), ec.message());

    // O_EXCL on a random name: never opens an existing file or a planted link.
    std::random_device rd;
    fs::path temp;
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 8; ++tries) {
        temp = folder / fmt::format(".{}{}{:08x}", path.filename().string(), temp_infix, rd());
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) return fmt::format("{}: cannot be written ({})", path.string(), std::strerror(errno));
    // The umask may have taken bits the caller asked for; personal data must not gain any.
    ::fchmod(fd, mode);
    const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        ::unlink(temp.c_str());
        return fmt::format("{}: cannot be written ({}); left as it was", path.string(), std::strerror(saved));
    }
    // Checked again just before the rename: the target may have changed meanwhile.
    std::string why = replaceable(path);
    if (why.empty() && ::rename(temp.c_str(), path.c_str()) != 0)
        why = fmt::format("{}: cannot be replaced ({})", path.string(), std::strerror(errno));
    if (!why.empty()) {
        ::unlink(temp.c_str());
        return why;
    }
    sync_folder(folder);
    return {};
}

}  // namespace lektion
