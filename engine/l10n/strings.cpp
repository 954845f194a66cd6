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

// One language's catalogs, the overlay (the user's) first.
struct Layers {
    std::vector<Catalog> catalogs;
    const Catalog* with(const std::string& key) const {
        for (const Catalog& c : catalogs)
            if (c.has(key)) return &c;
        return nullptr;
    }
};

struct Interface {
    std::string language = "en";
    std::filesystem::path only;            // --locales DIR
    std::map<std::string, Layers> loaded;  // by language
    Diagnostics diagnostics;

    const Layers& catalog(const std::string& lang) {
        auto it = loaded.find(lang);
        if (it != loaded.end()) return it->second;
        Layers layers;
        std::vector<std::filesystem::path> folders = locales_folders();
        std::error_code ec;
        for (auto f = folders.rbegin(); f != folders.rend(); ++f)
            if (const auto path = *f / (lang + ".xlf"); std::filesystem::exists(path, ec))
                layers.catalogs.push_back(Catalog::load(path, diagnostics));
        return loaded.emplace(lang, std::move(layers)).first->second;
    }
};

Interface& ui() {
    static Interface instance;
    return instance;
}

}  // namespace

void use_locales_folder(const std::filesystem::path& dir) {
    ui().only = dir;
    ui().loaded.clear();
}

std::vector<std::filesystem::path> locales_folders() {
    if (!ui().only.empty()) return {ui().only};
    std::vector<std::filesystem::path> out{resource_dir("locales")};
    if (std::filesystem::path user = user_locales_dir(); !user.empty()) out.push_back(user);
    return out;
}

void set_ui_language(std::string_view lang) {
    ui().language = negotiate_language({std::string(lang)}, ui_languages());
}

const std::string& ui_language() { return ui().language; }

std::vector<std::string> ui_languages() {
    std::vector<std::string> out;
    for (const std::filesystem::path& folder : locales_folders()) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.path().extension() == ".xlf") out.push_back(entry.path().stem().string());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

const Diagnostics& catalog_diagnostics() { return ui().diagnostics; }

std::string tr(std::string_view key, const std::vector<NamedArg>& args) {
    const std::string k(key);
    if (const Catalog* current = ui().catalog(ui().language).with(k)) return current->format(k, args);
    if (const Catalog* source = ui().catalog("en").with(k)) return source->format(k, args);
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
