// Reading a translated XLIFF 1.2 file back: structure and languages here,
// whether it fits the course in merge.cpp.
#include <fmt/format.h>

#include "base/limits.hpp"
#include "exchange/xliff.hpp"
#include "xliff/trans_units.hpp"

namespace lektion {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_exchange_file = limits::exchange_file_bytes;

IncomingUnit read_unit(const LocatedXml& file, pugi::xml_node node, const std::string& original,
                       Domain domain) {
    IncomingUnit u;
    u.id = node.attribute("id").value();
    u.original = original;
    u.site = file.site(node);
    std::vector<std::string> ignored;  // the source is compared, not imported
    if (pugi::xml_node source = node.child("source")) u.source = read_unit_text(source, domain, ignored);
    pugi::xml_node target = node.child("target");
    u.target_site = target ? file.site(target) : u.site;
    if (target) {
        u.target = read_unit_text(target, domain, u.problems);
        u.state = target.attribute("state").value();
    }
    u.review = u.state.rfind("needs-review", 0) == 0;
    return u;
}

}  // namespace

std::optional<Incoming> read_xliff_exchange(const fs::path& path, Domain domain, Diagnostics& diags) {
    LocatedXml file(path, path.generic_string(), max_exchange_file, diags);
    if (!file.ok()) return std::nullopt;
    Incoming in;
    in.path = file.path();
    in.domain = domain;
    pugi::xml_node root = file.root();
    auto fail = [&](pugi::xml_node node, const std::string& message) {
        report(diags, Severity::error, in.path, file.site(node), message);
        return std::nullopt;
    };
    if (std::string_view(root.name()) != "xliff")
        return fail(root, fmt::format("not an XLIFF file: the root element is <{}>", root.name()));
    const std::string_view version = root.attribute("version").value();
    if (version != "1.2")
        return fail(root, version.empty() ? std::string("<xliff> has no version; lektion reads XLIFF 1.2")
                                          : fmt::format("XLIFF {} is not supported; export XLIFF 1.2 from "
                                                        "the translation tool",
                                                        version));
    if (!root.child("file")) return fail(root, "the file has no <file> element, so no units");

    bool first = true;
    for (pugi::xml_node xfile : root.children("file")) {
        const std::string original = xfile.attribute("original").value();
        const std::string source_lang = normalize_language_tag(xfile.attribute("source-language").value());
        const std::string target_lang = normalize_language_tag(xfile.attribute("target-language").value());
        const std::string product = xfile.attribute("product-name").value();
        if (first) {
            in.source_lang = source_lang, in.source_lang_site = file.site(xfile);
            in.target_lang = target_lang, in.target_lang_site = file.site(xfile);
            in.project = product, in.project_site = file.site(xfile);
            first = false;
        } else if (!same_language(source_lang, in.source_lang) ||
                   !same_language(target_lang, in.target_lang)) {
            return fail(xfile, fmt::format("this <file> translates {} to {}, the first one {} to {}: one "
                                           "language pair per file",
                                           source_lang, target_lang, in.source_lang, in.target_lang));
        } else if (product != in.project) {
            return fail(
                xfile, fmt::format("this <file> is from '{}', the first one from '{}'", product, in.project));
        }
        in.sections.push_back({original, file.site(xfile)});
        for_each_trans_unit(xfile, [&](pugi::xml_node unit) {
            in.units.push_back(read_unit(file, unit, original, in.domain));
        });
    }
    return in;
}

}  // namespace lektion
