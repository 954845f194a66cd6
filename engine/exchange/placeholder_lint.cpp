#include "exchange/placeholder_lint.hpp"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/limits.hpp"
#include "exchange/located_xml.hpp"
#include "exchange/skeleton.hpp"
#include "load/visit.hpp"

namespace lektion {

namespace fs = std::filesystem;

void lint_placeholders(const Course& course, const fs::path& dir, Diagnostics& diags) {
    // The model knows the words, the file knows where they are: find the
    // units first, and read a file again only when it has one.
    using Units = std::map<std::string, std::string_view>;  // id -> the command that wrote it
    std::vector<std::pair<std::string, Units>> found;       // by file, in reading order
    for_each_text(course, [&](const Text& t, const UnitContext& ctx) {
        const std::string_view command = placeholder_command(t.plain());
        if (command.empty()) return;
        if (found.empty() || found.back().first != ctx.file) found.push_back({ctx.file, {}});
        found.back().second[t.id] = command;
    });
    for (const auto& [file, units] : found) {
        const fs::path path = dir / file;
        Diagnostics ignored;  // the loader has read this file already and reported its problems
        const LocatedXml xml(path, path.generic_string(), limits::authored_file_bytes, ignored);
        if (!xml.ok()) continue;
        struct Walker : pugi::xml_tree_walker {
            const LocatedXml* xml;
            const Units* units;
            Diagnostics* diags;
            bool for_each(pugi::xml_node& node) override {
                if (node.type() != pugi::node_element) return true;
                const auto it = units->find(node.attribute("id").value());
                if (it != units->end())
                    report(*diags, Severity::warning, xml->path(), xml->site(node),
                           fmt::format("placeholder text from '{}' is still here", it->second));
                return true;
            }
        } walker;
        walker.xml = &xml, walker.units = &units, walker.diags = &diags;
        xml.root().traverse(walker);
    }
}

}  // namespace lektion
