// records import: a classroom's PCs merged on the trainer's. Real sessions
// record on three "PCs" (data folders), their real exports are imported into
// a fourth, and what the trainer sees must not depend on the order or on
// importing twice. Files that are damaged, edited, foreign or from another
// lektion are refused whole, and the database stays as it was.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "class_export.hpp"
#include "load/loader.hpp"
#include "records/csv.hpp"
#include "records/full_export.hpp"
#include "records/import.hpp"
#include "records/report.hpp"
#include "records/report_text.hpp"
#include "records/store.hpp"
#include "records/xapi.hpp"
#include "session/session.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;
using nlohmann::json;

namespace {

std::vector<std::string> answer(const Question& q, bool right) {
    for (const Option& o : q.options)
        if (o.correct == right) return {o.id};
    return {};
}

void lesson(Session& s, int index, bool right) {
    s.open_lesson(index);
    while (s.next()) {
    }
    for (const Question& q : s.course().lessons[static_cast<std::size_t>(index)].checks)
        s.answer_check(q.id, answer(q, right));
}

// One quiz attempt with `right` questions answered right.
void quiz(Session& s, std::uint64_t seed, int right) {
    const QuizAttempt* a = s.start_quiz(seed);
    REQUIRE(a);
    const std::vector<std::string> questions = a->questions;
    for (std::size_t i = 0; i < questions.size(); ++i)
        s.answer_quiz(questions[i], answer(*s.course().question(questions[i]), static_cast<int>(i) < right));
    REQUIRE(s.submit_quiz());
}

struct Pc {
    TempDir dir;
    std::string export_text;
};

// Three PCs: Ann and Shared on the first, Bo and Shared on the second, Cy on
// the third. Shared fails the quiz on the first PC and passes it on the
// second: each PC numbers its attempts from 1.
void classroom(const CoursePtr& course, Pc (&pcs)[3]) {
    {
        Store store(pcs[0].dir.path());
        const Learner ann = store.create_learner("Ann", "da");
        Session a(course, store.progress(ann.id, *course), store.sink(ann.id, *course));
        lesson(a, 0, true);
        lesson(a, 1, false);
        const Learner shared = store.create_learner("Sam Delt", "da");
        Session s(course, store.progress(shared.id, *course), store.sink(shared.id, *course));
        lesson(s, 0, false);
        lesson(s, 1, false);
        quiz(s, 1, 0);
        pcs[0].export_text = json_export(store, {});
    }
    {
        Store store(pcs[1].dir.path());
        const Learner bo = store.create_learner("Bo", "en");
        Session b(course, store.progress(bo.id, *course), store.sink(bo.id, *course));
        lesson(b, 1, true);
        const Learner shared = store.create_learner("Sam Delt", "da");
        Session s(course, store.progress(shared.id, *course), store.sink(shared.id, *course));
        lesson(s, 0, true);
        lesson(s, 1, true);
        quiz(s, 2, 3);
        pcs[1].export_text = json_export(store, {});
    }
    {
        Store store(pcs[2].dir.path());
        const Learner cy = store.create_learner("Cy", "fr");
        Session c(course, store.progress(cy.id, *course), store.sink(cy.id, *course));
        lesson(c, 0, true);
        pcs[2].export_text = json_export(store, {});
    }
}

struct Classroom {
    CoursePtr course;
    Pc pcs[3];
};

// The classroom is played once per test run: every test reads it, none changes it.
const Classroom& shared_classroom() {
    static Classroom c;
    static const bool played = [] {
        c.course = small_course();
        classroom(c.course, c.pcs);
        return true;
    }();
    (void)played;
    return c;
}

// Everything about a database's records that must not change when a refused file is offered.
std::string contents(const std::filesystem::path& dir) {
    const auto file = dir / "records.sqlite3";
    std::string out;
    for (const char* sql : {"SELECT count(*) || ':' || coalesce(group_concat(uuid), '') FROM events",
                            "SELECT group_concat(name) FROM learners",
                            "SELECT group_concat(learner_id || course_id || attempts || last_seq) FROM state",
                            "SELECT count(*) FROM devices", "SELECT count(*) FROM tombstones"})
        out += query_text(file, sql) + "\n";
    return out;
}

ImportSummary import_text(const std::filesystem::path& dir, const std::string& text,
                          bool allow_deleted = false) {
    Store store(dir);
    ImportOptions options;
    options.allow_deleted = allow_deleted;
    return store.import_records(text, options);
}

std::string refusal(const std::filesystem::path& dir, const std::string& text) {
    try {
        import_text(dir, text);
    } catch (const RecordsError& e) {
        return e.what();
    }
    return "(imported)";
}

}  // namespace

TEST_CASE("three PCs merged in every order, and twice, give the trainer the same report") {
    const auto& [course, pcs] = shared_classroom();

    std::vector<int> order = {0, 1, 2};
    std::string first_report;
    int orders = 0;
    do {
        TempDir trainer;
        for (int round = 0; round < 2; ++round)
            for (int i : order) {
                const ImportSummary s = import_text(trainer.path(), pcs[i].export_text);
                CHECK(s.refused == 0);
                if (round == 1) CHECK(s.added == 0);  // the second time changes nothing
            }
        Store store(trainer.path(), Store::Access::read);
        const std::string report = format_report(make_report(store, *course));
        if (first_report.empty()) first_report = report;
        CHECK(report == first_report);

        // The shared learner's work from both PCs, their attempts kept apart.
        const auto shared = store.find_learner("sam delt");
        REQUIRE(shared);
        const Progress p = store.progress(shared->id, *course);
        REQUIRE(p.attempts.size() == 2);
        CHECK(p.attempts[0].number != p.attempts[1].number);
        CHECK(p.attempts_submitted() == 2);
        REQUIRE(p.best_score());
        CHECK(p.best_score()->passed);
        CHECK(p.lessons.at("l1").complete);
        CHECK(p.lessons.at("l2").complete);
        // The cache says what the events say.
        const auto cached = store.state(shared->id, course->id);
        REQUIRE(cached);
        CHECK(cached->attempts == 2);
        CHECK(cached->best->passed);
        CHECK(store.learners().size() == 4);
        // The spreadsheet keeps the two PCs' first attempts apart too.
        std::ostringstream csv;
        write_csv(csv, store, {});
        std::size_t attempt_rows = 0;
        for (std::size_t at = 0; (at = csv.str().find("Sam Delt,c,1,quiz attempt,", at)) != std::string::npos;
             ++at)
            ++attempt_rows;
        CHECK(attempt_rows == 2);
        ++orders;
    } while (std::next_permutation(order.begin(), order.end()));
    CHECK(orders == 6);
    // Where each learner's work came from.
    CHECK_THAT(first_report, Catch::Contains("Where the work was recorded"));
    const Report report = [&] {
        TempDir trainer;
        for (const Pc& pc : pcs) import_text(trainer.path(), pc.export_text);
        Store store(trainer.path(), Store::Access::read);
        return make_report(store, *course);
    }();
    const auto shared = std::find_if(report.learners.begin(), report.learners.end(),
                                     [](const LearnerReport& l) { return l.learner.name == "Sam Delt"; });
    REQUIRE(shared != report.learners.end());
    CHECK(shared->devices.size() == 2);
}

TEST_CASE("learners are matched by their case-folded name; the spelling first seen stays") {
    const auto& [course, pcs] = shared_classroom();
    json doc = json::parse(pcs[1].export_text);
    for (json& l : doc["learners"])
        if (l["name"] == "Sam Delt") l["name"] = "SAM DELT";
    TempDir trainer;
    import_text(trainer.path(), pcs[0].export_text);
    const ImportSummary s = import_text(trainer.path(), reseal(doc));
    CHECK(s.learners_added == 1);  // Bo; SAM DELT is Sam Delt
    Store store(trainer.path(), Store::Access::read);
    CHECK(store.learners().size() == 3);
    const auto shared = store.find_learner("sam delt");
    REQUIRE(shared);
    CHECK(shared->name == "Sam Delt");
    CHECK(store.progress(shared->id, *course).attempts.size() == 2);
}

TEST_CASE("a learner merged from two PCs carries on here, and the cache stays what the events say") {
    const auto& [course, pcs] = shared_classroom();
    TempDir trainer;
    for (const Pc& pc : pcs) import_text(trainer.path(), pc.export_text);
    Store store(trainer.path());
    const Learner sam = *store.find_learner("Sam Delt");
    {
        Session s(course, store.progress(sam.id, *course), store.sink(sam.id, *course));
        quiz(s, 3, 2);
    }
    const Progress p = store.progress(sam.id, *course);
    REQUIRE(p.attempts.size() == 3);
    CHECK(p.attempts[0].number != p.attempts[1].number);
    CHECK(p.attempts[2].number != p.attempts[1].number);
    CHECK(p.attempts[2].number != p.attempts[0].number);
    REQUIRE(p.attempts[2].score);
    CHECK(p.attempts[2].score->raw == 2);
    const auto cached = store.state(sam.id, course->id);
    REQUIRE(cached);
    CourseState replayed = summarize(p);
    replayed.course_version = cached->course_version;
    replayed.last_seq = cached->last_seq;
    CHECK(*cached == replayed);
    CHECK(cached->attempts == 3);
    CHECK(cached->best->raw == 3);  // the attempt passed on the second PC
}

TEST_CASE("merged events carry their device and registration into the xAPI export") {
    const auto& [course, pcs] = shared_classroom();
    TempDir trainer;
    for (const Pc& pc : pcs) import_text(trainer.path(), pc.export_text);
    Store store(trainer.path(), Store::Access::read);
    Store cy_pc(pcs[2].dir.path(), Store::Access::read);
    const auto cy = store.find_learner("Cy");
    REQUIRE(cy);
    for (const RecordedEvent& e : store.events(cy->id)) {
        CHECK(e.device == cy_pc.device_id());
        CHECK(e.registration == cy_pc.registration(cy_pc.find_learner("Cy")->id, course->id));
    }
    // The same statements, byte for byte, whichever PC sends them.
    ExportScope mine, theirs;
    mine.learner = cy->id;
    theirs.learner = cy_pc.find_learner("Cy")->id;
    const auto a = xapi_statements(store, mine, {});
    const auto b = xapi_statements(cy_pc, theirs, {});
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].json == b[i].json);
    // Sent as ASCII, so that no network chunk boundary can split a character
    // (Learning Locker decodes chunk by chunk; push_test.sh found it).
    bool ascii = true;
    for (const XapiStatement& st : a)
        for (unsigned char c : st.json) ascii = ascii && c < 0x80;
    CHECK(ascii);
}

TEST_CASE("an erased learner is not brought back by an old export, unless asked") {
    const auto& [course, pcs] = shared_classroom();
    TempDir trainer;
    import_text(trainer.path(), pcs[0].export_text);
    {
        Store store(trainer.path());
        store.delete_learner(store.find_learner("Ann")->id);
        CHECK(store.erased("ANN"));
    }
    // The tombstone keeps no name.
    CHECK_FALSE(contains_bytes(trainer / "records.sqlite3", "Ann"));
    CHECK_FALSE(contains_bytes(trainer / "records.sqlite3", "ann"));

    const ImportSummary again = import_text(trainer.path(), pcs[0].export_text);
    CHECK(again.added == 0);
    CHECK(again.refused > 0);
    REQUIRE(again.refusals.size() == 1);
    CHECK(again.refusals[0].erased);
    CHECK_THAT(again.refusals[0].reason,
               Catch::Contains("erased here") && Catch::Contains("--allow-deleted"));
    {
        Store store(trainer.path(), Store::Access::read);
        CHECK_FALSE(store.find_learner("Ann"));
        CHECK(store.find_learner("Sam Delt"));  // the rest of the file is imported
    }
    const ImportSummary allowed = import_text(trainer.path(), pcs[0].export_text, true);
    CHECK(allowed.added == again.refused);
    Store store(trainer.path(), Store::Access::read);
    CHECK(store.find_learner("Ann"));
    CHECK_FALSE(store.erased("Ann"));
}

TEST_CASE("a file that is damaged, edited, foreign or from another lektion is refused whole") {
    const auto& [course, pcs] = shared_classroom();
    TempDir trainer;
    import_text(trainer.path(), pcs[2].export_text);  // Cy is there already
    const std::string before = contents(trainer.path());
    const std::string& good = pcs[0].export_text;
    json doc = json::parse(good);

    SECTION("truncated") {
        CHECK_THAT(refusal(trainer.path(), good.substr(0, good.size() / 2)), Catch::Contains("truncated"));
    }
    SECTION("one character edited") {
        std::string edited = good;
        edited.replace(edited.find("\"Ann\""), 5, "\"Anne\"");
        CHECK_THAT(refusal(trainer.path(), edited), Catch::Contains("checksum does not match"));
    }
    SECTION("its checksum removed") {
        doc.erase("sha256");
        CHECK_THAT(refusal(trainer.path(), doc.dump()), Catch::Contains("no checksum"));
    }
    SECTION("from a newer lektion") {
        doc["schema"] = Store::schema_version() + 1;
        CHECK_THAT(refusal(trainer.path(), reseal(doc)), Catch::Contains("newer lektion"));
    }
    SECTION("from an older lektion, whose exports were not sealed") {
        doc["schema"] = 3;
        doc.erase("sha256");
        CHECK_THAT(refusal(trainer.path(), doc.dump()), Catch::Contains("older lektion"));
    }
    SECTION("an xAPI export") {
        Store store(pcs[0].dir.path(), Store::Access::read);
        CHECK_THAT(refusal(trainer.path(), xapi_export(store, {}, {})), Catch::Contains("xAPI"));
    }
    SECTION("another program's JSON") {
        CHECK_THAT(refusal(trainer.path(), R"({"learners": []})"),
                   Catch::Contains("not a lektion records export"));
    }
    SECTION("not JSON: the records database itself") {
        CHECK_THAT(refusal(trainer.path(), read_bytes(pcs[0].dir / "records.sqlite3")),
                   Catch::Contains("not valid JSON"));
    }
    SECTION("nested deeper than an export") {
        CHECK_THAT(refusal(trainer.path(), std::string(10000, '[') + std::string(10000, ']')),
                   Catch::Contains("nested deeper"));
    }
    SECTION("resealed, but not shaped as an export") {
        doc["learners"][0]["courses"] = "none";
        CHECK_THAT(refusal(trainer.path(), reseal(doc)), Catch::Contains("not shaped"));
    }
    CHECK(contents(trainer.path()) == before);
}

TEST_CASE("the same event id with other content is a conflict, never an overwrite") {
    const auto& [course, pcs] = shared_classroom();
    TempDir trainer;
    import_text(trainer.path(), pcs[0].export_text);
    json doc = json::parse(pcs[0].export_text);
    json& events = doc["learners"][0]["courses"][0]["events"];
    std::string changed;
    for (json& e : events)
        if (e["kind"] == "check_answered") {
            e["correct"] = !e["correct"].get<bool>();
            changed = e["uuid"];
            break;
        }
    REQUIRE_FALSE(changed.empty());
    const std::string before = contents(trainer.path());
    const ImportSummary s = import_text(trainer.path(), reseal(doc));
    CHECK(s.conflicts == 1);
    CHECK(s.added == 0);
    REQUIRE(s.refusals.size() == 1);
    CHECK(s.refusals[0].conflict);
    CHECK_THAT(s.refusals[0].reason, Catch::Contains(changed) && Catch::Contains("conflict"));
    CHECK(contents(trainer.path()) == before);
}

TEST_CASE("nothing from an imported file reaches the records as a control character") {
    const auto& [course, pcs] = shared_classroom();
    TempDir trainer;
    json doc = json::parse(pcs[0].export_text);
    doc["learners"][0]["name"] = "Ann\u001b[2J";
    for (json& e : doc["learners"][1]["courses"][0]["events"])
        if (e.contains("text")) e["text"] = "Spørgsmål\u0007?";
    doc["learners"][1]["courses"][0]["events"][0]["target"] = "l1.s1\u202e";
    doc["device"]["name"] = "pc\u001b]0;x\u0007";
    const ImportSummary s = import_text(trainer.path(), reseal(doc));
    CHECK(s.refused > 0);
    CHECK(s.added > 0);  // what is clean still comes in
    for (const RefusedEvents& r : s.refusals) {
        INFO(r.reason);
        CHECK(r.learner.find('\x1b') == std::string::npos);
    }
    const auto file = trainer / "records.sqlite3";
    CHECK_FALSE(contains_bytes(file, "\x1b[2J"));
    for (const char* c : {"char(27)", "char(7)", "char(8238)"})
        CHECK(query_text(file, fmt::format("SELECT count(*) FROM events, learners, devices WHERE "
                                           "instr(events.text || events.target || learners.name || "
                                           "devices.name, {}) > 0",
                                           c)) == "0");
    Store store(trainer.path(), Store::Access::read);
    CHECK_FALSE(store.find_learner("Ann\x1b[2J"));
    CHECK(store.device_name(s.device).empty());
}

TEST_CASE("an import waits for another lektion's write lock") {
    const auto& [course, pcs] = shared_classroom();
    TempDir trainer;
    Store store(trainer.path());  // open before the lock is taken: it is the import that must wait
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((trainer / "records.sqlite3").c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    std::thread holder([other] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
    });
    const auto start = std::chrono::steady_clock::now();
    const ImportSummary s = store.import_records(pcs[1].export_text, {});
    const auto waited = std::chrono::steady_clock::now() - start;
    holder.join();
    sqlite3_close(other);
    CHECK(s.added > 0);
    CHECK(waited >= std::chrono::milliseconds(1400));
}

namespace {

// Merges a class export of 100 learners into an empty folder, twice, and says how fast.
void merge_a_class(const CoursePtr& course, std::size_t events_each) {
    TempDir scratch, trainer;
    const std::string text = class_export(course, scratch.path(), 100);
    Store store(trainer.path());
    const auto start = std::chrono::steady_clock::now();
    const ImportSummary s = store.import_records(text, {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(s.added >= 100 * events_each);
    CHECK(s.refused == 0);
    CHECK(store.learners().size() == 100);
    WARN(s.added << " events of 100 learners (" << text.size() / 1024 << " KiB) merged in " << seconds
                 << " s: " << static_cast<long>(static_cast<double>(s.added) / seconds) << " events/s");
    const auto again = std::chrono::steady_clock::now();
    CHECK(store.import_records(text, {}).present == s.added);
    WARN("the same file again (nothing new): "
         << std::chrono::duration<double>(std::chrono::steady_clock::now() - again).count() << " s");
}

}  // namespace

TEST_CASE("a class export of 100 learners is merged, and merged again without a change") {
    merge_a_class(small_course(), 20);
}

// The figure for BENCHMARKS.md, on the bundled course (every lesson, two quiz
// attempts: about 170 events a learner). Hidden: run it on a release build with
//   records_tests "[figure]"
TEST_CASE("figure: events merged per second from a 100-learner class export of the bundled course",
          "[.][figure]") {
    const LoadResult bundled = load_course(std::string(LEKTION_SOURCE_DIR) + "/content/karriereplanlaegning");
    REQUIRE(bundled.course);
    merge_a_class(bundled.course, 150);
}

TEST_CASE("a learner's settings travel with the export: language, theme, text size, reading speed") {
    TempDir pc, trainer;
    std::string text;
    {
        Store store(pc.path());
        Learner l = store.create_learner("Dag", "da");
        l.theme = "dark";
        l.text_size = 24;
        l.speech_rate = 225;
        store.save_settings(l);
        text = json_export(store, {});
    }
    import_text(trainer.path(), text);
    Store store(trainer.path(), Store::Access::read);
    const auto dag = store.find_learner("Dag");
    REQUIRE(dag);
    CHECK(dag->language == "da");
    CHECK(dag->theme == "dark");
    CHECK(dag->text_size == 24);
    CHECK(dag->speech_rate == 225);
}
