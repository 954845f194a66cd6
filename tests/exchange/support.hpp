// Shared by the exchange tests: a copy of the bundled course (and of the
// interface catalogs) in a temporary folder, the lektion program run as a
// user runs it, and file snapshots to prove what an import did and did not
// touch.
#pragma once

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

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& text);

// Every file under `dir`, by relative path, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir);

// Sets the <target> of the trans-units named in `targets` (id -> inline
// XLIFF markup) to that markup, state "translated". Returns how many it found.
int fill_xliff(const fs::path& file, const std::map<std::string, std::string>& targets);

// Sets the msgstr of the entries whose msgctxt is named; returns how many it found.
int fill_po(const fs::path& file, const std::map<std::string, std::string>& msgstrs);

std::string fixture(const std::string& name);  // path of tests/exchange/fixtures/<name>

}  // namespace lektion::test
