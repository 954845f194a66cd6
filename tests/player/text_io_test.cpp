// The text player in-process: what it lets reach the terminal, how much of
// a line it reads, how wide it wraps, and how it meets a records failure.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <thread>

#include <sqlite3.h>

#include <fmt/format.h>

#include "../yesno_type.hpp"
#include "base/terminal_text.hpp"
#include "l10n/strings.hpp"
#include "load/translation.hpp"
#include "questions/registry.hpp"
#include "records/store.hpp"
#include "sample_course.hpp"
#include "session/status_words.hpp"
#include "speech/limits.hpp"
#include "speech/shared.hpp"
#include "textplayer/choice.hpp"
#include "textplayer/question_prompts.hpp"
#include "textplayer/read_aloud.hpp"
#include "textplayer/text_player.hpp"

using namespace lektion;
using lektion::test::SampleCourse;

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
    Option right{"a", text(hostile), text(hostile), true, {}, {}};
    Option wrong{"b", text(hostile), std::nullopt, false, {}, {}};
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

TEST_CASE("terminal_safe for learners keeps text, line feeds and tabs, and turns every control into U+FFFD") {
    auto safe = [](std::string_view s) { return terminal_safe(s, ControlStyle::replaced); };
    CHECK(safe("Æble, ørred og å\tπ – 日本\n") == "Æble, ørred og å\tπ – 日本\n");
    CHECK(safe("a\x1b[1;31mb") == "a\uFFFDb");        // CSI, whole
    CHECK(safe("a\x1b]0;title\x07z") == "a\uFFFDz");  // OSC to BEL
    CHECK(safe("a\x1b]8;;u\x1b\\z") == "a\uFFFDz");   // OSC to ST
    CHECK(safe("a\xc2\x9b"
               "2Jz") == "a\uFFFDz");  // C1 CSI
    CHECK(safe("a\x1b") == "a\uFFFD");
    CHECK(safe("\x07\x08\r\x7f") == "\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(safe(std::string("a\0b", 3)) == "a\uFFFDb");
    CHECK(safe("\xff\xc3") == "\uFFFD\uFFFD");            // not UTF-8
    CHECK(safe("\xed\xa0\x80") == "\uFFFD\uFFFD\uFFFD");  // a surrogate
    CHECK(control_at(safe(hostile)) == std::string::npos);
}

TEST_CASE(
    "terminal_safe for authors writes each control and each stray byte as an escape, keeping the rest") {
    CHECK(terminal_safe("Æble\tπ\n") == "Æble\tπ\n");
    CHECK(terminal_safe("a\x1b[1;31mb") == "a\\x1b[1;31mb");  // the sequence shown, harmless
    CHECK(terminal_safe("\r\x7f\xc2\x9b") == "\\x0d\\x7f\\x9b");
    CHECK(terminal_safe("\xff\xed\xa0\x80") == "\\xff\\xed\\xa0\\x80");
    CHECK(control_at(terminal_safe(hostile)) == std::string::npos);
    CHECK(terminal_safe(hostile, ControlStyle::escaped) == terminal_safe(hostile));
}

TEST_CASE(
    "an answer typed: numbers from 1 to the options' count, one or several, and what is wrong otherwise") {
    auto numbers = [](std::string_view line, bool multiple) {
        return parse_choice(line, 4, multiple).numbers;
    };
    auto problem = [](std::string_view line, bool multiple) {
        return parse_choice(line, 4, multiple).problem;
    };
    CHECK(numbers("2", false) == std::vector<int>{2});
    CHECK(numbers("3 1", true) == std::vector<int>{3, 1});
    CHECK(numbers("1,3", true) == std::vector<int>{1, 3});
    CHECK(numbers(" 1 ,\t3,,", true) == std::vector<int>{1, 3});
    CHECK(numbers("2 2", false) == std::vector<int>{2});  // the same answer twice is one
    CHECK(problem("", false) == ChoiceProblem::empty);
    CHECK(problem("5", false) == ChoiceProblem::out_of_range);
    CHECK(problem("0", true) == ChoiceProblem::out_of_range);
    CHECK(problem("99999999999999999999", false) == ChoiceProblem::out_of_range);
    CHECK(problem("b", false) == ChoiceProblem::not_a_number);
    CHECK(problem("2x", true) == ChoiceProblem::not_a_number);
    CHECK(problem("+2", true) == ChoiceProblem::not_a_number);
    CHECK(problem("1 3", false) == ChoiceProblem::several_for_single);
    CHECK(problem("1 5", true) == ChoiceProblem::out_of_range);
    CHECK(parse_choice("1 5", 4, true).numbers.empty());  // nothing of a line that is no answer
    set_ui_language("da");
    CHECK(choice_allowed(4, false) == "Skriv ét tal fra 1 til 4.");
    CHECK(choice_allowed(4, true) ==
          "Skriv et eller flere tal fra 1 til 4, adskilt af mellemrum eller kommaer.");
    set_ui_language("en");
    CHECK(choice_allowed(4, false) == "Type one number from 1 to 4.");
    CHECK(choice_allowed(4, true) == "Type one or more numbers from 1 to 4, separated by spaces or commas.");
    CHECK(choice_prompt(false) == "Your answer (one number)");
    CHECK(choice_prompt(true) == "Your answers (one or more numbers)");
}

TEST_CASE("the text player writes no control character or escape sequence, whatever the course holds") {
    set_ui_language("da");
    // Home, the section, the check (answered wrong: the right answer is shown), home, the quiz's
    // introduction, its question, the review, the result.
    const std::string out = run(hostile_course(), "1\n\n2\n\n2\n\n1\ns\nq\n");
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
    CHECK(out.find("Side 1 af 2") != std::string::npos);  // the lesson was opened
    CHECK(out.find("Side 2 af 2") == std::string::npos);  // and the long line did not page on
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

namespace {

CoursePtr sample_course(const SampleCourse& sample) {
    set_ui_language("da");
    const CoursePtr course = load_course(sample.dir(), "da").course;
    REQUIRE(course);
    return course;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE(
    "the text player prints a quotation with its author's marks only, and a figure as its alt text and "
    "caption") {
    SampleCourse sample;
    const std::string out = run(sample_course(sample), "2\n\nq\n");
    INFO(out);
    CHECK(count_of(out, "»Arbejdsglæde smitter.«") == 1);
    CHECK(out.find("»»") == std::string::npos);
    CHECK(out.find("[Billede: De samme to flader]\nFigur 2: Igen.\n") != std::string::npos);
}

TEST_CASE("the text player's menu reaches the start page and the about page, with credits and disclaimer") {
    SampleCourse sample;
    const std::string out = run(sample_course(sample), "4\n\n5\n\nq\n");
    INFO(out);
    CHECK(out.find("Et lille kursus til afprøvning.") !=
          std::string::npos);  // the description, as in the window
    CHECK(out.find("3) Slutquiz (Klar – bestå med mindst 50\u00A0%)") != std::string::npos);
    CHECK(out.find("4) Velkommen\n5) Om kurset\n") != std::string::npos);
    CHECK(out.find("Enter: begynd kurset\n> ") != std::string::npos);
    CHECK(out.find("Velkommen\n\nStartsidens tekst.") != std::string::npos);
    CHECK(out.find("Kursusversion 2.1") != std::string::npos);
    CHECK(out.find("figurkursus") == std::string::npos);  // the course's id is no words for a learner
    CHECK(out.find("Om kurset\n\nSkrevet til afprøvning.") != std::string::npos);
    CHECK(out.find("Finansiering\n\nAnsvarsfraskrivelsen.") != std::string::npos);
    CHECK(count_of(out, "Enter: tilbage til forsiden > ") == 2);
}

TEST_CASE(
    "the quiz in the text player: introduction, prompts that fit, invalid answers explained, a review that "
    "changes answers") {
    SampleCourse sample;
    // The quiz, started; the first question answered 5, "1 3", x, then wrong; the second 9, then
    // left open; the review changes the first, then the second; submitted; home.
    const std::string out = run(sample_course(sample), "3\n\n5\n1 3\nx\n2\n9\n\n1\n1\n2\n1,3\ns\n\nq\n");
    INFO(out);
    CHECK(out.find("Slutquiz\n\nQuizzens introduktion.\n\n2 spørgsmål. Beståelseskrav: 50\u00A0%.\n1 forsøg "
                   "tilbage\n"
                   "Enter: start quizzen · p: tilbage > ") != std::string::npos);
    CHECK(out.find("Spørgsmål 1 af 2\nFørste spørgsmål?\n1) Rigtigt svar\n2) Forkert svar\n3) Tredje svar\n"
                   "Dit svar (ét tal) > ") != std::string::npos);
    CHECK(count_of(out, "Dit svar (ét tal) > Skriv ét tal fra 1 til 3.\n") == 3);
    CHECK(out.find(
              "Dine svar (et eller flere tal) > Skriv et eller flere tal fra 1 til 3, adskilt af mellemrum "
              "eller\nkommaer.\n") != std::string::npos);  // wrapped at 72 columns
    const std::string review =
        "Gennemse dine svar før aflevering\n\n1. Første spørgsmål?\n   Dit svar: Forkert svar\n"
        "2. Andet spørgsmål, med flere svar?\n   Dit svar: Ikke besvaret\n\n"
        "1 spørgsmål er endnu ikke besvaret.\n"
        "Ret et svar: skriv dets nummer, 1 til 2 · s: aflever > ";
    CHECK(out.find(review) != std::string::npos);
    // The question chosen in the review shows the answer given, and leads back to the review.
    CHECK(out.find("Første spørgsmål?\n1) Rigtigt svar\n2) Forkert svar\n3) Tredje svar\nDit svar: Forkert "
                   "svar\n") != std::string::npos);
    CHECK(out.find("1. Første spørgsmål?\n   Dit svar: Rigtigt svar\n2. Andet spørgsmål, med flere svar?\n"
                   "   Dit svar: Ikke besvaret\n") != std::string::npos);
    CHECK(out.find("   Dit svar: Rigtigt svar; Tredje svar\n\nRet et svar") != std::string::npos);
    CHECK(out.find("Dit resultat: 100\u00A0%\n2 af 2 svar rigtige\nBestået!") != std::string::npos);
    CHECK(out.find("3) Slutquiz (Bestået – bedste resultat 100\u00A0%)") != std::string::npos);
}

TEST_CASE(
    "no attempts left: the text player says so in the window's words on its list and when the quiz is "
    "chosen") {
    SampleCourse sample;
    // The one attempt, both answers wrong, submitted; home; the quiz chosen again; quit.
    const std::string out = run(sample_course(sample), "3\n\n2\n2\ns\n\n3\nq\n");
    INFO(out);
    set_ui_language("da");
    const std::string words = "Ikke bestået – ingen forsøg tilbage (bedste 0\u00A0%)";
    CHECK(out.find("Dit resultat: 0\u00A0%\n0 af 2 svar rigtige\nIkke bestået.") != std::string::npos);
    CHECK(out.find("3) Slutquiz (" + words + ")") != std::string::npos);
    CHECK(out.find("Slutquiz\n" + words + "\n") != std::string::npos);  // chosen: why it does not start
    CHECK(count_of(out, words) == 4);  // the result, the list, the choice, the list again
    CHECK(out.find("Låst") == std::string::npos);
}

TEST_CASE("the check takes no line that is not an answer, and says what is allowed") {
    SampleCourse sample;
    // Lesson 1, its second page, its check: Enter, 4, "1 2", then right; the lesson is complete.
    const std::string out = run(sample_course(sample), "1\n\n\n\n4\n1 2\n1\nq\n");
    INFO(out);
    CHECK(count_of(out, "Dit svar (ét tal) > Skriv ét tal fra 1 til 3.\n") == 3);
    CHECK(out.find("Rigtigt!\nForklaringen.\n") != std::string::npos);
}

// --- learner PINs (records/guard.cpp) ---------------------------------------------

TEST_CASE(
    "the text player asks for a learner's PIN, also with --learner, and refuses a wrong one with the delay") {
    set_ui_language("da");
    TempDir dir;
    Store store(dir.path);
    store.set_learner_pins_enabled(true);
    const Learner kim = store.create_learner("Kim", "da");
    store.set_learner_pin(kim.id, "4711");
    const std::string entered = tr("text.saved");
    TextPlayerOptions o;
    o.learner = "Kim";

    // A wrong PIN, then the right one typed before the wait is over: neither lets them in.
    int status = -1;
    std::string out = run(hostile_course(), "0000\n4711\n", &status, o, &store);
    INFO(out);
    CHECK(status == 0);
    CHECK(out.find(tr("gate.pin_wrong")) != std::string::npos);
    CHECK(count_of(out, tr("gate.wait", {{"seconds", std::int64_t{1}}})) == 2);  // the early try is not heard
    CHECK(out.find(entered) == std::string::npos);
    CHECK(out.find("4711") == std::string::npos);  // nothing typed is written back
    CHECK(out.find("0000") == std::string::npos);

    // After the wait the right PIN opens the course.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    out = run(hostile_course(), "4711\nq\n", &status, o, &store);
    CHECK(status == 0);
    CHECK(out.find(entered) != std::string::npos);
}

TEST_CASE("an empty line at the PIN question goes back to the names; a learner without a PIN is not asked") {
    set_ui_language("da");
    TempDir dir;
    Store store(dir.path);
    store.set_learner_pins_enabled(true);
    store.set_learner_pin(store.create_learner("Kim", "da").id, "4711");
    store.create_learner("Ole", "da");
    std::istringstream in("Kim\n\nOle\nq\n");
    std::ostringstream out;
    const int status = run_text_player(hostile_course(), &store, {}, in, out);
    INFO(out.str());
    CHECK(status == 0);
    CHECK(count_of(out.str(), tr("gate.pin_ask")) == 1);  // Kim's, not Ole's
    CHECK(count_of(out.str(), tr("text.who")) == 2);
    CHECK(out.str().find(tr("text.saved")) != std::string::npos);
}

// --- a type registered only in the tests, with its own prompt ---------------

namespace {

class YesNoPrompt : public TextQuestion {
public:
    std::string_view type() const override { return "yesno"; }
    std::vector<std::string> show(Writer&, const Question&, const std::vector<std::string>&) const override {
        return {};
    }
    std::string prompt(const Question&) const override { return "yes or no"; }
    std::string allowed(const Question&, const std::vector<std::string>&) const override {
        return "Type yes or no.";
    }
    std::optional<std::vector<std::string>> parse(const Question&, const std::vector<std::string>&,
                                                  std::string_view line) const override {
        if (line == "yes" || line == "no") return std::vector<std::string>{std::string(line)};
        return std::nullopt;
    }
};

}  // namespace

TEST_CASE("a question type from outside the engine, asked through its own text prompt") {
    QuestionTypes::get().add(std::make_unique<test::YesNo>());
    add_text_question(std::make_unique<YesNoPrompt>());
    TempDir dir;
    std::filesystem::create_directories(dir.path);
    std::ofstream(dir.path / "course.xml") << R"(<course id="c" version="1" lang="en">
  <title id="t">T</title>
  <lessons><lesson href="l1.xml"/></lessons>
</course>)";
    std::ofstream(dir.path / "l1.xml") << R"(<lesson id="l1">
  <title id="l1.t">L</title>
  <section id="l1.s1"><heading id="l1.s1.h">H</heading><p id="l1.s1.p">P</p></section>
  <check><question id="l1.q" type="yesno" answer="no"><prompt id="l1.q.p">Is the sky green?</prompt></question></check>
</lesson>)";
    set_ui_language("en");
    const LoadResult r = load_course(dir.path, "en");
    REQUIRE(r.course);
    const std::string out = run(r.course, "1\n\nperhaps\nno\nq\n");
    INFO(out);
    CHECK(out.find("Is the sky green?") != std::string::npos);
    CHECK(out.find("yes or no > Type yes or no.") != std::string::npos);
    CHECK(out.find(tr("lesson.correct")) != std::string::npos);
}

TEST_CASE(
    "a course not yet translated: the text player notes it on the home page and above the page, as the "
    "window does") {
    SampleCourse sample;
    set_ui_language("en");
    const CoursePtr course = load_course(sample.dir(), "en").course;  // the sample has no English
    REQUIRE(course);
    const std::string note = "(" + untranslated_note(*course) + ")\n";
    REQUIRE(note == "(" + tr("lesson.untranslated") + ")\n");
    const std::string out = run(course, "4\n\nq\n");  // home, then the start page
    INFO(out);
    CHECK(count_of(out, note) >= 2);
    set_ui_language("da");
}

TEST_CASE("r in the text player reads at the learner's own speed, as set in the window") {
    SampleCourse sample;
    TempDir dir;
    Store store(dir.path);
    Learner learner = store.find_or_create_learner("Test", "da");
    learner.speech_rate = 300;
    store.save_settings(learner);
    const std::string out = run(sample_course(sample), "1\nr\nq\n", nullptr, {}, &store);
    INFO(out);
    std::string why;
    speech::Speech* s = speech::shared_speech(why);
    REQUIRE(s);
    CHECK(s->last_rate() == 300);
    stop_reading_text();
}

TEST_CASE("r at a question reads it aloud with its options, and asks it again") {
    const std::string out = run(hostile_course(), "1\n\nr\nq\n");
    INFO(out);
    const std::size_t heard = count_of(out, tr("text.read_started")) + count_of(out, tr("read.no_audio")) +
                              count_of(out, tr("read.no_voice"));
    CHECK(heard == 1);
    CHECK(count_of(out, tr("lesson.correct")) + count_of(out, tr("lesson.wrong")) == 0);  // no answer
    std::string why;
    speech::Speech* s = speech::shared_speech(why);
    REQUIRE(s);
    CHECK(s->last_rate() == speech::default_rate);  // no records: the default speed
    stop_reading_text();
}
