// A question's xAPI interaction definition and type as the records keep them
// with each answer (the records know no course: an export builds its xAPI
// statements from what the answer event carried).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "questions/question_type.hpp"

namespace lektion {

// {"type": ..., "correct": [...], "choices"|"source"|"target": [[id, description], ...]}
nlohmann::json interaction_json(const XapiInteraction& x);
// Reads what interaction_json() wrote; false (and `x` untouched) for anything else.
bool interaction_from_json(const nlohmann::json& j, XapiInteraction& x);

// The type an answer recorded before schema 5 has: those were all choice questions.
constexpr const char* legacy_question_type = "choice";

// result.response for an answer, in the format xAPI gives its type.
std::string xapi_response(const std::string& question_type, const std::vector<std::string>& answer);

}  // namespace lektion
