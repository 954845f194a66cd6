// Where a translation stands: units and words translated, stale and missing.
#pragma once

#include "exchange/source_units.hpp"
#include "exchange/store.hpp"

namespace lektion {

struct Figures {
    int units = 0, translated = 0, stale = 0, missing = 0;
    int words = 0, words_translated = 0, words_stale = 0, words_missing = 0;

    // Share of the units translated and up to date, 0-100.
    double percent() const;
    double words_percent() const;
};

Figures figures(const Source& source, const TranslationStore& store);

}  // namespace lektion
