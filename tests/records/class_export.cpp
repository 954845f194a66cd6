#include "class_export.hpp"

#include <fmt/format.h>

#include "records/full_export.hpp"
#include "records/sha256.hpp"
#include "records/store.hpp"
#include "records/uuid.hpp"
#include "session/session.hpp"

namespace lektion::test {

namespace {

using nlohmann::json;

std::vector<std::string> answer(const Question& q, bool right) {
    std::vector<std::string> chosen;
    for (const Option& o : q.options)
        if (o.correct == right) chosen.push_back(o.id);
    if (!right && chosen.size() > 1) chosen.resize(1);
    return chosen;
}

void play_everything(Session& s) {
    for (int l = 0; l < static_cast<int>(s.course().lessons.size()); ++l) {
        s.open_lesson(l);
        while (s.next()) {
        }
        for (const Question& q : s.course().lessons[static_cast<std::size_t>(l)].checks)
            s.answer_check(q.id, answer(q, true));
        while (s.next()) {
        }
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QuizAttempt* a = s.start_quiz(static_cast<std::uint64_t>(attempt) + 7);
        if (!a) return;
        const std::vector<std::string> questions = a->questions;
        for (std::size_t i = 0; i < questions.size(); ++i)
            s.answer_quiz(questions[i], answer(*s.course().question(questions[i]), attempt == 1 || i == 0));
        s.submit_quiz();
    }
}

}  // namespace

std::string reseal(json document) {
    document.erase("sha256");
    document["sha256"] = sha256_hex(document.dump());
    return document.dump(2) + "\n";
}

std::string class_export(const CoursePtr& course, const std::filesystem::path& scratch, int learners) {
    json one;
    {
        Store store(scratch / "one-learner");
        const Learner l = store.create_learner("Kursist", "da");
        Session s(course, store.progress(l.id, *course), store.sink(l.id, *course));
        play_everything(s);
        one = json::parse(json_export(store, {}));
    }
    const json model = one["learners"].at(0);
    json copies = json::array();
    for (int n = 1; n <= learners; ++n) {
        json l = model;
        l["name"] = fmt::format("Kursist {:03}", n);
        for (json& c : l["courses"]) {
            const std::string registration = random_uuid();
            c["registration"] = registration;
            for (json& e : c["events"]) {
                e["uuid"] = random_uuid();
                e["registration"] = registration;
            }
        }
        copies.push_back(std::move(l));
    }
    one["learners"] = std::move(copies);
    return reseal(std::move(one));
}

}  // namespace lektion::test
