// Shared by the exchange tests: a copy of the bundled course (and of the
// interface catalogs) in a temporary folder, the lektion program run as a
// user runs it, and file snapshots to prove what an import did and did not
// touch.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "temp_course.hpp"

namespace lektion::test {

namespace fs = std::filesystem;

// A temporary folder with course/ (the bundled course) and locales/ (the
// interface catalogs), removed afterwards. Never the shipped files.
class Workspace {
public:
    Workspace();
    fs::path course() const { return temp_.dir() / "course"; }
    fs::path locales() const { return temp_.dir() / "locales"; }
    fs::path root() const { return temp_.dir(); }
    fs::path file(const std::string& name) const { return temp_.dir() / name; }

private:
    TempCourse temp_;
};

struct Ran {
    int status = -1;
    std::string out, err;
};

// Runs build/lektion with `args`; LEKTION_RESOURCES points at `resources` when given.
Ran run_lektion(const std::vector<std::string>& args, const fs::path& resources = {});

// Runs build/lektion with `env` ("NAME=value" each) added to its environment.
Ran run_lektion_with_env(const std::vector<std::string>& env, const std::vector<std::string>& args);

// Runs build/lektion with every file it writes limited to `kib` KiB (ulimit
// -f, SIGXFSZ ignored): a write past the limit fails as on a full disk.
Ran run_lektion_with_file_limit(const std::vector<std::string>& args, int kib);

// Starts build/lektion without waiting, standard output and error to `log`.
// killed_on_purpose: the test will SIGKILL it (see killed_on_purpose.hpp).
enum class Ending { runs_to_its_end, killed_on_purpose };
pid_t start_lektion(const std::vector<std::string>& args, const fs::path& log,
                    Ending ending = Ending::runs_to_its_end);
// Its exit status, or -1 when a signal ended it.
int wait_lektion(pid_t pid);

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& text);

// Every file under `dir`, by relative path, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir);

// Sets the <target> of the trans-units named in `targets` (id -> inline
// XLIFF markup) to that markup, state "translated". Returns how many it found.
int fill_xliff(const fs::path& file, const std::map<std::string, std::string>& targets);

// Sets the msgstr of the entries whose msgctxt is named; returns how many it found.
int fill_po(const fs::path& file, const std::map<std::string, std::string>& msgstrs);

// Every unit of the course whose file is one of `originals` (every unit when
// empty) with its English translation and then `suffix` as the target:
// id -> XLIFF inline markup, or PO markup with `po`.
std::map<std::string, std::string> english_targets(const fs::path& course,
                                                   const std::vector<std::string>& originals,
                                                   const std::string& suffix, bool po = false);

std::string fixture(const std::string& name);  // path of tests/exchange/fixtures/<name>

}  // namespace lektion::test
