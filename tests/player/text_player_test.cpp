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
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "course/loader.hpp"
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
            const bool all_done = screen.find("Gennemført") != std::string::npos &&
                                  screen.find("Låst") == std::string::npos &&
                                  screen.find(" %)") == std::string::npos;
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
        if (!pick.empty() && screen.find("Skriv et tal") != std::string::npos) {
            child.send(pick);
            ++answered;
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
    CHECK(resumed.find("2/13") != std::string::npos);
    again.send("q");
    again.until_prompt();
    CHECK(again.wait() == 0);
}
