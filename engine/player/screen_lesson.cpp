// The lesson reader: the table of contents beside one section at a time,
// and the attention check that closes the lesson.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/question_widgets.hpp"
#include "player/rich_text.hpp"
#include "questions/registry.hpp"
#include "session/status_words.hpp"

namespace lektion::ui {

void App::blocks(const std::vector<Block>& list, float width) {
    const Palette& pal = palette(theme_);
    for (const Block& b : list) {
        switch (b.kind) {
            case BlockKind::paragraph: paragraph(b.text, width); break;
            case BlockKind::subheading: heading(b.text, width, fonts_.bold); break;
            case BlockKind::quote: {
                const float indent = fonts_.size * 1.5f;
                ImGui::Indent(indent);
                draw_text(layouts(), fonts_, b.text, width - indent, fonts_.italic, pal.muted);
                ImGui::Unindent(indent);
                gap(0.35f);
                break;
            }
            case BlockKind::list: {
                const float indent = fonts_.size * 1.6f;
                int n = 0;
                for (const Text& item : b.items) {
                    const std::string marker =
                        b.list_kind == ListKind::numbered ? fmt::format("{}.", ++n) : "•";
                    const ImVec2 at = ImGui::GetCursorScreenPos();
                    ImGui::GetWindowDrawList()->AddText(fonts_.regular, fonts_.size,
                                                        {at.x + indent * 0.25f, at.y + fonts_.size * 0.25f},
                                                        pal.accent, marker.c_str());
                    ImGui::Indent(indent);
                    draw_text(layouts(), fonts_, item, width - indent, nullptr, pal.text);
                    ImGui::Unindent(indent);
                    gap(0.15f);
                }
                gap(0.25f);
                break;
            }
            case BlockKind::callout: callout(b, width); break;
            case BlockKind::figure: figure(b, width); break;
        }
    }
}

void App::figure(const Block& b, float width) {
    const Palette& pal = palette(theme_);
    const FigureTexture* texture =
        textures_ && !b.src.empty() ? &textures_->get(std::filesystem::path(course_->dir) / b.src) : nullptr;
    if (!texture || !texture->id) {
        // No picture to show (no graphics context, or the file changed since
        // lint read it): its alt text, so that no learner misses what it says.
        draw_plain(layouts(), fonts_.italic, tr("figure.missing", {{"alt", b.alt.plain()}}), width,
                   pal.muted);
        if (b.caption) draw_text(layouts(), fonts_, *b.caption, width, fonts_.italic, pal.muted);
        gap(0.35f);
        return;
    }
    // The monitor's content scale: the fonts are built at the text size times it.
    const float scale = text_size_ > 0 ? fonts_.size / text_size_ : 1.0f;
    const ImVec2 size =
        fit_figure(texture->width, texture->height, width, ImGui::GetWindowHeight() * 0.8f, scale);
    gap(0.2f);
    // On whole pixels: an image between two pixels is resampled, and blurs.
    ImVec2 at = ImGui::GetCursorScreenPos();
    at = {std::round(at.x), std::round(at.y)};
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(size);
    const ImVec2 end{at.x + size.x, at.y + size.y};
    if (ImGui::IsItemVisible()) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        // Paper under it: a transparent diagram is drawn for a white page, in every theme.
        draw->AddRectFilled(at, end, IM_COL32(255, 255, 255, 255));
        draw->AddImage(texture->id, at, end);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", b.alt.plain().c_str());
    // Found by tests like a widget, but not one: Tab passes it by.
    widgets_["figure:" + b.src] = {at, end, 0};
    gap(0.2f);
    if (b.caption) draw_text(layouts(), fonts_, *b.caption, width, fonts_.italic, pal.muted, 1.35f);
    gap(0.35f);
}

void App::callout(const Block& b, float width) {
    const Palette& pal = palette(theme_);
    const ImU32 bg = b.callout_kind == CalloutKind::example      ? pal.example_bg
                     : b.callout_kind == CalloutKind::data       ? pal.data_bg
                     : b.callout_kind == CalloutKind::case_study ? pal.case_bg
                                                                 : pal.note_bg;
    const float pad = fonts_.size * 0.9f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Draw the content on a channel above the box, then the box under it once its height is known.
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Dummy({0, pad * 0.6f});
    ImGui::Indent(pad);
    const std::string label = callout_label(b);  // as the text player labels it
    draw_plain(layouts(), fonts_.bold, label, width - 2 * pad, pal.heading);
    blocks(b.children, width - 2 * pad);
    ImGui::Unindent(pad);
    const ImVec2 bottom = ImGui::GetCursorScreenPos();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(top, {top.x + width, bottom.y}, bg, fonts_.size * 0.4f);
    draw->AddRectFilled(top, {top.x + fonts_.size * 0.25f, bottom.y}, pal.accent);
    draw->AddRect(top, {top.x + width, bottom.y}, pal.box_border, fonts_.size * 0.4f);
    draw->ChannelsMerge();
    gap(0.6f);
}

void App::lesson_screen() {
    Session& s = *session_;
    const Position pos = s.position();
    const Lesson* found = s.lesson(pos.lesson);
    if (!found) {
        screen_ = Screen::home;
        return;
    }
    const Lesson& lesson = *found;
    const Palette& pal = palette(theme_);
    const float footer = ImGui::GetFrameHeightWithSpacing() * 1.6f;

    // Table of contents.
    const float toc_width = std::min(fonts_.size * 17, ImGui::GetContentRegionAvail().x * 0.3f);
    ImGui::BeginChild("toc", {toc_width, -footer}, true, ImGuiWindowFlags_NavFlattened);
    draw_text(layouts(), fonts_, lesson.title, toc_width - ImGui::GetStyle().WindowPadding.x * 2, fonts_.bold,
              pal.heading, 1.3f);
    ImGui::Separator();
    // Entries wrap inside the column, however long the heading: a learner reads
    // where they may go, not the first words of it.
    const float inner = toc_width - ImGui::GetStyle().WindowPadding.x * 2 - ImGui::GetStyle().ScrollbarSize;
    const float gutter = fonts_.size * 1.2f;
    constexpr float spacing = 1.25f;
    const Text check_title{"", {{tr("lesson.check"), plain}}, false};
    for (int page = 0; page < s.page_count(pos.lesson); ++page) {
        // Looked up for each entry: a click on the one before may have changed the progress.
        const LessonProgress* lp = s.progress().lesson(lesson.id);
        const Section* sec = s.section({pos.lesson, page});
        const bool viewed = sec ? (lp && lp->viewed.count(sec->id))
                                : (lp && lesson.checks.size() && lp->checks.count(lesson.checks[0].id));
        const Text& title = sec ? sec->heading : check_title;
        const Layout layout = layouts().get(fonts_, title, inner - gutter, fonts_.size * spacing);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushID(page);
        const bool clicked = ImGui::Selectable("##toc", page == pos.page, 0, {0, layout.size.y});
        ImGui::PopID();
        remember(fmt::format("{} {}##toc{}", viewed ? "✓" : " ", title.plain(), page));
        if (viewed)
            ImGui::GetWindowDrawList()->AddText(
                fonts_.regular, fonts_.size, {at.x, at.y + fonts_.size * (spacing - 1) / 2}, pal.good, "✓");
        paint_layout(layout, {at.x + gutter, at.y}, fonts_.size, spacing, pal.text);
        if (clicked) {
            guard([&] { s.go_to({pos.lesson, page}); });
            screens_.lesson.scroll_to_top = true;
        }
    }
    // Found by tests like a widget, but not one: the column the entries must stay in.
    widgets_["toc"] = {ImGui::GetWindowPos(),
                       {ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                        ImGui::GetWindowPos().y + ImGui::GetWindowSize().y},
                       0};
    ImGui::EndChild();
    ImGui::SameLine();

    // The page.
    ImGui::BeginChild("page", {0, -footer}, false, ImGuiWindowFlags_NavFlattened);
    if (screens_.lesson.scroll_to_top) ImGui::SetScrollY(0), screens_.lesson.scroll_to_top = false;
    const float width = column_width() - ImGui::GetStyle().ScrollbarSize;
    begin_column(width);
    ImGui::BeginGroup();
    if (const Section* sec = s.section(pos)) {
        untranslated_note(*sec, width);
        read_aloud_section(*sec);
        heading(sec->heading, width, fonts_.title);
        blocks(sec->blocks, width);
    } else {
        check_page(lesson, width);
    }
    ImGui::EndGroup();
    ImGui::EndChild();

    // Footer: progress and the way on.
    ImGui::Separator();
    if (button(tr("nav.previous"))) {
        guard([&] { s.previous(); });
        screens_.lesson.scroll_to_top = true;
        if (s.position().lesson < 0) screen_ = Screen::home;
    }
    ImGui::SameLine();
    const float next_w = ImGui::CalcTextSize(tr("nav.next").c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    const double fraction = s.lesson_fraction(pos.lesson);
    ImGui::ProgressBar(static_cast<float>(fraction),
                       {ImGui::GetContentRegionAvail().x - next_w - ImGui::GetStyle().ItemSpacing.x, 0},
                       percent(fraction).c_str());
    ImGui::SameLine();
    const bool at_end = s.is_check_page(pos) || pos.page + 1 == s.page_count(pos.lesson);
    const bool can = s.can_advance();
    if (button_if(can, tr("nav.next"))) {
        Position before = s.position();
        guard([&] { s.next(); });
        screens_.lesson.scroll_to_top = true;
        // At the end of the last open lesson, Next leads home.
        if (at_end && s.position() == before) {
            guard([&] { s.go_home(); });
            screen_ = Screen::home;
        }
    }
}

bool App::answer_widget(const Question& q, const std::vector<std::string>& order,
                        std::vector<std::string>& answer, std::map<std::string, std::string>& drafts) {
    WidgetContext c{fonts_,
                    column_width() - fonts_.size * 2.5f,
                    [this](const std::string& label) { remember(label); },
                    [this](const std::string& label) { return button(label); },
                    [this](const std::string& label) { mark(label); },
                    drafts,
                    palette(theme_).bad};
    return question_widget(q)(c, q, order, answer);
}

void App::check_page(const Lesson& lesson, float width) {
    Session& s = *session_;
    const Palette& pal = palette(theme_);
    draw_plain(layouts(), fonts_.title, tr("lesson.check"), width, pal.heading, 1.3f);
    for (const Question& q : lesson.checks) {
        ImGui::PushID(q.id.c_str());
        draw_text(layouts(), fonts_, q.prompt, width, fonts_.bold, pal.text);
        read_aloud_question(q, check_order(q));
        const Answer* recorded = s.check_answer(q.id);
        std::vector<std::string>& chosen = screens_.lesson.chosen[q.id];
        if (recorded && chosen.empty()) chosen = recorded->chosen;
        // An answer a reload made meaningless (options taken away, or recorded against an older
        // version) starts again.
        if (!question_type(q).valid_answer(q, chosen)) chosen.clear();
        auto shown = screens_.lesson.evaluations.find(q.id);
        if (answer_widget(q, check_order(q), chosen, screens_.lesson.drafts) &&
            shown != screens_.lesson.evaluations.end())
            screens_.lesson.evaluations.erase(shown), shown = screens_.lesson.evaluations.end();
        // A key of its own a question: a lesson may check several.
        if (button_if(!chosen.empty(), tr("lesson.answer") + "##" + q.id)) {
            guard([&] { screens_.lesson.evaluations[q.id] = s.answer_check(q.id, chosen); });
            shown = screens_.lesson.evaluations.find(q.id);
        }
        recorded = s.check_answer(q.id);  // answering replaced the progress it pointed into
        if (shown == screens_.lesson.evaluations.end() && recorded) {
            screens_.lesson.evaluations[q.id] = s.evaluate(q, recorded->chosen);
            shown = screens_.lesson.evaluations.find(q.id);
        }
        if (shown != screens_.lesson.evaluations.end()) {
            const Evaluation& ev = shown->second;
            draw_plain(layouts(), fonts_.bold, ev.correct ? tr("lesson.correct") : tr("lesson.wrong"), width,
                       ev.correct ? pal.good : pal.bad);
            for (const Text* fb : ev.feedback) paragraph(*fb, width);
            if (!ev.correct) right_answer(q, ev, "lesson.right_answer", width);
            if (ev.explanation)
                draw_text(layouts(), fonts_, *ev.explanation, width, fonts_.italic, pal.muted);
            read_aloud_answer(q, ev, true);
        }
        ImGui::PopID();
    }
    if (!s.can_advance()) draw_plain(layouts(), fonts_.italic, tr("lesson.answer_first"), width, pal.muted);
    else if (s.lesson_complete(s.position().lesson))
        draw_plain(layouts(), fonts_.bold, tr("lesson.complete"), width, pal.good);
}

}  // namespace lektion::ui
