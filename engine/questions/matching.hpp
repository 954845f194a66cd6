// Matching: pair each item with one of the targets, a choice per item (never
// by dragging alone). XML: <item id match="target id"><label/><feedback/></item>
// for each item, then <target id><label/></target>; more targets than items
// leave some over. The answer is "item=target" for each item paired; with
// credit="partial" each item right counts. xAPI: "matching", source and target.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "questions/question_type.hpp"

namespace lektion {

std::unique_ptr<QuestionType> matching_type();

// "item=target", and back; nullopt for anything else.
std::string matching_pair(std::string_view item, std::string_view target);
std::optional<std::pair<std::string, std::string>> split_matching_pair(std::string_view entry);

}  // namespace lektion
