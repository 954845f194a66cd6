// An XML file read the defensive way (XmlFile) whose node positions can be
// asked for outside a diagnostic: imports check units long after parsing and
// report them at their line.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "xml/xml_file.hpp"

namespace lektion {

class LocatedXml {
public:
    // Parse problems go to `diags`; ok() tells whether there is a document.
    LocatedXml(const std::filesystem::path& path, std::string shown, std::size_t max_bytes,
               Diagnostics& diags);

    bool ok() const { return file_->ok(); }
    pugi::xml_node root() const { return file_->root(); }
    const std::string& path() const { return file_->path(); }
    Site site(pugi::xml_node node) const { return file_->site(node); }

private:
    std::unique_ptr<XmlFile> file_;
};

void report(Diagnostics& diags, Severity severity, const std::string& path, Site site, std::string message);

}  // namespace lektion
