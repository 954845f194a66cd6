// Text and attribute values as lektion writes them into XML: the XLIFF files,
// lesson skeletons and manifests all escape through here.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

std::string xml_escape(std::string_view text);       // & < >
std::string xml_escape_attr(std::string_view text);  // & < > "

}  // namespace lektion
