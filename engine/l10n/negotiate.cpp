#include "l10n/negotiate.hpp"

#include <algorithm>
#include <cstdlib>

#include <unicode/localematcher.h>

namespace lektion {

std::vector<std::string> system_languages() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (!value || !*value) continue;
        std::string v = value;
        v = v.substr(0, v.find_first_of(".@"));  // drop the encoding and modifier
        if (v == "C" || v == "POSIX") return {};
        return {v};
    }
    return {};
}

std::string negotiate_language(const std::vector<std::string>& desired,
                               const std::vector<std::string>& available, bool or_english) {
    const std::string fallback =
        !or_english ? ""
        : std::find(available.begin(), available.end(), "en") != available.end() || available.empty()
            ? "en"
            : available.front();
    if (available.empty()) return fallback;
    UErrorCode status = U_ZERO_ERROR;
    std::vector<icu::Locale> supported;
    for (const std::string& a : available) supported.emplace_back(icu::Locale::forLanguageTag(a, status));
    icu::LocaleMatcher::Builder builder;
    builder.setSupportedLocales(supported.begin(), supported.end());
    builder.setNoDefaultLocale();  // no match must be visible as such
    icu::LocaleMatcher matcher = builder.build(status);
    if (U_FAILURE(status)) return fallback;
    for (std::string wish : desired) {
        std::replace(wish.begin(), wish.end(), '_', '-');
        UErrorCode s = U_ZERO_ERROR;
        icu::Locale locale = icu::Locale::forLanguageTag(wish, s);
        if (U_FAILURE(s) || locale.isBogus() || !*locale.getLanguage()) continue;
        // Faroese readers learn Danish at school; ICU does not know that.
        // Nynorsk and plain "no" readers get Bokmål, which ICU then brings
        // to the nearest Scandinavian language when there is no Bokmål.
        const std::string_view language = locale.getLanguage();
        if (language == "fo") locale = icu::Locale("da");
        if (language == "nn" || language == "no") locale = icu::Locale("nb");
        const icu::Locale* best = matcher.getBestMatch(locale, s);
        if (U_SUCCESS(s) && best) {
            const std::string tag = best->toLanguageTag<std::string>(s);
            if (U_SUCCESS(s)) return tag;
        }
    }
    return fallback;
}

}  // namespace lektion
