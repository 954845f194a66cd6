// XLIFF 1.2 exchange files: one document per target language with a <file>
// per source file, as CAT tools (OmegaT, Trados, memoQ) take them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "exchange/incoming.hpp"
#include "exchange/store.hpp"

namespace lektion {

// Every unit of `source` with what `store` holds for it: translations as
// <target state="translated">, stale ones as "needs-review-translation" with
// a note, the rest as empty targets in state "new".
std::string export_xliff(const Source& source, const TranslationStore& store);

// Reads a translated XLIFF file; nullopt, with errors, when it is not one.
std::optional<Incoming> read_xliff_exchange(const std::filesystem::path& path, Domain domain,
                                            Diagnostics& diags);

}  // namespace lektion
