#include <fmt/format.h>

#include "course/text.hpp"
#include "exchange/xliff.hpp"
#include "exchange/xliff_writer.hpp"
#include "xliff/inline.hpp"

namespace lektion {

namespace {

XliffUnitOut unit_out(const SourceUnit& unit, const StoredUnit* stored) {
    XliffUnitOut out{unit.id, to_xliff_inline(unit.source), std::string(), "new", {}};
    if (!unit.note.empty()) out.notes.push_back(unit.note);
    switch (status_of(unit, stored)) {
        case UnitStatus::missing: break;
        case UnitStatus::translated:
            out.target = to_xliff_inline(stored->target);
            out.state = stored->state.empty() ? "translated" : stored->state;
            break;
        case UnitStatus::stale:
            out.target = to_xliff_inline(stored->target);
            out.state = "needs-review-translation";
            if (!same_text(stored->source, unit.source))
                out.notes.push_back(fmt::format("The source changed since this was translated. It read: {}",
                                                stored->source.plain()));
            else out.notes.push_back("This translation is marked for review.");
            break;
    }
    return out;
}

}  // namespace

std::string export_xliff(const Source& source, const TranslationStore& store) {
    std::vector<XliffFileOut> files;
    for (const std::string& original : source.originals) {
        XliffFileOut f{
            original,       source.lang,    store.lang, source.domain == Domain::course ? "xml" : "plaintext",
            source.project, source.version, {}};
        for (const SourceUnit& unit : source.units)
            if (unit.original == original) f.units.push_back(unit_out(unit, store.find(unit.id)));
        files.push_back(std::move(f));
    }
    return render_xliff(files);
}

}  // namespace lektion
