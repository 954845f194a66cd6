// Reading a translated PO file back into the units merge.cpp checks.
#include <fmt/format.h>

#include "base/limits.hpp"
#include "exchange/po.hpp"
#include "exchange/po_markup.hpp"
#include "exchange/po_syntax.hpp"
#include "xml/xml_file.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_exchange_file = limits::exchange_file_bytes;

Text read_text(const std::string& s, Domain domain, std::vector<std::string>& problems) {
    return domain == Domain::course ? from_po_markup(s, problems) : plain_text(s);
}

// "lektion1.xml:12" -> "lektion1.xml"
std::string reference_file(const std::string& reference) {
    const std::size_t colon = reference.rfind(':');
    if (colon == std::string::npos || colon + 1 == reference.size()) return reference;
    for (std::size_t i = colon + 1; i < reference.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(reference[i]))) return reference;
    return reference.substr(0, colon);
}

IncomingUnit unit_from(const PoEntry& e, Domain domain) {
    IncomingUnit u;
    u.id = e.msgctxt.value_or("");
    u.original = e.references.empty() ? std::string() : reference_file(e.references.front());
    std::vector<std::string> ignored;
    u.source = read_text(e.msgid, domain, ignored);
    u.target = read_text(e.msgstr, domain, u.problems);
    u.state = e.msgstr.empty() ? "" : "translated";
    u.review = e.fuzzy();
    u.site = {e.line, 1};
    u.target_site = {e.msgstr_line, 1};
    if (e.msgid_plural)
        u.problems.push_back(
            "a plural entry (msgid_plural): lektion keeps plurals "
            "inside its ICU patterns");
    return u;
}

}  // namespace

std::optional<Incoming> read_po_exchange(const fs::path& path, Domain domain, Diagnostics& diags) {
    const std::string shown = path.generic_string();
    std::string error;
    const std::optional<std::string> text = read_bounded(path, max_exchange_file, error);
    if (!text) {
        diags.add(Severity::error, shown, 0, 0, error);
        return std::nullopt;
    }
    const std::optional<std::vector<PoEntry>> entries = parse_po(*text, shown, diags);
    if (!entries) return std::nullopt;

    Incoming in;
    in.path = shown;
    in.domain = domain;
    in.po = true;
    const PoEntry* header = nullptr;
    for (const PoEntry& e : *entries) {
        if (e.is_header()) {
            if (!header) header = &e;
            continue;
        }
        in.units.push_back(unit_from(e, domain));
        const std::string& original = in.units.back().original;
        bool known = original.empty();
        for (const IncomingSection& s : in.sections) known |= s.original == original;
        if (!known) in.sections.push_back({original, in.units.back().site});
    }
    if (!header) {
        diags.add(Severity::error, shown, 1, 1,
                  "no PO header (msgid \"\"), so no Language: the file says "
                  "nothing of its language");
        return std::nullopt;
    }
    const Site at{header->line, 1};
    const std::string content_type = po_header_field(header->msgstr, "Content-Type");
    const std::size_t charset = content_type.find("charset=");
    if (charset != std::string::npos) {
        const std::string name = content_type.substr(charset + 8);
        if (!same_language(name, "UTF-8") && !same_language(name, "utf8")) {
            report(diags, Severity::error, shown, at,
                   fmt::format("the file says charset={}; only UTF-8 PO files can be imported", name));
            return std::nullopt;
        }
    }
    const std::string project = po_header_field(header->msgstr, "Project-Id-Version");
    in.project = project.substr(0, project.find(' '));
    in.source_lang = po_header_field(header->msgstr, "X-Source-Language");
    in.target_lang = normalize_language_tag(po_header_field(header->msgstr, "Language"));
    in.project_site = in.source_lang_site = in.target_lang_site = at;
    return in;
}

}  // namespace lektion
