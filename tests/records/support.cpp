#include "support.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

#include "temp_course.hpp"

namespace lektion::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::path(RECORDS_TEST_TMP) / fmt::format("t-{:08x}{:08x}", rd(), rd());
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    // Tests take permissions away; give them back so everything can go.
    for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it); it.increment(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_bytes(const fs::path& file, std::string_view bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

bool contains_bytes(const fs::path& file, std::string_view needle) {
    return read_bytes(file).find(needle) != std::string::npos;
}

namespace {

struct Db {
    sqlite3* db = nullptr;
    explicit Db(const fs::path& file) {
        if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
            sqlite3_close(db);
            throw std::runtime_error("cannot open " + file.string());
        }
        sqlite3_busy_timeout(db, 10'000);
    }
    ~Db() { sqlite3_close(db); }
};

}  // namespace

void run_sql(const fs::path& file, const std::string& sql) {
    Db d(file);
    char* error = nullptr;
    if (sqlite3_exec(d.db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "?";
        sqlite3_free(error);
        throw std::runtime_error(file.string() + ": " + message);
    }
}

std::string query_text(const fs::path& file, const std::string& sql) {
    Db d(file);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(d.db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
        throw std::runtime_error(file.string() + ": " + sqlite3_errmsg(d.db));
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
}

bool running_as_root() { return ::geteuid() == 0; }

CoursePtr small_course(const std::string& version, bool reworded) {
    TempCourse c;
    const std::string section2 = R"(
  </section>
  <section id="ID.s2">
    <heading id="ID.s2.h">Andet afsnit</heading>
    <p id="ID.s2.p1">Mere tekst.</p>)";
    auto lesson = [&](const std::string& id) {
        std::string body = section2;
        for (std::size_t at; (at = body.find("ID")) != std::string::npos;) body.replace(at, 2, id);
        return lesson_xml(id, body);
    };
    c.file("course.xml", fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<course id="c" version="{}" lang="da">
  <title id="c.title">Kursus</title>
  <lessons>
    <lesson href="l1.xml"/>
    <lesson href="l2.xml"/>
  </lessons>
  <quiz href="quiz.xml"/>
</course>
)",
                                     version));
    c.file("l1.xml", lesson("l1"));
    c.file("l2.xml", lesson("l2"));
    std::string quiz = quiz_xml(3, R"(pass-mark="60" attempts="3" shuffle="false")");
    if (reworded) {
        const auto from = quiz.find("  <question id=\"q2\">");
        const auto to = quiz.find("  <question id=\"q3\">");
        quiz.erase(from, to - from);
        quiz.replace(quiz.find("Spørgsmål 1?"), std::string("Spørgsmål 1?").size(), "Nyt spørgsmål 1?");
    }
    c.file("quiz.xml", quiz);
    LoadResult r = c.load();
    if (!r.course) throw std::runtime_error("small_course does not load:\n" + all_messages(r));
    return r.course;
}

bool same_progress(const Progress& a, const Progress& b) {
    if (!(a.position == b.position) || a.course_complete != b.course_complete || a.language != b.language ||
        a.lessons.size() != b.lessons.size() || a.attempts.size() != b.attempts.size())
        return false;
    for (const auto& [id, la] : a.lessons) {
        const LessonProgress* lb = b.lesson(id);
        if (!lb || la.viewed != lb->viewed || la.complete != lb->complete ||
            la.checks.size() != lb->checks.size())
            return false;
        for (const auto& [q, ans] : la.checks) {
            auto it = lb->checks.find(q);
            if (it == lb->checks.end() || it->second.chosen != ans.chosen ||
                it->second.correct != ans.correct)
                return false;
        }
    }
    for (std::size_t i = 0; i < a.attempts.size(); ++i) {
        const QuizAttempt& x = a.attempts[i];
        const QuizAttempt& y = b.attempts[i];
        if (x.number != y.number || x.seed != y.seed || x.questions != y.questions || x.order != y.order ||
            x.answers.size() != y.answers.size() || x.score.has_value() != y.score.has_value())
            return false;
        for (const auto& [q, ans] : x.answers) {
            auto it = y.answers.find(q);
            if (it == y.answers.end() || it->second.chosen != ans.chosen || it->second.correct != ans.correct)
                return false;
        }
        if (x.score && (x.score->raw != y.score->raw || x.score->max != y.score->max ||
                        x.score->scaled != y.score->scaled || x.score->passed != y.score->passed))
            return false;
    }
    return true;
}

}  // namespace lektion::test
