// The question types through their registry: each type's XML form and its
// errors, its scoring (all or nothing, partial credit, empty and repeated
// answers), its xAPI definition, and a type registered only here.
#include <catch2/catch.hpp>

#include "l10n/strings.hpp"
#include "questions/fillin.hpp"
#include "questions/matching.hpp"
#include "questions/numeric.hpp"
#include "questions/ordering.hpp"
#include "questions/registry.hpp"
#include "session/session.hpp"
#include "session/status_words.hpp"
#include "temp_course.hpp"
#include "yesno_type.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// A quiz of these questions (line 3 on), in a valid course.
LoadResult quiz_of(const std::string& questions, const std::string& quiz_attributes = "shuffle=\"false\"") {
    TempCourse c;
    c.manifest().file("l1.xml", lesson_xml());
    c.file("quiz.xml", "<quiz id=\"quiz\" " + quiz_attributes + ">\n  <title id=\"quiz.t\">Quiz</title>\n" +
                           questions + "</quiz>\n");
    return c.load();
}

const std::string matching = R"(  <question id="m" type="matching" credit="partial">
    <prompt id="m.p">Match.</prompt>
    <item id="m.1" match="m.nails"><label id="m.1.l">Hammer</label><feedback id="m.1.f">Nails.</feedback></item>
    <item id="m.2" match="m.screws"><label id="m.2.l">Screwdriver</label></item>
    <item id="m.3" match="m.wood"><label id="m.3.l">Saw</label></item>
    <target id="m.nails"><label id="m.nails.l">Nails</label></target>
    <target id="m.screws"><label id="m.screws.l">Screws</label></target>
    <target id="m.wood"><label id="m.wood.l">Wood</label></target>
    <target id="m.glue"><label id="m.glue.l">Glue</label></target>
  </question>
)";

const std::string ordering = R"(  <question id="o" type="ordering">
    <prompt id="o.p">Order.</prompt>
    <item id="o.1"><label id="o.1.l">Measure</label></item>
    <item id="o.2"><label id="o.2.l">Mark</label></item>
    <item id="o.3"><label id="o.3.l">Cut</label></item>
    <item id="o.4"><label id="o.4.l">Sand</label></item>
  </question>
)";

const std::string fillin = R"(  <question id="f" type="fillin" accents="ignore" credit="partial">
    <prompt id="f.p">Fill in.</prompt>
    <gap id="f.g1"><label id="f.g1.l">The capital of Denmark is</label>
      <accept id="f.g1.a">København</accept><accept id="f.g1.b">Copenhagen</accept>
      <feedback id="f.g1.f">On Zealand.</feedback></gap>
    <gap id="f.g2"><label id="f.g2.l">and a coffee is a</label><accept id="f.g2.a">café crème</accept></gap>
  </question>
)";

const std::string numeric = R"(  <question id="n" type="numeric" value="3.5" tolerance="0.1">
    <prompt id="n.p">How many metres?</prompt>
  </question>
  <question id="r" type="numeric" min="10" max="20">
    <prompt id="r.p">Between ten and twenty.</prompt>
  </question>
)";

CoursePtr course_of(const std::string& questions) {
    LoadResult r = quiz_of(questions);
    INFO(all_messages(r));
    REQUIRE(r.course);
    CHECK(r.diagnostics.items.empty());
    return r.course;
}

const Question& question(const CoursePtr& c, const std::string& id) {
    const Question* q = c->question(id);
    REQUIRE(q);
    return *q;
}

Evaluation score(const CoursePtr& c, const std::string& id, const std::vector<std::string>& answer) {
    const Question& q = question(c, id);
    return question_type(q).evaluate(q, answer);
}

}  // namespace

TEST_CASE("every built-in type is in the registry, in the order FORMAT.md lists them") {
    const auto names = QuestionTypes::get().names();
    REQUIRE(names.size() >= 7);
    CHECK(std::vector<std::string_view>(names.begin(), names.begin() + 7) ==
          std::vector<std::string_view>{"single", "multiple", "truefalse", "matching", "ordering", "fillin",
                                        "numeric"});
}

TEST_CASE("an unknown type names the types there are") {
    const LoadResult r =
        quiz_of("  <question id=\"x\" type=\"essay\">\n    <prompt id=\"x.p\">?</prompt>\n  </question>\n");
    INFO(all_messages(r));
    CHECK(has_error(r, 3,
                    "question type 'essay' must be single, multiple, truefalse, matching, ordering, fillin"));
}

TEST_CASE("matching: its form, its errors, and partial credit per item") {
    const CoursePtr c = course_of(matching);
    const Question& q = question(c, "m");
    CHECK(q.options.size() == 3);
    CHECK(q.targets.size() == 4);
    CHECK(q.partial_credit);
    CHECK(q.options[0].match == "m.nails");

    const Evaluation all = score(c, "m", {"m.1=m.nails", "m.2=m.screws", "m.3=m.wood"});
    CHECK(all.correct);
    CHECK(all.credit == 1.0);
    const Evaluation two = score(c, "m", {"m.3=m.wood", "m.1=m.glue", "m.2=m.screws"});
    CHECK_FALSE(two.correct);
    CHECK(two.parts == 3);
    CHECK(two.parts_right == 2);
    CHECK(two.credit == Approx(2.0 / 3));
    REQUIRE(two.feedback.size() == 1);  // the hammer's, answered wrong
    CHECK(two.feedback[0]->plain() == "Nails.");
    // Empty, half answered, an item paired twice, a name of nothing.
    CHECK(score(c, "m", {}).credit == 0.0);
    CHECK(score(c, "m", {"m.1=m.nails"}).credit == Approx(1.0 / 3));
    CHECK_FALSE(question_type(q).valid_answer(q, {"m.1=m.nails", "m.1=m.glue"}));
    CHECK(score(c, "m", {"m.1=m.nails", "m.1=m.nails"}).credit == 0.0);
    CHECK_FALSE(question_type(q).valid_answer(q, {"m.9=m.nails"}));
    CHECK_FALSE(question_type(q).valid_answer(q, {"m.1"}));
    // Two items may share a target: they are chosen for each item, not taken.
    CHECK(question_type(q).valid_answer(q, {"m.1=m.glue", "m.2=m.glue"}));

    set_ui_language("en");
    CHECK(answer_words(q, {"m.1=m.nails", "m.2=m.glue"}) == "Hammer → Nails; Screwdriver → Glue");
    CHECK(question_type(q).right_answer_words(q) == "Hammer → Nails; Screwdriver → Screws; Saw → Wood");

    const XapiInteraction x = question_type(q).xapi(q);
    CHECK(x.type == "matching");
    CHECK(x.correct_responses == std::vector<std::string>{"m.1[.]m.nails[,]m.2[.]m.screws[,]m.3[.]m.wood"});
    CHECK(x.source.size() == 3);
    CHECK(x.target.size() == 4);
    CHECK(question_type(q).xapi_response({"m.1=m.glue", "m.2=m.screws"}) == "m.1[.]m.glue[,]m.2[.]m.screws");

    SECTION("all or nothing unless the author asks for partial credit") {
        std::string strict = matching;
        strict.replace(strict.find(" credit=\"partial\""), 17, "");
        const CoursePtr s = course_of(strict);
        CHECK(score(s, "m", {"m.3=m.wood", "m.1=m.glue", "m.2=m.screws"}).credit == 0.0);
        CHECK(score(s, "m", {"m.3=m.wood", "m.1=m.nails", "m.2=m.screws"}).credit == 1.0);
    }
}

TEST_CASE("matching: errors at their lines") {
    const LoadResult r = quiz_of(R"(  <question id="m" type="matching">
    <prompt id="m.p">Match.</prompt>
    <item id="m.1" match="m.none"><label id="m.1.l">A</label></item>
    <item id="m.2"><label id="m.2.l">B</label></item>
    <target id="m.a"><label id="m.a.l">X</label></target>
  </question>
)");
    INFO(all_messages(r));
    CHECK(has_error(r, 5, "item 'm.1' is matched with 'm.none', which is no <target> of question 'm'"));
    CHECK(has_error(r, 6, "<item> of a matching question needs match=\"target id\""));
    CHECK(has_error(r, 3, "matching question 'm' has 1 targets; it needs 2 to 20"));
}

TEST_CASE("ordering: always scrambled, never shown right, partial credit by place") {
    std::string partial = ordering;
    partial.replace(partial.find("type=\"ordering\""), 15, "type=\"ordering\" credit=\"partial\"");
    const CoursePtr c = course_of(partial);
    const Question& q = question(c, "o");
    const std::vector<std::string> right{"o.1", "o.2", "o.3", "o.4"};
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        std::mt19937_64 rng(seed);
        std::vector<std::string> shown = question_type(q).order(q, false, rng);
        CHECK(shown != right);
        std::sort(shown.begin(), shown.end());
        CHECK(shown == right);
    }
    CHECK(check_order(q) == check_order(q));  // the same every time
    CHECK(check_order(q) != right);

    CHECK(score(c, "o", right).correct);
    const Evaluation swapped = score(c, "o", {"o.2", "o.1", "o.3", "o.4"});
    CHECK(swapped.parts_right == 2);
    CHECK(swapped.credit == Approx(0.5));
    CHECK(score(c, "o", {}).credit == 0.0);
    CHECK_FALSE(question_type(q).valid_answer(q, {"o.1", "o.1", "o.3", "o.4"}));  // an item twice
    CHECK_FALSE(question_type(q).valid_answer(q, {"o.1", "o.2", "o.3"}));         // one left out
    CHECK(score(c, "o", {"o.1", "o.1", "o.3", "o.4"}).credit == 0.0);

    std::vector<std::string> moved = right;
    CHECK(move_item(moved, 0, 1));
    CHECK(moved == std::vector<std::string>{"o.2", "o.1", "o.3", "o.4"});
    CHECK_FALSE(move_item(moved, 0, -1));
    CHECK_FALSE(move_item(moved, 3, 1));

    const XapiInteraction x = question_type(q).xapi(q);
    CHECK(x.type == "sequencing");
    CHECK(x.correct_responses == std::vector<std::string>{"o.1[,]o.2[,]o.3[,]o.4"});
    CHECK(x.choices.size() == 4);
}

TEST_CASE("ordering: 3 to 8 items") {
    const LoadResult r = quiz_of(R"(  <question id="o" type="ordering">
    <prompt id="o.p">Order.</prompt>
    <item id="o.1"><label id="o.1.l">A</label></item>
    <item id="o.2"><label id="o.2.l">B</label></item>
  </question>
)");
    CHECK(has_error(r, 3, "ordering question 'o' has 2 items; it needs 3 to 8"));
}

TEST_CASE("fill-in: case never counts, accents where the author says, spaces not at all") {
    CHECK(same_answer("copenhagen", "Copenhagen", false));
    CHECK(same_answer("  COPENHAGEN ", "Copenhagen", false));
    CHECK(same_answer("café  crème", "Café crème", false));
    CHECK_FALSE(same_answer("cafe creme", "café crème", false));
    CHECK(same_answer("cafe creme", "café crème", true));
    CHECK(same_answer("ÅRHUS", "århus", false));
    // ICU's root collation: ø and å are o and a with a mark, so they count only where accents do.
    CHECK_FALSE(same_answer("Kobenhavn", "København", false));
    CHECK(same_answer("Kobenhavn", "København", true));
    CHECK_FALSE(same_answer("Copenhagn", "Copenhagen", true));
    // Greek and Turkish case, which an ASCII lowercase would miss.
    CHECK(same_answer("ΑΘΉΝΑ", "αθήνα", false));
    CHECK(same_answer("İSTANBUL", "istanbul", true));

    const CoursePtr c = course_of(fillin);
    const Question& q = question(c, "f");
    CHECK(q.setting("accents") == "ignore");
    REQUIRE(q.options.size() == 2);
    CHECK(q.options[0].accepted.size() == 2);
    CHECK(score(c, "f", {"copenhagen", "CAFE CREME"}).correct);
    const Evaluation half = score(c, "f", {"Aarhus", "café crème"});
    CHECK(half.parts_right == 1);
    CHECK(half.credit == Approx(0.5));
    REQUIRE(half.feedback.size() == 1);
    CHECK(half.feedback[0]->plain() == "On Zealand.");
    CHECK(score(c, "f", {}).credit == 0.0);
    CHECK(score(c, "f", {"", ""}).credit == 0.0);
    CHECK_FALSE(question_type(q).valid_answer(q, {"one"}));  // a gap left out of the list
    CHECK_FALSE(question_type(q).valid_answer(q, {std::string(201, 'x'), "y"}));

    set_ui_language("en");
    CHECK(answer_words(q, {"copenhagen", ""}) == "copenhagen; …");
    CHECK(question_type(q).right_answer_words(q) == "København / Copenhagen; café crème");
    const XapiInteraction x = question_type(q).xapi(q);
    CHECK(x.type == "fill-in");
    CHECK(x.correct_responses == std::vector<std::string>{"{case_matters=false}København[,]café crème",
                                                          "{case_matters=false}Copenhagen[,]café crème"});
    CHECK(question_type(q).xapi_response({"a", " b  c "}) == "a[,]b c");
}

TEST_CASE("fill-in: errors") {
    const LoadResult r = quiz_of(R"(  <question id="f" type="fillin" accents="sometimes">
    <prompt id="f.p">Fill in.</prompt>
    <gap id="f.g1"><accept id="f.g1.a">x</accept></gap>
    <gap id="f.g2"><label id="f.g2.l">y</label></gap>
  </question>
)");
    INFO(all_messages(r));
    CHECK(has_error(r, 3, "accents=\"sometimes\" must be ignore or matter"));
    CHECK(has_error(r, 5, "<gap> needs a <label>"));
    CHECK(has_error(r, 6, "gap 'f.g2' has no <accept>"));
}

TEST_CASE("numeric: numbers typed in the learner's locale") {
    CHECK(parse_learner_number("3,5", "da") == 3.5);
    CHECK(parse_learner_number("3.5", "en") == 3.5);
    CHECK(parse_learner_number(" -2,25 ", "de") == -2.25);
    CHECK(parse_learner_number("3,5", "fr") == 3.5);
    CHECK(parse_learner_number("42", "da") == 42.0);
    // The other locale's decimal mark, grouping, and words are no number here.
    CHECK_FALSE(parse_learner_number("3.5", "da"));
    CHECK_FALSE(parse_learner_number("1,000", "en"));
    CHECK_FALSE(parse_learner_number("1.000", "da"));
    CHECK_FALSE(parse_learner_number("3.5 m", "en"));
    CHECK_FALSE(parse_learner_number("", "en"));
    CHECK_FALSE(parse_learner_number("abc", "en"));
    CHECK(learner_number(3.5, "da") == "3,5");
    CHECK(learner_number(3.5, "en") == "3.5");
    CHECK(answer_number(3.5) == "3.5");

    const CoursePtr c = course_of(numeric);
    CHECK(score(c, "n", {"3.5"}).correct);
    CHECK(score(c, "n", {"3.6"}).correct);  // at the edge of the tolerance
    CHECK(score(c, "n", {"3.4"}).correct);
    CHECK_FALSE(score(c, "n", {"3.61"}).correct);
    CHECK_FALSE(score(c, "n", {}).correct);
    CHECK(score(c, "r", {"10"}).correct);
    CHECK(score(c, "r", {"20"}).correct);
    CHECK_FALSE(score(c, "r", {"20.5"}).correct);
    const Question& q = question(c, "n");
    CHECK_FALSE(question_type(q).valid_answer(q, {"3,5"}));  // the answer keeps C form
    CHECK_FALSE(question_type(q).valid_answer(q, {"1", "2"}));

    set_ui_language("da");
    CHECK(answer_words(q, {"3.5"}) == "3,5");
    CHECK(question_type(q).right_answer_words(q) == "3,5 ± 0,1");
    set_ui_language("en");
    CHECK(question_type(q).right_answer_words(q) == "3.5 ± 0.1");
    CHECK(question_type(q).xapi(q).correct_responses == std::vector<std::string>{"3.4[:]3.6"});
    const Question& range = question(c, "r");
    CHECK(question_type(range).xapi(range).correct_responses == std::vector<std::string>{"10[:]20"});
    CHECK(question_type(q).xapi_response({"3.5"}) == "3.5");
}

TEST_CASE("numeric: value or min and max, written with a full stop") {
    const LoadResult r = quiz_of(R"(  <question id="a" type="numeric" value="3,5">
    <prompt id="a.p">?</prompt>
  </question>
  <question id="b" type="numeric" value="1" min="0" max="2">
    <prompt id="b.p">?</prompt>
  </question>
  <question id="c" type="numeric" min="5" max="1">
    <prompt id="c.p">?</prompt>
  </question>
  <question id="d" type="numeric" value=".5" tolerance="-1">
    <prompt id="d.p">?</prompt>
  </question>
)");
    INFO(all_messages(r));
    CHECK(has_error(r, 3, "value=\"3,5\" must be a number such as 3.5 or -2"));
    CHECK(has_error(r, 6, "numeric question 'b' needs value (and perhaps tolerance) or min and max"));
    CHECK(has_error(r, 9, "numeric question 'c' has min above max"));
    CHECK(has_error(r, 12, "value=\".5\" must be a number"));
    CHECK(has_error(r, 12, "tolerance cannot be negative"));
}

TEST_CASE("credit is for types with parts") {
    const LoadResult r = quiz_of(R"(  <question id="s" credit="partial">
    <prompt id="s.p">?</prompt>
    <option id="s.a" correct="true"><label id="s.a.l">A</label></option>
    <option id="s.b"><label id="s.b.l">B</label></option>
  </question>
)");
    CHECK(has_error(r, 3, "unknown attribute 'credit' on <question> of type single"));
}

TEST_CASE("a quiz of every type: partial credit adds up in the score, and the records get the type") {
    TempCourse tc;
    tc.manifest().file("l1.xml", lesson_xml());
    tc.file("quiz.xml", "<quiz id=\"quiz\" pass-mark=\"50\">\n  <title id=\"quiz.t\">Quiz</title>\n" +
                            matching + ordering + fillin + numeric + "</quiz>\n");
    LoadResult r = tc.load();
    INFO(all_messages(r));
    REQUIRE(r.course);
    std::vector<Event> events;
    Progress p;
    Session s(r.course, p, [&](const Event& e) { events.push_back(e); });
    for (int page = 0; page < s.page_count(0); ++page) s.go_to({0, page});
    s.answer_check("l1.check", {"l1.check.a"});
    const QuizAttempt* a = s.start_quiz(7);
    REQUIRE(a);
    // The ordering question is scrambled even though the quiz shuffles; the order holds every item.
    CHECK(a->order.at("o").size() == 4);
    CHECK(a->order.at("o") != std::vector<std::string>{"o.1", "o.2", "o.3", "o.4"});
    CHECK(s.answer_quiz("m", {"m.1=m.nails", "m.2=m.glue", "m.3=m.wood"}));  // 2 of 3
    CHECK(s.answer_quiz("o", {"o.1", "o.2", "o.3", "o.4"}));                 // right
    CHECK(s.answer_quiz("f", {"kobenhavn", "te"}));                          // 1 of 2
    CHECK(s.answer_quiz("n", {"3.55"}));                                     // right
    CHECK_FALSE(s.answer_quiz("r", {"ten"}));                                // no number: refused
    CHECK_FALSE(s.answer_quiz("m", {"m.1=m.nowhere"}));
    const Event& answered = events.back();
    CHECK(answered.kind == EventKind::quiz_answered);
    CHECK(answered.question_type == "numeric");
    CHECK(answered.interaction.type == "numeric");
    const auto score = s.submit_quiz();
    REQUIRE(score);
    CHECK(score->max == 5);
    CHECK(score->raw == Approx(2.0 / 3 + 1 + 0.5 + 1));
    CHECK(score->passed);
    set_ui_language("en");
    CHECK(score_words(*score) == "3.17 of 5 answers correct");
    const Evaluation m = s.evaluate(question(r.course, "m"), {"m.1=m.nails", "m.2=m.glue"});
    CHECK(std::string(result_mark(m)) == "◐");
}

// --- a type registered only here ---------------------------------------------

TEST_CASE("a type registered from outside the engine loads, scores and is recorded like the built-in ones") {
    QuestionTypes::get().add(std::make_unique<test::YesNo>());
    const LoadResult bad = quiz_of(
        "  <question id=\"y\" type=\"yesno\" answer=\"maybe\">\n    <prompt id=\"y.p\">?</prompt>\n  "
        "</question>\n");
    CHECK(has_error(bad, 3, "a yesno question needs answer=\"yes\" or answer=\"no\""));
    const CoursePtr c = course_of(
        "  <question id=\"y\" type=\"yesno\" answer=\"yes\">\n    <prompt id=\"y.p\">Is it?</prompt>\n  "
        "</question>\n");
    CHECK(score(c, "y", {"yes"}).correct);
    CHECK_FALSE(score(c, "y", {"no"}).correct);
    std::vector<Event> events;
    Session s(c, {}, [&](const Event& e) { events.push_back(e); });
    for (int page = 0; page < s.page_count(0); ++page) s.go_to({0, page});
    s.answer_check("l1.check", {"l1.check.a"});
    REQUIRE(s.start_quiz(1));
    CHECK_FALSE(s.answer_quiz("y", {"perhaps"}));
    CHECK(s.answer_quiz("y", {"yes"}));
    CHECK(events.back().question_type == "yesno");
    CHECK(events.back().interaction.type == "true-false");
    CHECK(s.submit_quiz()->raw == 1.0);
}
