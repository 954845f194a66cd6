// The trainer's overview: who completed which lesson, quiz scores, and how
// often each question was answered right the first time. The data comes
// from the records (make_report); this only draws it.
#include <fmt/format.h>

#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"
#include "records/report.hpp"

namespace lektion::ui {

namespace {

std::string score_text(const std::optional<Score>& s) { return s ? percent(s->scaled) : "–"; }

}  // namespace

void App::trainer_screen() {
    const Palette& pal = palette(theme_);
    if (button(tr("nav.back_home"))) screen_ = session_ ? Screen::home : Screen::learners;
    ImGui::BeginChild("trainer", {0, 0}, false,
                      ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_HorizontalScrollbar);
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    draw_plain(fonts_.title, tr("trainer.report"), width, pal.heading, 1.3f);
    draw_text(fonts_, course_->title, width, fonts_.bold, pal.muted);
    if (!store_) {
        ImGui::EndChild();
        return;
    }
    Report report;
    guard([&] { report = make_report(*store_, *course_); });
    if (report.learners.empty()) draw_plain(fonts_.italic, tr("trainer.none"), width, pal.muted);

    const int columns = 3 + static_cast<int>(report.lesson_ids.size());
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!report.learners.empty() && ImGui::BeginTable("matrix", columns, flags)) {
        ImGui::TableSetupColumn(tr("trainer.learner").c_str());
        for (std::size_t i = 0; i < report.lesson_ids.size(); ++i)
            ImGui::TableSetupColumn(fmt::format("{}", i + 1).c_str());
        ImGui::TableSetupColumn(tr("trainer.quiz").c_str());
        ImGui::TableSetupColumn(tr("trainer.attempts").c_str());
        ImGui::TableHeadersRow();
        for (const LearnerReport& l : report.learners) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(l.learner.name.c_str());
            for (const LessonStatus& s : l.lessons) {
                ImGui::TableNextColumn();
                if (s.state == LessonState::complete)
                    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pal.good), "✓");
                else if (s.state == LessonState::in_progress)
                    ImGui::TextUnformatted(percent(s.fraction).c_str());
                else ImGui::TextDisabled("·");
            }
            ImGui::TableNextColumn();
            ImGui::Text("%s / %s", score_text(l.best).c_str(), score_text(l.last).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", l.attempts);
        }
        ImGui::EndTable();
    }
    for (std::size_t i = 0; i < report.lesson_titles.size(); ++i)
        ImGui::TextDisabled("%zu  %s", i + 1, report.lesson_titles[i].c_str());

    if (!report.quiz.empty() || !report.checks.empty()) {
        ImGui::Dummy({0, fonts_.size * 0.5f});
        draw_plain(fonts_.heading, tr("trainer.questions"), width, pal.heading);
        if (ImGui::BeginTable("questions", 3, flags)) {
            for (const auto* list : {&report.checks, &report.quiz})
                for (const QuestionReport& q : *list) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::ProgressBar(static_cast<float>(q.share()), {fonts_.size * 6, 0},
                                       q.answered ? percent(q.share()).c_str() : "–");
                    ImGui::TableNextColumn();
                    ImGui::Text("%d/%d", q.correct, q.answered);
                    ImGui::TableNextColumn();
                    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + fonts_.size * 30);
                    ImGui::TextWrapped("%s", q.text.c_str());
                    ImGui::PopTextWrapPos();
                }
            ImGui::EndTable();
        }
    }
    ImGui::EndChild();
}

}  // namespace lektion::ui
