#include "questions/registry.hpp"

#include <cassert>

#include "base/shuffle.hpp"
#include "questions/choice.hpp"
#include "questions/fillin.hpp"
#include "questions/matching.hpp"
#include "questions/numeric.hpp"
#include "questions/ordering.hpp"

namespace lektion {

QuestionTypes::QuestionTypes() {
    // The built-in types, one line each, in the order FORMAT.md lists them.
    add(single_choice_type());
    add(multiple_choice_type());
    add(true_false_type());
    add(matching_type());
    add(ordering_type());
    add(fillin_type());
    add(numeric_type());
}

QuestionTypes& QuestionTypes::get() {
    static QuestionTypes types;
    return types;
}

void QuestionTypes::add(std::unique_ptr<QuestionType> type) {
    for (auto& t : types_)
        if (t->name() == type->name()) {
            t = std::move(type);
            return;
        }
    types_.push_back(std::move(type));
}

const QuestionType* QuestionTypes::find(std::string_view name) const {
    for (const auto& t : types_)
        if (t->name() == name) return t.get();
    return nullptr;
}

std::vector<std::string_view> QuestionTypes::names() const {
    std::vector<std::string_view> out;
    for (const auto& t : types_) out.push_back(t->name());
    return out;
}

const QuestionType& question_type(const Question& q) {
    const QuestionTypes& types = QuestionTypes::get();
    const QuestionType* t = types.find(q.type);
    assert(t && "question_type: a type the registry does not know");
    return t ? *t : *types.find("single");
}

std::vector<std::string> QuestionType::order(const Question& q, bool shuffle_parts,
                                             std::mt19937_64& rng) const {
    std::vector<std::string> out;
    for (const Option& o : q.options) out.push_back(o.id);
    if (shuffle_parts) shuffle(out, rng);
    return out;
}

Evaluation scored_by_parts(const Question& q, Evaluation ev) {
    ev.correct = ev.parts > 0 && ev.parts_right >= ev.parts;
    ev.credit = ev.correct                         ? 1.0
                : ev.parts > 0 && q.partial_credit ? static_cast<double>(ev.parts_right) / ev.parts
                                                   : 0.0;
    ev.explanation = q.explanation ? &*q.explanation : nullptr;
    return ev;
}

}  // namespace lektion

namespace lektion {

UnitKinds question_unit_kinds(const Question& q) {
    const QuestionType* t = QuestionTypes::get().find(q.type);
    return t ? t->unit_kinds() : UnitKinds{};
}

std::vector<std::string> check_order(const Question& q) {
    // FNV-1a of the id: the same order on every machine and in both players.
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : q.id) h = (h ^ c) * 1099511628211ull;
    std::mt19937_64 rng(h);
    return question_type(q).order(q, false, rng);
}

}  // namespace lektion
