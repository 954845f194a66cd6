#include "exchange/merge.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "course/text.hpp"
#include "exchange/placeholders.hpp"
#include "l10n/catalog.hpp"
#include "l10n/glyphs.hpp"
#include "xliff/emphasis_tags.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

const char* what(const Source& s) { return s.domain == Domain::course ? "course" : "interface catalog"; }

// ---- the file as a whole -------------------------------------------------

bool check_languages(const Source& source, const Incoming& in, Diagnostics& diags) {
    bool ok = true;
    auto error = [&](Site site, std::string message) {
        report(diags, Severity::error, in.path, site, std::move(message));
        ok = false;
    };
    if (!in.source_lang.empty() && !same_language(in.source_lang, source.lang))
        error(in.source_lang_site,
              fmt::format("the file translates from '{}', but the source language of the {} '{}' is '{}'",
                          in.source_lang, what(source), source.project, source.lang));
    if (in.target_lang.empty())
        error(in.target_lang_site,
              in.po ? "the header has no Language: field, so the target language is unknown"
                    : "<file> has no target-language, so the target language is unknown");
    else if (!valid_language_tag(in.target_lang))
        error(in.target_lang_site,
              fmt::format("'{}' is not a language tag such as 'pl' or 'pt-BR'", in.target_lang));
    else if (same_language(in.target_lang, source.lang))
        error(in.target_lang_site,
              fmt::format("the file translates into '{}', the source language itself; an "
                          "import never changes the source",
                          in.target_lang));
    return ok;
}

bool check_belongs(const Source& source, const Incoming& in, Diagnostics& diags) {
    bool ok = true;
    auto error = [&](Site site, std::string message) {
        report(diags, Severity::error, in.path, site, std::move(message));
        ok = false;
    };
    if (!in.project.empty() && in.project != source.project)
        error(in.project_site, fmt::format("the file is for '{}', not for the {} '{}'", in.project,
                                           what(source), source.project));
    for (const IncomingSection& s : in.sections) {
        const bool known =
            std::find(source.originals.begin(), source.originals.end(), s.original) != source.originals.end();
        if (!known)
            error(s.site, s.original.empty()
                              ? std::string("<file> has no original attribute naming its source file")
                              : fmt::format("'{}' is not a file of the {} '{}'", s.original, what(source),
                                            source.project));
    }
    const bool any_known = std::any_of(in.units.begin(), in.units.end(),
                                       [&](const IncomingUnit& u) { return source.find(u.id) != nullptr; });
    if (!in.units.empty() && !any_known)
        error(in.units.front().site, fmt::format("none of the {} units is a unit of the {} '{}': the file is "
                                                 "for something else",
                                                 in.units.size(), what(source), source.project));
    return ok;
}

// ---- each unit -----------------------------------------------------------

// The reasons a unit cannot be imported; empty when it can.
std::vector<std::string> unit_errors(const Source& source, const SourceUnit& unit, const IncomingUnit& u,
                                     const std::string& lang, bool po) {
    // Whatever the reader let through (XML allows DEL and U+0080-U+009F, raw
    // or as references): a control character in a stored translation breaks
    // lint, export and the player, and reaches terminals as a sequence.
    const std::string plain = u.target.plain();
    if (find_invalid_utf8(plain)) return {"the translation is not UTF-8 text"};
    if (const std::optional<ForbiddenChar> c = find_control_character(plain))
        return {fmt::format("control character {} in the translation; no text may hold one",
                            code_point_name(c->code))};
    std::vector<std::string> errors = u.problems;
    if (source.domain == Domain::course) {
        // Markup the reader refused is the error; counting its tags would only add noise.
        if (errors.empty())
            if (const std::string tags = tag_mismatch(unit.source, u.target, po); !tags.empty())
                errors.push_back(tags);
    } else {
        const std::string pattern = u.target.plain();
        if (std::string p = message_pattern_problem(pattern, lang); !p.empty())
            errors.push_back("broken message pattern: " + p);
        else if (std::string a = placeholder_problem(unit.source.plain(), pattern); !a.empty())
            errors.push_back(a);
    }
    return errors;
}

bool done_state(const std::string& state) {
    return state == "translated" || state == "final" || state == "signed-off" ||
           state.rfind("needs-review", 0) == 0;
}

// The XLIFF 1.2 state to store: only values of the standard's list, so that
// nothing a file says is written back but what lektion knows.
std::string stored_state(const IncomingUnit& u) {
    if (u.review)
        return u.state == "needs-review-adaptation" || u.state == "needs-review-l10n"
                   ? u.state
                   : "needs-review-translation";
    if (u.state == "final" || u.state == "signed-off") return u.state;
    return "translated";
}

// ---- merging -----------------------------------------------------------------

StoredSection& section_for(const Source& source, TranslationStore& store, const std::string& original) {
    for (StoredFile& f : store.files)
        for (StoredSection& s : f.sections)
            if (s.original == original) return s;
    const fs::path path = store.domain == Domain::course
                              ? store.folder / (fs::path(original).stem().string() + ".xlf")
                              : store.folder / (store.lang + ".xlf");
    auto file = std::find_if(store.files.begin(), store.files.end(),
                             [&](const StoredFile& f) { return f.path == path; });
    if (file == store.files.end()) {
        store.files.push_back({path, path.generic_string(), {}, false});
        file = store.files.end() - 1;
    }
    file->sections.push_back(
        {original, source.lang, store.lang, store.domain == Domain::course ? "xml" : "plaintext", {}, {}});
    return file->sections.back();
}

void insert_unit(const Source& source, TranslationStore& store, const SourceUnit& unit, StoredUnit stored) {
    StoredSection& section = section_for(source, store, unit.original);
    const int position = source.position(unit.id);
    auto at = std::find_if(section.units.begin(), section.units.end(),
                           [&](const StoredUnit& u) { return source.position(u.id) > position; });
    section.units.insert(at, std::move(stored));
    for (StoredFile& f : store.files)
        for (StoredSection& s : f.sections)
            if (&s == &section) f.modified = true;
}

void mark_modified(TranslationStore& store, const StoredUnit& unit) {
    for (StoredFile& f : store.files)
        for (StoredSection& s : f.sections)
            for (StoredUnit& u : s.units)
                if (&u == &unit) f.modified = true;
}

enum class Outcome { added, changed, confirmed, unchanged, still_stale };

Outcome merge_unit(const Source& source, TranslationStore& store, const SourceUnit& unit,
                   const IncomingUnit& u) {
    // The source the translator saw, so that a file exported before the
    // source changed comes back stale rather than passing as current.
    const Text seen = u.source && !u.source->empty() ? *u.source : unit.source;
    const std::string state = stored_state(u);
    StoredUnit* s = store.find(unit.id);
    if (!s) {
        StoredUnit fresh;
        fresh.id = unit.id, fresh.source = seen, fresh.target = u.target, fresh.state = state;
        if (!unit.note.empty()) fresh.notes.push_back(unit.note);
        fresh.has_target = fresh.modified = true;
        insert_unit(source, store, unit, std::move(fresh));
        return Outcome::added;
    }
    if (same_text(s->target, u.target)) {
        if (u.review) {
            if (flagged_for_review(s->state) || !same_text(s->source, unit.source))
                return Outcome::still_stale;
            s->state = state, s->modified = true;  // a reviewer flagged a current translation
            mark_modified(store, *s);
            return Outcome::changed;
        }
        if (same_text(s->source, seen) && s->state == state) return Outcome::unchanged;
        s->source = seen, s->state = state, s->modified = true;
        mark_modified(store, *s);
        return Outcome::confirmed;
    }
    s->target = u.target, s->state = state, s->has_target = true, s->modified = true;
    if (!u.review) s->source = seen;  // a translation still marked for review keeps the source it came from
    mark_modified(store, *s);
    return Outcome::changed;
}

}  // namespace

bool check_incoming_file(const Source& source, const Incoming& in, Diagnostics& diags) {
    const bool languages = check_languages(source, in, diags);
    const bool belongs = check_belongs(source, in, diags);
    return languages && belongs;
}

ImportCounts merge_incoming(const Source& source, const Incoming& in, TranslationStore& store,
                            Diagnostics& diags) {
    ImportCounts counts;
    std::map<std::string, Site> seen;
    for (const IncomingUnit& u : in.units) {
        auto warn = [&](Site site, std::string message) {
            report(diags, Severity::warning, in.path, site, std::move(message));
            ++counts.skipped;
        };
        if (u.id.empty()) {
            report(diags, Severity::error, in.path, u.site,
                   in.po ? "entry without msgctxt: lektion knows units by the id in msgctxt"
                         : "<trans-unit> without an id");
            ++counts.refused;
            continue;
        }
        if (auto [it, fresh] = seen.emplace(u.id, u.site); !fresh) {
            report(diags, Severity::error, in.path, u.site,
                   fmt::format("'{}' again (first at line {}); this one is ignored", u.id, it->second.line));
            ++counts.refused;
            continue;
        }
        const SourceUnit* unit = source.find(u.id);
        if (!unit) {
            warn(u.site, fmt::format("'{}' is not a unit of the {} '{}' (removed or renamed?); skipped", u.id,
                                     what(source), source.project));
            continue;
        }
        if (!u.original.empty() && u.original != unit->original)
            report(
                diags, Severity::warning, in.path, u.site,
                fmt::format("'{}' is in {}, not {}; imported by its id", u.id, unit->original, u.original));
        const StoredUnit* stored = store.find(u.id);
        if (u.target.empty()) {
            const bool stored_translation = stored && !stored->target.empty();
            if (done_state(u.state) || stored_translation)
                warn(u.target_site, fmt::format("'{}' has an empty translation{}; {}", u.id,
                                                u.state.empty() ? "" : fmt::format(" marked {}", u.state),
                                                stored_translation ? "the stored translation is kept"
                                                                   : "left untranslated"));
            else ++counts.untranslated;
            continue;
        }
        const std::vector<std::string> errors = unit_errors(source, *unit, u, in.target_lang, in.po);
        for (const std::string& e : errors)
            report(diags, Severity::error, in.path, u.target_site, fmt::format("'{}': {}", u.id, e));
        if (!errors.empty()) {
            ++counts.refused;
            continue;
        }
        if (const auto missing = undrawable(u.target.plain()); !missing.empty()) {
            std::string list;
            for (char32_t c : missing) list += (list.empty() ? "" : ", ") + describe_code_point(c);
            report(diags, Severity::warning, in.path, u.target_site,
                   fmt::format("'{}': the player's font cannot draw {}; imported, but it shows as '?'", u.id,
                               list));
        }
        switch (merge_unit(source, store, *unit, u)) {
            case Outcome::added: ++counts.added; break;
            case Outcome::changed: ++counts.changed; break;
            case Outcome::confirmed: ++counts.confirmed; break;
            case Outcome::unchanged: ++counts.unchanged; break;
            case Outcome::still_stale: ++counts.still_stale; break;
        }
    }
    return counts;
}

}  // namespace lektion
