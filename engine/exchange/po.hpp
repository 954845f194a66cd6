// gettext PO exchange files, for Poedit, Weblate and the gettext tools:
// msgctxt is the unit's stable id, msgid the source with emphasis as literal
// <b>…</b> and <i>…</i>, msgstr the translation, "#." the context, and
// "#, fuzzy" with the previous source ("#| msgid") for stale units.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "exchange/incoming.hpp"
#include "exchange/store.hpp"

namespace lektion {

// `date` goes into POT-Creation-Date and PO-Revision-Date ("2025-01-31 12:00+0000").
std::string export_po(const Source& source, const TranslationStore& store, const std::string& date);

// Reads a translated PO file; nullopt, with errors, when it is not valid PO.
std::optional<Incoming> read_po_exchange(const std::filesystem::path& path, Domain domain,
                                         Diagnostics& diags);

}  // namespace lektion
