#include "export/question_views.hpp"

#include <cassert>
#include <iterator>

namespace lektion::web {

namespace {

std::string choice_inputs(const Question& q, const std::string& dom_id, const Languages& langs,
                          const char* input_type) {
    std::string out = "<div class=\"options\">\n";
    int i = 0;
    for (const Option& o : q.options) {
        const std::string id = dom_id + "-o" + std::to_string(++i);
        out += "<div class=\"option\" data-option=\"" + escape(o.id) + "\"><input type=\"" + input_type +
               "\" name=\"" + dom_id + "\" id=\"" + id + "\" value=\"" + escape(o.id) + "\"> <label for=\"" +
               id + "\"" + text_attributes(o.label, langs) + ">" + spans_html(o.label) + "</label></div>\n";
    }
    return out + "</div>\n";
}

std::string single_inputs(const Question& q, const std::string& dom_id, const Languages& langs) {
    return choice_inputs(q, dom_id, langs, "radio");
}
std::string multiple_inputs(const Question& q, const std::string& dom_id, const Languages& langs) {
    return choice_inputs(q, dom_id, langs, "checkbox");
}

constexpr QuestionView views[] = {
    {"single", "single", single_inputs},
    {"multiple", "multiple", multiple_inputs},
    {"truefalse", "truefalse", single_inputs},
};

}  // namespace

const QuestionView* question_view(std::string_view type) {
    for (const QuestionView& v : views)
        if (v.type == type) return &v;
    return nullptr;
}

std::string question_html(const Question& q, const std::string& dom_id, const Languages& langs) {
    const QuestionView* found = question_view(q.type);
    assert(found && "build_site() refuses a course with a type that has no view");
    const QuestionView& view = *found;
    std::string out = "<fieldset class=\"question\" id=\"" + dom_id + "\" data-question=\"" + escape(q.id) +
                      "\" data-type=\"" + view.name + "\">\n<legend" + text_attributes(q.prompt, langs) +
                      ">" + spans_html(q.prompt) + "</legend>\n";
    out += view.inputs(q, dom_id, langs);
    // What the script may reveal after an answer, as authored (with its own
    // lang when untranslated); hidden until then.
    out += "<div class=\"feedback-source\" hidden>\n";
    for (const Option& o : q.options) {
        out += "<p class=\"option-label\" data-option=\"" + escape(o.id) + "\"" +
               text_attributes(o.label, langs) + ">" + spans_html(o.label) + "</p>\n";
        if (o.feedback)
            out += "<p class=\"option-feedback\" data-option=\"" + escape(o.id) + "\"" +
                   text_attributes(*o.feedback, langs) + ">" + spans_html(*o.feedback) + "</p>\n";
    }
    if (q.explanation)
        out += "<p class=\"explanation\"" + text_attributes(*q.explanation, langs) + ">" +
               spans_html(*q.explanation) + "</p>\n";
    out += "</div>\n<div class=\"feedback\" id=\"" + dom_id +
           "-feedback\" role=\"status\" aria-live=\"polite\"></div>\n";
    return out + "</fieldset>\n";
}

}  // namespace lektion::web
