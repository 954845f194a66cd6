#include "temp_course.hpp"

#include <fstream>
#include <random>

#include <fmt/format.h>

namespace lektion::test {

namespace fs = std::filesystem;

TempCourse::TempCourse() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / fmt::format("lektion-test-{:x}", rd());
    fs::create_directories(dir_);
}

TempCourse::~TempCourse() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

TempCourse& TempCourse::file(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return *this;
}

TempCourse& TempCourse::manifest(const std::string& quiz_href) {
    return file(
        "course.xml",
        fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<course id="c" version="1" lang="da">
  <title id="c.title">Kursus</title>
  <lessons>
    <lesson href="l1.xml"/>
  </lessons>
  {}
</course>
)",
                    quiz_href.empty() ? std::string() : fmt::format(R"(<quiz href="{}"/>)", quiz_href)));
}

std::string lesson_xml(const std::string& id, const std::string& body) {
    return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<lesson id="{0}">
  <title id="{0}.title">Lektion</title>
  <section id="{0}.s1">
    <heading id="{0}.s1.h">Afsnit</heading>
    <p id="{0}.s1.p1">Tekst.</p>{1}
  </section>
  <check>
    <question id="{0}.check">
      <prompt id="{0}.check.prompt">Spørgsmål?</prompt>
      <option id="{0}.check.a" correct="true"><label id="{0}.check.a.label">Ja</label></option>
      <option id="{0}.check.b"><label id="{0}.check.b.label">Nej</label></option>
    </question>
  </check>
</lesson>
)",
                       id, body);
}

std::string quiz_xml(int n, const std::string& attributes) {
    std::string questions;
    for (int i = 1; i <= n; ++i)
        questions += fmt::format(R"(
  <question id="q{0}">
    <prompt id="q{0}.prompt">Spørgsmål {0}?</prompt>
    <option id="q{0}.a" correct="true"><label id="q{0}.a.label">Rigtigt</label></option>
    <option id="q{0}.b"><label id="q{0}.b.label">Forkert</label></option>
    <option id="q{0}.c"><label id="q{0}.c.label">Også forkert</label></option>
  </question>)",
                                 i);
    return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz id="quiz" {}>
  <title id="quiz.title">Quiz</title>{}
</quiz>
)",
                       attributes, questions);
}

LoadResult with_body(const std::string& body) {
    TempCourse c;
    c.manifest("").file("l1.xml", lesson_xml("l1", body));
    return c.load();
}

bool has_error(const LoadResult& r, int line, const std::string& text) {
    for (const Diagnostic& d : r.diagnostics.items)
        if (d.line == line && d.message.find(text) != std::string::npos) return true;
    return false;
}

bool has_code(const LoadResult& r, std::string_view code, int line) {
    for (const Diagnostic& d : r.diagnostics.items)
        if (d.severity == Severity::error && d.code == code && (line == -1 || d.line == line)) return true;
    return false;
}

std::string all_messages(const LoadResult& r) {
    std::string s;
    for (const Diagnostic& d : r.diagnostics.items) s += format(d) + "\n";
    return s;
}

}  // namespace lektion::test
