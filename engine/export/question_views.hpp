// Each question type as HTML: one entry per type, so that a new type (the
// registry of question types on its way) adds one entry here and one reader
// in assets/question_types.js. The inputs are real form controls (radio,
// checkbox; select, text and number for the types to come) inside a
// fieldset whose legend is the prompt, so that every type works by keyboard
// and a screen reader announces the question with each control.
#pragma once

#include <string>
#include <string_view>

#include "course/model.hpp"
#include "export/html_text.hpp"

namespace lektion::web {

struct QuestionView {
    QuestionType type;
    const char* name;  // data-type, and the key of the script's reader
    // The controls of `q`; `dom_id` is unique in the page and safe in an id.
    std::string (*inputs)(const Question& q, const std::string& dom_id, const Languages& langs);
};

const QuestionView& question_view(QuestionType type);

// The whole question: fieldset, legend, controls, the feedback the script
// reveals (hidden until answered), and a live region that announces it.
std::string question_html(const Question& q, const std::string& dom_id, const Languages& langs);

}  // namespace lektion::web
