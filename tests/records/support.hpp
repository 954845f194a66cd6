// What the records tests share: folders on the real disk, file bytes, root.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "course/model.hpp"
#include "session/progress.hpp"

namespace lektion::test {

// A fresh folder under the build tree (a real disk, so fsync costs what it
// costs), removed with everything in it afterwards.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string read_bytes(const std::filesystem::path& file);
void write_bytes(const std::filesystem::path& file, std::string_view bytes);
bool contains_bytes(const std::filesystem::path& file, std::string_view needle);

// Runs SQL on the database file directly, through SQLite, not the store.
void run_sql(const std::filesystem::path& file, const std::string& sql);
std::string query_text(const std::filesystem::path& file, const std::string& sql);

bool running_as_root();

// A course with lessons l1 and l2 (two sections and a check each) and a quiz
// of q1..q3, in version `version`; `reworded` changes q1's prompt and drops q2.
CoursePtr small_course(const std::string& version = "1", bool reworded = false);

// The parts of two progresses a learner would notice.
bool same_progress(const Progress& a, const Progress& b);

}  // namespace lektion::test
