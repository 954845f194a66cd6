#include "base/output_guard.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>

#include <fmt/format.h>

namespace lektion {

namespace fs = std::filesystem;

namespace {

bool starts_like_sqlite(const fs::path& file) {
    // O_NONBLOCK: never wait on a FIFO; only regular files get here anyway.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    std::array<char, 16> head{};
    const ssize_t n = ::read(fd, head.data(), head.size());
    ::close(fd);
    return n == 16 && std::memcmp(head.data(), "SQLite format 3", 16) == 0;
}

// A database's companion files: records.sqlite3-wal beside records.sqlite3.
bool beside_a_database(const fs::path& file) {
    const std::string name = file.filename().string();
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const std::size_t n = std::strlen(suffix);
        if (name.size() > n && name.compare(name.size() - n, n, suffix) == 0) {
            const fs::path base = file.parent_path() / name.substr(0, name.size() - n);
            std::error_code ec;
            if (fs::is_regular_file(base, ec) && starts_like_sqlite(base)) return true;
        }
    }
    return false;
}

// Absolute, with "." and ".." and links in the existing part resolved.
fs::path resolved(const fs::path& p) {
    std::error_code ec;
    fs::path r = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? fs::absolute(p).lexically_normal() : r;
}

bool inside(const fs::path& path, const fs::path& folder) {
    auto p = path.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
        if (f->empty()) continue;  // a trailing separator
        if (p == path.end() || *p != *f) return false;
    }
    return true;
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

}  // namespace

std::string why_not_output(const fs::path& target, const ProtectedPaths& keep) {
    const std::string shown = target.string();
    if (target.empty()) return "the output file name is empty";
    struct stat st {};
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return fmt::format("{}: is {}, not a regular file; nothing written", shown, kind_of(st.st_mode));
    struct stat link {};
    if (::lstat(target.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
        return fmt::format("{}: is a symbolic link; give the file it names instead; nothing written", shown);

    const fs::path where = resolved(target);
    for (const fs::path& file : keep.files) {
        struct stat other {};
        const bool same_inode = exists && ::stat(file.c_str(), &other) == 0 && other.st_dev == st.st_dev &&
                                other.st_ino == st.st_ino;
        if (same_inode || where == resolved(file))
            return fmt::format("{}: is the learner records ({}); nothing written", shown, file.string());
    }
    // A -wal that does not exist yet is refused too: SQLite would read it as the database's log.
    if ((exists && starts_like_sqlite(target)) || beside_a_database(target))
        return fmt::format("{}: is an SQLite database or part of one; nothing written", shown);
    for (const fs::path& folder : keep.folders)
        if (inside(where, resolved(folder)))
            return fmt::format("{}: is inside the course folder {}; write exports elsewhere; nothing written",
                               shown, folder.string());
    return {};
}

}  // namespace lektion
