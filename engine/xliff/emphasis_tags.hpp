// Whether a translation keeps the source's bold and italic: the one check,
// for the import (an error: the unit is refused), lint and the player's
// overlay (warnings: the translation is shown). Passages are counted, not
// ordered, since a language may put the emphasised words elsewhere.
#pragma once

#include <string>

#include "course/model.hpp"

namespace lektion {

// How many separate bold and italic passages a text has.
struct EmphasisRuns {
    int bold = 0, italic = 0;
    bool operator==(const EmphasisRuns&) const = default;
};
EmphasisRuns emphasis_runs(const Text& text);

// What the difference means for a translator, "" when there is none:
// "missing bold (<g ctype="bold">): 1 in the source, 0 in the translation".
// `po_tags` names the tags as a PO file writes them (<b>, <i>).
std::string describe_tag_mismatch(const EmphasisRuns& source, const EmphasisRuns& target, bool po_tags);

// describe_tag_mismatch of the two texts, in XLIFF's tags or PO's.
std::string tag_mismatch(const Text& source, const Text& target, bool po_tags = false);

}  // namespace lektion
