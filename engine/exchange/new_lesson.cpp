#include "exchange/new_lesson.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "base/atomic_file.hpp"
#include "base/limits.hpp"
#include "base/read_bounded.hpp"
#include "exchange/authoring_names.hpp"
#include "exchange/skeleton.hpp"
#include "exchange/store.hpp"
#include "load/loader.hpp"
#include "load/translation.hpp"
#include "load/visit.hpp"
#include "xliff/escape.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

void add_ids(std::set<std::string>& ids, const std::vector<Question>& questions) {
    for (const Question& q : questions) {
        ids.insert(q.id);
        for (const Option& o : q.options) ids.insert(o.id);
    }
}

// Every id the course gives anything: what the loader registers, read back
// from the model.
std::set<std::string> course_ids(const Course& course) {
    std::set<std::string> ids{course.id};
    for (const Section& s : course.start) ids.insert(s.id);
    for (const OutcomeGroup& g : course.outcomes) ids.insert(g.id);
    for (const Lesson& l : course.lessons) {
        ids.insert(l.id);
        for (const Section& s : l.sections) ids.insert(s.id);
        add_ids(ids, l.checks);
    }
    if (course.quiz) {
        ids.insert(course.quiz->id);
        add_ids(ids, course.quiz->questions);
    }
    for_each_text(course, [&](const Text& t, const UnitContext&) { ids.insert(t.id); });
    ids.erase("");
    return ids;
}

// `id` itself, or an id inside it: "l6" or "l6.s1.p1" for "l6".
bool claims(const std::string& taken, const std::string& id) {
    return taken == id || (taken.size() > id.size() && taken.starts_with(id) && taken[id.size()] == '.');
}

// "" when no stored translation holds a unit of `id`, else the refusal.
std::string translated_before(const fs::path& dir, const std::string& id) {
    for (const std::string& lang : course_languages(dir)) {
        Diagnostics ignored;  // lint reports unreadable translations; here only their ids count
        const TranslationStore store = read_course_store(dir, lang, ignored);
        for (const StoredFile& f : store.files)
            for (const StoredSection& s : f.sections)
                for (const StoredUnit& u : s.units)
                    if (claims(u.id, id))
                        return fmt::format(
                            "'{}' was used before: {} still translates '{}', and would show in the new "
                            "lesson; choose another id",
                            id, f.path.lexically_relative(dir).generic_string(), u.id);
    }
    return {};
}

// Byte offset just past the element that starts at `start` (its '<'): the end
// of an empty-element tag, else of its end tag. Quoted '>' are skipped.
std::size_t element_end(const std::string& text, std::size_t start, const std::string& name) {
    char quote = 0;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            if (text[i - 1] == '/') return i + 1;
            const std::size_t close = text.find("</" + name, i);
            if (close == std::string::npos) return std::string::npos;
            const std::size_t gt = text.find('>', close);
            return gt == std::string::npos ? gt : gt + 1;
        }
    }
    return std::string::npos;
}

// The manifest with `<lesson href="file"/>` after its last <lesson>, on a line
// of its own, indented as that lesson is.
std::optional<std::string> register_lesson(const std::string& manifest, const std::string& file,
                                           std::string& error) {
    pugi::xml_document doc;
    if (!doc.load_buffer(manifest.data(), manifest.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                         pugi::encoding_utf8)) {
        error = "course.xml does not parse";
        return std::nullopt;
    }
    pugi::xml_node last = doc.document_element().child("lessons").last_child();
    while (last && !(last.type() == pugi::node_element && std::string_view(last.name()) == "lesson"))
        last = last.previous_sibling();
    if (!last || last.offset_debug() < 1) {
        error = "course.xml has no <lesson> to add the new one after";
        return std::nullopt;
    }
    const std::size_t start = static_cast<std::size_t>(last.offset_debug()) - 1;  // the '<'
    const std::size_t end = element_end(manifest, start, "lesson");
    if (end == std::string::npos) {
        error = "cannot find the end of the last <lesson> in course.xml";
        return std::nullopt;
    }
    const std::size_t line_start = manifest.rfind('\n', start) + 1;  // npos + 1 == 0
    std::string indent = manifest.substr(line_start, start - line_start);
    if (indent.find_first_not_of(" \t") != std::string::npos) indent = "    ";
    const bool crlf = line_start >= 2 && manifest[line_start - 2] == '\r';
    const std::string line =
        fmt::format("{}{}<lesson href=\"{}\"/>", crlf ? "\r\n" : "\n", indent, xml_escape_attr(file));
    return manifest.substr(0, end) + line + manifest.substr(end);
}

}  // namespace

bool add_lesson(const fs::path& dir, const std::string& id, const std::string& title, NewLesson& out,
                std::string& error) {
    if (error = lesson_id_problem(id); !error.empty()) return false;
    if (error = title_problem(title); !error.empty()) return false;
    const LoadResult before = load_course(dir);
    if (!before.course) {
        error = fmt::format("{} has errors; fix them first (lektion lint {})", dir.string(), dir.string());
        return false;
    }
    const std::set<std::string> ids = course_ids(*before.course);
    if (std::any_of(ids.begin(), ids.end(), [&](const std::string& taken) { return claims(taken, id); })) {
        error = fmt::format("the course has the id '{}' already", id);
        return false;
    }
    if (error = translated_before(dir, id); !error.empty()) return false;
    out.file = dir / (id + ".xml");
    out.manifest = dir / "course.xml";
    std::error_code ec;
    // symlink_status: a link that leads nowhere is there all the same.
    if (fs::symlink_status(out.file, ec).type() != fs::file_type::not_found) {
        error = fmt::format("{} exists already", out.file.string());
        return false;
    }
    std::string read_error;
    const std::optional<std::string> manifest =
        read_bounded(out.manifest, limits::authored_file_bytes, read_error);
    if (!manifest) {
        error = fmt::format("{}: {}", out.manifest.string(), read_error);
        return false;
    }
    const std::optional<std::string> registered = register_lesson(*manifest, id + ".xml", error);
    if (!registered) return false;

    // The lesson first: a manifest naming a missing file would not load.
    if (error = write_atomically(out.file, lesson_skeleton(id, tidy_title(title)), mode_shared);
        !error.empty())
        return false;
    if (error = write_atomically(out.manifest, *registered, mode_shared); !error.empty()) {
        fs::remove(out.file, ec);
        return false;
    }
    const LoadResult after = load_course(dir);
    if (!after.course ||
        after.diagnostics.error_count() > 0) {  // should not happen; leave the course as it was
        (void)write_atomically(out.manifest, *manifest, mode_shared);
        fs::remove(out.file, ec);
        error = "the new lesson did not load; nothing was changed";
        for (const Diagnostic& d : after.diagnostics.items) error += "\n" + format(d);
        return false;
    }
    return true;
}

}  // namespace lektion
