// The words both players use for where a learner stands: a lesson's state
// and the final quiz's. One place, so that the window's home, the text
// player's list and what either says when the quiz is chosen always agree.
#pragma once

#include <string>
#include <vector>

#include "course/model.hpp"
#include "session/session.hpp"

namespace lektion {

// "Completed", "40 %" or "Locked". `lesson` is an index of the course's lessons.
std::string lesson_status(const Session& s, int lesson);

// "Locked until every lesson is complete", "Ready – pass with at least 70 %",
// "In progress", "Passed – best score 90 %", "Not passed – no attempts left (best 40 %)".
// The course must have a quiz.
std::string quiz_status(const Session& s);

// Whether a new attempt may start now (or the open one go on).
bool quiz_can_start(const Session& s);

// An answer in words, as its question type gives them ("A; C", "3.5"), or
// "Not answered": how both players name an answer. Ids the question no longer
// has are left out.
std::string answer_words(const Question& q, const std::vector<std::string>& answer);

// "✓" for full credit, "◐" for partial credit, "✗" for none: how both players mark a result.
const char* result_mark(const Evaluation& ev);

// "3 of 4 answers correct", with fractions where partial credit gave them ("2.5 of 4").
std::string score_words(const Score& score);

// True when some text of the section is shown in the source language for want
// of a translation: its heading, or any text of its blocks, callouts and lists included.
bool any_untranslated(const Section& section);
bool any_untranslated(const std::vector<Block>& blocks);
// The note both players show above such a text ("Not yet translated: shown in
// the original language."), or empty when all of it is translated: for a
// section, any_untranslated(); for the course's home, its title or description.
std::string untranslated_note(const Section& section);
std::string untranslated_note(const Course& course);

// A callout's kind in words ("Example", "Data", "Case", "Note"), and its
// label: the kind, then its title when it has one ("Example: Hanne's plan").
std::string callout_kind_words(CalloutKind kind);
std::string callout_label(const Block& callout);

// The head of the quiz's result page, line by line, as both players show it.
struct QuizResultHead {
    std::string score;      // "Your score: 80 %"
    std::string counts;     // score_words()
    std::string verdict;    // passed or not, with the pass mark
    std::string remaining;  // the attempts left, or why there are none; empty when neither applies
};
QuizResultHead quiz_result_head(const Session& s, const Score& score);

// Each question of a submitted attempt that the quiz still has, in the
// attempt's order, numbered from 1, with what was chosen and how it counts:
// the list under the result's head in both players.
struct QuizResultItem {
    const Question* question = nullptr;
    int number = 0;
    std::vector<std::string> chosen;
    Evaluation evaluation;
};
std::vector<QuizResultItem> quiz_result_items(const Session& s, const QuizAttempt& attempt);

}  // namespace lektion
