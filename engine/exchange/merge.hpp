// Bringing a translated exchange file back: first whether the file as a whole
// belongs here (course, languages), then unit by unit what may be merged
// into the stored translations.
#pragma once

#include <filesystem>
#include <vector>

#include "exchange/incoming.hpp"
#include "exchange/store.hpp"

namespace lektion {

// Errors, at their line, when the file is for another course or interface,
// another source language, or would overwrite the source language. Nothing
// may be written when this returns false.
bool check_incoming_file(const Source& source, const Incoming& in, Diagnostics& diags);

struct ImportCounts {
    int added = 0;      // translations the store did not have
    int changed = 0;    // new wording of a stored translation
    int confirmed = 0;  // stale translations a reviewer passed unchanged
    int unchanged = 0;
    int untranslated = 0;  // units the file leaves empty
    int still_stale = 0;   // marked for review in the file, and left so
    int refused = 0;       // units with errors
    int skipped = 0;       // units with warnings that were not imported
};

// Checks each unit (unknown ids, duplicate ids, inline tags, empty targets,
// ICU patterns of interface messages) and merges the good ones into `store`,
// marking the files to write. Units with errors are left as they were.
ImportCounts merge_incoming(const Source& source, const Incoming& in, TranslationStore& store,
                            Diagnostics& diags);

}  // namespace lektion
