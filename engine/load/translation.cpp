#include "load/translation.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "course/text.hpp"
#include "l10n/language_tag.hpp"
#include "l10n/negotiate.hpp"
#include "load/visit.hpp"
#include "xliff/emphasis_tags.hpp"
#include "xliff/trans_units.hpp"

namespace lektion {

namespace fs = std::filesystem;

std::vector<std::string> course_languages(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    // Only real folders named by a language tag: a link could lead out of the
    // course, and names starting with "." are an import's staging folders.
    if (fs::is_symlink(dir / "translations", ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir / "translations", ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory(ec) && !entry.is_symlink(ec) && valid_language_tag(name)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

LoadResult load_course(const fs::path& dir, const std::string& requested, TranslationStats* stats) {
    LoadResult result = load_course(dir);
    if (!result.course || requested.empty() || requested == result.course->lang) return result;
    // "en-GB" reads the English translation, "nn" the Bokmål one; a language
    // with no translation at all sees the source, every unit marked.
    std::vector<std::string> available = course_languages(dir);
    available.push_back(result.course->lang);
    const std::string best = negotiate_language({requested}, available, false);
    if (best == result.course->lang) return result;
    auto course = std::make_shared<Course>(*result.course);

    std::map<std::string, Text*> units;
    std::map<std::string, int> source_words;  // counted before the overlay replaces the text
    for_each_text(*course, [&](Text& t, const UnitContext&) {
        units[t.id] = &t;
        source_words[t.id] = count_words(t);
    });
    std::map<std::string, std::string> done;  // where each unit's translation was read: "file:line"

    // No translation at all (best is empty): nothing to read, every unit is marked.
    std::error_code ec;
    std::vector<fs::path> files;
    if (!best.empty())
        for (const auto& entry : fs::directory_iterator(dir / "translations" / best, ec))
            if (entry.path().extension() == ".xlf" && entry.is_regular_file(ec) && !entry.is_symlink(ec))
                files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& path : files) {
        XmlFile file(path, path.generic_string(), XmlLimits{}, result.diagnostics);
        if (!file.ok()) continue;
        for (pugi::xml_node xfile : file.root().children("file")) {
            for_each_trans_unit(xfile, [&](pugi::xml_node unit) {
                const std::string id = unit.attribute("id").value();
                auto it = units.find(id);
                if (it == units.end()) {
                    file.warning(unit,
                                 fmt::format("translation of '{}', which the course no longer has", id));
                    return;
                }
                if (auto first = done.find(id); first != done.end()) {
                    file.warning(
                        unit, fmt::format("'{}' again (first at {}); the first is used", id, first->second));
                    return;
                }
                pugi::xml_node target = unit.child("target");
                std::vector<std::string> problems;
                Text translated = read_xliff_inline(target, problems);
                // Half a translation is worse than the source, marked: show none of it.
                for (const std::string& p : problems) file.warning(target, fmt::format("'{}': {}", id, p));
                if (!problems.empty() || translated.empty()) return;
                std::vector<std::string> ignored;  // the source side is only compared
                const Text source_then = read_xliff_inline(unit.child("source"), ignored);
                Text& current = *it->second;
                if (!same_text(source_then, current)) {
                    file.warning(unit, fmt::format("stale translation of '{}': the source changed since "
                                                   "it was translated",
                                                   id));
                    if (stats) ++stats->stale;
                }
                if (const std::string tags = tag_mismatch(current, translated); !tags.empty())
                    file.warning(target, fmt::format("'{}': {}", id, tags));
                translated.id = id;
                current = std::move(translated);
                done[id] = fmt::format("{}:{}", file.path(), file.site(unit).line);
            });
        }
    }
    for (auto& [id, text] : units) {
        const bool ok = done.count(id) > 0;
        text->untranslated = !ok;
        if (stats) {
            ++stats->units;
            const int words = source_words[id];
            stats->words += words;
            if (ok) ++stats->translated, stats->words_translated += words;
            else ++stats->missing;
        }
    }
    result.course = std::move(course);
    return result;
}

}  // namespace lektion
