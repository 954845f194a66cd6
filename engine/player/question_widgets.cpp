#include "player/question_widgets.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "l10n/strings.hpp"
#include "questions/limits.hpp"
#include "questions/matching.hpp"
#include "questions/numeric.hpp"
#include "questions/ordering.hpp"

namespace lektion::ui {

namespace {

// single, multiple, truefalse: a radio button or check box per option, its
// label clickable too.
bool choice_list(WidgetContext& c, const Question& q, const std::vector<std::string>& order,
                 std::vector<std::string>& chosen, bool multiple) {
    bool changed = false;
    char letter = 'A';
    for (const std::string& oid : order) {
        const Option* o = q.option(oid);
        if (!o) continue;
        const bool on = std::find(chosen.begin(), chosen.end(), oid) != chosen.end();
        const std::string label = fmt::format("{}) {}", letter++, o->label.plain());
        // ImGui wraps only its own text: wrap the label inside the option's width.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + c.width);
        ImGui::PushID(oid.c_str());
        bool pressed = false;
        if (multiple) {
            bool value = on;
            pressed = ImGui::Checkbox("##o", &value);
        } else {
            pressed = ImGui::RadioButton("##o", on);
        }
        c.remember(label + "##" + oid);  // two questions on a page may offer the same words
        ImGui::SameLine();
        ImGui::TextWrapped("%s", label.c_str());
        if (ImGui::IsItemClicked()) pressed = true;
        ImGui::PopID();
        ImGui::PopTextWrapPos();
        if (pressed) {
            changed = true;
            if (multiple) {
                if (on) chosen.erase(std::find(chosen.begin(), chosen.end(), oid));
                else chosen.push_back(oid);
            } else {
                chosen = {oid};
            }
        }
    }
    return changed;
}

bool single_widget(WidgetContext& c, const Question& q, const std::vector<std::string>& order,
                   std::vector<std::string>& answer) {
    return choice_list(c, q, order, answer, false);
}

bool multiple_widget(WidgetContext& c, const Question& q, const std::vector<std::string>& order,
                     std::vector<std::string>& answer) {
    return choice_list(c, q, order, answer, true);
}

// Typing into a std::string: Dear ImGui asks for room as the text grows.
int grow(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

// A one-line text field whose text is kept in the drafts while typed; true
// when the learner leaves it (Tab, Enter, a click elsewhere) after a change.
// Not being typed in, it shows the answer as recorded (`follow`), so that a
// new attempt or a reload never shows words that are not the answer.
bool text_field(WidgetContext& c, const std::string& key, const std::string& label, const std::string& hint,
                const std::string& committed, std::string& out, bool follow = true) {
    auto [it, fresh] = c.drafts.try_emplace(key, committed);
    std::string& draft = it->second;
    ImGui::PushID(key.c_str());
    // Typed in this frame or the one before (when leaving it hands the text over): the draft is the text.
    const ImGuiID id = ImGui::GetID("##t");
    if (follow && GImGui->ActiveId != id && GImGui->ActiveIdPreviousFrame != id) draft = committed;
    if (draft.size() > question_limits::max_typed_bytes) draft.resize(question_limits::max_typed_bytes);
    ImGui::SetNextItemWidth(std::min(c.width, c.fonts.size * 16));
    ImGui::InputTextWithHint("##t", hint.c_str(), draft.data(), draft.capacity() + 1,
                             ImGuiInputTextFlags_CallbackResize, grow, &draft);
    c.remember(label);
    const bool done = ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopID();
    if (!done) return false;
    draft.resize(std::min(draft.size(), question_limits::max_typed_bytes));
    out = draft;
    return true;
}

void wrapped(WidgetContext& c, const std::string& text) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + c.width);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopTextWrapPos();
}

// matching: each item's label, and under it a button naming its target; Enter, Space or a click opens
// the list of targets, the arrows pick, Enter or a click takes one.
bool matching_widget(WidgetContext& c, const Question& q, const std::vector<std::string>& order,
                     std::vector<std::string>& answer) {
    bool changed = false;
    int n = 0;
    for (const std::string& item_id : order) {
        const Option* item = q.option(item_id);
        if (!item) continue;
        ++n;
        const Option* paired = nullptr;
        for (const std::string& entry : answer)
            if (auto pair = split_matching_pair(entry); pair && pair->first == item_id)
                paired = q.target(pair->second);
        ImGui::PushID(item_id.c_str());
        wrapped(c, fmt::format("{}. {}", n, item->label.plain()));
        ImGui::Indent(c.fonts.size);
        // A button that opens the list of targets (a popup): a button, so that it takes its place in the
        // player's Tab order like every other control.
        const std::string preview = paired ? paired->label.plain() : tr("quiz.pick_match");
        if (c.button(preview + "##" + item_id)) ImGui::OpenPopup("targets");
        if (ImGui::BeginPopup("targets")) {
            char letter = 'A';
            for (const Option& t : q.targets) {
                const std::string label = fmt::format("{}) {}", letter++, t.label.plain());
                if (ImGui::Selectable(label.c_str(), paired == &t)) {
                    std::erase_if(answer, [&](const std::string& e) {
                        auto pair = split_matching_pair(e);
                        return pair && pair->first == item_id;
                    });
                    answer.push_back(matching_pair(item_id, t.id));
                    changed = true;
                }
                if (paired == &t) ImGui::SetItemDefaultFocus();
            }
            ImGui::EndPopup();
        }
        ImGui::Unindent(c.fonts.size);
        ImGui::PopID();
    }
    return changed;
}

// ordering: the items as a numbered list, each with Move up and Move down buttons (Tab to them, Space or
// Enter moves); until the learner moves one, the shown order is no answer, and a button takes it as one.
bool ordering_widget(WidgetContext& c, const Question& q, const std::vector<std::string>& order,
                     std::vector<std::string>& answer) {
    std::vector<std::string> current = answer.empty() ? order : answer;
    std::erase_if(current, [&](const std::string& id) { return !q.option(id); });
    bool changed = false;
    for (std::size_t i = 0; i < current.size(); ++i) {
        const Option* item = q.option(current[i]);
        ImGui::PushID(current[i].c_str());
        const std::string text = fmt::format("{}. {}", i + 1, item->label.plain());
        wrapped(c, text);
        ImGui::Indent(c.fonts.size);
        ImGui::BeginDisabled(i == 0);
        if (c.button(tr("quiz.move_up") + "##" + current[i])) changed = move_item(current, i, -1) || changed;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(i + 1 == current.size());
        if (c.button(tr("quiz.move_down") + "##" + current[i])) changed = move_item(current, i, 1) || changed;
        ImGui::EndDisabled();
        ImGui::Unindent(c.fonts.size);
        ImGui::PopID();
        if (changed) break;  // the list changed under the loop: drawn again next frame
    }
    if (answer.empty() && !changed && c.button(tr("quiz.keep_order"))) changed = true;
    if (changed) answer = current;
    return changed;
}

// fill-in: each gap's words, and a text field for it.
bool fillin_widget(WidgetContext& c, const Question& q, const std::vector<std::string>&,
                   std::vector<std::string>& answer) {
    bool changed = false;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        const Option& gap = q.options[i];
        wrapped(c, gap.label.plain());
        const std::string committed = i < answer.size() ? answer[i] : std::string();
        std::string typed;
        if (text_field(c, q.id + "/" + gap.id, gap.label.plain(), "…", committed, typed)) {
            answer.resize(q.options.size());
            answer[i] = typed;
            if (std::all_of(answer.begin(), answer.end(), [](const std::string& a) { return a.empty(); }))
                answer.clear();
            changed = true;
        }
    }
    return changed;
}

// numeric: a text field; the number in the interface language's way ("3,5" in Danish).
bool numeric_widget(WidgetContext& c, const Question& q, const std::vector<std::string>&,
                    std::vector<std::string>& answer) {
    const std::string lang = ui_language();
    std::string committed;
    if (answer.size() == 1)
        if (auto v = answer_value(answer[0])) committed = learner_number(*v, lang);
    const std::string key = q.id + "/number";
    const std::string hint = tr("quiz.type_number", {{"answer", learner_number(3.5, lang)}});
    std::string typed;
    bool changed = false;
    // What was typed and is no number stays, with a word on what a number is.
    auto kept = c.drafts.find(key);
    const bool follow =
        kept == c.drafts.end() || kept->second.empty() || parse_learner_number(kept->second, lang);
    if (text_field(c, key, q.prompt.plain(), hint, committed, typed, follow)) {
        if (auto v = parse_learner_number(typed, lang)) {
            answer = {answer_number(*v)};
            changed = true;
        } else if (typed.empty() && !answer.empty()) {
            answer.clear();
            changed = true;
        }
    }
    // What was typed and is no number: say what is.
    auto draft = c.drafts.find(key);
    if (draft != c.drafts.end() && !draft->second.empty() && !parse_learner_number(draft->second, lang) &&
        !ImGui::IsItemActive()) {
        ImGui::PushStyleColor(ImGuiCol_Text, c.error_color);
        wrapped(c, hint);
        c.mark("number-hint##" + q.id);
        ImGui::PopStyleColor();
    }
    return changed;
}

std::vector<std::pair<std::string, QuestionWidget>>& widgets() {
    static std::vector<std::pair<std::string, QuestionWidget>> all{
        {"single", single_widget},     {"multiple", multiple_widget}, {"truefalse", single_widget},
        {"matching", matching_widget}, {"ordering", ordering_widget}, {"fillin", fillin_widget},
        {"numeric", numeric_widget},
    };
    return all;
}

}  // namespace

QuestionWidget question_widget(const Question& q) {
    for (const auto& [type, widget] : widgets())
        if (type == q.type) return widget;
    return single_widget;
}

void add_question_widget(std::string type, QuestionWidget widget) {
    for (auto& entry : widgets())
        if (entry.first == type) {
            entry.second = widget;
            return;
        }
    widgets().emplace_back(std::move(type), widget);
}

}  // namespace lektion::ui
