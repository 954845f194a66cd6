// A learner's typed answer to a question: "2", "1 3", "1,3". What was typed
// is checked against the options shown, and a line that is no answer gets a
// message saying what is allowed instead of being silently asked again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lektion {

enum class ChoiceProblem {
    none,
    empty,              // nothing typed
    not_a_number,       // "b", "2x", "-1"
    out_of_range,       // "7" of four options
    several_for_single  // "1 3" where one answer is right
};

struct Choice {
    std::vector<int> numbers;  // 1-based, in the order typed, each once
    ChoiceProblem problem = ChoiceProblem::none;
};

// Numbers separated by spaces, tabs or commas, each from 1 to `options`.
Choice parse_choice(std::string_view line, int options, bool multiple);

// The prompt for a question: one answer or several.
std::string choice_prompt(bool multiple);
// What is allowed, for a line that was no answer: "Type one number from 1 to 4."
std::string choice_allowed(int options, bool multiple);

}  // namespace lektion
