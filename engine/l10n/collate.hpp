// Sorting and dates the way the learner's language does it.
#pragma once

#include <ctime>
#include <string>
#include <vector>

namespace lektion {

// Sorts names with the ICU collator of the interface language: "Åse" after
// "Zoe" in Danish, beside "Aase" in German.
void sort_names(std::vector<std::string>& names);

// A date and time, medium and short, in the interface language.
std::string format_date(std::time_t when);

}  // namespace lektion
