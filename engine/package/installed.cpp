#include "package/installed.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "load/loader.hpp"
#include "load/translation.hpp"
#include "resources/paths.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

std::optional<InstalledCourse> read_course(const fs::path& dir, const std::string& lang, bool user) {
    std::error_code ec;
    if (dir.filename().string().front() == '.' || !fs::is_regular_file(dir / "course.xml", ec))
        return std::nullopt;
    const LoadResult r = load_course(dir, lang);
    if (!r.course || !valid_course_id(r.course->id)) return std::nullopt;
    return InstalledCourse{r.course->id, r.course->version, r.course->title.plain(), dir, user};
}

void scan(const fs::path& folder, const std::string& lang, bool user, std::vector<InstalledCourse>& out) {
    if (folder.empty()) return;
    std::error_code ec;
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.is_directory(ec) && !e.is_symlink(ec)) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path& d : dirs) {
        std::optional<InstalledCourse> c = read_course(d, lang, user);
        if (!c) continue;
        auto same =
            std::find_if(out.begin(), out.end(), [&](const InstalledCourse& o) { return o.id == c->id; });
        if (same == out.end()) out.push_back(std::move(*c));
        else if (user) *same = std::move(*c);  // the user's copy replaces the shipped one
    }
}

}  // namespace

std::vector<InstalledCourse> installed_courses(const std::string& lang) {
    std::vector<InstalledCourse> out;
    scan(resource_dir("courses"), lang, false, out);
    scan(user_courses_dir(), lang, true, out);
    std::stable_sort(out.begin(), out.end(),
                     [](const InstalledCourse& a, const InstalledCourse& b) { return a.title < b.title; });
    return out;
}

int compare_versions(const std::string& a, const std::string& b) {
    auto numeric = [](const std::string& s) {
        return !s.empty() &&
               std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    };
    if (!numeric(a) || !numeric(b)) return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        auto next = [](const std::string& s, std::size_t& k) {
            std::string part;
            while (k < s.size() && s[k] != '.') part += s[k++];
            ++k;
            part.erase(0, std::min(part.find_first_not_of('0'), part.size()));
            return part;
        };
        const std::string x = next(a, i), y = next(b, j);
        if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

bool valid_course_id(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '.') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.';
    });
}

InstallResult install_package(const fs::path& package, bool force, int (*check)(const fs::path& course_dir)) {
    InstallResult r;
    const fs::path courses = user_courses_dir();
    if (courses.empty()) {
        r.error = "no home folder to install courses in";
        return r;
    }
    const UnpackResult unpacked = unpack_package(package, courses, ".incoming-");
    if (!unpacked.error.empty()) {
        r.error = unpacked.error;
        return r;
    }
    std::error_code ec;
    auto refuse = [&](std::string why) {
        fs::remove_all(unpacked.folder, ec);
        r.error = fmt::format("{}: {}", package.string(), why);
        return r;
    };
    const fs::path course_dir = unpacked.folder / package_course_folder;
    const LoadResult loaded = load_course(course_dir);
    if (!loaded.course || check(course_dir) > 0)
        return refuse("the course in it has errors (see above); not installed");
    const Course& c = *loaded.course;
    if (!valid_course_id(c.id))
        return refuse(fmt::format("course id '{}' cannot name a folder; not installed", c.id));
    for (const InstalledCourse& have : installed_courses()) {
        if (have.id != c.id) continue;
        if (compare_versions(have.version, c.version) > 0 && !force)
            return refuse(
                fmt::format("version {} of '{}' is installed, newer than this package's {}; "
                            "--force replaces it",
                            have.version, c.id, c.version));
        if (have.user) r.replaced = have.version;
    }
    // The old folder steps aside by rename, the new one takes its name, then
    // the old one goes: a crash in between leaves a hidden folder, never half a course.
    const fs::path target = courses / c.id;
    const fs::path old = unpacked.folder / "replaced";
    if (fs::exists(fs::symlink_status(target, ec)) && ::rename(target.c_str(), old.c_str()) != 0)
        return refuse(fmt::format("{} cannot be replaced ({})", target.string(), std::strerror(errno)));
    if (::rename(course_dir.c_str(), target.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::rename(old.c_str(), target.c_str());
        return refuse(fmt::format("cannot install into {} ({})", target.string(), why));
    }
    sync_folder(courses);
    fs::remove_all(unpacked.folder, ec);
    r.course = InstalledCourse{c.id, c.version, c.title.plain(), target, true};
    return r;
}

}  // namespace lektion
