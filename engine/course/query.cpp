// Small look-ups on the model.
#include <algorithm>

#include "course/model.hpp"

namespace lektion {

std::string Text::plain() const {
    std::string s;
    for (const Span& span : spans) s += span.text;
    return s;
}

bool Text::empty() const {
    return std::all_of(spans.begin(), spans.end(), [](const Span& s) { return s.text.empty(); });
}

const Option* Question::option(std::string_view option_id) const {
    for (const Option& o : options)
        if (o.id == option_id) return &o;
    return nullptr;
}

const Option* Question::target(std::string_view target_id) const {
    for (const Option& o : targets)
        if (o.id == target_id) return &o;
    return nullptr;
}

std::string_view Question::setting(std::string_view name) const {
    auto it = settings.find(name);
    return it != settings.end() ? std::string_view(it->second) : std::string_view();
}

int Quiz::questions_per_attempt() const {
    const int pool = static_cast<int>(questions.size());
    return draw > 0 && draw < pool ? draw : pool;
}

int Course::lesson_index(std::string_view lesson_id) const {
    for (std::size_t i = 0; i < lessons.size(); ++i)
        if (lessons[i].id == lesson_id) return static_cast<int>(i);
    return -1;
}

const Question* Course::question(std::string_view question_id) const {
    for (const Lesson& lesson : lessons)
        for (const Question& q : lesson.checks)
            if (q.id == question_id) return &q;
    if (quiz)
        for (const Question& q : quiz->questions)
            if (q.id == question_id) return &q;
    return nullptr;
}

}  // namespace lektion
