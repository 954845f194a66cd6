#include <algorithm>

#include <fmt/format.h>

#include "course/text.hpp"
#include "exchange/plural_forms.hpp"
#include "exchange/po.hpp"
#include "exchange/po_markup.hpp"
#include "exchange/po_syntax.hpp"

namespace lektion {

namespace {

std::string markup(const Source& source, const Text& text) {
    return source.domain == Domain::course ? to_po_markup(text) : text.plain();
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

std::string header(const Source& source, const std::string& lang, const std::string& date) {
    const std::string project =
        source.version.empty() ? source.project : source.project + " " + source.version;
    std::string fields;
    auto add = [&](const char* name, const std::string& value) {
        fields += fmt::format("{}: {}\n", name, value);
    };
    add("Project-Id-Version", project);
    add("POT-Creation-Date", date);
    add("PO-Revision-Date", date);
    add("Last-Translator", "");
    add("Language-Team", language_name(lang));
    std::string gettext_lang = lang;  // gettext writes ll_CC
    std::replace(gettext_lang.begin(), gettext_lang.end(), '-', '_');
    add("Language", gettext_lang);
    add("MIME-Version", "1.0");
    add("Content-Type", "text/plain; charset=UTF-8");
    add("Content-Transfer-Encoding", "8bit");
    add("Plural-Forms", plural_forms(lang));
    add("X-Source-Language", source.lang);
    add("X-Generator", "lektion");
    return fmt::format(
        "# {} ({}): {} to {}.\n"
        "# Translate the msgstr lines; keep <b>…</b> and <i>…</i> around the words they\n"
        "# emphasise. Bring the file back with: lektion po import\n"
        "{}\n{}\n",
        one_line(source.title), project, language_name(source.lang), language_name(lang),
        po_field("msgid", ""), po_field("msgstr", fields));
}

std::string entry(const Source& source, const SourceUnit& unit, const StoredUnit* stored) {
    std::string out = "\n";
    if (!unit.note.empty()) out += fmt::format("#. {}\n", one_line(unit.note));
    const UnitStatus status = status_of(unit, stored);
    const bool source_changed = status == UnitStatus::stale && !same_text(stored->source, unit.source);
    if (status == UnitStatus::stale)
        out += source_changed ? "#. The source changed since this was translated.\n"
                              : "#. This translation is marked for review.\n";
    if (source.domain == Domain::course) out += fmt::format("#: {}\n", unit.original);
    if (status == UnitStatus::stale) {
        out += "#, fuzzy\n";
        if (source_changed) {
            std::string previous = po_field("msgid", markup(source, stored->source));
            for (std::size_t at = 0; (at = previous.find('\n', at)) != std::string::npos; at += 4)
                previous.replace(at, 1, "\n#| ");
            out += "#| " + previous + "\n";
        }
    }
    out += po_field("msgctxt", unit.id) + "\n";
    out += po_field("msgid", markup(source, unit.source)) + "\n";
    out +=
        po_field("msgstr", status == UnitStatus::missing ? std::string() : markup(source, stored->target)) +
        "\n";
    return out;
}

}  // namespace

std::string export_po(const Source& source, const TranslationStore& store, const std::string& date) {
    std::string out = header(source, store.lang, date);
    for (const SourceUnit& unit : source.units) out += entry(source, unit, store.find(unit.id));
    return out;
}

}  // namespace lektion
