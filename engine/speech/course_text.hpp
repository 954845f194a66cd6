// What "Read aloud" reads, taken from the course model: the plain text of a
// section, a question with its options, feedback or an explanation, each
// piece with the language it is written in. A text the translation lacks is
// shown in the course's source language (Text::untranslated), and is read
// in that language, not the interface's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "course/model.hpp"

namespace lektion::speech {

struct Utterance {
    std::string key;   // the Text's id: what the window highlights while it is read
    std::string text;  // plain, as on screen
    std::string lang;  // BCP 47
};

// `shown` is the language the course was loaded in (load_course's `lang`).
std::string_view language_of(const Text& text, const Course& course, std::string_view shown);

void add_text(std::vector<Utterance>& out, const Text& text, const Course& course, std::string_view shown);
std::vector<Utterance> section_utterances(const Section& section, const Course& course,
                                          std::string_view shown);
// The prompt, then the options in `order` (option ids as shown; empty: as
// authored), then a matching question's targets.
std::vector<Utterance> question_utterances(const Question& question, const Course& course,
                                           std::string_view shown,
                                           const std::vector<std::string>& order = {});

}  // namespace lektion::speech
