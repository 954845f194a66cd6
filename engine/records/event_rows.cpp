#include "records/event_rows.hpp"

#include <nlohmann/json.hpp>

#include "records/interaction.hpp"

namespace lektion {

namespace {

using nlohmann::json;

// Answers carry their question's type, credit and xAPI definition (schema 5).
// An event's device, place there and registration, resolved for this
// database's own events (NULL in their rows) from the identity and the
// registrations tables.
constexpr const char* columns =
    "e.seq, e.uuid, e.learner_id, e.course_id, e.course_version, e.language, e.at, e.duration_ms, "
    "e.kind, e.lesson, e.target, e.attempt, e.chosen, e.correct, e.score_raw, e.score_max, "
    "e.score_scaled, e.passed, e.position_lesson, e.position_page, e.detail, e.text, "
    "COALESCE(e.device, (SELECT database_id FROM identity WHERE only = 1), ''), "
    "COALESCE(e.device_seq, e.seq), COALESCE(e.registration, r.registration, ''), "
    "COALESCE(e.question_type, ''), COALESCE(e.credit, e.correct, 0), e.interaction";
constexpr const char* from =
    " FROM events e LEFT JOIN registrations r ON r.learner_id = e.learner_id AND r.course_id = e.course_id";

// Option ids come from the front end; bytes that are not UTF-8 become U+FFFD, not an exception.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

bool answers(EventKind k) { return k == EventKind::check_answered || k == EventKind::quiz_answered; }

std::string detail_of(const Event& e) {
    json d;
    d["seed"] = std::to_string(e.seed);  // text: a 64-bit seed does not survive a JSON double
    d["questions"] = e.questions;
    d["order"] = e.order;
    return dump(d);
}

// Malformed JSON in a row (edited by hand, say) reads as empty rather than failing the replay.
json parse(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json() : j;
}

std::vector<std::string> strings(const json& j) {
    std::vector<std::string> out;
    if (j.is_array())
        for (const json& s : j)
            if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

void read_detail(const json& d, Event& e) {
    if (!d.is_object()) return;
    if (auto it = d.find("seed"); it != d.end() && it->is_string()) {
        try {
            e.seed = std::stoull(it->get<std::string>());
        } catch (const std::exception&) {
            e.seed = 0;
        }
    }
    if (auto it = d.find("questions"); it != d.end()) e.questions = strings(*it);
    if (auto it = d.find("order"); it != d.end() && it->is_object())
        for (auto& [question, order] : it->items()) e.order[question] = strings(order);
}

std::optional<RecordedEvent> read_row(const sql::Statement& s) {
    const auto kind = event_kind_from(s.text(8));
    if (!kind) return std::nullopt;
    RecordedEvent r;
    r.seq = s.integer(0);
    r.uuid = s.text(1);
    r.learner_id = s.integer(2);
    r.course_id = s.text(3);
    r.course_version = s.text(4);
    r.language = s.text(5);
    r.at = s.text(6);
    Event& e = r.event;
    e.kind = *kind;
    e.duration_ms = s.integer(7);
    e.lesson = s.text(9);
    e.target = s.text(10);
    e.attempt = static_cast<int>(s.integer(11));
    if (!s.is_null(12)) e.answer.chosen = strings(parse(s.text(12)));
    e.answer.correct = s.integer(13) != 0;
    e.score.raw = s.real(14);
    e.score.max = static_cast<int>(s.integer(15));
    e.score.scaled = s.real(16);
    e.score.passed = s.integer(17) != 0;
    e.position.lesson = s.is_null(18) ? -1 : static_cast<int>(s.integer(18));
    e.position.page = static_cast<int>(s.integer(19));
    if (!s.is_null(20)) read_detail(parse(s.text(20)), e);
    e.text = s.text(21);
    r.device = s.text(22);
    r.device_seq = s.integer(23);
    r.registration = s.text(24);
    if (answers(e.kind)) {
        e.question_type = s.text(25);
        if (e.question_type.empty()) e.question_type = legacy_question_type;
        e.answer.credit = s.real(26);
        if (!s.is_null(27)) interaction_from_json(parse(s.text(27)), e.interaction);
    }
    return r;
}

}  // namespace

EventWriter::EventWriter(sqlite3* db)
    : db_(db),
      s_(db,
         "INSERT INTO events (uuid, learner_id, course_id, course_version, language, at, "
         "duration_ms, kind, lesson, target, attempt, chosen, correct, score_raw, "
         "score_max, score_scaled, passed, position_lesson, position_page, detail, text, "
         "device, device_seq, registration, question_type, credit, interaction) "
         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {}

std::int64_t EventWriter::insert(const RecordedEvent& r) {
    const Event& e = r.event;
    sql::Statement& s = s_;
    s.reset();
    s.bind(1, r.uuid).bind(2, r.learner_id).bind(3, r.course_id).bind(4, r.course_version);
    s.bind(5, r.language).bind(6, r.at).bind(7, static_cast<std::int64_t>(e.duration_ms));
    s.bind(8, to_string(e.kind)).bind(9, e.lesson).bind(10, e.target).bind(11, e.attempt);
    if (answers(e.kind)) s.bind(12, dump(json(e.answer.chosen))).bind(13, e.answer.correct ? 1 : 0);
    if (e.kind == EventKind::quiz_submitted)
        s.bind(14, e.score.raw)
            .bind(15, e.score.max)
            .bind(16, e.score.scaled)
            .bind(17, e.score.passed ? 1 : 0);
    if (e.kind == EventKind::position_changed) s.bind(18, e.position.lesson).bind(19, e.position.page);
    if (e.kind == EventKind::quiz_started) s.bind(20, detail_of(e));
    s.bind(21, e.text);
    if (!r.device.empty()) s.bind(22, r.device).bind(23, r.device_seq).bind(24, r.registration);
    if (answers(e.kind)) {
        s.bind(25, e.question_type.empty() ? std::string(legacy_question_type) : e.question_type);
        s.bind(26, e.answer.credit);
        if (!e.interaction.empty()) s.bind(27, dump(interaction_json(e.interaction)));
    }
    s.run();
    return sqlite3_last_insert_rowid(db_);
}

std::int64_t insert_event(sqlite3* db, const RecordedEvent& r) { return EventWriter(db).insert(r); }

std::vector<RecordedEvent> select_events(sqlite3* db, std::int64_t learner_id, const std::string& course_id) {
    const std::string sql = std::string("SELECT ") + columns + from + " WHERE e.learner_id = ?" +
                            (course_id.empty() ? "" : " AND e.course_id = ?") + " ORDER BY e.seq";
    sql::Statement s(db, sql);
    s.bind(1, learner_id);
    if (!course_id.empty()) s.bind(2, course_id);
    std::vector<RecordedEvent> out;
    while (s.step())
        if (auto r = read_row(s)) out.push_back(std::move(*r));
    return out;
}

EventFinder::EventFinder(sqlite3* db)
    : s_(db, std::string("SELECT ") + columns + from + " WHERE e.uuid = ?") {}

std::optional<RecordedEvent> EventFinder::find(std::string_view uuid) {
    s_.reset();
    s_.bind(1, uuid);
    if (!s_.step()) return std::nullopt;
    return read_row(s_);
}

std::int64_t newest_seq(sqlite3* db, std::int64_t learner_id, const std::string& course_id) {
    sql::Statement s(db, "SELECT max(seq) FROM events WHERE learner_id = ? AND course_id = ?");
    s.bind(1, learner_id).bind(2, course_id);
    return s.step() && !s.is_null(0) ? s.integer(0) : 0;
}

}  // namespace lektion
