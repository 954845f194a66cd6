#include "exchange/new_course.hpp"

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "exchange/authoring_names.hpp"
#include "exchange/import_lock.hpp"
#include "exchange/skeleton.hpp"
#include "l10n/language_tag.hpp"
#include "load/loader.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

bool present(const fs::path& p) {
    std::error_code ec;
    return fs::symlink_status(p, ec).type() != fs::file_type::not_found;
}

std::string language_problem(const std::string& lang) {
    if (valid_language_tag(normalize_language_tag(lang))) return {};
    const std::string better = suggest_language_tag(lang);
    // Only printable ASCII is quoted back: a tag is nothing else.
    std::string shown;
    for (char c : lang.substr(0, 64)) shown += (c >= 0x20 && c < 0x7F) ? c : '?';
    return fmt::format("--lang '{}' is not a language tag{}", shown,
                       better.empty() ? std::string(" such as da, en or pt-BR")
                                      : fmt::format("; did you mean '{}'?", better));
}

// "" when DIR may become a course, else why not.
std::string folder_problem(const fs::path& dir, const NewCourse& out) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(dir, ec);
    if (fs::is_symlink(status))
        return fmt::format("{} is a symbolic link; name the folder itself", dir.string());
    if (status.type() != fs::file_type::not_found && !fs::is_directory(status))
        return fmt::format("{} is not a folder", dir.string());
    for (const fs::path& p : {out.manifest, out.lesson})
        if (present(p)) return fmt::format("{} exists already; nothing was written", p.string());
    return {};
}

}  // namespace

NewCourseOutcome create_course(const fs::path& dir, const std::string& id, const std::string& title,
                               const std::string& lang, NewCourse& out, std::string& error) {
    out.manifest = dir / "course.xml";
    out.lesson = dir / (std::string(first_lesson_id) + ".xml");
    for (const std::string& problem :
         {course_id_problem(id), title_problem(title), language_problem(lang), folder_problem(dir, out)})
        if (!problem.empty()) {
            error = problem;
            return NewCourseOutcome::refused;
        }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        error = fmt::format("{}: cannot be created ({})", dir.string(), ec.message());
        return NewCourseOutcome::failed;
    }
    const ImportLock lock(dir, nullptr);
    if (!lock.locked()) {
        error = fmt::format("{}; nothing was written", lock.error());
        return NewCourseOutcome::failed;
    }
    // Again under the lock: another command may have been quicker.
    if (error = folder_problem(dir, out); !error.empty()) return NewCourseOutcome::refused;

    // The lesson first: a manifest naming a missing file would not load.
    if (error = write_atomically(out.lesson, first_lesson_skeleton(), mode_shared); !error.empty())
        return NewCourseOutcome::failed;
    const std::string manifest = course_skeleton(id, tidy_title(title), normalize_language_tag(lang));
    if (error = write_atomically(out.manifest, manifest, mode_shared); !error.empty()) {
        fs::remove(out.lesson, ec);
        return NewCourseOutcome::failed;
    }
    const LoadResult made = load_course(dir);
    if (!made.course || made.diagnostics.error_count() > 0) {  // should not happen; take it back
        fs::remove(out.manifest, ec);
        fs::remove(out.lesson, ec);
        error = "the new course did not load; nothing was written";
        for (const Diagnostic& d : made.diagnostics.items) error += "\n" + format(d);
        return NewCourseOutcome::failed;
    }
    return NewCourseOutcome::created;
}

}  // namespace lektion
