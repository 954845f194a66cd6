#include "exchange/status.hpp"

namespace lektion {

double Figures::percent() const { return units == 0 ? 100.0 : 100.0 * translated / units; }

double Figures::words_percent() const { return words == 0 ? 100.0 : 100.0 * words_translated / words; }

Figures figures(const Source& source, const TranslationStore& store) {
    Figures f;
    for (const SourceUnit& unit : source.units) {
        ++f.units;
        f.words += unit.words;
        switch (status_of(unit, store.find(unit.id))) {
            case UnitStatus::translated: ++f.translated, f.words_translated += unit.words; break;
            case UnitStatus::stale: ++f.stale, f.words_stale += unit.words; break;
            case UnitStatus::missing: ++f.missing, f.words_missing += unit.words; break;
        }
    }
    return f;
}

}  // namespace lektion
