// How the text player asks each question type: the parts shown, the prompt,
// what a typed line means, and what to say when it means nothing. One small
// class a type, found by the type's name (question_prompts.cpp lists them).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "course/model.hpp"
#include "textplayer/writer.hpp"

namespace lektion {

class TextQuestion {
public:
    virtual ~TextQuestion() = default;
    virtual std::string_view type() const = 0;
    // Shows the question's parts in `order` (ids it no longer has are left
    // out); returns the ids as shown, which the learner's numbers refer to.
    virtual std::vector<std::string> show(Writer& out, const Question& q,
                                          const std::vector<std::string>& order) const;
    virtual std::string prompt(const Question& q) const = 0;
    // What may be typed, for a line that was no answer.
    virtual std::string allowed(const Question& q, const std::vector<std::string>& shown) const = 0;
    // The answer a line gives, or nullopt when it gives none.
    virtual std::optional<std::vector<std::string>> parse(const Question& q,
                                                          const std::vector<std::string>& shown,
                                                          std::string_view line) const = 0;
};

// The renderer for a question's type; a type with none is asked as a single choice.
const TextQuestion& text_question(const Question& q);
// For tests: a renderer for a type registered only there.
void add_text_question(std::unique_ptr<TextQuestion> renderer);

}  // namespace lektion
