#include "exchange/new_lesson.hpp"
#include "course/xml_file.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include "base/atomic_file.hpp"
#include "course/loader.hpp"
#include "course/text.hpp"
#include "course/visit.hpp"
#include "exchange/inline_markup.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

// An id for a lesson: the stable-id alphabet, without '.', which separates
// the ids of what the lesson holds (l6.s1.p1).
bool valid_lesson_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '-' && c != '_'))) return false;
    }
    return true;
}

bool course_has_id(const Course& course, const std::string& id) {
    bool found = course.id == id || (course.quiz.has_value() && course.quiz->id == id);
    const std::string prefix = id + ".";
    for (const Lesson& l : course.lessons) found |= l.id == id;
    for_each_text(
        course, [&](const Text& t, const UnitContext&) { found |= t.id == id || t.id.starts_with(prefix); });
    return found;
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

std::string lesson_id_problem(const std::string& id) {
    if (valid_lesson_id(id)) return {};
    // The id is quoted in the message: only what cannot disturb a terminal.
    std::string shown;
    for (char c : id.substr(0, 64)) shown += (c >= 0x20 && c < 0x7F) ? c : '?';
    return fmt::format(
        "'{}' is not a lesson id: use a-z, 0-9, '-' and '_', starting with a letter or digit, such as l6",
        shown);
}

std::string lesson_title_problem(const std::string& title) {
    if (find_invalid_utf8(title)) return "the title is not UTF-8 text";
    if (const std::optional<ForbiddenChar> c = find_control_character(title))
        return fmt::format("the title holds control character {}; write plain text",
                           code_point_name(c->code));
    Text heading;
    heading.spans.push_back({title, plain});
    tidy(heading);
    if (heading.empty()) return "the title is empty";
    std::size_t characters = 0;
    for (char c : heading.plain()) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (characters > max_title_length)
        return fmt::format(
            "the title is longer than {} characters ({}); a shorter one fits the table of contents",
            max_title_length, characters);
    return {};
}

std::string lesson_skeleton(const std::string& id, const std::string& title) {
    return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- Lesson {0}: write the text in the course's source language, keep the ids
     (see content/FORMAT.md), and check with: lektion lint COURSE_DIR -->
<lesson id="{0}">
  <title id="{0}.title">{1}</title>
  <section id="{0}.s1">
    <heading id="{0}.s1.h">Section heading</heading>
    <p id="{0}.s1.p1">First paragraph of the section.</p>
  </section>
  <check>
    <question id="{0}.check" type="single">
      <prompt id="{0}.check.prompt">A question on the lesson?</prompt>
      <option id="{0}.check.a" correct="true">
        <label id="{0}.check.a.label">The right answer</label>
        <feedback id="{0}.check.a.feedback">Why it is right.</feedback>
      </option>
      <option id="{0}.check.b">
        <label id="{0}.check.b.label">A wrong answer</label>
        <feedback id="{0}.check.b.feedback">Why it is wrong.</feedback>
      </option>
      <explanation id="{0}.check.explanation">Where in the lesson the answer is explained.</explanation>
    </question>
  </check>
</lesson>
)",
                       id, xml_escape(title));
}

bool add_lesson(const fs::path& dir, const std::string& id, const std::string& title, NewLesson& out,
                std::string& error) {
    if (error = lesson_id_problem(id); !error.empty()) return false;
    if (error = lesson_title_problem(title); !error.empty()) return false;
    Text heading;
    heading.spans.push_back({title, plain});
    tidy(heading);
    const LoadResult before = load_course(dir);
    if (!before.course) {
        error = fmt::format("{} has errors; fix them first (lektion lint {})", dir.string(), dir.string());
        return false;
    }
    if (course_has_id(*before.course, id)) {
        error = fmt::format("the course has the id '{}' already", id);
        return false;
    }
    out.file = dir / (id + ".xml");
    out.manifest = dir / "course.xml";
    std::error_code ec;
    if (fs::exists(out.file, ec)) {
        error = fmt::format("{} exists already", out.file.string());
        return false;
    }
    std::string read_error;
    const std::optional<std::string> manifest = read_bounded(out.manifest, 8u << 20, read_error);
    if (!manifest) {
        error = fmt::format("{}: {}", out.manifest.string(), read_error);
        return false;
    }
    const std::optional<std::string> registered = register_lesson(*manifest, id + ".xml", error);
    if (!registered) return false;

    // The lesson first: a manifest naming a missing file would not load.
    if (error = write_atomically(out.file, lesson_skeleton(id, heading.plain()), mode_shared); !error.empty())
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
