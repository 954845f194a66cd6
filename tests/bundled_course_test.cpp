// The bundled Danish course: it loads clean, it is complete, and it is the
// source text (measured, not assumed).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "load/loader.hpp"
#include "load/visit.hpp"

using namespace lektion;

namespace {

const std::string course_dir = LEKTION_SOURCE_DIR "/content/karriereplanlaegning";

const Course& bundled() {
    static const LoadResult r = load_course(course_dir);
    if (!r.course)
        for (const Diagnostic& d : r.diagnostics.items) UNSCOPED_INFO(format(d));
    REQUIRE(r.course);
    return *r.course;
}

// Lower-case words; apostrophes of any kind inside a word are kept as "'".
std::vector<std::string> words(const std::string& utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
    s.toLower();
    std::vector<std::string> out;
    icu::UnicodeString word;
    auto flush = [&] {
        if (word.isEmpty()) return;
        std::string w;
        word.toUTF8String(w);
        out.push_back(std::move(w));
        word.remove();
    };
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        i += U16_LENGTH(c);
        if (u_isalnum(c)) word.append(c);
        else if ((c == u'\'' || c == 0x2019) && !word.isEmpty()) word.append(u'\'');
        else flush();
    }
    flush();
    return out;
}

// The course as a learner reads it, numbered list items with their numbers.
void add_blocks(const std::vector<Block>& blocks, std::string& out) {
    for (const Block& b : blocks) {
        out += b.text.plain() + "\n";
        if (b.title) out += b.title->plain() + "\n";
        int n = 0;
        for (const Text& item : b.items)
            out +=
                (b.list_kind == ListKind::numbered ? std::to_string(++n) + ". " : "") + item.plain() + "\n";
        add_blocks(b.children, out);
    }
}

void add_question(const Question& q, std::string& out) {
    out += q.prompt.plain() + "\n";
    for (const Option& o : q.options) out += o.label.plain() + "\n";
}

std::string course_text(const Course& c) {
    std::string out = c.title.plain() + "\n";
    for (const Section& s : c.start) out += s.heading.plain() + "\n", add_blocks(s.blocks, out);
    out += c.outcomes_heading.plain() + "\n";
    for (const Text& t : c.outcomes_intro) out += t.plain() + "\n";
    for (const OutcomeGroup& g : c.outcomes) {
        out += g.title.plain() + "\n";
        for (const Text& t : g.items) out += t.plain() + "\n";
    }
    out += c.keywords_heading.plain() + "\n";
    for (const Text& k : c.keywords) out += k.plain() + "\n";
    for (const Lesson& l : c.lessons) {
        out += l.title.plain() + "\n";
        for (const Section& s : l.sections) out += s.heading.plain() + "\n", add_blocks(s.blocks, out);
        for (const Question& q : l.checks) add_question(q, out);
    }
    if (c.quiz) {
        out += c.quiz->title.plain() + "\n";
        for (const Question& q : c.quiz->questions) add_question(q, out);
    }
    return out;
}

// The seed without its page footers (the disclaimer and the project number).
std::string seed_text() {
    std::ifstream in(LEKTION_SEED_DIR "/000_5f649858ff026316.txt");
    REQUIRE(in);
    std::string line, out;
    bool in_footer = false;
    while (std::getline(in, line)) {
        if (line.find("Finansieret af Den Europæiske Union") != std::string::npos) in_footer = true;
        const bool footer_end = line.find("Hverken EU eller EACEA") != std::string::npos;
        if (!in_footer && line.find("Projekt nr.") == std::string::npos) out += line + "\n";
        if (footer_end) in_footer = false;
    }
    return out;
}

}  // namespace

TEST_CASE("the bundled course lints clean") {
    const LoadResult r = load_course(course_dir);
    for (const Diagnostic& d : r.diagnostics.items) UNSCOPED_INFO(format(d));
    CHECK(r.diagnostics.items.empty());
    REQUIRE(r.course);
}

TEST_CASE("the bundled course has five lessons, each with its attention check") {
    const Course& c = bundled();
    REQUIRE(c.lessons.size() == 5);
    for (const Lesson& l : c.lessons) {
        INFO(l.id);
        CHECK(l.checks.size() == 1);
        for (const Question& q : l.checks) {
            CHECK(std::count_if(q.options.begin(), q.options.end(),
                                [](const Option& o) { return o.correct; }) == 1);
            for (const Option& o : q.options) CHECK(o.feedback);
            CHECK(q.explanation);
        }
    }
}

TEST_CASE("the final quiz has ten questions, each with exactly one correct option") {
    const Course& c = bundled();
    REQUIRE(c.quiz);
    CHECK(c.quiz->questions.size() == 10);
    CHECK(c.quiz->pass_mark == 70);
    CHECK(c.quiz->attempts == 0);
    CHECK(c.quiz->shuffle);
    for (const Question& q : c.quiz->questions) {
        INFO(q.id);
        CHECK(std::count_if(q.options.begin(), q.options.end(), [](const Option& o) { return o.correct; }) ==
              1);
        CHECK(q.explanation);
    }
}

TEST_CASE("the disclaimer appears once, on the start page, with the project number") {
    const Course& c = bundled();
    std::string disclaimer;
    for (const Text& t : c.disclaimer) disclaimer += t.plain();
    CHECK(disclaimer.find("2023-1-IT01-KA220-VET-000154571") != std::string::npos);
    CHECK(disclaimer.find("Finansieret af Den Europæiske Union") != std::string::npos);
    const std::string lessons_text = course_text(c);
    CHECK(lessons_text.find("Finansieret af Den Europæiske Union") == std::string::npos);
    CHECK(lessons_text.find("Projekt nr.") == std::string::npos);
    CHECK(lessons_text.find("●") == std::string::npos);
}

TEST_CASE("fidelity: at least 97 % of the seed's word 6-grams reach the course") {
    // The seed is the project's source document, kept beside the repository
    // (../shared/seed), not in it. Without it this test is reported as
    // skipped (tests/CMakeLists.txt), never as passed.
    if (!std::filesystem::exists(LEKTION_SEED_DIR "/000_5f649858ff026316.txt")) {
        WARN("LEKTION-SKIP: no seed text in " LEKTION_SEED_DIR);
        return;
    }
    const std::vector<std::string> seed = words(seed_text());
    const std::vector<std::string> course = words(course_text(bundled()));
    constexpr std::size_t n = 6;
    auto gram = [&](const std::vector<std::string>& w, std::size_t i) {
        std::string g;
        for (std::size_t k = 0; k < n; ++k) g += w[i + k] + ' ';
        return g;
    };
    std::set<std::string> course_grams;
    for (std::size_t i = 0; i + n <= course.size(); ++i) course_grams.insert(gram(course, i));
    std::size_t found = 0, total = 0;
    std::vector<std::string> missing;
    std::size_t last_missing = std::string::npos;
    for (std::size_t i = 0; i + n <= seed.size(); ++i, ++total) {
        if (course_grams.count(gram(seed, i))) {
            ++found;
            continue;
        }
        if (last_missing == std::string::npos || i > last_missing + 1) missing.push_back(gram(seed, i));
        else missing.back() += seed[i + n - 1] + ' ';
        last_missing = i;
    }
    const double share = 100.0 * static_cast<double>(found) / static_cast<double>(total);
    std::ostringstream report;
    report << "fidelity: " << found << " of " << total << " seed 6-grams in the course (" << share << " %)\n";
    for (std::size_t i = 0; i < missing.size() && i < 15; ++i) report << "  missing: " << missing[i] << "\n";
    WARN(report.str());
    CHECK(share >= 97.0);
}

TEST_CASE("Danish typography: a no-break space before every percent sign, no straight quotes") {
    const Course& c = bundled();
    int percents = 0;
    for_each_text(c, [&](const Text& t, const UnitContext&) {
        const std::string s = t.plain();
        INFO(t.id << ": " << s);
        for (std::size_t at = s.find('%'); at != std::string::npos; at = s.find('%', at + 1)) {
            ++percents;
            CHECK(at >= 2);
            if (at >= 2) CHECK(s.compare(at - 2, 2, "\u00A0") == 0);
        }
        CHECK(s.find('"') == std::string::npos);
        CHECK(s.find(" - ") == std::string::npos);
        CHECK(s.find("  ") == std::string::npos);
    });
    CHECK(percents > 50);
}
