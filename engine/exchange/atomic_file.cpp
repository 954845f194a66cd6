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

std::optional<std::string> read_whole(const fs::path& path, std::size_t max_bytes, std::string& error) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        error = "file does not exist or is not a file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read the file";
        return std::nullopt;
    }
    // Sized from the file, not from the limit: zero-filling 64 MiB + 1 for
    // each import cost more than reading it. It grows should the file grow
    // while read; one byte past the limit tells too big.
    const std::uintmax_t hint = fs::file_size(path, ec);
    std::string text;
    std::size_t used = 0;
    std::size_t want = static_cast<std::size_t>(std::min<std::uintmax_t>(ec ? 0 : hint, max_bytes)) + 1;
    while (true) {
        text.resize(want);
        in.read(text.data() + used, static_cast<std::streamsize>(want - used));
        used += static_cast<std::size_t>(in.gcount());
        if (used < want || want > max_bytes) break;  // end of file, or past the limit
        want = std::min(want * 2, max_bytes + 1);
    }
    text.resize(used);
    if (text.size() > max_bytes) {
        error = fmt::format("file is larger than the limit of {} bytes", max_bytes);
        return std::nullopt;
    }
    return text;
}

}  // namespace lektion
