#include "package/package.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "base/read_bounded.hpp"
#include "records/sha256.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

// "" when `name` may name an entry, else why not. Each part of it is a
// plain name: no "", ".", ".." or other hidden name, no backslash (a
// separator elsewhere), no control character. A folder entry ends with "/".
std::string name_problem(std::string_view name, const PackageLimits& limits) {
    if (name.empty()) return "an entry has no name";
    if (name.size() > limits.max_name_bytes)
        return fmt::format("an entry name is longer than {} bytes", limits.max_name_bytes);
    if (name.front() == '/') return "is an absolute path";
    if (name.back() == '/') name.remove_suffix(1);
    std::size_t depth = 0;
    for (std::size_t start = 0; start <= name.size();) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        const std::string_view part = name.substr(start, end - start);
        if (part == "..") return "climbs out of its folder (..)";
        if (part.empty() || part.front() == '.') return "has an empty or hidden part";
        for (const char c : part)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\' || c == ':')
                return "has a control character, a backslash or a colon in its name";
        if (++depth > limits.max_depth)
            return fmt::format("is nested more than {} folders deep", limits.max_depth);
        start = end + 1;
    }
    return {};
}

// Entry names as messages show them: quoted, with anything unprintable replaced.
std::string shown(std::string_view name) {
    std::string out;
    for (const char c : name.substr(0, 120))
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    return "'" + out + (name.size() > 120 ? "...'" : "'");
}

std::time_t entry_time() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
        return static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    return 315705600;  // 1980-01-03 UTC: the zip format's first day, in every time zone
}

struct ZipHandle {
    zip_t* zip = nullptr;
    ~ZipHandle() {
        if (zip) zip_discard(zip);
    }
};

bool write_file(const fs::path& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ::fsync(fd) == 0 && ok;
    return ::close(fd) == 0 && ok;
}

// Makes each missing folder of `rel` under `root`; an existing part must be a
// folder (not a link): then nothing below it leads elsewhere.
bool make_folders(const fs::path& root, const fs::path& rel) {
    fs::path at = root;
    for (const fs::path& part : rel) {
        at /= part;
        if (::mkdir(at.c_str(), 0755) == 0) continue;
        struct stat st {};
        if (errno != EEXIST || ::lstat(at.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    }
    return true;
}

struct Entry {
    zip_uint64_t index;
    std::string name;
    std::uint64_t size;
    bool folder;
};

// An entry's bytes, at most `size` of them: one byte more is a lie about its size.
std::optional<std::string> read_entry(zip_t* zip, const Entry& e, std::string& error) {
    zip_file_t* f = zip_fopen_index(zip, e.index, 0);
    if (!f) {
        error = fmt::format("entry {} cannot be read ({})", shown(e.name), zip_strerror(zip));
        return std::nullopt;
    }
    std::string data(static_cast<std::size_t>(e.size) + 1, '\0');
    std::size_t used = 0;
    while (used < data.size()) {
        const zip_int64_t n = zip_fread(f, data.data() + used, data.size() - used);
        if (n < 0) {
            error = fmt::format("entry {} is damaged ({})", shown(e.name), zip_file_strerror(f));
            zip_fclose(f);
            return std::nullopt;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    const int closed = zip_fclose(f);  // reports a CRC that does not match
    if (used != e.size || closed != 0) {
        error = fmt::format("entry {} is damaged or not the size it declares", shown(e.name));
        return std::nullopt;
    }
    data.resize(used);
    return data;
}

// "HEX  NAME" lines, as sha256sum writes them.
std::optional<std::map<std::string, std::string>> parse_manifest(std::string_view text, std::string& error) {
    std::map<std::string, std::string> out;
    int line_no = 0;
    while (!text.empty()) {
        ++line_no;
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const bool hex = line.size() > 66 && line.substr(64, 2) == "  " &&
                         std::all_of(line.begin(), line.begin() + 64,
                                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
        if (!hex || !out.emplace(std::string(line.substr(66)), std::string(line.substr(0, 64))).second) {
            error = fmt::format("{} line {}: expected 'SHA-256  NAME', each name once", package_manifest,
                                line_no);
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace

PackResult pack_course(const fs::path& course_dir, const PackageLimits& limits) {
    PackResult r;
    auto fail = [&](std::string why) {
        r = PackResult{};
        r.error = std::move(why);
        return r;
    };
    std::vector<std::pair<std::string, fs::path>> files;  // entry name, file
    std::error_code ec;
    fs::recursive_directory_iterator it(course_dir, ec), end;
    if (ec) return fail(fmt::format("{}: cannot be read ({})", course_dir.string(), ec.message()));
    for (; it != end; it.increment(ec)) {
        if (ec) return fail(fmt::format("{}: cannot be read ({})", course_dir.string(), ec.message()));
        const fs::path& path = it->path();
        const fs::file_status st = it->symlink_status(ec);
        if (path.filename().string().front() == '.') {  // editor, lock and temporary files
            if (fs::is_directory(st)) it.disable_recursion_pending();
            continue;
        }
        if (fs::is_symlink(st))
            return fail(
                fmt::format("{}: is a symbolic link; a package holds files, not links", path.string()));
        if (fs::is_directory(st)) continue;
        if (!fs::is_regular_file(st)) return fail(fmt::format("{}: is not a regular file", path.string()));
        std::string name =
            std::string(package_course_folder) + "/" + path.lexically_relative(course_dir).generic_string();
        if (const std::string why = name_problem(name, limits); !why.empty())
            return fail(fmt::format("{}: {}", path.string(), why));
        files.emplace_back(std::move(name), path);
    }
    if (files.size() + 1 > limits.max_entries)
        return fail(
            fmt::format("{}: more than {} files for one package", course_dir.string(), limits.max_entries));
    std::sort(files.begin(), files.end());

    std::vector<std::string> contents;  // alive until zip_close() has read them
    std::string manifest;
    for (const auto& [name, path] : files) {
        std::string error;
        std::optional<std::string> bytes = read_bounded(path, limits.max_entry_bytes, error);
        if (!bytes)
            return fail(fmt::format("{}: {} (at most {} bytes a file)", path.string(), error,
                                    limits.max_entry_bytes));
        r.unpacked_bytes += bytes->size();
        if (r.unpacked_bytes > limits.max_total_bytes)
            return fail(fmt::format("{}: more than {} bytes for one package", course_dir.string(),
                                    limits.max_total_bytes));
        manifest += sha256_hex(*bytes) + "  " + name + "\n";
        contents.push_back(std::move(*bytes));
    }
    files.emplace_back(package_manifest, fs::path());
    contents.push_back(std::move(manifest));

    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_t* zip = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &err) : nullptr;
    if (!zip) {
        const std::string why = zip_error_strerror(&err);
        if (buffer) zip_source_free(buffer);
        zip_error_fini(&err);
        return fail("cannot make a zip file: " + why);
    }
    zip_error_fini(&err);
    zip_source_keep(buffer);  // read after zip_close()
    for (std::size_t i = 0; i < files.size(); ++i) {
        zip_source_t* s = zip_source_buffer(zip, contents[i].data(), contents[i].size(), 0);
        const zip_int64_t index = s ? zip_file_add(zip, files[i].first.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (s) zip_source_free(s);
            const std::string why = zip_strerror(zip);
            zip_discard(zip);
            zip_source_free(buffer);
            return fail("cannot make a zip file: " + why);
        }
        const auto idx = static_cast<zip_uint64_t>(index);
        zip_file_set_mtime(zip, idx, entry_time(), 0);
        zip_file_set_external_attributes(zip, idx, 0, ZIP_OPSYS_UNIX,
                                         static_cast<zip_uint32_t>(S_IFREG | 0644) << 16);
        zip_set_file_compression(zip, idx, ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(zip) != 0) {
        const std::string why = zip_strerror(zip);
        zip_discard(zip);
        zip_source_free(buffer);
        return fail("cannot make a zip file: " + why);
    }
    zip_stat_t st;
    zip_stat_init(&st);
    std::string out;
    if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
        out.resize(static_cast<std::size_t>(st.size));
        const zip_int64_t got = zip_source_read(buffer, out.data(), out.size());
        zip_source_close(buffer);
        if (got != static_cast<zip_int64_t>(out.size())) out.clear();
    }
    zip_source_free(buffer);
    if (out.empty()) return fail("cannot make a zip file: the archive could not be read back");
    r.bytes = std::move(out);
    r.files = files.size() - 1;
    return r;
}

UnpackResult unpack_package(const fs::path& package, const fs::path& parent, const std::string& prefix,
                            const PackageLimits& limits) {
    UnpackResult r;
    auto fail = [&](const std::string& why) {
        if (!r.folder.empty()) {
            std::error_code ec;
            fs::remove_all(r.folder, ec);
        }
        r = UnpackResult{};
        r.error = fmt::format("{}: {}", package.string(), why);
        return r;
    };
    std::string error;
    std::optional<std::string> bytes = read_bounded(package, limits.max_package_bytes, error);
    if (!bytes)
        return fail(fmt::format("{} (a package is at most {} bytes)", error, limits.max_package_bytes));

    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* source = zip_source_buffer_create(bytes->data(), bytes->size(), 0, &err);
    ZipHandle zip{source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr};
    if (!zip.zip) {
        // libzip refuses a central directory naming one entry twice itself.
        const std::string why = zip_error_code_zip(&err) == ZIP_ER_EXISTS
                                    ? "an entry name appears twice; refused"
                                    : "not a course package: " + std::string(zip_error_strerror(&err));
        if (source) zip_source_free(source);
        zip_error_fini(&err);
        return fail(why);
    }
    zip_error_fini(&err);

    // Every entry is checked before anything is unpacked.
    const zip_int64_t count = zip_get_num_entries(zip.zip, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries)
        return fail(fmt::format("holds more than {} entries; refused", limits.max_entries));
    std::vector<Entry> entries;
    std::set<std::string> names;
    std::uint64_t total = 0;
    std::optional<Entry> manifest_entry;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip.zip, i, ZIP_FL_ENC_RAW, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
            return fail(fmt::format("entry {} cannot be read", i));
        const std::string name = st.name;
        if (const std::string why = name_problem(name, limits); !why.empty())
            return fail(fmt::format("entry {} {}; refused", shown(name), why));
        const bool folder = name.back() == '/';
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        zip_file_get_external_attributes(zip.zip, i, 0, &opsys, &attributes);
        if (opsys == ZIP_OPSYS_UNIX) {
            const mode_t mode = attributes >> 16;
            if (S_ISLNK(mode)) return fail(fmt::format("entry {} is a symbolic link; refused", shown(name)));
            if ((mode & S_IFMT) != 0 && !S_ISREG(mode) && !S_ISDIR(mode))
                return fail(fmt::format("entry {} is not a file or folder; refused", shown(name)));
        }
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return fail(fmt::format("entry {} is encrypted; refused", shown(name)));
        if (!names.insert(folder ? name.substr(0, name.size() - 1) : name).second)
            return fail(fmt::format("entry {} appears twice; refused", shown(name)));
        if (folder) {
            entries.push_back({i, name, 0, true});
            continue;
        }
        if (st.size > limits.max_entry_bytes)
            return fail(fmt::format("entry {} unpacks to {} bytes, more than the {} allowed; refused",
                                    shown(name), st.size, limits.max_entry_bytes));
        if (st.size > limits.ratio_floor && (st.comp_size == 0 || st.size / st.comp_size > limits.max_ratio))
            return fail(fmt::format("entry {} is compressed more than {}:1 (a zip bomb?); refused",
                                    shown(name), limits.max_ratio));
        const Entry e{i, name, st.size, false};
        if (name != package_manifest) total += st.size;  // the manifest has its own bound
        if (total > limits.max_total_bytes)
            return fail(fmt::format("unpacks to more than {} bytes; refused", limits.max_total_bytes));
        if (name == package_manifest) manifest_entry = e;
        else if (name.rfind(std::string(package_course_folder) + "/", 0) != 0)
            return fail(fmt::format("entry {} is outside {}/; refused", shown(name), package_course_folder));
        else entries.push_back(e);
    }
    if (!manifest_entry) return fail(fmt::format("has no {}; not a course package", package_manifest));
    if (manifest_entry->size > limits.max_manifest_bytes)
        return fail(
            fmt::format("{} is larger than {} bytes; refused", package_manifest, limits.max_manifest_bytes));
    std::optional<std::string> manifest_text = read_entry(zip.zip, *manifest_entry, error);
    if (!manifest_text) return fail(error);
    std::optional<std::map<std::string, std::string>> manifest = parse_manifest(*manifest_text, error);
    if (!manifest) return fail(error);
    std::size_t files = 0;
    for (const Entry& e : entries) {
        if (e.folder) continue;
        ++files;
        if (!manifest->count(e.name))
            return fail(fmt::format("entry {} is not in {}; refused", shown(e.name), package_manifest));
    }
    if (files != manifest->size())
        return fail(fmt::format("{} names files the package does not hold; refused", package_manifest));

    // Unpacked into a folder made here, with O_EXCL and O_NOFOLLOW: no name
    // checked above can lead out of it.
    std::error_code ec;
    fs::create_directories(parent, ec);
    std::string folder = (parent / (prefix + "XXXXXX")).string();
    if (!::mkdtemp(folder.data()))
        return fail(fmt::format("cannot make a folder in {} ({})", parent.string(), std::strerror(errno)));
    r.folder = folder;
    for (const Entry& e : entries) {
        const fs::path rel = fs::path(e.folder ? e.name.substr(0, e.name.size() - 1) : e.name);
        if (!make_folders(r.folder, e.folder ? rel : rel.parent_path()))
            return fail(
                fmt::format("entry {} cannot be unpacked (a file and a folder of one name?)", shown(e.name)));
        if (e.folder) continue;
        std::optional<std::string> data = read_entry(zip.zip, e, error);
        if (!data) return fail(error);
        if (sha256_hex(*data) != manifest->at(e.name))
            return fail(fmt::format("entry {} does not match its checksum in {}; refused", shown(e.name),
                                    package_manifest));
        if (!write_file(r.folder / rel, *data))
            return fail(fmt::format("entry {} cannot be written ({})", shown(e.name), std::strerror(errno)));
    }
    sync_folder(r.folder);
    r.files = files;
    if (!fs::is_regular_file(r.folder / package_course_folder / "course.xml", ec))
        return fail(fmt::format("has no {}/course.xml; not a course package", package_course_folder));
    return r;
}

}  // namespace lektion
