#include "questions/choice.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/shuffle.hpp"

namespace lektion {

Option read_option(QuestionReader& r, pugi::xml_node node, bool allow_correct) {
    Option o;
    if (allow_correct) r.allow_attributes(node, {"id", "correct"});
    else r.allow_attributes(node, {"id"});
    o.id = r.id(node);
    if (allow_correct) o.correct = r.boolean(node, "correct", false);
    bool has_label = false;
    r.order(node, {{"label", 1}, {"feedback", 1}});
    for (pugi::xml_node child : r.elements(node)) {
        const std::string_view n = child.name();
        if (n == "label") o.label = r.text(child), has_label = true;
        else if (n == "feedback") o.feedback = r.text(child);
        else r.unknown(child, node);
    }
    if (!has_label) r.error(node, fmt::format("<{}> needs a <label>", node.name()));
    return o;
}

std::string option_labels(const Question& q, const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids)
        if (const Option* o = q.option(id)) out += (out.empty() ? "" : "; ") + o->label.plain();
    return out;
}

std::vector<XapiComponent> xapi_components(const std::vector<Option>& parts) {
    std::vector<XapiComponent> out;
    for (const Option& o : parts) out.push_back({o.id, o.label.plain()});
    return out;
}

std::string xapi_list(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : std::string(separator)) + s;
    return out;
}

namespace {

class ChoiceType : public QuestionType {
public:
    std::vector<ChildSlot> children() const override { return {{"option", many_children}}; }

    bool read_child(QuestionReader& r, pugi::xml_node child, Question& q) const override {
        if (std::string_view(child.name()) != "option") return false;
        q.options.push_back(read_option(r, child, true));
        return true;
    }

    void check(QuestionReader& r, pugi::xml_node node, Question& q) const override {
        const auto n = q.options.size();
        if (n < 2)
            r.error(node, fmt::format("question '{}' has {} option{}; it needs at least two", q.id, n,
                                      n == 1 ? "" : "s"));
        check_rules(r, node, q, std::count_if(q.options.begin(), q.options.end(), [](const Option& o) {
                        return o.correct;
                    }));
    }

    bool valid_answer(const Question& q, const std::vector<std::string>& answer) const override {
        return std::all_of(answer.begin(), answer.end(), [&](const std::string& id) { return q.option(id); });
    }

    Evaluation evaluate(const Question& q, const std::vector<std::string>& chosen) const override {
        Evaluation ev;
        ev.correct = !chosen.empty();
        for (const Option& o : q.options) {
            const bool picked = std::find(chosen.begin(), chosen.end(), o.id) != chosen.end();
            if (o.correct) ev.correct_options.push_back(o.id);
            if (picked != o.correct) ev.correct = false;
            if (picked && o.feedback) ev.feedback.push_back(&*o.feedback);
        }
        // Every chosen id must name an option of this question.
        for (const std::string& id : chosen)
            if (!q.option(id)) ev.correct = false;
        ev.credit = ev.correct ? 1.0 : 0.0;
        ev.explanation = q.explanation ? &*q.explanation : nullptr;
        return ev;
    }

    std::string answer_words(const Question& q, const std::vector<std::string>& answer) const override {
        return option_labels(q, answer);
    }

    std::string right_answer_words(const Question& q) const override {
        std::vector<std::string> right;
        for (const Option& o : q.options)
            if (o.correct) right.push_back(o.id);
        return option_labels(q, right);
    }

    std::vector<std::string> right_answer(const Question& q) const override {
        std::vector<std::string> right;
        for (const Option& o : q.options)
            if (o.correct) right.push_back(o.id);
        return right;
    }

    XapiInteraction xapi(const Question& q) const override {
        XapiInteraction x;
        x.type = "choice";
        std::vector<std::string> right;
        for (const Option& o : q.options)
            if (o.correct) right.push_back(o.id);
        x.correct_responses.push_back(xapi_list(right));
        x.choices = xapi_components(q.options);
        return x;
    }

    std::string xapi_response(const std::vector<std::string>& answer) const override {
        return xapi_list(answer);
    }

protected:
    virtual void check_rules(QuestionReader& r, pugi::xml_node node, const Question& q,
                             std::ptrdiff_t correct) const = 0;
};

class SingleChoice : public ChoiceType {
public:
    std::string_view name() const override { return "single"; }

protected:
    void check_rules(QuestionReader& r, pugi::xml_node node, const Question& q,
                     std::ptrdiff_t correct) const override {
        if (correct != 1)
            r.error(node,
                    fmt::format("single-choice question '{}' has {} correct options; it needs exactly one",
                                q.id, correct));
    }
};

class MultipleChoice : public ChoiceType {
public:
    std::string_view name() const override { return "multiple"; }

protected:
    void check_rules(QuestionReader& r, pugi::xml_node node, const Question& q,
                     std::ptrdiff_t correct) const override {
        if (correct == 0) r.error(node, fmt::format("question '{}' has no correct option", q.id));
    }
};

class TrueFalse : public SingleChoice {
public:
    std::string_view name() const override { return "truefalse"; }

    // True/false keeps its natural order; shuffling it only confuses.
    std::vector<std::string> order(const Question& q, bool, std::mt19937_64&) const override {
        std::vector<std::string> out;
        for (const Option& o : q.options) out.push_back(o.id);
        return out;
    }

protected:
    void check_rules(QuestionReader& r, pugi::xml_node node, const Question& q,
                     std::ptrdiff_t correct) const override {
        if (q.options.size() != 2)
            r.error(node, fmt::format("true/false question '{}' needs exactly two options", q.id));
        SingleChoice::check_rules(r, node, q, correct);
    }
};

}  // namespace

std::unique_ptr<QuestionType> single_choice_type() { return std::make_unique<SingleChoice>(); }
std::unique_ptr<QuestionType> multiple_choice_type() { return std::make_unique<MultipleChoice>(); }
std::unique_ptr<QuestionType> true_false_type() { return std::make_unique<TrueFalse>(); }

}  // namespace lektion
