#include "questions/ordering.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "base/shuffle.hpp"
#include "questions/choice.hpp"
#include "questions/limits.hpp"

namespace lektion {

bool move_item(std::vector<std::string>& order, std::size_t index, int by) {
    if (index >= order.size()) return false;
    const auto to = static_cast<std::ptrdiff_t>(index) + by;
    if (to < 0 || to >= static_cast<std::ptrdiff_t>(order.size())) return false;
    std::swap(order[index], order[static_cast<std::size_t>(to)]);
    return true;
}

namespace {

std::vector<std::string> ids(const Question& q) {
    std::vector<std::string> out;
    for (const Option& o : q.options) out.push_back(o.id);
    return out;
}

class Ordering : public QuestionType {
public:
    std::string_view name() const override { return "ordering"; }
    bool has_parts() const override { return true; }
    std::vector<ChildSlot> children() const override { return {{"item", many_children}}; }
    UnitKinds unit_kinds() const override {
        return {"ordering step (one of the items the learner puts in order)", "matching target",
                "accepted answer"};
    }

    bool read_child(QuestionReader& r, pugi::xml_node child, Question& q) const override {
        if (std::string_view(child.name()) != "item") return false;
        q.options.push_back(read_option(r, child, false));
        return true;
    }

    void check(QuestionReader& r, pugi::xml_node node, Question& q) const override {
        const auto n = q.options.size();
        if (n < question_limits::min_steps || n > question_limits::max_steps)
            r.error(node, fmt::format("ordering question '{}' has {} items; it needs {} to {}", q.id, n,
                                      question_limits::min_steps, question_limits::max_steps));
    }

    // Always scrambled, whatever the quiz says, and never shown in the right order.
    std::vector<std::string> order(const Question& q, bool, std::mt19937_64& rng) const override {
        std::vector<std::string> out = ids(q);
        shuffle(out, rng);
        if (out.size() > 1 && out == ids(q)) std::rotate(out.begin(), out.begin() + 1, out.end());
        return out;
    }

    bool valid_answer(const Question& q, const std::vector<std::string>& answer) const override {
        if (answer.empty()) return true;
        std::vector<std::string> sorted = answer, all = ids(q);
        std::sort(sorted.begin(), sorted.end());
        std::sort(all.begin(), all.end());
        return sorted == all;  // every item once
    }

    Evaluation evaluate(const Question& q, const std::vector<std::string>& answer) const override {
        Evaluation ev;
        ev.parts = static_cast<int>(q.options.size());
        if (!answer.empty() && valid_answer(q, answer))
            for (std::size_t i = 0; i < q.options.size(); ++i) {
                const bool right = answer[i] == q.options[i].id;
                ev.parts_right += right ? 1 : 0;
                if (!right && q.options[i].feedback) ev.feedback.push_back(&*q.options[i].feedback);
            }
        return scored_by_parts(q, std::move(ev));
    }

    std::string answer_words(const Question& q, const std::vector<std::string>& answer) const override {
        std::string out;
        for (const std::string& id : answer)
            if (const Option* o = q.option(id)) out += (out.empty() ? "" : " → ") + o->label.plain();
        return out;
    }

    std::vector<std::string> right_answer(const Question& q) const override { return ids(q); }
    std::string right_answer_words(const Question& q) const override { return answer_words(q, ids(q)); }

    XapiInteraction xapi(const Question& q) const override {
        XapiInteraction x;
        x.type = "sequencing";
        x.correct_responses.push_back(xapi_list(ids(q)));
        x.choices = xapi_components(q.options);
        return x;
    }

    std::string xapi_response(const std::vector<std::string>& answer) const override {
        return xapi_list(answer);
    }
};

}  // namespace

std::unique_ptr<QuestionType> ordering_type() { return std::make_unique<Ordering>(); }

}  // namespace lektion
