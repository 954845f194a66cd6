// The sub-commands of the lektion program. Each registers its options on the
// CLI11 app and returns the function that runs it.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace lektion::cli {

using Run = std::function<int()>;

Run add_lint(CLI::App& app);
Run add_info(CLI::App& app);
Run add_records(CLI::App& app);  // records/: export, delete, verify
Run add_report(CLI::App& app);   // records/: the trainer's report

// The bundled course, found next to the executable's source tree or installed.
std::string default_course_dir();

}  // namespace lektion::cli
