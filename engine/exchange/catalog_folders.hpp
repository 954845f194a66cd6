// Which interface catalogs the exchange commands read and write. Without
// --locales: the source (en.xlf) and the shipped catalogs are the program's
// own (read only: an install belongs to root, a source tree to its
// developers), and an import writes the user's overlay,
// $XDG_DATA_HOME/lektion/locales/<lang>.xlf, which the player reads over the
// shipped catalog. With --locales DIR: that folder alone, read and written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "exchange/store.hpp"

namespace lektion {

struct CatalogFolders {
    std::filesystem::path shipped;  // holds en.xlf, the source
    std::filesystem::path user;     // where imports write; == shipped with --locales
};

// Throws std::runtime_error when there is no data folder for the overlay.
CatalogFolders catalog_folders(const std::string& locales_option);

// The stored catalog of `lang` as the player sees it: the user's when there
// is one, else the shipped one, relocated so that a write goes to the
// user's folder (the shipped file itself is never written).
TranslationStore read_catalog_store(const CatalogFolders& folders, const std::string& lang,
                                    Diagnostics& diags);

// Languages with a catalog in either folder, sorted, without duplicates.
std::vector<std::string> catalog_file_languages(const CatalogFolders& folders);

}  // namespace lektion
