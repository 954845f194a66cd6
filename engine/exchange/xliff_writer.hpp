// XLIFF 1.2 documents as lektion writes them, both the exchange files a
// translator receives and the translation files stored beside a course:
// two-space indentation, one <file> per source file, attributes in a fixed
// order, so that unchanged content gives identical bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lektion {

struct XliffUnitOut {
    std::string id;
    std::string source;                 // inline markup, escaped
    std::optional<std::string> target;  // inline markup; nullopt writes no <target>
    std::string state;                  // of the target; "" writes none
    std::vector<std::string> notes;     // plain text
};

struct XliffFileOut {
    std::string original, source_lang, target_lang, datatype;
    std::string product_name, product_version;  // optional
    std::vector<XliffUnitOut> units;
};

std::string render_xliff(const std::vector<XliffFileOut>& files);

}  // namespace lektion
