// The engine's side of the score-equivalence test: random sequences of a
// learner's actions through lektion::Session (the native players' rules),
// each action with its arguments, what it returned and the whole state
// after it, as JSON. equivalence_test.js runs the same actions through the
// browser export's script in Chromium and compares every step.
//
//   session_driver COURSE_DIR SEED COUNT LENGTH [LANG]
//   session_driver --typed        fill-in comparisons and numbers typed in
//                                 several languages, as the engine (ICU) judges them
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "base/shuffle.hpp"
#include "load/loader.hpp"
#include "load/translation.hpp"
#include "questions/fillin.hpp"
#include "questions/matching.hpp"
#include "questions/numeric.hpp"
#include "questions/registry.hpp"
#include "session/session.hpp"

using nlohmann::json;
using namespace lektion;

namespace {

const char* state_name(QuizState s) {
    switch (s) {
        case QuizState::locked: return "locked";
        case QuizState::open: return "open";
        case QuizState::in_progress: return "in_progress";
        case QuizState::passed: return "passed";
        case QuizState::failed_no_attempts_left: return "failed_no_attempts_left";
    }
    return "?";
}

json answer_json(const Answer& a) {
    return {{"chosen", a.chosen}, {"correct", a.correct}, {"credit", a.credit}};
}

json score_json(const std::optional<Score>& s) {
    if (!s) return nullptr;
    return {{"raw", s->raw}, {"max", s->max}, {"scaled", s->scaled}, {"passed", s->passed}};
}

json state(const Session& s) {
    const Course& c = s.course();
    json j;
    j["position"] = {s.position().lesson, s.position().page};
    j["can_advance"] = s.can_advance();
    j["quiz_state"] = state_name(s.quiz_state());
    j["attempts_left"] = s.attempts_left();
    j["course_complete"] = s.course_complete();
    j["best"] = score_json(s.progress().best_score());
    j["lessons"] = json::array();
    for (std::size_t i = 0; i < c.lessons.size(); ++i) {
        const int li = static_cast<int>(i);
        json l = {{"open", s.lesson_open(li)},
                  {"complete", s.lesson_complete(li)},
                  {"fraction", s.lesson_fraction(li)}};
        json viewed = json::array(), checks = json::object();
        if (const LessonProgress* lp = s.progress().lesson(c.lessons[i].id)) {
            for (const std::string& v : lp->viewed) viewed.push_back(v);  // std::set: sorted
            for (const auto& [q, a] : lp->checks) checks[q] = answer_json(a);
        }
        l["viewed"] = viewed;
        l["checks"] = checks;
        j["lessons"].push_back(l);
    }
    j["attempts"] = json::array();
    for (const QuizAttempt& a : s.progress().attempts) {
        json answers = json::object();
        for (const auto& [q, ans] : a.answers) answers[q] = answer_json(ans);
        j["attempts"].push_back({{"number", a.number},
                                 {"seed", std::to_string(a.seed)},
                                 {"questions", a.questions},
                                 {"order", a.order},
                                 {"answers", answers},
                                 {"score", score_json(a.score)}});
    }
    return j;
}

json evaluation_json(const Evaluation& ev) {
    return {{"correct", ev.correct},
            {"correct_options", ev.correct_options},
            {"credit", ev.credit},
            {"parts", ev.parts},
            {"parts_right", ev.parts_right}};
}

// What a learner might type for an accepted answer: as it is, in capitals, with
// spaces around, with an accent it lacks, or something else.
std::string typed_variant(const std::string& accepted, std::mt19937_64& rng) {
    switch (rng() % 6) {
        case 0: {
            std::string up = accepted;
            for (char& c : up)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            return up;
        }
        case 1: return "  " + accepted + " ";
        case 2: {
            // The last letter (whole, in UTF-8) swapped for an accented one.
            std::string t = accepted;
            while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
            if (!t.empty()) t.pop_back();
            return t + "é";
        }
        case 3: return "wrong";
        case 4: return "";
        default: return accepted;
    }
}

// An answer to `q` of its type's shape, mostly: none, the right one, or one
// partly or wholly wrong, and now and then one of the wrong shape (an id of
// nothing, an item twice, a gap short).
std::vector<std::string> pick(const Question& q, std::mt19937_64& rng) {
    std::vector<std::string> chosen;
    const auto r = rng() % 10;
    if (r == 0) return chosen;  // no answer
    if (r >= 3)
        return question_type(q).right_answer(q);  // 7 in 10: passes, and scores right at the mark, come up
    if (q.type == "matching") {
        for (const Option& o : q.options)
            if (rng() % 4) chosen.push_back(matching_pair(o.id, q.targets[rng() % q.targets.size()].id));
        if (rng() % 8 == 0 && !chosen.empty()) chosen.push_back(chosen.front());
        if (rng() % 25 == 0) chosen.push_back(matching_pair(q.options[0].id, "no.such.target"));
        return chosen;
    }
    if (q.type == "ordering") {
        for (const Option& o : q.options) chosen.push_back(o.id);
        shuffle(chosen, rng);
        if (rng() % 10 == 0) chosen.pop_back();
        return chosen;
    }
    if (q.type == "fillin") {
        for (const Option& gap : q.options)
            chosen.push_back(typed_variant(gap.accepted[rng() % gap.accepted.size()].plain(), rng));
        if (rng() % 10 == 0) chosen.pop_back();
        return chosen;
    }
    if (q.type == "numeric") {
        const double right = answer_value(question_type(q).right_answer(q)[0]).value_or(0);
        const double off[] = {0.25, -0.5, 0.5000001, 1, -1.5, 10, 0.1 + 0.2};
        chosen.push_back(answer_number(right + off[rng() % std::size(off)]));
        if (rng() % 10 == 0) chosen = {"3,5"};  // not the C form the records keep: no answer
        return chosen;
    }
    if (q.type != "multiple" || r < 2) {
        chosen.push_back(q.options[rng() % q.options.size()].id);
    } else {
        for (const Option& o : q.options)
            if (rng() % 2) chosen.push_back(o.id);
    }
    if (rng() % 25 == 0) chosen.push_back("no.such.option");
    return chosen;
}

// The cases where a page could judge typed text otherwise than the engine:
// case and accents in several scripts and the languages' own letters, and
// numbers written in several languages' ways.
json typed_cases() {
    const std::pair<const char*, const char*> texts[] = {
        {"clamp", "clamp"},
        {"  Clamp ", "clamp"},
        {"CLAMP", "clamp"},
        {"cl amp", "clamp"},
        {"clämp", "clamp"},
        {"twice", "twice"},
        {"Twíce", "twice"},
        {"once", "ONCE"},
        {"skruetvinge", "Skruetvinge"},
        {"to  gange", "to gange"},
        {"\tto gange\n", "to gange"},
        {"æble", "aeble"},
        {"Æble", "æble"},
        {"æ", "ä"},
        {"ø", "o"},
        {"Ø", "ø"},
        {"ø", "ö"},
        {"å", "a"},
        {"Å", "å"},
        {"å", "aa"},
        {"strasse", "straße"},
        {"STRASSE", "straße"},
        {"Straße", "STRASSE"},
        {"ß", "ẞ"},
        {"ı", "i"},
        {"I", "ı"},
        {"İ", "i"},
        {"DİYARBAKIR", "diyarbakır"},
        {"café", "cafe"},
        {"CAFÉ", "café"},
        {"cafe\u0301", "café"},
        {"naïve", "naive"},
        {"ﬁle", "file"},
        {"ｃｌａｍｐ", "clamp"},
        {"Œuvre", "oeuvre"},
        {"œuvre", "Œuvre"},
        {"ð", "d"},
        {"þ", "th"},
        {"Ł", "l"},
        {"ĳ", "ij"},
        {"clamp.", "clamp"},
        {"", "clamp"},
        {"Ελλάδα", "ελλαδα"},
        {"Ёлка", "елка"},
    };
    json out = json::object();
    out["texts"] = json::array();
    for (auto [typed, accepted] : texts) {
        const std::string t = typed;
        for (bool ignore : {false, true})
            out["texts"].push_back({{"typed", t},
                                    {"accepted", accepted},
                                    {"ignore", ignore},
                                    {"same", same_answer(t, accepted, ignore)}});
    }
    const char* numbers[] = {"3,5",
                             "3.5",
                             "80",
                             " 80 ",
                             "80,0",
                             "80.0",
                             "-2",
                             "\xe2\x88\x92"
                             "2",
                             "+3",
                             "1.000",
                             "1,000",
                             "1 000",
                             "1e3",
                             "1E3",
                             "3,",
                             "3.",
                             ",5",
                             ".5",
                             "80 cm",
                             "0x10",
                             "abc",
                             "",
                             "٣",
                             "1,5e2",
                             "−0,5",
                             "79,5",
                             "81.25"};
    out["numbers"] = json::array();
    for (const char* lang : {"da", "en", "de", "fr", "tr", "fi"})
        for (const char* n : numbers) {
            const std::string typed = n;
            auto v = parse_learner_number(typed, lang);
            out["numbers"].push_back(
                {{"typed", typed}, {"lang", lang}, {"value", v ? json(*v) : json(nullptr)}});
        }
    return out;
}

json sequence(const CoursePtr& course, std::uint64_t seed, int length) {
    std::mt19937_64 rng(seed);
    Session s(course);
    const Course& c = *course;
    const int lessons = static_cast<int>(c.lessons.size());
    json steps = json::array();
    for (int n = 0; n < length; ++n) {
        json step;
        // While an attempt is open, the learner mostly answers it: scores then spread over the whole range.
        const auto r = c.quiz && s.current_attempt() && rng() % 3 ? 80 : rng() % 100;
        if (r < 40) {
            step["action"] = "next";
            step["result"] = s.next();
        } else if (r < 45) {
            step["action"] = "previous";
            step["result"] = s.previous();
        } else if (r < 47) {
            step["action"] = "go_home";
            s.go_home();
        } else if (r < 52) {
            const int l = static_cast<int>(rng() % (lessons + 2)) - 1;
            step["action"] = "open_lesson";
            step["lesson"] = l;
            if (l >= 0 && l < lessons) s.open_lesson(l);  // the engine asserts on other indexes
        } else if (r < 57) {
            const int l = static_cast<int>(rng() % (lessons + 1)) - 1;
            const int pages = l >= 0 ? s.page_count(l) : 1;
            const int p = static_cast<int>(rng() % (pages + 2)) - 1;
            step["action"] = "go_to";
            step["position"] = {l, p};
            s.go_to({l, p});
        } else if (r < 72) {
            // A check of the current lesson when there is one, else of any.
            int l = s.position().lesson;
            if (l < 0 || c.lessons[static_cast<std::size_t>(l)].checks.empty())
                l = static_cast<int>(rng() % lessons);
            const Lesson& lesson = c.lessons[static_cast<std::size_t>(l)];
            if (lesson.checks.empty()) continue;
            const Question& q = lesson.checks[rng() % lesson.checks.size()];
            const std::vector<std::string> chosen = pick(q, rng);
            step["action"] = "answer_check";
            step["question"] = q.id;
            step["chosen"] = chosen;
            step["result"] = evaluation_json(s.answer_check(q.id, chosen));
        } else if (!c.quiz) {
            continue;
        } else if (r < 80) {
            const std::uint64_t quiz_seed = rng();
            step["action"] = "start_quiz";
            step["seed"] = std::to_string(quiz_seed);
            step["result"] = s.start_quiz(quiz_seed) != nullptr;
        } else if (r < 95) {
            // Mostly a question of the open attempt, sometimes any of the pool.
            const QuizAttempt* a = s.current_attempt();
            const Question* q = nullptr;
            if (a && rng() % 8) q = s.quiz_question(a->questions[rng() % a->questions.size()]);
            else q = &c.quiz->questions[rng() % c.quiz->questions.size()];
            const std::vector<std::string> chosen = pick(*q, rng);
            step["action"] = "answer_quiz";
            step["question"] = q->id;
            step["chosen"] = chosen;
            step["result"] = s.answer_quiz(q->id, chosen);
        } else {
            step["action"] = "submit_quiz";
            step["result"] = score_json(s.submit_quiz());
        }
        step["state"] = state(s);
        steps.push_back(std::move(step));
    }
    return steps;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--typed") {
        std::puts(typed_cases().dump().c_str());
        return 0;
    }
    if (argc != 5 && argc != 6) {
        std::fprintf(stderr, "usage: session_driver COURSE_DIR SEED COUNT LENGTH [LANG]\n");
        return 2;
    }
    // In the export's language: a translation has its own accepted answers.
    const LoadResult loaded = load_course(argv[1], argc == 6 ? std::string(argv[5]) : std::string());
    if (!loaded.course) {
        std::fprintf(stderr, "session_driver: %s does not load\n", argv[1]);
        return 1;
    }
    const std::uint64_t seed = std::stoull(argv[2]);
    const int count = std::stoi(argv[3]), length = std::stoi(argv[4]);
    json out = json::array();
    std::mt19937_64 seeds(seed);
    for (int i = 0; i < count; ++i) {
        const std::uint64_t s = seeds();
        out.push_back({{"seed", std::to_string(s)}, {"steps", sequence(loaded.course, s, length)}});
    }
    std::puts(out.dump().c_str());
    return 0;
}
