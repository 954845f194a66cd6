// A course folder written from strings, for tests that need a specific file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "load/loader.hpp"

namespace lektion::test {

class TempCourse {
public:
    TempCourse();
    ~TempCourse();
    TempCourse(const TempCourse&) = delete;
    TempCourse& operator=(const TempCourse&) = delete;

    // Writes a file relative to the course folder.
    TempCourse& file(const std::string& name, const std::string& text);
    // A valid manifest with one lesson file and a quiz file (write them too).
    TempCourse& manifest(const std::string& quiz_href = "quiz.xml");
    const std::filesystem::path& dir() const { return dir_; }
    LoadResult load() const { return load_course(dir_); }

private:
    std::filesystem::path dir_;
};

// A valid lesson with one section and a check, to vary in tests.
std::string lesson_xml(const std::string& id = "l1", const std::string& body = "");
// A valid quiz with `n` single-choice questions; the first option is correct.
std::string quiz_xml(int n, const std::string& attributes = "");

// A course whose lesson has `body` added to its first section (line 7 on).
LoadResult with_body(const std::string& body);

// True when some diagnostic has this line and contains `text`.
bool has_error(const LoadResult& r, int line, const std::string& text);
// True when some error has this code (diag/codes.hpp), at this line when `line` is not -1.
bool has_code(const LoadResult& r, std::string_view code, int line = -1);
std::string all_messages(const LoadResult& r);

}  // namespace lektion::test
