#include "exchange/atomic_file.hpp"

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace lektion {

namespace fs = std::filesystem;

namespace {

bool write_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

std::string write_atomically(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (ec) return fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message());
    std::random_device rd;
    const fs::path temp = path.string() + fmt::format(".tmp-{:08x}", rd());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return fmt::format("cannot create {}: {}", temp.string(), std::strerror(errno));
    const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        fs::remove(temp, ec);
        return fmt::format("cannot write {}: {}", temp.string(), std::strerror(saved));
    }
    fs::rename(temp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        return fmt::format("cannot replace {}: {}", path.string(), ec.message());
    }
    return {};
}

}  // namespace lektion
