#include "xliff/emphasis_tags.hpp"

#include <vector>

#include <fmt/format.h>

namespace lektion {

EmphasisRuns emphasis_runs(const Text& text) {
    EmphasisRuns runs;
    std::uint8_t before = plain;
    for (const Span& s : text.spans) {
        if ((s.emphasis & bold) && !(before & bold)) ++runs.bold;
        if ((s.emphasis & italic) && !(before & italic)) ++runs.italic;
        before = s.emphasis;
    }
    return runs;
}

std::string describe_tag_mismatch(const EmphasisRuns& source, const EmphasisRuns& target, bool po_tags) {
    std::vector<std::string> parts;
    auto compare = [&](int s, int t, const char* what, const char* xliff_tag, const char* po_tag) {
        if (s == t) return;
        parts.push_back(fmt::format("{} {} ({}): {} in the source, {} in the translation",
                                    s < t ? "extra" : "missing", what, po_tags ? po_tag : xliff_tag, s, t));
    };
    compare(source.bold, target.bold, "bold", "<g ctype=\"bold\">", "<b>");
    compare(source.italic, target.italic, "italic", "<g ctype=\"italic\">", "<i>");
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

std::string tag_mismatch(const Text& source, const Text& target, bool po_tags) {
    return describe_tag_mismatch(emphasis_runs(source), emphasis_runs(target), po_tags);
}

}  // namespace lektion
