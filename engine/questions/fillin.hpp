// Fill-in: one or more gaps, each accepting a list of answers. XML:
// <gap id><label/> (the words before the gap) <accept id/>... <feedback/></gap>.
// Comparison ignores case, and with accents="ignore" accents too, through
// ICU's root collator (secondary or primary strength); spaces around and
// between words do not count. The answer is one text a gap, in order; with
// credit="partial" each gap right counts. xAPI: "fill-in".
#pragma once

#include <memory>
#include <string_view>

#include "questions/question_type.hpp"

namespace lektion {

std::unique_ptr<QuestionType> fillin_type();

// Whether what was typed is one of the accepted answers, as the gap compares.
bool same_answer(std::string_view typed, std::string_view accepted, bool ignore_accents);

}  // namespace lektion
