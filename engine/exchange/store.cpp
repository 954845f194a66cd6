#include "exchange/store.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "exchange/inline_markup.hpp"
#include "exchange/xliff_writer.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_store_file = 16u << 20;

void read_units(const LocatedXml& file, pugi::xml_node parent, Domain domain, StoredSection& section,
                int depth) {
    for (pugi::xml_node node : parent.children()) {
        const std::string_view name = node.name();
        if (name == "group" && depth < 8) read_units(file, node, domain, section, depth + 1);
        if (name != "trans-unit") continue;
        StoredUnit u;
        u.id = node.attribute("id").value();
        u.site = file.site(node);
        pugi::xml_node source = node.child("source");
        pugi::xml_node target = node.child("target");
        std::vector<std::string> ignored;  // the source side is only compared, never shown
        u.source = read_unit_text(source, domain, ignored);
        u.source_xml = inner_xml(source);
        u.has_target = static_cast<bool>(target);
        if (target) {
            u.target = read_unit_text(target, domain, u.problems);
            u.target_xml = inner_xml(target);
            u.state = target.attribute("state").value();
            u.target_site = file.site(target);
        } else {
            u.target_site = u.site;
        }
        for (pugi::xml_node note : node.children("note")) u.notes.push_back(note.text().get());
        section.units.push_back(std::move(u));
    }
}

void read_file(TranslationStore& store, const fs::path& path, Diagnostics& diags) {
    LocatedXml file(path, path.generic_string(), max_store_file, diags);
    if (!file.ok()) {
        store.readable = false;
        return;
    }
    if (std::string_view(file.root().name()) != "xliff") {
        report(diags, Severity::error, file.path(), file.site(file.root()),
               fmt::format("root element is <{}>; expected <xliff>", file.root().name()));
        store.readable = false;
        return;
    }
    StoredFile stored{path, file.path(), {}, false};
    for (pugi::xml_node xfile : file.root().children("file")) {
        StoredSection section;
        section.original = xfile.attribute("original").value();
        section.source_lang = xfile.attribute("source-language").value();
        section.target_lang = xfile.attribute("target-language").value();
        section.datatype = xfile.attribute("datatype").value();
        section.site = file.site(xfile);
        read_units(file, xfile.child("body"), store.domain, section, 0);
        stored.sections.push_back(std::move(section));
    }
    store.files.push_back(std::move(stored));
}

}  // namespace

Text read_unit_text(pugi::xml_node node, Domain domain, std::vector<std::string>& problems) {
    if (domain == Domain::course) return read_xliff_text(node, problems);
    return plain_text(read_xliff_plain(node, problems));
}

StoredUnit* TranslationStore::find(std::string_view id) {
    for (StoredFile& f : files)
        for (StoredSection& s : f.sections)
            for (StoredUnit& u : s.units)
                if (u.id == id) return &u;
    return nullptr;
}

const StoredUnit* TranslationStore::find(std::string_view id) const {
    return const_cast<TranslationStore*>(this)->find(id);
}

TranslationStore read_course_store(const fs::path& course_dir, const std::string& lang, Diagnostics& diags) {
    TranslationStore store;
    store.domain = Domain::course;
    store.lang = lang;
    store.folder = course_dir / "translations" / lang;
    std::error_code ec;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(store.folder, ec))
        if (entry.path().extension() == ".xlf" && entry.is_regular_file(ec)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) read_file(store, p, diags);
    return store;
}

TranslationStore read_interface_store(const fs::path& locales, const std::string& lang, Diagnostics& diags) {
    TranslationStore store;
    store.domain = Domain::interface;
    store.lang = lang;
    store.folder = locales;
    const fs::path path = locales / (lang + ".xlf");
    std::error_code ec;
    if (fs::exists(path, ec)) read_file(store, path, diags);
    return store;
}

std::string render_stored_file(const StoredFile& file, Domain domain) {
    std::vector<XliffFileOut> out;
    for (const StoredSection& s : file.sections) {
        XliffFileOut f{s.original, s.source_lang, s.target_lang, s.datatype, "", "", {}};
        if (f.datatype.empty()) f.datatype = domain == Domain::course ? "xml" : "plaintext";
        for (const StoredUnit& u : s.units) {
            XliffUnitOut unit{u.id, u.modified ? to_xliff_markup(u.source) : u.source_xml, std::nullopt,
                              u.state, u.notes};
            if (u.modified || u.has_target)
                unit.target = u.modified ? to_xliff_markup(u.target) : u.target_xml;
            f.units.push_back(std::move(unit));
        }
        out.push_back(std::move(f));
    }
    return render_xliff(out);
}

std::vector<fs::path> write_store(TranslationStore& store, Diagnostics& diags) {
    std::vector<fs::path> written;
    for (StoredFile& f : store.files) {
        if (!f.modified) continue;
        const std::string error = write_atomically(f.path, render_stored_file(f, store.domain), mode_shared);
        if (!error.empty()) {
            diags.add(Severity::error, f.shown, 0, 0, error);
            continue;
        }
        f.modified = false;
        written.push_back(f.path);
    }
    return written;
}

bool flagged_for_review(const std::string& state) { return state.rfind("needs-", 0) == 0; }

UnitStatus status_of(const SourceUnit& unit, const StoredUnit* stored) {
    if (!stored || stored->target.empty()) return UnitStatus::missing;
    if (!same_text(stored->source, unit.source) || flagged_for_review(stored->state))
        return UnitStatus::stale;
    return UnitStatus::translated;
}

}  // namespace lektion
