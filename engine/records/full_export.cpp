#include "records/full_export.hpp"

#include <nlohmann/json.hpp>

#include "records/timestamp.hpp"

namespace lektion {

namespace {

using nlohmann::json;

json score(const Score& s) {
    return {{"raw", s.raw}, {"max", s.max}, {"scaled", s.scaled}, {"passed", s.passed}};
}

json event(const RecordedEvent& r) {
    const Event& e = r.event;
    json j = {{"uuid", r.uuid},
              {"seq", r.seq},
              {"at", r.at},
              {"course_version", r.course_version},
              {"language", r.language},
              {"kind", to_string(e.kind)},
              {"duration_ms", e.duration_ms}};
    if (!e.lesson.empty()) j["lesson"] = e.lesson;
    if (!e.target.empty()) j["target"] = e.target;
    if (e.attempt) j["attempt"] = e.attempt;
    if (!e.text.empty()) j["text"] = e.text;
    switch (e.kind) {
        case EventKind::check_answered:
        case EventKind::quiz_answered:
            j["chosen"] = e.answer.chosen;
            j["correct"] = e.answer.correct;
            break;
        case EventKind::quiz_started:
            j["seed"] = std::to_string(e.seed);
            j["questions"] = e.questions;
            j["order"] = e.order;
            break;
        case EventKind::quiz_submitted: j["score"] = score(e.score); break;
        case EventKind::position_changed:
            j["position"] = {{"lesson", e.position.lesson}, {"page", e.position.page}};
            break;
        default: break;
    }
    return j;
}

json state(const CourseState& s) {
    json j = {{"course_version", s.course_version},
              {"position", {{"lesson", s.position.lesson}, {"page", s.position.page}}},
              {"lessons_complete", s.lessons_complete},
              {"course_complete", s.course_complete},
              {"attempts", s.attempts}};
    if (s.best) j["best"] = score(*s.best);
    if (s.last) j["last"] = score(*s.last);
    return j;
}

}  // namespace

std::string json_export(const Store& store, const ExportScope& scope) {
    json learners = json::array();
    std::int64_t current = -1;
    for (const LearnerCourse& lc : gather(store, scope)) {
        if (lc.learner.id != current) {
            const Learner& l = lc.learner;
            learners.push_back({{"name", l.name},
                                {"language", l.language},
                                {"theme", l.theme},
                                {"text_size", l.text_size},
                                {"courses", json::array()}});
            current = l.id;
        }
        json course = {{"id", lc.course_id},
                       {"registration", store.registration(lc.learner.id, lc.course_id)}};
        if (auto st = store.state(lc.learner.id, lc.course_id)) course["state"] = state(*st);
        course["events"] = json::array();
        for (const RecordedEvent& r : lc.events) course["events"].push_back(event(r));
        learners.back()["courses"].push_back(std::move(course));
    }
    // Learners without any course still exist, with their settings.
    for (const Learner& l : store.learners()) {
        if (scope.learner && *scope.learner != l.id) continue;
        if (!scope.course && store.courses(l.id).empty())
            learners.push_back({{"name", l.name},
                                {"language", l.language},
                                {"theme", l.theme},
                                {"text_size", l.text_size},
                                {"courses", json::array()}});
    }
    const json out = {{"format", "lektion-records"},
                      {"schema", Store::schema_version()},
                      {"exported_at", utc_now()},
                      {"learners", learners}};
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace lektion
