// The text player through a real pipe: the lektion binary reads the
// learner's lines from standard input and completes every lesson and the quiz.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "../temp_course.hpp"
#include "load/loader.hpp"
#include "load/translation.hpp"
#include "records/store.hpp"
#include "resources/paths.hpp"

using namespace lektion;

namespace {

// The lektion program with its standard input and output on pipes.
class Child {
public:
    explicit Child(const std::vector<std::string>& args) {
        int in[2], out[2];
        REQUIRE(pipe(in) == 0);
        REQUIRE(pipe(out) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            for (int fd : {in[0], in[1], out[0], out[1]}) close(fd);
            std::vector<char*> argv;
            for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        to_ = in[1];
        from_ = out[0];
    }
    ~Child() {
        if (to_ >= 0) close(to_);
        close(from_);
        if (pid_ > 0 && !reaped_) kill(pid_, SIGKILL), waitpid(pid_, nullptr, 0);
    }

    // Everything printed up to the next prompt ("> " at the end), or to the end.
    std::string until_prompt() {
        std::string got;
        for (;;) {
            pollfd p{from_, POLLIN, 0};
            if (poll(&p, 1, 10000) <= 0) FAIL("no prompt within 10 s after:\n" << got);
            char buf[4096];
            const ssize_t n = read(from_, buf, sizeof buf);
            if (n <= 0) {
                ended_ = true;
                return got;
            }
            got.append(buf, static_cast<std::size_t>(n));
            if (got.size() >= 2 && got.compare(got.size() - 2, 2, "> ") == 0) return got;
        }
    }
    void send(const std::string& line) {
        const std::string l = line + "\n";
        REQUIRE(write(to_, l.data(), l.size()) == static_cast<ssize_t>(l.size()));
    }
    void close_input() { close(to_), to_ = -1; }
    bool ended() const { return ended_; }
    int wait() {
        int status = 0;
        waitpid(pid_, &status, 0);
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t pid_ = -1;
    int to_ = -1, from_ = -1;
    bool ended_ = false, reaped_ = false;
};

// Options as printed, "N) label" with wrapped continuation lines joined.
std::vector<std::pair<int, std::string>> options_in(const std::string& screen) {
    std::vector<std::pair<int, std::string>> out;
    std::istringstream lines(screen);
    std::string line;
    static const std::regex option(R"(^(\d+)\) (.*)$)");
    std::smatch m;
    while (std::getline(lines, line)) {
        if (line.size() >= 2 && line.compare(line.size() - 2, 2, "> ") == 0) continue;  // the prompt
        if (std::regex_match(line, m, option)) out.emplace_back(std::stoi(m[1]), m[2]);
        else if (!out.empty() && line.rfind("   ", 0) == 0) out.back().second += " " + line.substr(3);
        else if (!line.empty()) out.clear();  // only the last block of options counts
    }
    return out;
}

std::string collapse(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

struct TempDir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / fmt::format("lektion-text-{:x}", std::random_device{}());
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("the text player completes every lesson and passes the quiz from a pipe") {
    const CoursePtr course = load_course(bundled_course_dir()).course;
    REQUIRE(course);
    // Each question's prompt, as the player wraps it away, and its correct option.
    std::vector<std::pair<std::string, std::string>> answers;
    auto add = [&](const Question& q) {
        for (const Option& o : q.options)
            if (o.correct) answers.emplace_back(collapse(q.prompt.plain()), o.label.plain());
    };
    for (const Lesson& l : course->lessons)
        for (const Question& q : l.checks) add(q);
    for (const Question& q : course->quiz->questions) add(q);

    TempDir data;
    Child child({LEKTION_BINARY, "play", "--text", "--learner", "Pipe", "--lang", "da", "--data-dir",
                 data.path.string()});
    int answered = 0, screens = 0;
    bool quiz_taken = false;
    std::string last;
    while (screens++ < 400) {
        const std::string screen = child.until_prompt();
        if (child.ended()) break;
        last = screen;
        const auto options = options_in(screen);
        const bool home = screen.find("6) Afsluttende evaluering quiz") != std::string::npos;
        if (home) {
            std::size_t done = 0;
            for (std::size_t at = screen.find("(Gennemført)"); at != std::string::npos;
                 at = screen.find("(Gennemført)", at + 1))
                ++done;
            const bool all_done = done == course->lessons.size();
            if (quiz_taken) child.send("q");
            else if (all_done) child.send("6"), quiz_taken = true;
            else child.send("");
            continue;
        }
        // The question asked last on this screen decides the right option.
        const std::string flat = collapse(screen);
        std::size_t asked_at = 0;
        std::string right;
        for (const auto& [prompt, label] : answers) {
            const std::size_t at = flat.rfind(prompt);
            if (at != std::string::npos && at >= asked_at) asked_at = at, right = label;
        }
        std::string pick;
        for (const auto& [n, label] : options)
            if (label == right) pick = std::to_string(n);
        if (!pick.empty() && screen.find("Dit svar (ét tal) > ") != std::string::npos) {
            child.send(pick);
            ++answered;
        } else if (screen.find("s: aflever > ") != std::string::npos) {
            child.send("s");  // the review: every question answered, submit
        } else {
            child.send("");
        }
    }
    const int status = child.wait();
    CHECK(status == 0);
    CHECK(answered == 15);  // five attention checks, ten quiz questions
    CHECK(last.find("Gennemført") != std::string::npos);

    Store store(data.path);
    const auto learner = store.find_learner("Pipe");
    REQUIRE(learner);
    const Progress p = store.progress(learner->id, *course);
    for (const Lesson& l : course->lessons) CHECK(p.lessons.at(l.id).complete);
    REQUIRE(p.last_score());
    CHECK(p.last_score()->raw == 10);
    CHECK(p.course_complete);
}

TEST_CASE("the text player saves and quits at the end of its input, every prompt ends with '> '") {
    TempDir data;
    {
        Child child({LEKTION_BINARY, "play", "--text", "--learner", "Eof", "--lang", "da", "--data-dir",
                     data.path.string()});
        const std::string home = child.until_prompt();
        CHECK(home.find("1) Lektion 1") != std::string::npos);
        child.send("1");
        const std::string page = child.until_prompt();
        CHECK(page.find("Introduktion") != std::string::npos);
        child.send("");  // to section 2
        child.until_prompt();
        child.close_input();
        const std::string bye = child.until_prompt();
        CHECK(bye.find("Gemt") != std::string::npos);
        CHECK(child.wait() == 0);
    }
    // A second run resumes where the first left off.
    Child again({LEKTION_BINARY, "play", "--text", "--learner", "Eof", "--lang", "da", "--data-dir",
                 data.path.string()});
    again.until_prompt();
    again.send("");  // continue where you left off
    const std::string resumed = again.until_prompt();
    CHECK(resumed.find("Side 2 af 13") != std::string::npos);
    again.send("q");
    again.until_prompt();
    CHECK(again.wait() == 0);
}

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

struct Finished {
    int status = -1;  // exit status; -1 when killed or not finished in time
    long max_rss_kib = 0;
    std::string out, err;
};

// The lektion binary with standard input from `input` (a file), output and
// errors into files; killed after `seconds`.
Finished run_lektion(const std::vector<std::string>& args, const std::filesystem::path& input,
                     const std::filesystem::path& scratch, int seconds = 60,
                     const std::vector<std::string>& env = {}) {
    const auto out = scratch / "stdout", err = scratch / "stderr";
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int in_fd = open(input.c_str(), O_RDONLY);
        const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in_fd < 0 || out_fd < 0 || err_fd < 0) _exit(126);
        dup2(in_fd, 0), dup2(out_fd, 1), dup2(err_fd, 2);
        for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
        std::vector<char*> argv;
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    Finished f;
    int status = 0;
    rusage usage{};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid) break;
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            f.out = read_file(out);
            f.err = read_file(err);
            return f;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    f.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    f.max_rss_kib = usage.ru_maxrss;
    f.out = read_file(out);
    f.err = read_file(err);
    return f;
}

void write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("a quiz question removed between two runs: the text player resumes the attempt without it") {
    lektion::test::TempCourse course;
    course.manifest().file("l1.xml", lektion::test::lesson_xml("l1"));
    course.file("quiz.xml", lektion::test::quiz_xml(3, R"(shuffle="false")"));
    TempDir data;
    const std::vector<std::string> args = {
        LEKTION_BINARY, "play", course.dir().string(), "--text",          "--learner", "Trainee",
        "--lang",       "da",   "--data-dir",          data.path.string()};
    {
        Child child(args);
        CHECK(child.until_prompt().find("2) Quiz") != std::string::npos);
        child.send("1");  // the lesson
        child.until_prompt();
        child.send("");  // to its attention check
        CHECK(child.until_prompt().find("Dit svar (ét tal) > ") != std::string::npos);
        child.send("1");
        child.until_prompt();
        child.send("");  // the end of the last lesson: home
        child.until_prompt();
        child.send("2");  // the quiz's introduction
        CHECK(child.until_prompt().find("3 spørgsmål") != std::string::npos);
        child.send("");  // started
        CHECK(child.until_prompt().find("Spørgsmål 1 af 3") != std::string::npos);
        child.send("1");
        CHECK(child.until_prompt().find("Spørgsmål 2 af 3") != std::string::npos);
        child.send("2");  // answered (wrong), then the trainer removes it
        CHECK(child.until_prompt().find("Spørgsmål 3 af 3") != std::string::npos);
        child.send("q");
        child.until_prompt();
        REQUIRE(child.wait() == 0);
    }
    std::string quiz = lektion::test::quiz_xml(3, R"(shuffle="false")");
    const auto from = quiz.find("  <question id=\"q2\">");
    quiz.erase(from, quiz.find("  <question id=\"q3\">") - from);
    course.file("quiz.xml", quiz);

    Child again(args);
    again.until_prompt();
    again.send("2");  // back where the learner left off: the first question not answered
    const std::string second = again.until_prompt();
    INFO(second);
    CHECK(second.find("Spørgsmål 2 af 2") != std::string::npos);
    CHECK(second.find("Spørgsmål 3?") != std::string::npos);
    again.send("1");
    const std::string review = again.until_prompt();
    CHECK(review.find("1. Spørgsmål 1?") != std::string::npos);
    CHECK(review.find("2. Spørgsmål 3?") != std::string::npos);
    again.send("s");
    const std::string result = again.until_prompt();
    INFO(result);
    CHECK(result.find("2 af 2 svar rigtige") != std::string::npos);  // the removed question does not count
    again.send("q");
    again.until_prompt();
    CHECK(again.wait() == 0);

    // Its answer stays in the records.
    Store store(data.path);
    const auto events = store.events(store.find_learner("Trainee")->id);
    CHECK(std::count_if(events.begin(), events.end(), [](const RecordedEvent& e) {
              return e.event.kind == EventKind::quiz_answered && e.event.target == "q2";
          }) == 1);
}

TEST_CASE("the text player reads a line of 10 MB in bounded memory, and ends on /dev/zero") {
    TempDir data;
    std::filesystem::create_directories(data.path);
    const std::vector<std::string> args = {LEKTION_BINARY, "play",       "--text",
                                           "--learner",    "Long",       "--lang",
                                           "da",           "--data-dir", (data.path / "records").string()};
    write_file(data.path / "short", "1\nq\n");
    const Finished baseline = run_lektion(args, data.path / "short", data.path);
    REQUIRE(baseline.status == 0);
    write_file(data.path / "long", "1\n" + std::string(10'000'000, '1') + "\nq\n");
    const Finished long_line = run_lektion(args, data.path / "long", data.path);
    CHECK(long_line.status == 0);
    CHECK(long_line.out.find("Linjen var for lang") != std::string::npos);
    // Read whole, the line alone would take 10 MB (16 MiB as a string grows).
    CHECK(long_line.max_rss_kib - baseline.max_rss_kib < 4 * 1024);

    const Finished zeros = run_lektion(args, "/dev/zero", data.path, 60);
    CHECK(zeros.status == 0);
    CHECK(zeros.max_rss_kib - baseline.max_rss_kib < 4 * 1024);
}

TEST_CASE("play: empty --data-dir and --learner and a malformed --lang are usage errors; a tag is stored") {
    TempDir data;
    std::filesystem::create_directories(data.path);
    write_file(data.path / "quit", "q\n");
    // Should an empty value slip through, it must not reach the real records.
    const std::vector<std::string> env = {"LEKTION_DATA_DIR=" + (data.path / "default").string()};
    const std::string dir = (data.path / "records").string();
    for (const std::vector<std::string>& bad :
         std::vector<std::vector<std::string>>{{"--data-dir", ""},
                                               {"--learner", "", "--data-dir", dir},
                                               {"--lang", "x y", "--learner", "A", "--data-dir", dir},
                                               {"--lang", "../da", "--learner", "A", "--data-dir", dir},
                                               {"--lang", "", "--learner", "A", "--data-dir", dir}}) {
        std::vector<std::string> args = {LEKTION_BINARY, "play", "--text"};
        args.insert(args.end(), bad.begin(), bad.end());
        const Finished f = run_lektion(args, data.path / "quit", data.path, 60, env);
        INFO(fmt::format("{}", fmt::join(bad, " ")) << "\n" << f.err << f.out);
        CHECK(f.status == 2);
        CHECK(std::count(f.err.begin(), f.err.end(), '\n') == 1);
        CHECK(f.err.rfind("lektion: ", 0) == 0);
        CHECK(f.err.find("lektion: lektion:") == std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(data.path / "default"));
    CHECK_FALSE(std::filesystem::exists(dir));

    const Finished ok = run_lektion(
        {LEKTION_BINARY, "play", "--text", "--lang", "pt-br", "--learner", "Tag", "--data-dir", dir},
        data.path / "quit", data.path, 60, env);
    CHECK(ok.status == 0);
    Store store(dir);
    CHECK(store.find_learner("Tag")->language == "pt-BR");
}

namespace {

// The binary under test; LEKTION_TEST_BINARY runs these tests against another build (an older one, to
// see a test fail before the change it checks).
std::string lektion_binary() {
    const char* other = std::getenv("LEKTION_TEST_BINARY");
    return other && *other ? other : LEKTION_BINARY;
}

// Code points: a terminal column, for these scripts.
std::size_t columns_of(const std::string& line) {
    return static_cast<std::size_t>(std::count_if(
        line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

TEST_CASE("transcripts at 40 and 100 columns: the start page, an invalid answer, the quiz's review") {
    const CoursePtr course = load_course(bundled_course_dir()).course;
    REQUIRE(course);
    // The course's own pages; every lesson read through, the first check answered 9 and "1 2"
    // first; the quiz started, its first question answered 5, "1 2" and x first; the review changes
    // the third answer; submitted; home; quit.
    auto number_of_right = [](const Question& q) {
        for (std::size_t i = 0; i < q.options.size(); ++i)
            if (q.options[i].correct) return std::to_string(i + 1);
        return std::string("1");
    };
    std::string input = "7\n\n9\n\n10\n\n11\n\n1\n";
    for (const Lesson& l : course->lessons) {
        for (std::size_t i = 0; i < l.sections.size(); ++i) input += "\n";
        if (&l == &course->lessons.front()) input += "9\n1 2\n";
        input += number_of_right(l.checks.front()) + "\n\n";
    }
    input += "6\n\n5\n1 2\nx\n";
    for (int i = 0; i < course->quiz->questions_per_attempt(); ++i) input += "1\n";
    input += "3\n2\ns\n\nq\n";

    const std::size_t check_options = course->lessons.front().checks.front().options.size();
    const std::filesystem::path out_dir = std::filesystem::path(LEKTION_BUILD_DIR) / "transcripts";
    std::filesystem::create_directories(out_dir);
    for (const int columns : {40, 100}) {
        INFO(columns << " columns");
        TempDir data;
        std::filesystem::create_directories(data.path);
        write_file(data.path / "input", input);
        const Finished f =
            run_lektion({lektion_binary(), "play", "--text", "--learner", "Udskrift", "--lang", "da",
                         "--data-dir", (data.path / "records").string()},
                        data.path / "input", data.path, 120, {fmt::format("COLUMNS={}", columns)});
        const std::filesystem::path transcript = out_dir / fmt::format("text-{}.txt", columns);
        write_file(transcript, f.out);
        INFO("transcript: " << transcript.string() << "\n" << f.err);
        CHECK(f.status == 0);
        // Every line fits, unless it is one word too long for any line. A prompt's "> " ends a line on a
        // terminal (the learner's typing and Enter follow it), though not in this transcript of a pipe.
        std::istringstream lines(f.out);
        std::string whole;
        int too_wide = 0;
        while (std::getline(lines, whole)) {
            for (std::size_t from = 0; from < whole.size();) {
                const std::size_t prompt_end = whole.find("> ", from);
                const std::size_t to = prompt_end == std::string::npos ? whole.size() : prompt_end + 2;
                const std::string line = whole.substr(from, to - from);
                from = to;
                const auto text = line.find_first_not_of(' ');
                const auto space = text == std::string::npos ? text : line.find(' ', text);
                if (columns_of(line) > static_cast<std::size_t>(columns) && space != std::string::npos &&
                    space + 1 < line.size()) {
                    UNSCOPED_INFO("too wide: " << line);
                    ++too_wide;
                }
            }
        }
        CHECK(too_wide == 0);
        const std::string flat = collapse(f.out);
        // The start page and the course's other pages, from the menu.
        CHECK(flat.find("7) Introduktion 8) 1.1 Sammenfatning 9) 1.2 Læringsresultater 10) 1.3 Nøgleord 11) "
                        "Om kurset") != std::string::npos);
        CHECK(flat.find("Introduktion Set fra medarbejderens perspektiv") != std::string::npos);
        CHECK(flat.find("1.2 Læringsresultater Læringsudbyttet") != std::string::npos);
        CHECK(flat.find("Teoretisk viden - Forståelse af karriereplanlægning") != std::string::npos);
        CHECK(flat.find("1.3 Nøgleord Karriereplanlægning ·") != std::string::npos);
        CHECK(flat.find("Kursusversion 1.0.0") != std::string::npos);
        CHECK(flat.find("Finansiering") != std::string::npos);
        // The invalid answers, each told what is allowed.
        CHECK(flat.find(
                  fmt::format("Dit svar (ét tal) > Skriv ét tal fra 1 til {}. Dit svar (ét tal) > Skriv ét "
                              "tal fra 1 til {}.",
                              check_options, check_options)) != std::string::npos);
        CHECK(
            flat.find(
                "Dit svar (ét tal) > Skriv ét tal fra 1 til 3. Dit svar (ét tal) > Skriv ét tal fra 1 til 3. "
                "Dit svar (ét tal) > Skriv ét tal fra 1 til 3.") != std::string::npos);
        // The review, twice (before and after the change), then the result.
        CHECK(flat.find("Gennemse dine svar før aflevering 1. ") != std::string::npos);
        CHECK(flat.find("Ret et svar: skriv dets nummer, 1 til 10 · s: aflever >") != std::string::npos);
        CHECK(flat.find("Dit resultat:") != std::string::npos);
        CHECK(flat.find("Gemt. På gensyn.") != std::string::npos);
    }
}

TEST_CASE("r in the text player reads the page aloud, or says there is no audio output") {
    TempDir data;
    ::setenv("PULSE_SERVER", "unix:/nonexistent/lektion-test", 1);  // as on a PC without sound
    Child child({LEKTION_BINARY, "play", "--text", "--learner", "Lytter", "--lang", "da", "--data-dir",
                 data.path.string()});
    ::unsetenv("PULSE_SERVER");
    child.until_prompt();
    child.send("1");
    CHECK(child.until_prompt().find("Introduktion") != std::string::npos);
    child.send("r");
    CHECK(child.until_prompt().find("Ingen lydudgang") != std::string::npos);
    child.send("h");
    CHECK(child.until_prompt().find("r: læs siden højt") != std::string::npos);
    child.send("q");
    child.until_prompt();
    CHECK(child.wait() == 0);
}
