#include "records/full_export.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "records/event_json.hpp"
#include "records/records_file.hpp"
#include "records/timestamp.hpp"

namespace lektion {

namespace {

using nlohmann::json;

json score(const Score& s) {
    return {{"raw", score_raw_json(s.raw)}, {"max", s.max}, {"scaled", s.scaled}, {"passed", s.passed}};
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

json learner_json(const Learner& l) {
    return {{"name", l.name},           {"language", l.language},       {"theme", l.theme},
            {"text_size", l.text_size}, {"speech_rate", l.speech_rate}, {"courses", json::array()}};
}

}  // namespace

std::string json_export(const Store& store, const ExportScope& scope) {
    json learners = json::array();
    std::set<std::string> devices;
    std::int64_t current = -1;
    for (const LearnerCourse& lc : gather(store, scope)) {
        if (lc.learner.id != current) {
            learners.push_back(learner_json(lc.learner));
            current = lc.learner.id;
        }
        json course = {{"id", lc.course_id},
                       {"registration", store.registration(lc.learner.id, lc.course_id)}};
        if (auto st = store.state(lc.learner.id, lc.course_id)) course["state"] = state(*st);
        course["events"] = json::array();
        for (const RecordedEvent& r : lc.events) {
            course["events"].push_back(event_to_json(r));
            devices.insert(r.device);
        }
        learners.back()["courses"].push_back(std::move(course));
    }
    // Learners without any course still exist, with their settings.
    for (const Learner& l : store.learners()) {
        if (scope.learner && *scope.learner != l.id) continue;
        if (!scope.course && store.courses(l.id).empty()) learners.push_back(learner_json(l));
    }
    const std::string self = store.device_id();
    json names = json::array();
    for (const std::string& d : devices)
        if (d != self) names.push_back({{"id", d}, {"name", store.device_name(d)}});
    json out = {{"format", records_file_format},
                {"schema", Store::schema_version()},
                {"exported_at", utc_now()},
                {"device", {{"id", self}, {"name", this_device_name()}}},
                {"devices", names},
                {"learners", learners}};
    return seal_records_json(std::move(out));
}

}  // namespace lektion
