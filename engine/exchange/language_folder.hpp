// A course's stored translation of one language, translations/<lang>/, as an
// import replaces it: whole or not at all, and never through a symbolic link.
//
// The new folder is written complete beside the live one, as
// translations/.<lang>.import-XXXXXXXX/ (the files that changed rendered
// anew, every other file copied byte for byte), synced, and swapped with the
// live folder in one step (renameat2 RENAME_EXCHANGE); then the old copy,
// now under the staging name, is removed. A kill or a full disk at any
// moment leaves the old folder or the new one in place, and at worst a
// hidden staging folder that the next import removes. Every file is opened
// relative to a folder opened with O_NOFOLLOW, so a link planted anywhere
// on the way is refused, not followed.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace lektion {

// "" when an import may write translations/<lang>/ of `course_dir`, else one
// line naming what is in the way: translations/, the language folder or a
// file in it that is a symbolic link, or that is not a folder or a file.
std::string check_language_folder(const std::filesystem::path& course_dir, const std::string& lang);

// "" when an interface import may replace `catalog` (locales/<lang>.xlf),
// else one line naming it: a symbolic link, or not a file.
std::string check_catalog_file(const std::filesystem::path& catalog);

// Makes course_dir/translations/<lang>/ hold `changed` (file name -> bytes)
// and every other regular file it holds now, unchanged; all or nothing.
// Returns "" on success, else why nothing was stored.
std::string replace_language_folder(const std::filesystem::path& course_dir, const std::string& lang,
                                    const std::vector<std::pair<std::string, std::string>>& changed);

// What interrupted imports left in course_dir/translations/: staging folders
// (.<lang>.import-XXXXXXXX, .<lang>.old-XXXXXXXX) and write_atomically's
// temporaries, there and in each language folder. Removes them, or puts a
// language folder back when a fallback swap was cut short; returns one line
// for each ("removed PATH, left by an import that did not finish").
std::vector<std::string> clean_import_leftovers(const std::filesystem::path& course_dir);

// write_atomically's temporaries in a locales folder, removed; one line each.
std::vector<std::string> clean_catalog_leftovers(const std::filesystem::path& locales);

}  // namespace lektion
