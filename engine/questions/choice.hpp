// The choice types: single (one right option), multiple (any number right)
// and truefalse (two options, one right, never shuffled). They share their
// XML form (<option correct="true"><label/><feedback/></option>), their
// scoring (every option picked or left as it should be) and xAPI's
// "choice" interaction; they differ in their rules and their order.
#pragma once

#include <memory>

#include "questions/question_type.hpp"

namespace lektion {

std::unique_ptr<QuestionType> single_choice_type();
std::unique_ptr<QuestionType> multiple_choice_type();
std::unique_ptr<QuestionType> true_false_type();

// The shared parts, for types built on options (matching and ordering read
// their items the same way).
Option read_option(QuestionReader& r, pugi::xml_node node, bool allow_correct);
// "A; C": the labels of the named options, in the order named.
std::string option_labels(const Question& q, const std::vector<std::string>& ids);
std::vector<XapiComponent> xapi_components(const std::vector<Option>& parts);
std::string xapi_list(const std::vector<std::string>& items, std::string_view separator = "[,]");

}  // namespace lektion
