// The trainer's overview: who completed which lesson, quiz scores, and how
// often each question was answered right the first time. The data comes
// from the records (make_report); this only draws it.
#include <fmt/format.h>

#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"
#include "records/printable.hpp"
#include "records/report.hpp"

namespace lektion::ui {

namespace {

std::string score_text(const std::optional<Score>& s) { return s ? percent(s->scaled) : "–"; }

// Once records from other PCs were merged in: which PCs a learner's work came
// from, each by the name it gave itself and the start of its id (two PCs may
// share a name). Names come from other machines' files: printable() only.
bool merged(const Report& r) {
    for (const LearnerReport& l : r.learners)
        for (const std::string& d : l.devices)
            if (d != r.this_device) return true;
    return false;
}

std::string devices_text(const Report& r, const LearnerReport& l) {
    std::string out;
    for (const std::string& d : l.devices) {
        const auto name = r.device_names.find(d);
        const std::string id = printable(d.substr(0, 8));
        const std::string label = d == r.this_device ? tr("trainer.this_pc")
                                  : name != r.device_names.end() && !name->second.empty()
                                      ? fmt::format("{} ({})", printable(name->second), id)
                                      : id;
        out += (out.empty() ? "" : ", ") + label;
    }
    return out;
}

}  // namespace

void App::trainer_screen() {
    const Palette& pal = palette(theme_);
    if (button_if(!gates_.busy(), tr("nav.back_home"))) {  // the worker has the store until it answers
        // Leaving locks the report: the next opening asks again.
        gates_.report_open = false;
        gates_.reset();
        screen_ = session_ ? Screen::home : Screen::learners;
    }
    if (store_ && !gates_.report_open) {
        const float width = std::min(column_width(), fonts_.size * 24);
        gap(1);
        begin_column(width);
        ImGui::BeginGroup();
        passphrase_gate(width);
        ImGui::EndGroup();
        return;
    }
    ImGui::BeginChild("trainer", {0, 0}, false,
                      ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_HorizontalScrollbar);
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    draw_plain(layouts(), fonts_.title, tr("trainer.report"), width, pal.heading, 1.3f);
    draw_text(layouts(), fonts_, course_->title, width, fonts_.bold, pal.muted);
    if (!store_) {
        ImGui::EndChild();
        return;
    }
    Report report;
    guard([&] { report = make_report(*store_, *course_); });
    if (report.learners.empty()) draw_plain(layouts(), fonts_.italic, tr("trainer.none"), width, pal.muted);

    const bool by_pc = merged(report);
    const int columns = 3 + static_cast<int>(report.lesson_ids.size()) + (by_pc ? 1 : 0);
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!report.learners.empty() && ImGui::BeginTable("matrix", columns, flags)) {
        ImGui::TableSetupColumn(tr("trainer.learner").c_str());
        for (std::size_t i = 0; i < report.lesson_ids.size(); ++i)
            ImGui::TableSetupColumn(fmt::format("{}", i + 1).c_str());
        ImGui::TableSetupColumn(tr("trainer.quiz").c_str());
        ImGui::TableSetupColumn(tr("trainer.attempts").c_str());
        if (by_pc) ImGui::TableSetupColumn(tr("trainer.pc").c_str());
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
            if (by_pc) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(devices_text(report, l).c_str());
            }
        }
        ImGui::EndTable();
    }
    for (std::size_t i = 0; i < report.lesson_titles.size(); ++i)
        ImGui::TextDisabled("%zu  %s", i + 1, report.lesson_titles[i].c_str());

    if (!report.quiz.empty() || !report.checks.empty()) {
        gap(0.5f);
        draw_plain(layouts(), fonts_.heading, tr("trainer.questions"), width, pal.heading);
        if (ImGui::BeginTable("questions", 3, flags)) {
            for (const auto* list : {&report.checks, &report.quiz})
                for (const QuestionReport& q : *list) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::ProgressBar(static_cast<float>(q.share()), {fonts_.size * 6, 0},
                                       q.answered ? percent(q.share()).c_str() : "–");
                    ImGui::TableNextColumn();
                    const std::string right =
                        tr("trainer.right_of",
                           {{"correct", std::int64_t{q.correct}}, {"answered", std::int64_t{q.answered}}});
                    draw_plain(layouts(), fonts_.regular, right,
                               ImGui::CalcTextSize(right.c_str()).x + fonts_.size);
                    // Partial credit: a first answer with some parts right is neither right nor wrong.
                    if (q.partly > 0) {
                        const std::string partly = tr("trainer.partly", {{"partly", std::int64_t{q.partly}}});
                        draw_plain(layouts(), fonts_.regular, partly,
                                   ImGui::CalcTextSize(partly.c_str()).x + fonts_.size, pal.muted);
                    }
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
