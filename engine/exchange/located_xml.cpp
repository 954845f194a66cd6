#include "exchange/located_xml.hpp"

namespace lektion {

LocatedXml::LocatedXml(const std::filesystem::path& path, std::string shown, std::size_t max_bytes,
                       Diagnostics& diags) {
    XmlLimits limits;
    limits.max_bytes = max_bytes;
    file_ = std::make_unique<XmlFile>(path, std::move(shown), limits, diags);
}

void report(Diagnostics& diags, Severity severity, const std::string& path, Site site, std::string message) {
    diags.add(severity, path, site.line, site.column, std::move(message));
}

}  // namespace lektion
