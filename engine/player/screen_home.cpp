// Course home: what the course is, the lessons with their progress, the
// final quiz with its state, and the way back to where the learner left off.
#include <fmt/format.h>

#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"
#include "session/status_words.hpp"

namespace lektion::ui {

void App::home_screen() {
    Session& s = *session_;
    const Palette& pal = palette(theme_);
    ImGui::BeginChild("home", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
    const float width = column_width();
    begin_column(width);
    ImGui::BeginGroup();
    draw_text(layouts(), fonts_, course_->title, width, fonts_.title, pal.heading, 1.25f);
    draw_text(layouts(), fonts_, course_->description, width, fonts_.italic, pal.muted);
    if (const std::string note = lektion::untranslated_note(*course_); !note.empty())
        draw_plain(layouts(), fonts_.italic, note, width, pal.accent);
    gap(0.5f);

    const Position resume = s.resume_position();
    if (const Lesson* l = s.lesson(resume.lesson)) {
        const std::string label = tr("home.continue", {{"lesson", l->title.plain()}});
        if (button(label, {width, 0})) {
            guard([&] { s.go_to(resume); });
            screen_ = Screen::lesson;
            screens_.lesson.scroll_to_top = true;
        }
    } else if (!course_->lessons.empty() && !s.lesson_complete(0)) {
        if (button(tr("home.start"), {width, 0})) {
            guard([&] { s.open_lesson(0); });
            screen_ = Screen::lesson;
        }
    }
    if (s.course_complete()) draw_plain(layouts(), fonts_.bold, tr("home.course_done"), width, pal.good);

    heading(Text{"", {{tr("home.lessons"), bold}}, false}, width, fonts_.heading);
    for (std::size_t i = 0; i < course_->lessons.size(); ++i) {
        const Lesson& l = course_->lessons[i];
        const int li = static_cast<int>(i);
        ImGui::PushID(li);
        const bool open = s.lesson_open(li);
        const bool done = s.lesson_complete(li);
        const std::string label = fmt::format("{}  {}", done ? "✓" : (open ? "→" : "·"), l.title.plain());
        if (button_if(open, label, {width * 0.72f, 0})) {
            guard([&] { s.open_lesson(li); });
            screen_ = Screen::lesson;
            screens_.lesson.scroll_to_top = true;
        }
        ImGui::SameLine();
        // The same words as the text player's list: "Completed", "40 %", "Locked".
        ImGui::ProgressBar(static_cast<float>(s.lesson_fraction(li)), {-1, 0}, lesson_status(s, li).c_str());
        ImGui::PopID();
    }

    if (course_->quiz) {
        heading(Text{"", {{tr("home.quiz"), bold}}, false}, width, fonts_.heading);
        draw_plain(layouts(), fonts_.regular, quiz_status(s), width, pal.text);
        const bool can_take = quiz_can_start(s);
        if (button_if(can_take, tr("home.quiz_take"), {width, 0})) {
            screen_ = Screen::quiz;
            screens_.quiz.page = s.current_attempt() ? QuizPage::question : QuizPage::intro;
        }
    }

    course_choice(width);

    for (const Section& sec : course_->start) {
        untranslated_note(sec, width);
        heading(sec.heading, width, fonts_.heading);
        blocks(sec.blocks, width);
    }
    if (!course_->outcomes.empty()) {
        heading(course_->outcomes_heading, width, fonts_.heading);
        for (const Text& t : course_->outcomes_intro) paragraph(t, width);
        for (const OutcomeGroup& g : course_->outcomes) {
            draw_text(layouts(), fonts_, g.title, width, fonts_.bold, pal.heading);
            Block list;
            list.kind = BlockKind::list;
            list.items = g.items;
            blocks({list}, width);
        }
    }
    if (!course_->keywords.empty()) {
        heading(course_->keywords_heading, width, fonts_.heading);
        std::string all;
        for (const Text& k : course_->keywords) all += (all.empty() ? "" : "\u00A0· ") + k.plain();
        draw_plain(layouts(), fonts_.regular, all, width, pal.text);
    }
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace lektion::ui
