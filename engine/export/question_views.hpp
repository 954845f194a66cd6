// Each question type as HTML: one entry per type of the registry
// (questions/registry.hpp) that the export can show, and one reader in
// assets/question_types.js. A course with a type that has no entry here is
// refused by the export, naming the type, rather than exported without it.
// The inputs are real form controls (radio, checkbox; select, text and
// number for the types to come) inside a fieldset whose legend is the
// prompt, so that every type works by keyboard and a screen reader
// announces the question with each control.
#pragma once

#include <string>
#include <string_view>

#include "course/model.hpp"
#include "export/html_text.hpp"

namespace lektion::web {

struct QuestionView {
    std::string_view type;  // the registry's name
    const char* name;       // data-type, and the key of the script's reader
    // The controls of `q`; `dom_id` is unique in the page and safe in an id.
    std::string (*inputs)(const Question& q, const std::string& dom_id, const Languages& langs);
};

// Null for a type the export cannot show yet.
const QuestionView* question_view(std::string_view type);

// The whole question: fieldset, legend, controls, the feedback the script
// reveals (hidden until answered), and a live region that announces it.
std::string question_html(const Question& q, const std::string& dom_id, const Languages& langs);

}  // namespace lektion::web
