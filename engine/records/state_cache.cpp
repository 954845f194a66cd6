#include "records/state_cache.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "records/event_rows.hpp"
#include "records/identity.hpp"
#include "records/merge_order.hpp"
#include "records/sqlite.hpp"

namespace lektion {

namespace {

bool same(const std::optional<Score>& a, const std::optional<Score>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->raw == b->raw && a->max == b->max && a->scaled == b->scaled && a->passed == b->passed);
}

void bind_score(sql::Statement& s, int first, const std::optional<Score>& score) {
    if (!score) return;  // left NULL
    s.bind(first, score->raw).bind(first + 1, score->max).bind(first + 2, score->scaled);
    s.bind(first + 3, score->passed ? 1 : 0);
}

std::optional<Score> read_score(const sql::Statement& s, int first) {
    if (s.is_null(first)) return std::nullopt;
    Score score;
    score.raw = s.real(first);
    score.max = static_cast<int>(s.integer(first + 1));
    score.scaled = s.real(first + 2);
    score.passed = s.integer(first + 3) != 0;
    return score;
}

}  // namespace

CourseState summarize(const Progress& p) {
    CourseState s;
    s.position = p.position;
    for (const auto& [id, lesson] : p.lessons)
        if (lesson.complete) s.lessons_complete.push_back(id);  // a std::map: already sorted
    s.course_complete = p.course_complete;
    s.best = p.best_score();
    s.last = p.last_score();
    s.attempts = p.attempts_submitted();
    return s;
}

bool operator==(const CourseState& a, const CourseState& b) {
    return a.course_version == b.course_version && a.position == b.position &&
           a.lessons_complete == b.lessons_complete && a.course_complete == b.course_complete &&
           same(a.best, b.best) && same(a.last, b.last) && a.attempts == b.attempts &&
           a.last_seq == b.last_seq;
}

Replay replay(sqlite3* db, std::int64_t learner_id, const std::string& course_id) {
    Replay r;
    const std::vector<RecordedEvent> events = in_replay_order(select_events(db, learner_id, course_id));
    r.progress = replay_progress(events);
    const std::string here = database_id(db);
    for (const RecordedEvent& e : events) {
        r.last_seq = std::max(r.last_seq, e.seq);
        r.merged = r.merged || e.device != here;
    }
    if (!events.empty()) r.course_version = events.back().course_version;
    return r;
}

void write_state(sqlite3* db, std::int64_t learner_id, const std::string& course_id, const CourseState& st) {
    sql::Statement s(db,
                     "INSERT OR REPLACE INTO state (learner_id, course_id, course_version, "
                     "position_lesson, position_page, lessons_complete, course_complete, "
                     "best_raw, best_max, best_scaled, best_passed, "
                     "last_raw, last_max, last_scaled, last_passed, attempts, last_seq) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, learner_id).bind(2, course_id).bind(3, st.course_version);
    s.bind(4, st.position.lesson).bind(5, st.position.page);
    s.bind(
        6,
        nlohmann::json(st.lessons_complete).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    s.bind(7, st.course_complete ? 1 : 0);
    bind_score(s, 8, st.best);
    bind_score(s, 12, st.last);
    s.bind(16, st.attempts).bind(17, st.last_seq);
    s.run();
}

std::optional<CourseState> read_state(sqlite3* db, std::int64_t learner_id, const std::string& course_id) {
    sql::Statement s(db,
                     "SELECT course_version, position_lesson, position_page, lessons_complete, "
                     "course_complete, best_raw, best_max, best_scaled, best_passed, "
                     "last_raw, last_max, last_scaled, last_passed, attempts, last_seq "
                     "FROM state WHERE learner_id = ? AND course_id = ?");
    s.bind(1, learner_id).bind(2, course_id);
    if (!s.step()) return std::nullopt;
    CourseState st;
    st.course_version = s.text(0);
    st.position = {static_cast<int>(s.integer(1)), static_cast<int>(s.integer(2))};
    const auto lessons = nlohmann::json::parse(s.text(3), nullptr, false);
    if (lessons.is_array())
        for (const auto& id : lessons)
            if (id.is_string()) st.lessons_complete.push_back(id.get<std::string>());
    std::sort(st.lessons_complete.begin(), st.lessons_complete.end());
    st.course_complete = s.integer(4) != 0;
    st.best = read_score(s, 5);
    st.last = read_score(s, 9);
    st.attempts = static_cast<int>(s.integer(13));
    st.last_seq = s.integer(14);
    return st;
}

void refresh_state(sqlite3* db, std::int64_t learner_id, const std::string& course_id) {
    const Replay r = replay(db, learner_id, course_id);
    CourseState st = summarize(r.progress);
    st.course_version = r.course_version;
    st.last_seq = r.last_seq;
    write_state(db, learner_id, course_id, st);
}

}  // namespace lektion
