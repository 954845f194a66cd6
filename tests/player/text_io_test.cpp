// The text player in-process: what it lets reach the terminal, how much of
// a line it reads, how wide it wraps, and how it meets a records failure.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <random>
#include <sstream>

#include <sqlite3.h>

#include <fmt/format.h>

#include "l10n/strings.hpp"
#include "records/store.hpp"
#include "textplayer/text_player.hpp"

using namespace lektion;

namespace {

Text text(const std::string& s) { return Text{"", {{s, plain}}, false}; }

// Hostile text as only the course API can make it: the loader refuses control characters.
const std::string hostile =
    "Før\x1b[2J\x1b[31mrød\x1b[0m \x1b]0;title\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ "
    "\xc2\x9b"
    "31m c1 \x07 bell \x7f del \x08 back \r return \x1b"
    "c reset \xff\xfe bytes";

CoursePtr hostile_course() {
    auto c = std::make_shared<Course>();
    c->id = "c";
    c->version = "1";
    c->lang = "da";
    c->title = text("Kursus " + hostile);
    Lesson l;
    l.id = "l";
    l.title = text("Lektion " + hostile);
    Section s;
    s.id = "s";
    s.heading = text("Afsnit " + hostile);
    Block p;
    p.text = text(hostile);
    s.blocks.push_back(p);
    Block callout;
    callout.kind = BlockKind::callout;
    callout.title = text(hostile);
    callout.children.push_back(p);
    s.blocks.push_back(callout);
    l.sections.push_back(s);
    Question q;
    q.id = "q";
    q.prompt = text(hostile);
    Option right{"a", text(hostile), text(hostile), true};
    Option wrong{"b", text(hostile), std::nullopt, false};
    q.options = {right, wrong};
    q.explanation = text(hostile);
    l.checks.push_back(q);
    c->lessons.push_back(l);
    Quiz quiz;
    quiz.id = "quiz";
    quiz.title = text(hostile);
    Question qq = q;
    qq.id = "qq";
    quiz.questions.push_back(qq);
    quiz.shuffle = false;
    c->quiz = quiz;
    c->quiz_after_lessons = false;
    return c;
}

// The first byte of a C0 control (but line feed and tab), DEL, or a C1 control (UTF-8 C2 80..C2 9F).
std::size_t control_at(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return i;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return i;
    }
    return std::string::npos;
}

std::string run(const CoursePtr& course, const std::string& input, int* status = nullptr,
                TextPlayerOptions options = {}, Store* store = nullptr) {
    if (options.learner.empty()) options.learner = "Test";
    std::istringstream in(input);
    std::ostringstream out;
    const int result = run_text_player(course, store, options, in, out);
    if (status) *status = result;
    return out.str();
}

struct TempDir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / fmt::format("lektion-textio-{:x}", std::random_device{}());
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("sanitize_for_terminal keeps text, line feeds and tabs, and turns every control into U+FFFD") {
    CHECK(sanitize_for_terminal("Æble, ørred og å\tπ – 日本\n") == "Æble, ørred og å\tπ – 日本\n");
    CHECK(sanitize_for_terminal("a\x1b[1;31mb") == "a\uFFFDb");        // CSI, whole
    CHECK(sanitize_for_terminal("a\x1b]0;title\x07z") == "a\uFFFDz");  // OSC to BEL
    CHECK(sanitize_for_terminal("a\x1b]8;;u\x1b\\z") == "a\uFFFDz");   // OSC to ST
    CHECK(sanitize_for_terminal("a\xc2\x9b"
                                "2Jz") == "a\uFFFDz");  // C1 CSI
    CHECK(sanitize_for_terminal("a\x1b") == "a\uFFFD");
    CHECK(sanitize_for_terminal("\x07\x08\r\x7f") == "\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(sanitize_for_terminal(std::string("a\0b", 3)) == "a\uFFFDb");
    CHECK(sanitize_for_terminal("\xff\xc3") == "\uFFFD\uFFFD");            // not UTF-8
    CHECK(sanitize_for_terminal("\xed\xa0\x80") == "\uFFFD\uFFFD\uFFFD");  // a surrogate
    CHECK(control_at(sanitize_for_terminal(hostile)) == std::string::npos);
}

TEST_CASE("the text player writes no control character or escape sequence, whatever the course holds") {
    set_ui_language("da");
    // Home, the section, the check (answered wrong: the right answer is shown), home, the quiz.
    const std::string out = run(hostile_course(), "1\n\n2\n\n2\n1\nq\n");
    INFO(out);
    CHECK(out.find("rød") != std::string::npos);
    CHECK(out.find("\uFFFD") != std::string::npos);
    CHECK(out.find("Dit resultat") != std::string::npos);  // the whole way, to the quiz's result
    const std::size_t at = control_at(out);
    CHECK(at == std::string::npos);
    if (at != std::string::npos) CHECK(out.substr(at > 20 ? at - 20 : 0, 40) == "");
}

TEST_CASE("read_line reads 4096 bytes of a line, drops the rest, and gives up on an endless line") {
    std::string line;
    SECTION("a line of 10 MB") {
        std::istringstream in(std::string(10'000'000, 'x') + "\nnext\n");
        CHECK(read_line(in, line) == LineRead::too_long);
        CHECK(line.size() == max_line_bytes);
        CHECK(line.capacity() < 2 * max_line_bytes);
        CHECK(read_line(in, line) == LineRead::line);
        CHECK(line == "next");
        CHECK(read_line(in, line) == LineRead::end);
    }
    SECTION("no line feed for longer than the give-up limit: the end of the input") {
        std::istringstream in(std::string(3000, '\0'));
        CHECK(read_line(in, line, 100, 2000) == LineRead::end);
        CHECK(read_line(in, line, 100, 2000) == LineRead::end);
    }
    SECTION("a last line without a line feed still counts") {
        std::istringstream in("q");
        CHECK(read_line(in, line) == LineRead::line);
        CHECK(line == "q");
        CHECK(read_line(in, line) == LineRead::end);
    }
}

TEST_CASE("a learner's line of 10 MB is dropped with a word, and not taken as a command") {
    set_ui_language("da");
    int status = -1;
    // Ten megabytes of a number: read in full it would be an answer, or Enter when cut.
    const std::string out = run(hostile_course(), "1\n" + std::string(10'000'000, '1') + "\nq\n", &status);
    CHECK(status == 0);
    CHECK(out.find("Linjen var for lang") != std::string::npos);
    CHECK(out.find("1/2") != std::string::npos);  // the lesson was opened
    CHECK(out.find("2/2") == std::string::npos);  // and the long line did not page on
    CHECK(out.size() < 100'000);
}

TEST_CASE("the wrap width: COLUMNS, else the terminal's width, else 72, between 20 and 200") {
    const int pipe_fd = [] {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        close(fds[0]);
        return fds[1];
    }();
    CHECK(terminal_columns("100", pipe_fd) == 100);
    CHECK(terminal_columns("5", pipe_fd) == 20);
    CHECK(terminal_columns("100000", pipe_fd) == 200);
    CHECK(terminal_columns("99999999999999999999", pipe_fd) == 72);
    CHECK(terminal_columns("abc", pipe_fd) == 72);
    CHECK(terminal_columns("80x", pipe_fd) == 72);
    CHECK(terminal_columns("-3", pipe_fd) == 72);
    CHECK(terminal_columns("", pipe_fd) == 72);
    CHECK(terminal_columns(nullptr, pipe_fd) == 72);
    close(pipe_fd);
    // A terminal says its own width.
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(grantpt(master) == 0);
    REQUIRE(unlockpt(master) == 0);
    const int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
    REQUIRE(terminal >= 0);
    winsize ws{};
    ws.ws_col = 132;
    ws.ws_row = 40;
    REQUIRE(ioctl(terminal, TIOCSWINSZ, &ws) == 0);
    CHECK(terminal_columns(nullptr, terminal) == 132);
    CHECK(terminal_columns("90", terminal) == 90);  // COLUMNS first
    ws.ws_col = 3000;
    REQUIRE(ioctl(terminal, TIOCSWINSZ, &ws) == 0);
    CHECK(terminal_columns(nullptr, terminal) == 200);
    close(terminal);
    close(master);
}

TEST_CASE("lines are wrapped at the width asked for") {
    set_ui_language("da");
    auto course = std::const_pointer_cast<Course>(hostile_course());
    std::string words;
    for (int i = 0; i < 200; ++i) words += "ord ";
    course->lessons[0].sections[0].blocks[0].text = text(words);
    TextPlayerOptions o;
    o.columns = 30;
    const std::string out = run(course, "1\nq\n", nullptr, o);
    std::istringstream lines(out);
    std::string line;
    int lines_of_words = 0;
    while (std::getline(lines, line)) {
        if (line.find("ord ord") == std::string::npos) continue;
        ++lines_of_words;
        CHECK(line.size() <= 30);
    }
    CHECK(lines_of_words > 20);
}

TEST_CASE("the text player's error lines carry lektion: once") {
    set_ui_language("da");
    TempDir dir;
    Store store(dir.path);
    TextPlayerOptions o;
    o.learner = "Prefix";
    o.language = "x y";  // no language tag: the store refuses to keep it
    int status = -1;
    const std::string out = run(hostile_course(), "q\n", &status, o, &store);
    INFO(out);
    CHECK(status == 1);
    CHECK(out.find("lektion: ") != std::string::npos);
    CHECK(out.find("lektion: lektion:") == std::string::npos);
}

TEST_CASE("a records failure mid-session is reported and the learner goes on from where they were") {
    set_ui_language("da");
    TempDir dir;
    Store store(dir.path);
    // The learner's row goes while they read (another lektion erased them): every event is refused.
    std::istringstream in("1\n\n\n2\nq\n");
    struct EraseOnRead : std::streambuf {
        std::istringstream& from;
        Store& store;
        int lines = 0;
        EraseOnRead(std::istringstream& f, Store& s) : from(f), store(s) {}
        int_type underflow() override {
            const int c = from.peek();
            return c == EOF ? traits_type::eof() : traits_type::to_int_type(static_cast<char>(c));
        }
        int_type uflow() override {
            const int c = from.get();
            if (c == EOF) return traits_type::eof();
            if (c == '\n' && ++lines == 1) {
                Store other(store.path().parent_path());
                try {
                    other.delete_learner(other.find_learner("Gone")->id);
                } catch (const RecordsError&) {
                    // The rows are gone; only the log's old pages wait for the player to close.
                }
            }
            return traits_type::to_int_type(static_cast<char>(c));
        }
    } erase(in, store);
    std::istream input(&erase);
    std::ostringstream out;
    TextPlayerOptions o;
    o.learner = "Gone";
    const int status = run_text_player(hostile_course(), &store, o, input, out);
    INFO(out.str());
    CHECK(status == 0);
    CHECK(out.str().find("not in the records") != std::string::npos);
    CHECK(out.str().find("Gemt") != std::string::npos);  // it went on to the end
}

namespace {

// A second connection holding the records' write lock, as another program would.
class Lock {
public:
    explicit Lock(const std::filesystem::path& file) {
        REQUIRE(sqlite3_open(file.c_str(), &db_) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    ~Lock() {
        release();
        sqlite3_close(db_);
    }
    void release() {
        if (held_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
        held_ = false;
    }

private:
    sqlite3* db_ = nullptr;
    bool held_ = true;
};

// Standard input that runs `at_line(n)` as line n is read, for things that must happen mid-session.
struct Scripted : std::streambuf {
    std::istringstream from;
    std::function<void(int)> at_line;
    int lines = 0;
    Scripted(const std::string& text, std::function<void(int)> f) : from(text), at_line(std::move(f)) {}
    int_type underflow() override {
        const int c = from.peek();
        return c == EOF ? traits_type::eof() : traits_type::to_int_type(static_cast<char>(c));
    }
    int_type uflow() override {
        const int c = from.get();
        if (c == EOF) return traits_type::eof();
        if (c == '\n') at_line(++lines);
        return traits_type::to_int_type(static_cast<char>(c));
    }
};

}  // namespace

TEST_CASE(
    "a busy database: the text player goes on, says so, and flushes or says what was lost on quitting") {
    set_ui_language("da");
    TempDir dir;
    Store store(dir.path);
    store.set_lock_waits({std::chrono::milliseconds(20), std::chrono::milliseconds(0)});
    const std::int64_t id = store.create_learner("Travl").id;
    auto lock = std::make_unique<Lock>(store.path());
    TextPlayerOptions o;
    o.learner = "Travl";
    o.quit_wait = std::chrono::milliseconds(200);
    SECTION("the lock is never let go") {
        int status = -1;
        const std::string out = run(hostile_course(), "1\n\n\nq\n", &status, o, &store);
        INFO(out);
        CHECK(out.find("Opmærksomhedstjek") != std::string::npos);  // the learner went on reading
        CHECK(out.find("held the records locked") != std::string::npos);
        CHECK(out.find("Dine seneste skridt kunne ikke gemmes") != std::string::npos);
        CHECK(out.find("Gemt. På gensyn.") == std::string::npos);
        CHECK(status == 1);
        CHECK(store.pending() > 0);
    }
    SECTION("the lock is let go mid-session: everything is saved, in order") {
        Scripted input("1\n\n\nq\n", [&](int line) {
            if (line == 2) lock.reset();
        });
        std::istream in(&input);
        std::ostringstream out;
        const int status = run_text_player(hostile_course(), &store, o, in, out);
        INFO(out.str());
        CHECK(status == 0);
        CHECK(out.str().find("Gemt. På gensyn.") != std::string::npos);
        CHECK(store.pending() == 0);
        const Progress p = store.progress(id, *hostile_course());
        CHECK(p.lessons.at("l").viewed.count("s"));
        CHECK(p.position.lesson == 0);
    }
}

TEST_CASE("a name the records refuse is reported and asked again") {
    set_ui_language("da");
    TempDir dir;
    Store store(dir.path);
    std::istringstream in(std::string("bad\x01name\n") + std::string(101, 'x') + "\nGod\nq\n");
    std::ostringstream out;
    const int status = run_text_player(hostile_course(), &store, {}, in, out);
    INFO(out.str());
    CHECK(status == 0);
    CHECK(store.find_learner("God"));
    CHECK(store.learners().size() == 1);
    CHECK(out.str().find("lektion: ") != std::string::npos);
}
