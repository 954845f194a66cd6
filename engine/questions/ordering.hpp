// Ordering (xAPI "sequencing"): put 3 to 8 items in order. XML: the items,
// <item id><label/><feedback/></item>, in the right order. They are always
// shown scrambled (never in the right order); the answer is every item's id
// in the learner's order; with credit="partial" each item in its right place
// counts.
#pragma once

#include <memory>

#include "questions/question_type.hpp"

namespace lektion {

std::unique_ptr<QuestionType> ordering_type();

// `order` with the item at `index` moved by `by` places (-1 up, +1 down); false when it cannot move.
bool move_item(std::vector<std::string>& order, std::size_t index, int by);

}  // namespace lektion
