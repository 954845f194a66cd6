// The files every export carries as they are (script, style sheet), built
// into the program from engine/export/assets/ so that an installed lektion
// needs nothing beside itself to export.
#pragma once

#include <string_view>
#include <vector>

namespace lektion::web {

struct Asset {
    const char* name;  // file name in the export
    std::string_view bytes;
};

const std::vector<Asset>& assets();              // in every site
std::string_view scorm_asset(const char* name);  // only in SCORM packages ("scorm.js"); empty when absent

}  // namespace lektion::web
