// Course translations: XLIFF 1.2 files beside the course, one folder per
// language (translations/<lang>/<file>.xlf), keyed by the units' stable ids,
// overlaid on the source text at load.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "load/loader.hpp"
#include "xliff/inline.hpp"  // the inline markup the overlay reads, by the rules the exchange uses

namespace lektion {

struct TranslationStats {
    int units = 0, translated = 0, stale = 0, missing = 0;
    int words = 0, words_translated = 0;
};

// Languages the course can be shown in: its source language and every
// translation folder.
std::vector<std::string> course_languages(const std::filesystem::path& dir);

// The course in `lang`: the source, with every translated unit replaced.
// Units without a translation keep the source text and are marked
// untranslated. Stale units (source changed since translation) are shown
// and reported as warnings; unknown ids and tag mismatches too. A target
// whose inline markup xliff/inline.hpp refuses is not shown: the unit keeps
// the source, marked, and the reason is a warning. Of two units with one id
// the first counts, as for lint, status and export.
LoadResult load_course(const std::filesystem::path& dir, const std::string& lang,
                       TranslationStats* stats = nullptr);

}  // namespace lektion
