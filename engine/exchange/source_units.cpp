#include "exchange/source_units.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/limits.hpp"
#include "course/text.hpp"
#include "exchange/located_xml.hpp"
#include "load/visit.hpp"
#include "xliff/inline.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

std::string context_note(const UnitContext& ctx) {
    std::string note;
    for (const std::string& part : {ctx.lesson, ctx.section, std::string(ctx.kind ? ctx.kind : "")}) {
        if (part.empty()) continue;
        if (!note.empty()) note += " › ";
        note += part;
    }
    return note;
}

void add_unit(Source& s, SourceUnit unit) {
    unit.words = count_words(unit.source);
    if (!s.index.emplace(unit.id, s.units.size()).second) return;  // the loader reports duplicates
    if (std::find(s.originals.begin(), s.originals.end(), unit.original) == s.originals.end())
        s.originals.push_back(unit.original);
    s.units.push_back(std::move(unit));
}

}  // namespace

const SourceUnit* Source::find(std::string_view id) const {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &units[it->second];
}

int Source::position(std::string_view id) const {
    auto it = index.find(id);
    return it == index.end() ? -1 : static_cast<int>(it->second);
}

Text plain_text(std::string s) {
    Text t;
    if (!s.empty()) t.spans.push_back({std::move(s), plain});
    return t;
}

Source course_source(const Course& course) {
    Source s;
    s.domain = Domain::course;
    s.project = course.id;
    s.title = course.title.plain();
    s.version = course.version;
    s.lang = course.lang;
    // The manifest order, even for a file that holds no text.
    s.originals.push_back("course.xml");
    for (const Lesson& l : course.lessons) s.originals.push_back(l.file);
    if (course.quiz) s.originals.push_back(course.quiz->file);
    for_each_text(course, [&](const Text& t, const UnitContext& ctx) {
        if (t.id.empty()) return;
        add_unit(s, {t.id, ctx.file, context_note(ctx), t, 0});
    });
    return s;
}

std::optional<Source> interface_source(const fs::path& locales, Diagnostics& diags) {
    const fs::path path = locales / "en.xlf";
    LocatedXml file(path, path.generic_string(), limits::authored_file_bytes, diags);
    if (!file.ok()) return std::nullopt;
    pugi::xml_node xfile = file.root().child("file");
    if (std::string_view(file.root().name()) != "xliff" || !xfile) {
        report(diags, Severity::error, file.path(), file.site(file.root()),
               "not an XLIFF 1.2 catalog: expected <xliff><file>");
        return std::nullopt;
    }
    Source s;
    s.domain = Domain::interface;
    s.project = interface_project;
    s.title = "lektion";
    s.lang = xfile.attribute("source-language").as_string("en");
    s.originals.push_back(interface_project);
    for (pugi::xml_node unit : xfile.child("body").children("trans-unit")) {
        std::vector<std::string> problems;
        std::string pattern = read_xliff_plain(unit.child("source"), problems);
        for (const std::string& p : problems) report(diags, Severity::error, file.path(), file.site(unit), p);
        const std::string id = unit.attribute("id").value();
        if (id.empty()) continue;
        add_unit(s,
                 {id, interface_project, unit.child("note").text().get(), plain_text(std::move(pattern)), 0});
    }
    return s;
}

}  // namespace lektion
