#include "exchange/translation_lint.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "base/limits.hpp"
#include "exchange/placeholders.hpp"
#include "exchange/source_units.hpp"
#include "exchange/store.hpp"
#include "l10n/catalog.hpp"
#include "l10n/glyphs.hpp"
#include "load/translation.hpp"
#include "xliff/emphasis_tags.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

std::string glyph_list(const std::vector<char32_t>& missing) {
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 8; ++i)
        list += (list.empty() ? "" : ", ") + describe_code_point(missing[i]);
    if (missing.size() > 8) list += fmt::format(" and {} more", missing.size() - 8);
    return list;
}

// Where the element with `id` starts in a source file; for the rare message
// about the source text itself.
Site site_of_id(const fs::path& file, const std::string& id) {
    Diagnostics ignored;
    LocatedXml xml(file, file.generic_string(), limits::authored_file_bytes, ignored);
    if (!xml.ok()) return {};
    pugi::xml_node node = xml.root().find_node(
        [&](pugi::xml_node n) { return n.type() == pugi::node_element && id == n.attribute("id").value(); });
    return node ? xml.site(node) : Site{};
}

void check_source_glyphs(const Source& source, const fs::path& dir, Diagnostics& diags) {
    for (const SourceUnit& unit : source.units) {
        const auto missing = undrawable(unit.source.plain());
        if (missing.empty()) continue;
        const fs::path file = dir / unit.original;
        report(diags, Severity::error, file.generic_string(), site_of_id(file, unit.id),
               fmt::format("'{}': the player's font cannot draw {}; it would show as '?'", unit.id,
                           glyph_list(missing)));
    }
}

void check_section_languages(const StoredFile& file, const StoredSection& section,
                             const std::string& source_lang, const std::string& lang, Diagnostics& diags) {
    if (!section.source_lang.empty() && !same_language(section.source_lang, source_lang))
        report(diags, Severity::error, file.shown, section.site,
               fmt::format("source-language is '{}', but the source is in '{}'", section.source_lang,
                           source_lang));
    if (!same_language(section.target_lang, lang))
        report(diags, Severity::error, file.shown, section.site,
               fmt::format("target-language is '{}' in the folder of '{}'", section.target_lang, lang));
}

void check_stored_unit(const Source& source, const StoredFile& file, const StoredUnit& u,
                       const std::string& store_lang, Diagnostics& diags) {
    auto warn = [&](Site site, std::string message) {
        report(diags, Severity::warning, file.shown, site, std::move(message));
    };
    const SourceUnit* unit = source.find(u.id);
    if (!unit) {
        warn(u.site, fmt::format("translation of '{}', which the {} no longer has", u.id,
                                 source.domain == Domain::course ? "course" : "English catalog"));
        return;
    }
    // Markup xliff/inline.hpp refuses: the import would refuse the unit and the
    // player shows the source instead, so it is an error, in the import's words.
    for (const std::string& p : u.problems)
        report(diags, Severity::error, file.shown, u.target_site, fmt::format("'{}': {}", u.id, p));
    if (u.target.empty() || !u.problems.empty()) return;
    if (source.domain == Domain::course) {
        if (const std::string tags = tag_mismatch(unit->source, u.target); !tags.empty())
            warn(u.target_site, fmt::format("'{}': {}", u.id, tags));
    } else if (const std::string p = placeholder_problem(unit->source.plain(), u.target.plain());
               !p.empty() && message_pattern_problem(u.target.plain(), store_lang).empty()) {
        // A broken pattern is reported once, by Catalog::load; its placeholders would only follow on.
        report(diags, Severity::error, file.shown, u.target_site, fmt::format("'{}': {}", u.id, p));
    }
    if (status_of(*unit, &u) == UnitStatus::stale)
        warn(
            u.site,
            flagged_for_review(u.state)
                ? fmt::format("'{}' is marked for review ({})", u.id, u.state)
                : fmt::format("stale translation of '{}': the source changed since it was translated", u.id));
    if (const auto missing = undrawable(u.target.plain()); !missing.empty())
        report(diags, Severity::error, file.shown, u.target_site,
               fmt::format("'{}': the player's font cannot draw {}; it would show as '?'", u.id,
                           glyph_list(missing)));
}

void check_store(const Source& source, const TranslationStore& store, Diagnostics& diags) {
    std::map<std::string, std::string> first;  // id -> "file:line": the player, status and export use it
    for (const StoredFile& file : store.files)
        for (const StoredSection& section : file.sections) {
            check_section_languages(file, section, source.lang, store.lang, diags);
            for (const StoredUnit& u : section.units) {
                const auto [seen, fresh] = first.emplace(u.id, fmt::format("{}:{}", file.shown, u.site.line));
                if (fresh) check_stored_unit(source, file, u, store.lang, diags);
                else
                    report(diags, Severity::warning, file.shown, u.site,
                           fmt::format("'{}' again (first at {}); the first is used", u.id, seen->second));
            }
        }
}

// What course_languages leaves out of translations/ and an author should
// hear of: folders named by no language tag, and symbolic links. Hidden
// names (an import's staging folders, other tools' files) are not ours.
void check_translation_entries(const fs::path& dir, Diagnostics& diags) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(dir / "translations", ec))
        if (!entry.path().filename().string().starts_with(".")) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) {
        const std::string shown = p.generic_string();
        if (fs::is_symlink(p, ec))
            diags.add(Severity::warning, shown, 0, 0,
                      "a symbolic link; the player does not follow it and an import refuses it");
        else if (fs::is_directory(p, ec) && !valid_language_tag(p.filename().string()))
            diags.add(Severity::warning, shown, 0, 0,
                      "not a language tag such as 'pl' or 'pt-BR'; the player will not offer this folder");
    }
}

}  // namespace

int lint_course_translations(const Course& course, const fs::path& dir, Diagnostics& diags) {
    const Source source = course_source(course);
    check_source_glyphs(source, dir, diags);
    check_translation_entries(dir, diags);
    int languages = 0;
    for (const std::string& lang : course_languages(dir)) {
        if (!valid_language_tag(lang) || fs::is_symlink(dir / "translations" / lang))
            continue;  // warned above
        if (same_language(lang, source.lang)) {
            diags.add(Severity::warning, (dir / "translations" / lang).generic_string(), 0, 0,
                      "a translation into the source language; the player shows the source instead");
            continue;
        }
        ++languages;
        check_store(source, read_course_store(dir, lang, diags), diags);
    }
    return languages;
}

int lint_interface_catalogs(const fs::path& locales, Diagnostics& diags) {
    const std::optional<Source> source = interface_source(locales, diags);
    if (!source) return 0;
    std::error_code ec;
    std::vector<fs::path> catalogs;
    for (const auto& entry : fs::directory_iterator(locales, ec))
        if (entry.path().extension() == ".xlf") catalogs.push_back(entry.path());
    std::sort(catalogs.begin(), catalogs.end());
    for (const fs::path& path : catalogs) {
        Catalog::load(path, diags);  // reports broken ICU patterns
        const std::string lang = path.stem().string();
        if (same_language(lang, source->lang)) {
            TranslationStore store = read_interface_store(locales, lang, diags);
            for (const StoredFile& f : store.files)
                for (const StoredSection& s : f.sections)
                    for (const StoredUnit& u : s.units)
                        if (const auto missing = undrawable(u.target.plain()); !missing.empty())
                            report(diags, Severity::error, f.shown, u.target_site,
                                   fmt::format("'{}': the player's font cannot draw {}", u.id,
                                               glyph_list(missing)));
            continue;
        }
        check_store(*source, read_interface_store(locales, lang, diags), diags);
    }
    return static_cast<int>(catalogs.size());
}

}  // namespace lektion
