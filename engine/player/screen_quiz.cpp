// The final quiz: an introduction, one question a page, a review before
// submitting, and the result with every question explained.
#include <fmt/format.h>

#include "base/shuffle.hpp"
#include "l10n/strings.hpp"
#include "player/app.hpp"
#include "player/rich_text.hpp"
#include "questions/registry.hpp"
#include "session/status_words.hpp"

namespace lektion::ui {

void App::quiz_screen() {
    Session& s = *session_;
    if (!course_->quiz) {
        screen_ = Screen::home;
        return;
    }
    // No open attempt (submitted elsewhere, or set aside by a reload that left none of its
    // questions): its pages have nothing to show.
    if ((screens_.quiz.page == QuizPage::question || screens_.quiz.page == QuizPage::review) &&
        !s.current_attempt())
        screens_.quiz.page = QuizPage::intro;
    ImGui::BeginChild("quiz", {0, 0}, false, ImGuiWindowFlags_NavFlattened);
    const float width = column_width() - ImGui::GetStyle().ScrollbarSize;
    begin_column(width);
    ImGui::BeginGroup();
    const Quiz& quiz = *course_->quiz;
    const Palette& pal = palette(theme_);
    switch (screens_.quiz.page) {
        case QuizPage::intro:
            draw_text(layouts(), fonts_, quiz.title, width, fonts_.title, pal.heading, 1.3f);
            for (const Text& t : quiz.intro) paragraph(t, width);
            draw_plain(layouts(), fonts_.regular,
                       tr("quiz.intro", {{"count", std::int64_t(quiz.questions_per_attempt())},
                                         {"mark", percent(quiz.pass_mark / 100.0)}}),
                       width, pal.text);
            if (s.attempts_left() > 0)
                draw_plain(layouts(), fonts_.regular,
                           tr("quiz.attempts_left", {{"count", std::int64_t(s.attempts_left())}}), width,
                           pal.text);
            if (button(tr("quiz.start"), {width, 0})) {
                guard([&] {
                    if (s.start_quiz(fresh_seed()))
                        screens_.quiz.page = QuizPage::question, screens_.quiz.index = 0;
                });
            }
            break;
        case QuizPage::question: quiz_question(width); break;
        case QuizPage::review: quiz_review(width); break;
        case QuizPage::result: quiz_result(width); break;
    }
    ImGui::EndGroup();
    ImGui::EndChild();
}

void App::quiz_question(float width) {
    Session& s = *session_;
    const QuizAttempt* open = s.current_attempt();
    IM_ASSERT(open && "quiz_question: quiz_screen shows the intro when no attempt is open");
    if (!open || open->questions.empty()) return;
    const QuizAttempt& attempt = *open;
    const int total = static_cast<int>(attempt.questions.size());
    screens_.quiz.index =
        std::clamp(screens_.quiz.index, 0, total - 1);  // a reload may have taken questions out
    const std::string qid = attempt.questions[static_cast<std::size_t>(screens_.quiz.index)];
    const Question* found = s.quiz_question(qid);
    auto order = attempt.order.find(qid);
    // The session keeps neither a vanished question nor one without an order in an open attempt.
    if (!found || order == attempt.order.end()) return;
    const Question& q = *found;
    const Palette& pal = palette(theme_);

    draw_plain(layouts(), fonts_.bold,
               tr("quiz.question_of",
                  {{"current", std::int64_t(screens_.quiz.index + 1)}, {"total", std::int64_t(total)}}),
               width, pal.muted);
    ImGui::ProgressBar(static_cast<float>(screens_.quiz.index + 1) / static_cast<float>(total),
                       {width, fonts_.size * 0.4f}, "");
    gap(0.4f);
    draw_text(layouts(), fonts_, q.prompt, width, fonts_.heading, pal.text, 1.35f);
    read_aloud_question(q, order->second);
    auto it = attempt.answers.find(qid);
    std::vector<std::string> chosen =
        it != attempt.answers.end() ? it->second.chosen : std::vector<std::string>{};
    ImGui::PushID(qid.c_str());
    if (answer_widget(q, order->second, chosen, screens_.quiz.drafts))
        guard([&] { s.answer_quiz(qid, chosen); });
    ImGui::PopID();

    gap(1);
    if (screens_.quiz.index > 0 && button(tr("nav.previous"))) --screens_.quiz.index;
    if (screens_.quiz.index > 0) ImGui::SameLine();
    // Opened from the review (as in the text player): back to it from any question, not only the last.
    const bool last = screens_.quiz.index + 1 == total;
    if (!last && button(tr("nav.next"))) ++screens_.quiz.index;
    if (!last && screens_.quiz.from_review) ImGui::SameLine();
    if ((last || screens_.quiz.from_review) && button(tr("quiz.review")))
        screens_.quiz.page = QuizPage::review;
}

void App::quiz_review(float width) {
    Session& s = *session_;
    const QuizAttempt* open = s.current_attempt();
    IM_ASSERT(open && "quiz_review: quiz_screen shows the intro when no attempt is open");
    if (!open) return;
    const QuizAttempt& attempt = *open;
    const Palette& pal = palette(theme_);
    screens_.quiz.from_review = false;  // until a Change below
    draw_plain(layouts(), fonts_.title, tr("quiz.review_title"), width, pal.heading, 1.3f);
    int n = 0;
    for (const std::string& qid : attempt.questions) {
        const Question* found = s.quiz_question(qid);
        if (!found) continue;
        const Question& q = *found;
        ImGui::PushID(qid.c_str());  // keyed by the question, not by its place or the button's label
        draw_text(layouts(), fonts_,
                  Text{"", {{fmt::format("{}. {}", n + 1, q.prompt.plain()), bold}}, false}, width,
                  fonts_.bold, pal.text);
        auto it = attempt.answers.find(qid);
        const bool answered = it != attempt.answers.end() && !it->second.chosen.empty();
        draw_plain(
            layouts(), fonts_.regular,
            tr("quiz.your_answer",
               {{"answer", answer_words(q, answered ? it->second.chosen : std::vector<std::string>{})}}),
            width, answered ? pal.text : pal.bad);
        if (button(tr("quiz.edit") + "##" + qid))
            screens_.quiz.index = n, screens_.quiz.page = QuizPage::question,
            screens_.quiz.from_review = true;
        ImGui::PopID();
        ++n;
    }
    gap(0.5f);
    if (button(tr("quiz.submit"), {width, 0})) {
        guard([&] {
            if (s.submit_quiz()) screens_.quiz.page = QuizPage::result;
        });
    }
}

void App::quiz_result(float width) {
    Session& s = *session_;
    const Palette& pal = palette(theme_);
    const QuizAttempt* attempt = nullptr;
    for (const QuizAttempt& a : s.progress().attempts)
        if (a.score) attempt = &a;
    if (!attempt) {
        screens_.quiz.page = QuizPage::intro;
        return;
    }
    // The head and the list in the words and order the text player uses (session/status_words.hpp).
    const QuizResultHead head = quiz_result_head(s, *attempt->score);
    draw_plain(layouts(), fonts_.title, head.score, width, pal.heading, 1.3f);
    draw_plain(layouts(), fonts_.regular, head.counts, width, pal.text);
    draw_plain(layouts(), fonts_.bold, head.verdict, width, attempt->score->passed ? pal.good : pal.bad);
    if (!head.remaining.empty()) draw_plain(layouts(), fonts_.regular, head.remaining, width, pal.text);
    if (s.attempts_left() != 0 && button(tr("quiz.retry"), {width, 0})) {
        guard([&] {
            if (s.start_quiz(fresh_seed())) screens_.quiz.page = QuizPage::question, screens_.quiz.index = 0;
        });
        return;
    }
    if (button(tr("nav.back_home"), {width, 0})) screen_ = Screen::home;
    ImGui::Separator();
    for (const QuizResultItem& item : quiz_result_items(s, *attempt)) {
        const Question& q = *item.question;
        const Evaluation& ev = item.evaluation;
        const std::vector<std::string>& chosen = item.chosen;
        draw_text(layouts(), fonts_,
                  Text{"",
                       {{fmt::format("{} {}. {}", result_mark(ev), item.number, q.prompt.plain()), bold}},
                       false},
                  width, fonts_.bold,
                  ev.correct      ? pal.good
                  : ev.credit > 0 ? pal.muted
                                  : pal.bad);
        draw_plain(layouts(), fonts_.regular, tr("quiz.your_answer", {{"answer", answer_words(q, chosen)}}),
                   width, pal.text);
        if (!ev.correct) right_answer(q, ev, "quiz.correct_answer", width);
        if (ev.explanation) draw_text(layouts(), fonts_, *ev.explanation, width, fonts_.italic, pal.muted);
        read_aloud_answer(q, ev, false);
        gap(0.4f);
    }
}

void App::right_answer(const Question& q, const Evaluation& ev, const char* key, float width) {
    const Palette& pal = palette(theme_);
    if (ev.parts > 0 && ev.parts_right > 0)
        draw_plain(layouts(), fonts_.regular,
                   tr("quiz.parts_right",
                      {{"correct", std::int64_t(ev.parts_right)}, {"total", std::int64_t(ev.parts)}}),
                   width, pal.text);
    draw_plain(layouts(), fonts_.regular, tr(key, {{"answer", question_type(q).right_answer_words(q)}}),
               width, pal.text);
}

}  // namespace lektion::ui
