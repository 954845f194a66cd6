// The interface's words, from the catalogs in locales/ (XLIFF 1.2, ICU
// MessageFormat). English is the source language of the interface: a key
// missing or broken in the current catalog shows its English message.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "l10n/catalog.hpp"

namespace lektion {

// The catalogs are the shipped ones (resources/paths.hpp), each overlaid
// message by message by the user's own locales/<lang>.xlf, which an
// interface import writes; or, after use_locales_folder(DIR) (the --locales
// option of play, lint and status), only those in DIR.
void use_locales_folder(const std::filesystem::path& dir);
// The folders read, the overlay last: {shipped, user} or {DIR}.
std::vector<std::filesystem::path> locales_folders();

// Loads locales/<lang>.xlf (or the nearest catalog) and makes it current.
void set_ui_language(std::string_view lang);
const std::string& ui_language();
std::vector<std::string> ui_languages();  // every catalog in the folders
// Problems found in the catalogs loaded so far.
const Diagnostics& catalog_diagnostics();

std::string tr(std::string_view key, const std::vector<NamedArg>& args = {});

// Numbers through ICU for the interface language: Danish "85 %" with a
// no-break space, English "85%".
std::string percent(double fraction);

}  // namespace lektion
