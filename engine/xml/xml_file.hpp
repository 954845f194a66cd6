// One authored XML file, read defensively: size limit, UTF-8 check, parse,
// and the positions of its nodes for diagnostics.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "base/limits.hpp"
#include "base/line_map.hpp"
#include "base/read_bounded.hpp"  // how XmlFile reads its file
#include "diag/diagnostics.hpp"

namespace lektion {

// A position in an authored file, 1-based; 0 when there is none.
struct Site {
    int line = 0, column = 0;
};

struct XmlLimits {
    std::size_t max_bytes = limits::authored_file_bytes;
    int max_depth = limits::xml_depth;  // nesting of elements
};

class XmlFile {
public:
    // Reads and parses `path`; problems go to `diags` and leave ok() false.
    // `shown_path` is how messages name the file.
    XmlFile(const std::filesystem::path& path, std::string shown_path, const XmlLimits& limits,
            Diagnostics& diags);
    // Parses text already in memory (used by tests and by the fuzzer).
    XmlFile(std::string text, std::string shown_path, const XmlLimits& limits, Diagnostics& diags);
    // Nodes and the line map point into the buffer: an XmlFile stays put.
    XmlFile(const XmlFile&) = delete;
    XmlFile& operator=(const XmlFile&) = delete;

    bool ok() const { return ok_; }
    pugi::xml_node root() const { return doc_.document_element(); }
    const std::string& path() const { return shown_path_; }
    Site site(pugi::xml_node node) const;

    // `code`: the kind of problem, from diag/codes.hpp, where it has one.
    void error(pugi::xml_node node, const std::string& message, std::string_view code = {}) const;
    void warning(pugi::xml_node node, const std::string& message, std::string_view code = {}) const;
    void error(pugi::xml_attribute attr, pugi::xml_node owner, const std::string& message,
               std::string_view code = {}) const;

private:
    void parse(const XmlLimits& limits);
    std::pair<int, int> where(pugi::xml_node node) const;
    std::pair<int, int> where(pugi::xml_attribute attr, pugi::xml_node owner) const;
    std::pair<int, int> locate(std::size_t offset) const;

    std::string shown_path_;
    std::string text_;
    mutable std::unique_ptr<LineMap> lines_;  // built when a position is first asked for
    pugi::xml_document doc_;
    Diagnostics* diags_;
    bool ok_ = false;
};

}  // namespace lektion
