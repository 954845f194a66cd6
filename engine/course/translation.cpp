#include "course/translation.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "course/text.hpp"
#include "course/visit.hpp"
#include "l10n/language_tag.hpp"
#include "l10n/negotiate.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

void read_spans(pugi::xml_node node, std::uint8_t emphasis, Text& out, std::vector<std::string>& problems,
                int depth) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out.spans.push_back({c.value(), emphasis});
        } else if (c.type() == pugi::node_element) {
            const std::string_view ctype = c.attribute("ctype").value();
            if (std::string_view(c.name()) != "g" || (ctype != "bold" && ctype != "italic")) {
                problems.push_back(
                    fmt::format("inline <{}> is not supported; use <g ctype=\"bold\"> "
                                "or <g ctype=\"italic\">",
                                c.name()));
                continue;
            }
            if (depth > 16) {
                problems.push_back("inline tags nest too deeply");
                continue;
            }
            read_spans(c, emphasis | (ctype == "bold" ? bold : italic), out, problems, depth + 1);
        }
    }
}

std::string emphasis_signature(const Text& t) {
    std::string sig;
    for (const Span& s : t.spans) sig += static_cast<char>('0' + s.emphasis);
    sig.erase(std::remove(sig.begin(), sig.end(), '0'), sig.end());
    sig.erase(std::unique(sig.begin(), sig.end()), sig.end());
    return sig;
}

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

}  // namespace

Text read_xliff_inline(pugi::xml_node node, std::vector<std::string>& problems) {
    Text t;
    read_spans(node, plain, t, problems, 0);
    tidy(t);
    return t;
}

std::string to_xliff_inline(const Text& text) {
    std::string out;
    int id = 0;
    for (const Span& s : text.spans) {
        std::string inner = escape(s.text);
        if (s.emphasis & italic) inner = fmt::format("<g id=\"{}\" ctype=\"italic\">{}</g>", ++id, inner);
        if (s.emphasis & bold) inner = fmt::format("<g id=\"{}\" ctype=\"bold\">{}</g>", ++id, inner);
        out += inner;
    }
    return out;
}

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
    std::map<std::string, bool> done;

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
            for (pugi::xml_node unit : xfile.child("body").children("trans-unit")) {
                const std::string id = unit.attribute("id").value();
                auto it = units.find(id);
                if (it == units.end()) {
                    file.warning(unit,
                                 fmt::format("translation of '{}', which the course no longer has", id));
                    continue;
                }
                pugi::xml_node target = unit.child("target");
                std::vector<std::string> problems;
                Text translated = read_xliff_inline(target, problems);
                for (const std::string& p : problems) file.warning(target, fmt::format("'{}': {}", id, p));
                if (translated.empty()) continue;
                const Text source_then = read_xliff_inline(unit.child("source"), problems);
                Text& current = *it->second;
                if (!same_text(source_then, current)) {
                    file.warning(unit, fmt::format("stale translation of '{}': the source changed since "
                                                   "it was translated",
                                                   id));
                    if (stats) ++stats->stale;
                }
                if (emphasis_signature(translated) != emphasis_signature(current))
                    file.warning(target, fmt::format("'{}': the emphasis tags differ from the source", id));
                translated.id = id;
                current = std::move(translated);
                done[id] = true;
            }
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
