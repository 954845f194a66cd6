// Learner choice: pick a name or add one. On a shared classroom PC each
// learner finds their own progress under their own name.
#include <algorithm>

#include "l10n/collate.hpp"
#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"

namespace lektion::ui {

namespace {

// In the order of the learner's language, not of the bytes.
std::vector<Learner> sorted(std::vector<Learner> learners) {
    std::vector<std::string> names;
    for (const Learner& l : learners) names.push_back(l.name);
    sort_names(names);
    std::vector<Learner> out;
    for (const std::string& n : names)
        for (Learner& l : learners)
            if (l.name == n && !l.name.empty()) out.push_back(l), l.name.clear();
    return out;
}

}  // namespace

void App::learners_screen() {
    const float width = std::min(column_width(), fonts_.size * 24);
    gap(2);
    begin_column(width);
    ImGui::BeginGroup();
    draw_text(layouts(), fonts_, course_->title, width, fonts_.title, palette(theme_).heading, 1.25f);
    gap(1);
    draw_plain(layouts(), fonts_.heading, tr("learners.title"), width, palette(theme_).text);
    if (gates_.pin_for || gates_.offer_for) {  // the names wait until the PIN is dealt with
        gap(0.5f);
        if (gates_.pin_for) pin_gate(width);
        else pin_offer(width);
        ImGui::EndGroup();
        return;
    }

    std::vector<Learner> learners = memory_learners_;
    if (store_) guard([&] { learners = store_->learners(); });
    learners = sorted(std::move(learners));
    if (!learners.empty()) {
        ImGui::TextUnformatted(tr("learners.pick").c_str());
        for (const Learner& l : learners)
            if (button(l.name, {width, 0})) guard([&] { open_learner(l, false); });
        gap(0.5f);
    }
    ImGui::TextUnformatted(tr("learners.new").c_str());
    ImGui::SetNextItemWidth(width);
    if (ImGui::IsWindowAppearing() || (learners.empty() && !ImGui::IsAnyItemActive()))
        ImGui::SetKeyboardFocusHere();
    const bool entered =
        ImGui::InputText("##name", screens_.learners.new_name, sizeof screens_.learners.new_name,
                         ImGuiInputTextFlags_EnterReturnsTrue);
    remember("##name");
    if (button(tr("learners.create"), {width, 0}) || entered) {
        std::string name = screens_.learners.new_name;
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (name.empty()) {
            error_ = tr("learners.empty");
        } else if (store_) {
            guard([&] {
                // A name typed is no way around its PIN either.
                const bool created = !store_->find_learner(name);
                open_learner(store_->find_or_create_learner(name, options_.language), created);
            });
        } else {
            auto same = std::find_if(memory_learners_.begin(), memory_learners_.end(),
                                     [&](const Learner& l) { return l.name == name; });
            if (same == memory_learners_.end())
                memory_learners_.push_back({0, name, options_.language, {}, 0}),
                    same = memory_learners_.end() - 1;
            pick_learner(*same);
        }
        if (session_ || gates_.pin_for || gates_.offer_for) screens_.learners.new_name[0] = 0;
    }
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", error_.c_str());
    gap(1.5f);
    if (button(tr("trainer.report"))) {
        gates_.report_open = false;  // asked for at every opening
        gates_.reset();
        screen_ = Screen::trainer;
    }
    ImGui::EndGroup();
}

}  // namespace lektion::ui
