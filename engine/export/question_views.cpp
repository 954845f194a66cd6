#include "export/question_views.hpp"

#include <cassert>
#include <iterator>

#include <fmt/format.h>

#include "l10n/strings.hpp"
#include "questions/limits.hpp"
#include "questions/numeric.hpp"
#include "questions/registry.hpp"

namespace lektion::web {

namespace {

// A text's <span lang> wrapper for use inside another element (a label, an option).
std::string inline_text(const Text& t, const Languages& langs) {
    return "<span" + text_attributes(t, langs) + ">" + spans_html(t) + "</span>";
}

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

// matching: a <select> of the targets for each item, labelled by the item: a
// choice per item, by keyboard (the arrows, or typing a target's first
// letters) as by mouse; nothing to drag (WCAG 2.2, 2.5.7).
std::string matching_inputs(const Question& q, const std::string& dom_id, const Languages& langs) {
    std::string out = "<div class=\"matching\">\n";
    int i = 0;
    for (const Option& item : q.options) {
        const std::string id = dom_id + "-m" + std::to_string(++i);
        out += "<div class=\"match-row\" data-option=\"" + escape(item.id) + "\"><label for=\"" + id + "\"" +
               text_attributes(item.label, langs) + ">" + spans_html(item.label) + "</label> <select id=\"" +
               id + "\" data-item=\"" + escape(item.id) + "\">\n<option value=\"\">" +
               escape(tr("quiz.pick_match")) + "</option>\n";
        for (const Option& t : q.targets)
            out += "<option value=\"" + escape(t.id) + "\"" + text_attributes(t.label, langs) + ">" +
                   escape(t.label.plain()) + "</option>\n";
        out += "</select></div>\n";
    }
    // On paper the selects show no choices: the workbook lists the targets (print only).
    out += "<ul class=\"print-only match-targets\">\n";
    for (const Option& t : q.targets)
        out += "<li" + text_attributes(t.label, langs) + ">" + spans_html(t.label) + "</li>\n";
    return out + "</ul>\n</div>\n";
}

// ordering: a numbered list, each item with Move up and Move down buttons
// named with the item ("Move up Measure"); the script keeps focus on the
// button of the item moved and says its new place in the list's live region.
// The check pages show the items in the order the players do (check_order);
// a quiz attempt's order replaces it.
std::string ordering_inputs(const Question& q, const std::string& dom_id, const Languages& langs) {
    std::string out = "<ol class=\"ordering\" id=\"" + dom_id + "-list\">\n";
    int i = 0;
    for (const std::string& oid : check_order(q)) {
        const Option* o = q.option(oid);
        if (!o) continue;
        const std::string id = dom_id + "-i" + std::to_string(++i);
        out += "<li class=\"order-item\" data-option=\"" + escape(o->id) +
               "\"><div class=\"order-row\"><span class=\"order-label\" id=\"" + id + "\"" +
               text_attributes(o->label, langs) + ">" + spans_html(o->label) +
               "</span> <span class=\"order-buttons\"><button type=\"button\" class=\"move\" data-by=\"-1\" "
               "id=\"" +
               id + "-up\" aria-labelledby=\"" + id + "-up " + id + "\">" + escape(tr("quiz.move_up")) +
               "</button> <button type=\"button\" class=\"move\" data-by=\"1\" id=\"" + id +
               "-down\" aria-labelledby=\"" + id + "-down " + id + "\">" + escape(tr("quiz.move_down")) +
               "</button></span></div></li>\n";
    }
    out += "</ol>\n<p class=\"order-status visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n";
    // In a quiz the shown order is no answer until the learner moves an item or keeps it (as in the
    // players); the script hides this on the check pages, where the Answer button takes the order.
    out += "<p class=\"keep-order\"><button type=\"button\" class=\"keep\">" + escape(tr("quiz.keep_order")) +
           "</button></p>\n";
    return out;
}

// fill-in: the sentence with a text field for each gap, each labelled by the
// words before it (and its place, when there are several gaps).
std::string fillin_inputs(const Question& q, const std::string& dom_id, const Languages& langs) {
    std::string out = "<p class=\"fillin\">";
    const std::size_t n = q.options.size();
    std::size_t i = 0;
    for (const Option& gap : q.options) {
        const std::string id = dom_id + "-g" + std::to_string(++i);
        out +=
            "<label for=\"" + id + "\">" + inline_text(gap.label, langs) +
            (n > 1 ? fmt::format("<span class=\"visually-hidden\"> ({}/{})</span>", i, n) : std::string()) +
            "</label> <input type=\"text\" class=\"gap\" id=\"" + id + "\" data-option=\"" + escape(gap.id) +
            fmt::format("\" maxlength=\"{}\" autocomplete=\"off\" spellcheck=\"false\"> ",
                        question_limits::max_typed_bytes);
    }
    return out + "</p>\n";
}

// numeric: a text field, not type=number: Chromium's number field takes only
// the browser's own locale's decimal sign (or only "."), shows spinners that
// change the answer by a mouse wheel, and reads back "" for what it cannot
// parse; a text field with inputmode=decimal gives phones their number pad
// and lets the script parse "3,5" in Danish and "3.5" in English, as ICU does
// in the players. The label says how a number is written here.
std::string numeric_inputs(const Question& q, const std::string& dom_id, const Languages& langs) {
    (void)q;
    (void)langs;
    const std::string hint = tr("quiz.type_number", {{"answer", learner_number(3.5, ui_language())}});
    const std::string id = dom_id + "-n";
    return "<p class=\"numeric\"><label for=\"" + id + "\">" + escape(hint) +
           "</label> <input type=\"text\" id=\"" + id +
           fmt::format("\" class=\"number\" inputmode=\"decimal\" maxlength=\"{}\" autocomplete=\"off\" ",
                       question_limits::max_typed_bytes) +
           "aria-describedby=\"" + id + "-error\"></p>\n<p class=\"number-error\" id=\"" + id +
           "-error\" hidden>" + escape(hint) + "</p>\n";
}

constexpr QuestionView views[] = {
    {"single", "single", single_inputs},       {"multiple", "multiple", multiple_inputs},
    {"truefalse", "truefalse", single_inputs}, {"matching", "matching", matching_inputs},
    {"ordering", "ordering", ordering_inputs}, {"fillin", "fillin", fillin_inputs},
    {"numeric", "numeric", numeric_inputs},
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
    for (const Option& t : q.targets)
        out += "<p class=\"target-label\" data-target=\"" + escape(t.id) + "\"" +
               text_attributes(t.label, langs) + ">" + spans_html(t.label) + "</p>\n";
    // The right answer in the words the players use (the type's own, numbers in the page's language).
    out += "<p class=\"right-answer\">" + escape(question_type(q).right_answer_words(q)) + "</p>\n";
    if (q.explanation)
        out += "<p class=\"explanation\"" + text_attributes(*q.explanation, langs) + ">" +
               spans_html(*q.explanation) + "</p>\n";
    out += "</div>\n<div class=\"feedback\" id=\"" + dom_id +
           "-feedback\" role=\"status\" aria-live=\"polite\"></div>\n";
    return out + "</fieldset>\n";
}

}  // namespace lektion::web
