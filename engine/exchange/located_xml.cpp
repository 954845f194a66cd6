#include "exchange/located_xml.hpp"

namespace lektion {

LocatedXml::LocatedXml(const std::filesystem::path& path, std::string shown, std::size_t max_bytes,
                       Diagnostics& diags) {
    XmlLimits limits;
    limits.max_bytes = max_bytes;
    file_ = std::make_unique<XmlFile>(path, std::move(shown), limits, scratch_);
    for (Diagnostic& d : scratch_.items) diags.items.push_back(std::move(d));
    scratch_.items.clear();
}

Site LocatedXml::site(pugi::xml_node node) const {
    file_->warning(node, "");
    const Diagnostic d = scratch_.items.back();
    scratch_.items.clear();
    return {d.line, d.column};
}

void report(Diagnostics& diags, Severity severity, const std::string& path, Site site, std::string message) {
    diags.add(severity, path, site.line, site.column, std::move(message));
}

}  // namespace lektion
