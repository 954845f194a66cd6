// The question types, found by name: ImHex's content registry without its
// machinery. The built-in types are added in registry.cpp, one line each;
// a test adds its own with add() before loading a course that uses it.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "questions/question_type.hpp"

namespace lektion {

class QuestionTypes {
public:
    static QuestionTypes& get();  // the built-in types, registered on first use

    void add(std::unique_ptr<QuestionType> type);  // replaces a type of the same name
    const QuestionType* find(std::string_view name) const;
    std::vector<std::string_view> names() const;  // in the order added

private:
    QuestionTypes();
    std::vector<std::unique_ptr<QuestionType>> types_;
};

// The type of a loaded question (the loader accepts no other); a question
// built by hand with an unknown type is an assertion, and answers as "single".
const QuestionType& question_type(const Question& q);

// The order a lesson's attention check shows a question's parts in: the
// authored order, unless the type scrambles it (ordering must), the same
// every time.
std::vector<std::string> check_order(const Question& q);

// The unit names of a question's type, or the defaults for a type not
// registered (load/visit.hpp names a translator's units with them).
UnitKinds question_unit_kinds(const Question& q);

}  // namespace lektion
