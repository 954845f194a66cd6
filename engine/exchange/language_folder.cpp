#include "exchange/language_folder.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28+, _GNU_SOURCE)
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <random>

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "l10n/language_tag.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

// A folder by name inside `dir`, never through a link: a link, or anything
// but a folder, fails (ELOOP, ENOTDIR).
Fd open_folder_at(int dir, const std::string& name) {
    return Fd(::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

const char* kind_of(mode_t mode) {
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

// "" when `path` is missing or of the kind wanted (S_IFDIR or S_IFREG), else
// why an import may not write there.
std::string in_the_way(const fs::path& path, mode_t wanted) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        return errno == ENOENT ? std::string()
                               : fmt::format("{} cannot be reached ({}); nothing was written", path.string(),
                                             std::strerror(errno));
    if ((st.st_mode & S_IFMT) == wanted) return {};
    if (S_ISLNK(st.st_mode))
        return fmt::format(
            "{} is a symbolic link; an import writes through no link, so never outside "
            "the course; nothing was written",
            path.string());
    return fmt::format("{} is {}, not {}; nothing was written", path.string(), kind_of(st.st_mode),
                       wanted == S_IFDIR ? "a folder" : "a file");
}

// The names in an open folder, without "." and "..".
std::vector<std::string> names_in(int dir) {
    std::vector<std::string> names;
    const int copy = ::dup(dir);  // closedir closes the descriptor it was given
    if (copy < 0) return names;
    DIR* d = ::fdopendir(copy);
    if (!d) {
        ::close(copy);
        return names;
    }
    ::rewinddir(d);
    while (const dirent* e = ::readdir(d)) {
        const std::string_view name = e->d_name;
        if (name != "." && name != "..") names.emplace_back(name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

// Removes `name` in `dir` and, when it is a folder, all it holds; links are
// removed, never followed.
void remove_tree_at(int dir, const std::string& name, int depth = 0) {
    if (Fd sub = open_folder_at(dir, name); sub && depth < 16) {
        for (const std::string& n : names_in(sub.get())) remove_tree_at(sub.get(), n, depth + 1);
        ::unlinkat(dir, name.c_str(), AT_REMOVEDIR);
    } else {
        ::unlinkat(dir, name.c_str(), 0);
    }
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = ENOSPC;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Creates `name` in `dir` (a fresh staging folder: O_EXCL), writes, syncs.
bool create_file_at(int dir, const std::string& name, std::string_view bytes, mode_t mode) {
    Fd fd(::openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!fd) return false;
    ::fchmod(fd.get(), mode);  // the umask may have taken bits
    return write_all(fd.get(), bytes) && ::fsync(fd.get()) == 0;
}

// Copies the regular file `name` of `from` into `to`, byte for byte, with its mode.
std::string copy_file_at(int from, int to, const std::string& name, const fs::path& shown) {
    // O_NONBLOCK: a named pipe planted here must not hang the import.
    Fd in(::openat(from, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat st {};
    if (!in) {
        if (errno == ELOOP) return in_the_way(shown, S_IFREG);
        return fmt::format("{}: cannot be read ({})", shown.string(), std::strerror(errno));
    }
    if (::fstat(in.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return fmt::format("{} is {}, not a file; nothing was written", shown.string(), kind_of(st.st_mode));
    const mode_t mode = st.st_mode & 0777;
    Fd out(::openat(to, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!out) return fmt::format("{}: cannot be copied ({})", shown.string(), std::strerror(errno));
    ::fchmod(out.get(), mode);
    char buffer[1 << 16];
    while (true) {
        const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fmt::format("{}: cannot be read ({})", shown.string(), std::strerror(errno));
        if (n == 0) break;
        if (!write_all(out.get(), std::string_view(buffer, static_cast<std::size_t>(n))))
            return fmt::format("{}: cannot be copied ({})", shown.string(), std::strerror(errno));
    }
    if (::fsync(out.get()) != 0)
        return fmt::format("{}: cannot be copied ({})", shown.string(), std::strerror(errno));
    return {};
}

std::string random_suffix() {
    static std::random_device rd;
    return fmt::format("{:08x}", rd());
}

// ".pl.import-0123abcd" -> "pl" for `kind` ".import-"; nullopt for any other
// name, so that hidden files of other tools are left alone.
std::optional<std::string> staging_language(std::string_view name, std::string_view kind) {
    if (name.size() < 1 + kind.size() + 8 || name[0] != '.') return std::nullopt;
    const std::string_view suffix = name.substr(name.size() - 8);
    if (!std::all_of(suffix.begin(), suffix.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
        return std::nullopt;
    const std::string_view rest = name.substr(0, name.size() - 8);
    if (!rest.ends_with(kind)) return std::nullopt;
    const std::string lang(rest.substr(1, rest.size() - 1 - kind.size()));
    if (!valid_language_tag(lang)) return std::nullopt;
    return lang;
}

constexpr std::string_view import_infix = ".import-", old_infix = ".old-";

// Without RENAME_EXCHANGE (some network and FUSE file systems): the live
// folder aside, the new one in, the old one removed. Cut short in between,
// the language has no folder and ".<lang>.old-…" holds it whole, which
// clean_import_leftovers puts back.
std::string swap_in_two_steps(int translations, const std::string& staging, const std::string& lang,
                              const fs::path& shown) {
    const std::string aside = fmt::format(".{}{}{}", lang, old_infix, random_suffix());
    if (::renameat(translations, lang.c_str(), translations, aside.c_str()) != 0)
        return fmt::format("{}: cannot be replaced ({})", shown.string(), std::strerror(errno));
    if (::renameat(translations, staging.c_str(), translations, lang.c_str()) != 0) {
        const int saved = errno;
        ::renameat(translations, aside.c_str(), translations, lang.c_str());
        return fmt::format("{}: cannot be replaced ({})", shown.string(), std::strerror(saved));
    }
    ::fsync(translations);
    remove_tree_at(translations, aside);
    return {};
}

bool unsupported(int error) { return error == EINVAL || error == ENOSYS || error == ENOTSUP; }

}  // namespace

std::string check_language_folder(const fs::path& course_dir, const std::string& lang) {
    const fs::path translations = course_dir / "translations";
    if (std::string why = in_the_way(translations, S_IFDIR); !why.empty()) return why;
    const fs::path folder = translations / lang;
    if (std::string why = in_the_way(folder, S_IFDIR); !why.empty()) return why;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (std::string why = in_the_way(entry.path(), S_IFREG); !why.empty()) return why;
    return {};
}

std::string check_catalog_file(const fs::path& catalog) { return in_the_way(catalog, S_IFREG); }

std::string replace_language_folder(const fs::path& course_dir, const std::string& lang,
                                    const std::vector<std::pair<std::string, std::string>>& changed) {
    const fs::path translations_path = course_dir / "translations";
    const fs::path shown = translations_path / lang;
    Fd course(::open(course_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!course) return fmt::format("{}: cannot be opened ({})", course_dir.string(), std::strerror(errno));
    if (::mkdirat(course.get(), "translations", 0755) != 0 && errno != EEXIST)
        return fmt::format("{}: cannot be created ({})", translations_path.string(), std::strerror(errno));
    Fd translations = open_folder_at(course.get(), "translations");
    if (!translations) return in_the_way(translations_path, S_IFDIR);
    Fd live = open_folder_at(translations.get(), lang);
    if (!live && errno != ENOENT) return in_the_way(shown, S_IFDIR);
    struct stat live_st {};
    const mode_t folder_mode = live && ::fstat(live.get(), &live_st) == 0 ? live_st.st_mode & 07777 : 0755;

    std::string staging;
    for (int tries = 0; tries < 8; ++tries) {
        staging = fmt::format(".{}{}{}", lang, import_infix, random_suffix());
        if (::mkdirat(translations.get(), staging.c_str(), 0700) == 0) break;
        if (errno != EEXIST || tries == 7)
            return fmt::format("{}: cannot be written ({})", translations_path.string(),
                               std::strerror(errno));
    }
    Fd stage = open_folder_at(translations.get(), staging);
    auto fail = [&](std::string why) {
        stage.reset();
        remove_tree_at(translations.get(), staging);
        return why;
    };
    if (!stage)
        return fail(
            fmt::format("{}: cannot be written ({})", translations_path.string(), std::strerror(errno)));

    auto is_changed = [&](const std::string& name) {
        return std::any_of(changed.begin(), changed.end(), [&](const auto& c) { return c.first == name; });
    };
    if (live)
        for (const std::string& name : names_in(live.get())) {
            if (is_changed(name) || is_atomic_temporary(name))
                continue;  // a temporary dies with the old folder
            if (std::string why = copy_file_at(live.get(), stage.get(), name, shown / name); !why.empty())
                return fail(why);
        }
    for (const auto& [name, bytes] : changed) {
        struct stat st {};
        const bool existed =
            live && ::fstatat(live.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
        if (!create_file_at(stage.get(), name, bytes, existed ? st.st_mode & 0777 : mode_shared))
            return fail(
                fmt::format("{}: cannot be written ({})", (shown / name).string(), std::strerror(errno)));
    }
    ::fchmod(stage.get(), folder_mode);
    if (::fsync(stage.get()) != 0)
        return fail(fmt::format("{}: cannot be written ({})", shown.string(), std::strerror(errno)));

    // The one step that makes the new translation the stored one.
    if (live) {
        if (::renameat2(translations.get(), staging.c_str(), translations.get(), lang.c_str(),
                        RENAME_EXCHANGE) != 0) {
            if (!unsupported(errno))
                return fail(fmt::format("{}: cannot be replaced ({})", shown.string(), std::strerror(errno)));
            if (std::string why = swap_in_two_steps(translations.get(), staging, lang, shown); !why.empty())
                return fail(why);
            return {};
        }
    } else {
        int renamed = ::renameat2(translations.get(), staging.c_str(), translations.get(), lang.c_str(),
                                  RENAME_NOREPLACE);
        if (renamed != 0 && unsupported(errno))  // the lock keeps other imports from creating it meanwhile
            renamed = ::renameat(translations.get(), staging.c_str(), translations.get(), lang.c_str());
        if (renamed != 0)
            return fail(fmt::format("{}: cannot be created ({})", shown.string(), std::strerror(errno)));
    }
    ::fsync(translations.get());
    // After the exchange the staging name holds the old translation. Should
    // this be cut short, the next import removes it.
    if (live) remove_tree_at(translations.get(), staging);
    return {};
}

std::vector<std::string> clean_import_leftovers(const fs::path& course_dir) {
    std::vector<std::string> done;
    Fd course(::open(course_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    Fd translations = course ? open_folder_at(course.get(), "translations") : Fd();
    if (!translations) return done;
    const fs::path path = course_dir / "translations";
    auto exists = [&](int dir, const std::string& name) {
        struct stat st {};
        return ::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
    };
    // A two-step swap cut short: the language has no folder, and the old one is aside.
    for (const std::string& name : names_in(translations.get()))
        if (const auto lang = staging_language(name, old_infix);
            lang && !exists(translations.get(), *lang) && open_folder_at(translations.get(), name) &&
            ::renameat(translations.get(), name.c_str(), translations.get(), lang->c_str()) == 0)
            done.push_back(fmt::format("put {} back in place from {}, left by an import that did not finish",
                                       (path / *lang).string(), name));
    for (const std::string& name : names_in(translations.get())) {
        if (staging_language(name, import_infix) || staging_language(name, old_infix)) {
            remove_tree_at(translations.get(), name);
        } else if (is_atomic_temporary(name)) {
            if (::unlinkat(translations.get(), name.c_str(), 0) != 0) continue;
        } else {
            if (Fd folder = open_folder_at(translations.get(), name); folder && valid_language_tag(name))
                for (const std::string& inner : names_in(folder.get()))
                    if (is_atomic_temporary(inner) && ::unlinkat(folder.get(), inner.c_str(), 0) == 0)
                        done.push_back(fmt::format("removed {}, left by an import that did not finish",
                                                   (path / name / inner).string()));
            continue;
        }
        if (!exists(translations.get(), name))
            done.push_back(
                fmt::format("removed {}, left by an import that did not finish", (path / name).string()));
    }
    if (!done.empty()) ::fsync(translations.get());
    return done;
}

std::vector<std::string> clean_catalog_leftovers(const fs::path& locales) {
    std::vector<std::string> done;
    Fd folder(::open(locales.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder) return done;
    for (const std::string& name : names_in(folder.get()))
        if (is_atomic_temporary(name) && ::unlinkat(folder.get(), name.c_str(), 0) == 0)
            done.push_back(
                fmt::format("removed {}, left by an import that did not finish", (locales / name).string()));
    if (!done.empty()) ::fsync(folder.get());
    return done;
}

}  // namespace lektion
