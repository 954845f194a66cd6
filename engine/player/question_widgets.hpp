// How the window draws each question type's answer: one function a type,
// found by the type's name (question_widgets.cpp lists them). Every widget
// works by keyboard alone (Tab, Space, Enter, arrows) and by mouse; none
// needs dragging.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "course/model.hpp"
#include "player/fonts.hpp"

namespace lektion::ui {

// What a widget draws with: the App's helpers, so that its controls are in
// the Tab order and in the map tests find them by.
struct WidgetContext {
    const Fonts& fonts;
    float width = 0;
    std::function<void(const std::string&)> remember;  // the last item, under this label
    std::function<bool(const std::string&)> button;    // a button, remembered
    std::function<void(const std::string&)> mark;      // the last item, found by tests but not by Tab
    std::map<std::string, std::string>& drafts;        // text being typed, by question and part
    unsigned error_color = 0;                          // for what was typed and is no answer
};

// Draws q's answer controls for the parts in `order`; changes `answer` (in
// the type's form) and returns true when the learner changed it.
using QuestionWidget = bool (*)(WidgetContext& c, const Question& q, const std::vector<std::string>& order,
                                std::vector<std::string>& answer);

// The widget for a question's type; a type with none is drawn as a single choice.
QuestionWidget question_widget(const Question& q);
// For tests: a widget for a type registered only there.
void add_question_widget(std::string type, QuestionWidget widget);

}  // namespace lektion::ui
