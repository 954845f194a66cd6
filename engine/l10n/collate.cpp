#include "l10n/collate.hpp"

#include <algorithm>
#include <memory>

#include <unicode/coll.h>
#include <unicode/datefmt.h>

#include "l10n/strings.hpp"

namespace lektion {

void sort_names(std::vector<std::string>& names) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(
        icu::Collator::createInstance(icu::Locale(ui_language().c_str()), status));
    if (U_FAILURE(status)) return std::sort(names.begin(), names.end());
    std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        UErrorCode s = U_ZERO_ERROR;
        return collator->compareUTF8(a, b, s) == UCOL_LESS;
    });
}

std::string format_date(std::time_t when) {
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateTimeInstance(
        icu::DateFormat::kMedium, icu::DateFormat::kShort, icu::Locale(ui_language().c_str())));
    if (!format) return {};
    icu::UnicodeString out;
    format->format(static_cast<UDate>(when) * 1000.0, out);
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

}  // namespace lektion
