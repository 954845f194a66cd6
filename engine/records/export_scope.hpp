// What an export covers: one learner or all, one course or every course recorded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "course/model.hpp"
#include "records/store.hpp"

namespace lektion {

struct ExportScope {
    std::optional<std::int64_t> learner;  // nullopt: every learner
    const Course* course = nullptr;       // null: every course in the records
};

// A learner's events in one course, in the order they happened.
struct LearnerCourse {
    Learner learner;
    std::string course_id;
    std::vector<RecordedEvent> events;
};

// By learner name, then course id. With a course in the scope, learners who
// never started it are there too, with no events.
std::vector<LearnerCourse> gather(const Store& store, const ExportScope& scope);

}  // namespace lektion
