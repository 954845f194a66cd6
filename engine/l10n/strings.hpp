// The interface's words, from the catalogs in locales/ (XLIFF 1.2, ICU
// MessageFormat). English is the source language of the interface: a key
// missing or broken in the current catalog shows its English message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "l10n/catalog.hpp"

namespace lektion {

// Loads locales/<lang>.xlf (or the nearest catalog) and makes it current.
void set_ui_language(std::string_view lang);
const std::string& ui_language();
std::vector<std::string> ui_languages();  // every catalog in locales/
// Problems found in the catalogs loaded so far.
const Diagnostics& catalog_diagnostics();

std::string tr(std::string_view key, const std::vector<NamedArg>& args = {});

// Numbers through ICU for the interface language: Danish "85 %" with a
// no-break space, English "85%".
std::string percent(double fraction);

}  // namespace lektion
