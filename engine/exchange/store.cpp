#include "exchange/store.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

#include "base/atomic_file.hpp"
#include "base/limits.hpp"
#include "course/text.hpp"
#include "exchange/language_folder.hpp"
#include "exchange/xliff_writer.hpp"
#include "xliff/inline.hpp"
#include "xliff/trans_units.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_store_file = limits::translation_store_bytes;

// The children of `node` as they would be written back: keeps what a reader
// did not understand when a file is rewritten for other reasons.
std::string inner_xml(pugi::xml_node node) {
    std::ostringstream out;
    for (pugi::xml_node c : node.children()) c.print(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

StoredUnit read_unit(const LocatedXml& file, pugi::xml_node node, Domain domain) {
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
    return u;
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
        for_each_trans_unit(xfile, [&](pugi::xml_node unit) {
            section.units.push_back(read_unit(file, unit, store.domain));
        });
        stored.sections.push_back(std::move(section));
    }
    store.files.push_back(std::move(stored));
}

}  // namespace

Text read_unit_text(pugi::xml_node node, Domain domain, std::vector<std::string>& problems) {
    if (domain == Domain::course) return read_xliff_inline(node, problems);
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
    // Nothing is read through a link: the folder and each file must be what they say.
    for (const fs::path& p : {course_dir / "translations", store.folder})
        if (fs::is_symlink(p)) {
            diags.add(Severity::error, p.generic_string(), 0, 0,
                      "is a symbolic link; lektion reads and writes translations only inside the course");
            store.readable = false;
            return store;
        }
    std::error_code ec;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(store.folder, ec)) {
        if (entry.path().extension() != ".xlf" || is_atomic_temporary(entry.path().filename().string()))
            continue;
        if (entry.is_symlink(ec)) {
            diags.add(Severity::error, entry.path().generic_string(), 0, 0,
                      "is a symbolic link; lektion reads and writes translations only inside the course");
            store.readable = false;
        } else if (entry.is_regular_file(ec)) {
            paths.push_back(entry.path());
        }
    }
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
    if (fs::is_symlink(path, ec)) {
        diags.add(Severity::error, path.generic_string(), 0, 0,
                  "is a symbolic link; lektion reads and writes catalogs only inside the locales folder");
        store.readable = false;
    } else if (fs::exists(path, ec)) {
        read_file(store, path, diags);
    }
    return store;
}

std::string render_stored_file(const StoredFile& file, Domain domain) {
    std::vector<XliffFileOut> out;
    for (const StoredSection& s : file.sections) {
        XliffFileOut f{s.original, s.source_lang, s.target_lang, s.datatype, "", "", {}};
        if (f.datatype.empty()) f.datatype = domain == Domain::course ? "xml" : "plaintext";
        for (const StoredUnit& u : s.units) {
            XliffUnitOut unit{u.id, u.modified ? to_xliff_inline(u.source) : u.source_xml, std::nullopt,
                              u.state, u.notes};
            if (u.modified || u.has_target)
                unit.target = u.modified ? to_xliff_inline(u.target) : u.target_xml;
            f.units.push_back(std::move(unit));
        }
        out.push_back(std::move(f));
    }
    return render_xliff(out);
}

std::string why_not_storable(std::string_view xml) {
    if (const auto bad = find_invalid_utf8(xml)) return fmt::format("invalid UTF-8 at byte {}", *bad);
    if (const auto c = find_control_character(xml))
        return fmt::format("control character {} at byte {}", code_point_name(c->code), c->offset);
    // lektion writes no character references; one kept from a stored file
    // must not name what the raw text may not hold (pugixml reads &#0; too).
    for (std::size_t at = xml.find("&#"); at != std::string_view::npos; at = xml.find("&#", at + 2)) {
        const bool hex = at + 2 < xml.size() && (xml[at + 2] | 0x20) == 'x';
        const std::size_t digits = at + (hex ? 3 : 2);
        const std::size_t end = xml.find(';', digits);
        if (end == std::string_view::npos || end - digits > 8) continue;  // not a reference: pugixml judges
        const std::string number(xml.substr(digits, end - digits));
        char* rest = nullptr;
        const unsigned long value = std::strtoul(number.c_str(), &rest, hex ? 16 : 10);
        if (number.empty() || *rest != '\0') continue;
        if (value == 0 || value > 0x10FFFF || is_forbidden_character(static_cast<char32_t>(value)))
            return fmt::format("character reference {} at byte {}", xml.substr(at, end + 1 - at), at);
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed)
        return fmt::format("not well-formed XML ({} at byte {})", parsed.description(), parsed.offset);
    if (std::string_view(doc.document_element().name()) != "xliff") return "not an XLIFF document";
    return {};
}

bool TranslationStore::has_changes() const {
    return std::any_of(files.begin(), files.end(), [](const StoredFile& f) { return f.modified; });
}

std::vector<fs::path> write_store(TranslationStore& store, Diagnostics& diags) {
    // Everything rendered and checked before anything is written.
    std::vector<std::pair<std::string, std::string>> changed;
    std::vector<StoredFile*> files;
    for (StoredFile& f : store.files) {
        if (!f.modified) continue;
        std::string text = render_stored_file(f, store.domain);
        if (const std::string why = why_not_storable(text); !why.empty()) {
            diags.add(Severity::error, f.shown, 0, 0,
                      fmt::format("would not be well-formed and clean: {}; nothing was written", why));
            return {};
        }
        if (f.path.parent_path() != store.folder) {
            diags.add(Severity::error, f.shown, 0, 0,
                      fmt::format("is not in {}; nothing was written", store.folder.generic_string()));
            return {};
        }
        changed.emplace_back(f.path.filename().string(), std::move(text));
        files.push_back(&f);
    }
    if (files.empty()) return {};
    if (store.domain == Domain::course) {
        const std::string error = replace_language_folder(store.folder.parent_path().parent_path(),
                                                          store.folder.filename().string(), changed);
        if (!error.empty()) {
            diags.add(Severity::error, store.folder.generic_string(), 0, 0, error);
            return {};
        }
    } else {
        // An interface language is one catalog, written atomically by itself.
        for (std::size_t i = 0; i < files.size(); ++i)
            if (const std::string error = write_atomically(files[i]->path, changed[i].second, mode_shared);
                !error.empty()) {
                diags.add(Severity::error, files[i]->shown, 0, 0, error);
                return {};
            }
    }
    std::vector<fs::path> written;
    for (StoredFile* f : files) {
        f->modified = false;
        written.push_back(f->path);
    }
    return written;
}

bool flagged_for_review(const std::string& state) { return state.rfind("needs-", 0) == 0; }

UnitStatus status_of(const SourceUnit& unit, const StoredUnit* stored) {
    // A target the reader refused is not shown by the player: not translated.
    if (!stored || stored->target.empty() || !stored->problems.empty()) return UnitStatus::missing;
    if (!same_text(stored->source, unit.source) || flagged_for_review(stored->state))
        return UnitStatus::stale;
    return UnitStatus::translated;
}

}  // namespace lektion
