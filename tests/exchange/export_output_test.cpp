// Where "xliff/po export -o FILE" may write: never the learner records or
// another SQLite database, never inside the course folder (or the locales
// folder with --ui), never a device, a named pipe, a folder or a link. Each
// refusal is one line and exit status 2, with nothing written; "-o -" is
// standard output.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>

#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

struct Setup {
    Workspace w;
    fs::path data = w.file("data");
    fs::path records = data / "records.sqlite3";
    fs::path other_db = w.file("other.db");
    fs::path fifo = w.file("pipe");
    fs::path folder = w.file("folder");
    fs::path link = w.file("link.xlf");
    fs::path linked = w.file("linked.xlf");

    Setup() {
        write_file(records, std::string("SQLite format 3\0", 16) + std::string(100, '\0'));
        write_file(other_db, std::string("SQLite format 3\0", 16) + std::string(100, '\0'));
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        fs::create_directories(folder);
        write_file(linked, "linked\n");
        fs::create_symlink(linked, link);
    }

    Ran run(const std::string& format, bool ui, const fs::path& out) const {
        std::vector<std::string> args{format, "export"};
        if (ui) args.insert(args.end(), {"--ui", "--locales", w.locales().string()});
        else args.push_back(w.course().string());
        args.insert(args.end(), {"--lang", "pl", "-o", out.string()});
        return run_lektion_with_env({"LEKTION_DATA_DIR=" + data.string()}, args);
    }
};

}  // namespace

TEST_CASE("export -o refuses the records, SQLite files, the course, devices, pipes, folders and links") {
    Setup s;
    const auto before = snapshot(s.w.root());
    for (const char* format : {"xliff", "po"}) {
        const std::vector<std::pair<fs::path, std::string>> course_cases = {
            {s.records, "is the learner records"},
            {fs::path(s.records.string() + "-wal"), "is the learner records"},
            {s.other_db, "SQLite database or part of one"},
            {fs::path(s.other_db.string() + "-journal"), "SQLite database or part of one"},
            {s.w.course() / "course.xml", "inside the course folder"},
            {s.w.course() / "translations" / "pl" / "new.xlf", "inside the course folder"},
            {s.w.course() / ".." / "course" / "x.xlf", "inside the course folder"},
            {"/dev/null", "is a device"},
            {s.fifo, "is a named pipe"},
            {s.folder, "is a folder"},
            {s.link, "is a symbolic link"},
        };
        for (const auto& [out, message] : course_cases) {
            const Ran r = s.run(format, false, out);
            INFO(format << " -o " << out << "\n" << r.err);
            CHECK(r.status == 2);
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
            CHECK(r.err.find(message) != std::string::npos);
            CHECK(r.out.empty());
        }
        for (const fs::path& out : {s.w.locales() / "pl.xlf", s.w.locales() / "xx.po"}) {
            const Ran r = s.run(format, true, out);
            INFO(format << " --ui -o " << out << "\n" << r.err);
            CHECK(r.status == 2);
            CHECK(r.err.find("inside the course folder") != std::string::npos);
        }
    }
    CHECK(snapshot(s.w.root()) == before);
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK(fs::is_symlink(s.link));
}

TEST_CASE("export -o - writes standard output, and -o FILE elsewhere a file") {
    Setup s;
    for (const char* format : {"xliff", "po"}) {
        const Ran r = s.run(format, false, "-");
        CHECK(r.status == 0);
        CHECK(r.out.find(std::string(format) == "po"
                             ? "msgctxt \"course.title\""
                             : "<trans-unit id=\"course.title\"") != std::string::npos);
        const fs::path file = s.w.file(std::string("pl.") + format);
        CHECK(s.run(format, false, file).status == 0);
        CHECK(read_file(file).find("course.title") != std::string::npos);
    }
}
