// Which language to speak: the learner's wishes matched against what lektion
// has, with ICU's LocaleMatcher (which knows that de-AT wants de, and that
// nn is closer to nb than to English).
#pragma once

#include <string>
#include <vector>

namespace lektion {

// The system's wishes, from LC_ALL, LC_MESSAGES and LANG (the first set);
// "C" and "POSIX" express none.
std::vector<std::string> system_languages();

// The best of `available` for `desired` (most wanted first). Faroese
// speakers read Danish; with no match, English (or "" when `or_english` is
// false, for callers that treat no match differently).
std::string negotiate_language(const std::vector<std::string>& desired,
                               const std::vector<std::string>& available, bool or_english = true);

}  // namespace lektion
