#include "records/timestamp.hpp"

#include <chrono>
#include <ctime>

#include <fmt/format.h>

namespace lektion {

std::string utc_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms < 0 ? ms + 1000 : ms);
}

std::string iso_duration(long long milliseconds) {
    if (milliseconds < 0) milliseconds = 0;
    const long long hundredths = (milliseconds + 5) / 10;
    return fmt::format("PT{}.{:02}S", hundredths / 100, hundredths % 100);
}

}  // namespace lektion
