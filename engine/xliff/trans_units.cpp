#include "xliff/trans_units.hpp"

#include <string_view>

namespace lektion {

namespace {

void walk(pugi::xml_node parent, const std::function<void(pugi::xml_node)>& unit, int depth) {
    for (pugi::xml_node node : parent.children()) {
        const std::string_view name = node.name();
        if (name == "trans-unit") unit(node);
        else if (name == "group" && depth < 8) walk(node, unit, depth + 1);
    }
}

}  // namespace

void for_each_trans_unit(pugi::xml_node file, const std::function<void(pugi::xml_node)>& unit) {
    walk(file.child("body"), unit, 0);
}

}  // namespace lektion
