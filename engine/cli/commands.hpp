// The sub-commands of the lektion program. Each registers its options on the
// CLI11 app and returns the function that runs it.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "l10n/language_tag.hpp"
#include "load/loader.hpp"

namespace lektion::cli {

using Run = std::function<int()>;

// For options where an empty value would silently mean the default
// (--data-dir "", --learner ""): a usage error instead.
inline const CLI::Validator non_empty(
    [](const std::string& s) { return s.empty() ? std::string("must not be empty") : std::string(); },
    "NOT EMPTY");

// --lang: a well-formed tag, stored in its usual case ("pt-br" -> "pt-BR").
inline const CLI::Validator language_tag(
    [](std::string& s) {
        if (!valid_language_tag(s)) return std::string("not a language tag such as da, en or pt-BR");
        s = normalize_language_tag(s);
        return std::string();
    },
    "LANG");

Run add_lint(CLI::App& app);
Run add_info(CLI::App& app);
Run add_play(CLI::App& app);     // player/: the desktop and text players
int play_default();              // no sub-command: play the bundled course
Run add_xliff(CLI::App& app);    // exchange/: XLIFF export and import
Run add_po(CLI::App& app);       // exchange/: gettext PO export and import
Run add_status(CLI::App& app);   // exchange/: translation status per language
Run add_new(CLI::App& app);      // exchange/: new lesson skeletons
Run add_records(CLI::App& app);  // records/: export, delete, verify
Run add_report(CLI::App& app);   // records/: the trainer's report
Run add_pack(CLI::App& app);     // package/: course packages (.lektion)
Run add_install(CLI::App& app);  // package/
Run add_courses(CLI::App& app);  // package/
Run add_export(CLI::App& app);   // export/: html, scorm, pdf
Run add_speak(CLI::App& app);    // speech/: read aloud into a WAV file

// The bundled course, found in the source tree or installed.
std::string default_course_dir();

// lint's checks of a course folder and its stored translations (not the
// interface catalogs); throws on a file system error. pack and install use it too.
struct CourseLint {
    LoadResult result;
    int languages = 0;  // stored translations checked
};
CourseLint lint_course(const std::string& dir);

}  // namespace lektion::cli
