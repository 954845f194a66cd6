// Numeric: a number, right within a tolerance (value="3.5" tolerance="0.1")
// or a range (min="3" max="4"). Authors write numbers with a full stop;
// learners type them in their own locale, parsed with ICU: "3,5" in Danish,
// "3.5" in English; grouping separators are refused ("1.000" would mean a
// thousand to some and one to others). The answer is the number in C form
// ("3.5"). xAPI: "numeric", its pattern "3.5" or a range "3.4[:]3.6".
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "questions/question_type.hpp"

namespace lektion {

std::unique_ptr<QuestionType> numeric_type();

// A number as a learner types it in `locale` (a BCP 47 tag); nullopt for
// anything else, a number with grouping separators included.
std::optional<double> parse_learner_number(std::string_view typed, std::string_view locale);
// A number as the answer keeps it: shortest round-trip, C locale ("3.5"); and back.
std::string answer_number(double value);
std::optional<double> answer_value(std::string_view answer);
// A number for the learner in `locale` ("3,5" in Danish).
std::string learner_number(double value, std::string_view locale);

}  // namespace lektion
