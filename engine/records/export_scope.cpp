#include "records/export_scope.hpp"

namespace lektion {

std::vector<LearnerCourse> gather(const Store& store, const ExportScope& scope) {
    std::vector<LearnerCourse> out;
    for (const Learner& l : store.learners()) {
        if (scope.learner && *scope.learner != l.id) continue;
        const std::vector<std::string> ids =
            scope.course ? std::vector<std::string>{scope.course->id} : store.courses(l.id);
        for (const std::string& id : ids) out.push_back({l, id, store.events(l.id, id)});
    }
    return out;
}

}  // namespace lektion
