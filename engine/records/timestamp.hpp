// Event times: UTC, ISO 8601 with milliseconds, so they sort as text.
#pragma once

#include <string>

namespace lektion {

std::string utc_now();  // "2025-03-01T09:30:12.345Z"

// ISO 8601 duration for xAPI: "PT12.34S", hundredths at most.
std::string iso_duration(long long milliseconds);

}  // namespace lektion
