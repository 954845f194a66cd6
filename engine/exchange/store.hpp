// The stored translations of one language: for a course the XLIFF files in
// translations/<lang>/ (one per source file, lektion1.xml -> lektion1.xlf),
// for the interface the catalog locales/<lang>.xlf. Read with positions for
// messages, changed unit by unit, and written back so that a unit nobody
// touched keeps its bytes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "diag/diagnostics.hpp"
#include "exchange/located_xml.hpp"
#include "exchange/source_units.hpp"

namespace lektion {

struct StoredUnit {
    std::string id;
    Text source;  // the source text it was translated from
    Text target;  // empty: no translation
    std::string state;
    std::vector<std::string> notes;
    bool has_target = false;  // a <target> element, even an empty one
    std::string source_xml,
        target_xml;  // as read; written back while the unit is unmodified
    bool modified = false;
    Site site, target_site;
    std::vector<std::string> problems;  // markup xliff/inline.hpp refuses: then `target` is not a translation
};

struct StoredSection {
    std::string original, source_lang, target_lang, datatype;
    Site site;
    std::vector<StoredUnit> units;
};

struct StoredFile {
    std::filesystem::path path;
    std::string shown;  // path as messages name it
    std::vector<StoredSection> sections;
    bool modified = false;
};

struct TranslationStore {
    Domain domain = Domain::course;
    std::string lang;
    std::filesystem::path folder;  // translations/<lang>, or the locales folder
    std::vector<StoredFile> files;
    bool readable = true;  // false when a file could not be read: then nothing may
                           // be rewritten

    StoredUnit* find(std::string_view id);
    const StoredUnit* find(std::string_view id) const;
    bool has_changes() const;  // files to write
};

// A <source> or <target>: inline emphasis for course units, plain ICU
// patterns for interface messages; both by xliff/inline.hpp, as the player
// reads them.
Text read_unit_text(pugi::xml_node node, Domain domain, std::vector<std::string>& problems);

// A symbolic link on the way (translations/, the language folder, a .xlf
// file, locales/<lang>.xlf) is an error and leaves the store unreadable:
// nothing is read from outside the course or the locales folder.
TranslationStore read_course_store(const std::filesystem::path& course_dir, const std::string& lang,
                                   Diagnostics& diags);
TranslationStore read_interface_store(const std::filesystem::path& locales, const std::string& lang,
                                      Diagnostics& diags);

std::string render_stored_file(const StoredFile& file, Domain domain);

// "" when rendered XLIFF may be stored, else why not: it is not UTF-8, holds
// a control character (raw or as a character reference), or does not parse
// back as XML. What a store writes passes this whatever it was given.
std::string why_not_storable(std::string_view xml);

// Writes every modified file, all or nothing: a course language through
// replace_language_folder (translations/<lang>/ swapped whole), an interface
// catalog with write_atomically. Each rendered file passes
// why_not_storable first. Returns the files written; on any error, none,
// with the error in `diags`, and the files stay modified.
std::vector<std::filesystem::path> write_store(TranslationStore& store, Diagnostics& diags);

// What the store holds for a unit of the source, as the player shows it.
enum class UnitStatus { missing, translated, stale };
// Missing: no target, or one whose markup the reader refused. Stale:
// translated from a different source text, or flagged for review.
UnitStatus status_of(const SourceUnit& unit, const StoredUnit* stored);
bool flagged_for_review(const std::string& state);

}  // namespace lektion
