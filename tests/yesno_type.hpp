// "yesno", a question type that lives only in the tests: answered "yes" or
// "no", the right one in an attribute. Registering it touches nothing in the
// engine: its module (this class), its renderers (in the players' tests)
// and the registries.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "questions/question_type.hpp"

namespace lektion::test {

class YesNo : public QuestionType {
public:
    std::string_view name() const override { return "yesno"; }
    std::vector<std::string_view> attributes() const override { return {"answer"}; }
    std::vector<ChildSlot> children() const override { return {}; }
    bool read_child(QuestionReader&, pugi::xml_node, Question&) const override { return false; }
    void check(QuestionReader& r, pugi::xml_node node, Question& q) const override {
        const std::string_view v = node.attribute("answer").value();
        if (v != "yes" && v != "no") r.error(node, "a yesno question needs answer=\"yes\" or answer=\"no\"");
        q.settings["answer"] = std::string(v);
    }
    bool valid_answer(const Question&, const std::vector<std::string>& a) const override {
        return a.empty() || (a.size() == 1 && (a[0] == "yes" || a[0] == "no"));
    }
    Evaluation evaluate(const Question& q, const std::vector<std::string>& a) const override {
        Evaluation ev;
        ev.correct = a.size() == 1 && a[0] == q.setting("answer");
        ev.credit = ev.correct ? 1 : 0;
        return ev;
    }
    std::string answer_words(const Question&, const std::vector<std::string>& a) const override {
        return a.empty() ? std::string() : a[0];
    }
    std::string right_answer_words(const Question& q) const override {
        return std::string(q.setting("answer"));
    }
    std::vector<std::string> right_answer(const Question& q) const override {
        return {std::string(q.setting("answer"))};
    }
    XapiInteraction xapi(const Question& q) const override {
        return {"true-false", {q.setting("answer") == "yes" ? "true" : "false"}, {}, {}, {}};
    }
    std::string xapi_response(const std::vector<std::string>& a) const override {
        return a.size() == 1 && a[0] == "yes" ? "true" : "false";
    }
};

}  // namespace lektion::test
