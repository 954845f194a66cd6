// A translated exchange file as read back, before it is checked against the
// course: whatever the format (XLIFF or PO), the same few facts per unit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "exchange/located_xml.hpp"
#include "exchange/source_units.hpp"

namespace lektion {

struct IncomingUnit {
    std::string id;
    std::string original;        // the file it says it comes from; "" when not given
    std::optional<Text> source;  // the source the translator saw
    Text target;                 // empty: not translated
    std::string state;           // as given: XLIFF state, or "translated" for a PO msgstr
    bool review = false;         // needs-review-* state, or PO "fuzzy"
    Site site, target_site;
    std::vector<std::string> problems;  // markup the reader could not take
};

struct IncomingSection {
    std::string original;
    Site site;
};

struct Incoming {
    std::string path;  // as messages name it
    Domain domain = Domain::course;
    bool po = false;          // which tags to name in messages: <b> or <g ctype="bold">
    std::string project;      // product-name or Project-Id-Version; "" when not given
    std::string source_lang;  // "" when the format does not say
    std::string target_lang;
    Site project_site, source_lang_site, target_lang_site;
    std::vector<IncomingSection> sections;
    std::vector<IncomingUnit> units;
};

}  // namespace lektion
