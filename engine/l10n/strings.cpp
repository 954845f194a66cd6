#include "l10n/strings.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include <unicode/numfmt.h>

#include "l10n/negotiate.hpp"
#include "resources/paths.hpp"

namespace lektion {

namespace {

struct Interface {
    std::string language = "en";
    std::map<std::string, Catalog> loaded;  // by language
    Diagnostics diagnostics;

    const Catalog& catalog(const std::string& lang) {
        auto it = loaded.find(lang);
        if (it != loaded.end()) return it->second;
        const auto path = resource_dir("locales") / (lang + ".xlf");
        Catalog c = std::filesystem::exists(path) ? Catalog::load(path, diagnostics) : Catalog();
        return loaded.emplace(lang, std::move(c)).first->second;
    }
};

Interface& ui() {
    static Interface instance;
    return instance;
}

}  // namespace

void set_ui_language(std::string_view lang) {
    ui().language = negotiate_language({std::string(lang)}, ui_languages());
}

const std::string& ui_language() { return ui().language; }

std::vector<std::string> ui_languages() {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(resource_dir("locales"), ec))
        if (entry.path().extension() == ".xlf") out.push_back(entry.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

const Diagnostics& catalog_diagnostics() { return ui().diagnostics; }

std::string tr(std::string_view key, const std::vector<NamedArg>& args) {
    const std::string k(key);
    const Catalog& current = ui().catalog(ui().language);
    if (current.has(k)) return current.format(k, args);
    const Catalog& source = ui().catalog("en");
    if (source.has(k)) return source.format(k, args);
    return k;  // a missing key shows itself, which a test catches
}

std::string percent(double fraction) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> format(
        icu::NumberFormat::createPercentInstance(icu::Locale(ui().language.c_str()), status));
    if (U_FAILURE(status)) return std::to_string(static_cast<int>(fraction * 100 + 0.5)) + "%";
    icu::UnicodeString out;
    format->format(fraction, out);
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

}  // namespace lektion
