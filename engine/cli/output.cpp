#include "cli/output.hpp"

#include <cstdio>

#include "base/terminal_text.hpp"
#include "records/store.hpp"

namespace lektion::cli {

namespace fs = std::filesystem;

ProtectedPaths protected_paths(const std::string& data_dir_option, const std::vector<fs::path>& course_dirs) {
    ProtectedPaths keep;
    keep.folders = course_dirs;
    try {
        const fs::path db = data_dir(data_dir_option) / Store::file_name();
        keep.files = {db, db.string() + "-wal", db.string() + "-shm", db.string() + "-journal"};
    } catch (const RecordsError&) {
        // No home folder: no records to protect there; SQLite files are refused anyway.
    }
    return keep;
}

bool to_standard_output(const std::string& file) { return file.empty() || file == "-"; }

int check_output(const std::string& file, const ProtectedPaths& keep) {
    if (to_standard_output(file)) return 0;
    const std::string why = why_not_output(file, keep);
    if (why.empty()) return 0;
    say("lektion: " + why);
    return 2;
}

int write_output(const std::string& file, std::string_view text, mode_t mode, const ProtectedPaths& keep) {
    if (to_standard_output(file)) {
        const bool ok = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
        if (std::fflush(stdout) != 0 || !ok) {
            std::fprintf(stderr, "lektion: standard output cannot be written\n");
            return 1;
        }
        return 0;
    }
    if (const int refused = check_output(file, keep)) return refused;
    const std::string error = write_atomically(file, text, mode);
    if (error.empty()) return 0;
    say("lektion: " + error);
    return 1;
}

}  // namespace lektion::cli
