#include "exchange/catalog_folders.hpp"

#include <algorithm>
#include <stdexcept>

#include "resources/paths.hpp"

namespace lektion {

namespace fs = std::filesystem;

CatalogFolders catalog_folders(const std::string& locales_option) {
    if (!locales_option.empty()) return {locales_option, locales_option};
    const fs::path user = user_locales_dir();
    if (user.empty())
        throw std::runtime_error("no home folder for the interface catalogs; use --locales DIR");
    return {resource_dir("locales"), user};
}

TranslationStore read_catalog_store(const CatalogFolders& folders, const std::string& lang,
                                    Diagnostics& diags) {
    std::error_code ec;
    const fs::path own = folders.user / (lang + ".xlf");
    if (folders.user == folders.shipped || fs::exists(own, ec) || fs::is_symlink(own, ec))
        return read_interface_store(folders.user, lang, diags);
    TranslationStore store = read_interface_store(folders.shipped, lang, diags);
    store.folder = folders.user;
    for (StoredFile& f : store.files) {
        f.path = own;
        // Messages keep naming the shipped file the units were read from.
    }
    return store;
}

std::vector<std::string> catalog_file_languages(const CatalogFolders& folders) {
    std::vector<std::string> out;
    for (const fs::path& folder : {folders.shipped, folders.user}) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(folder, ec))
            if (e.path().extension() == ".xlf") out.push_back(e.path().stem().string());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace lektion
