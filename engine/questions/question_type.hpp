// A question type: everything about one kind of question in one class, found
// through the registry (registry.hpp). The loader, the session, the records'
// xAPI, the translation tools and both players ask the type; none of them
// switches on it. A new type is its module here, its two renderers
// (player/question_widgets.*, textplayer/question_prompts.*) and one line in
// each registry.
#pragma once

#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "course/model.hpp"
#include "xml/xml_file.hpp"

namespace lektion {

// A child element a type allows between <prompt> and <explanation>, and how often.
struct ChildSlot {
    std::string_view name;
    int max;
};
constexpr int many_children = 1 << 30;

// What a type reads its XML form with: the loader's own readers, so that
// ids, texts and messages (file:line:col) work alike for every type.
class QuestionReader {
public:
    virtual ~QuestionReader() = default;
    virtual const XmlFile& file() const = 0;
    virtual Text text(pugi::xml_node node) = 0;       // an element of text, with its id
    virtual std::string id(pugi::xml_node node) = 0;  // the id attribute, checked and registered
    virtual std::vector<pugi::xml_node> elements(pugi::xml_node node) = 0;  // stray text reported
    virtual void allow_attributes(pugi::xml_node node, std::initializer_list<std::string_view> names) = 0;
    virtual void order(pugi::xml_node node, std::initializer_list<ChildSlot> slots) = 0;
    virtual bool boolean(pugi::xml_node node, const char* name, bool fallback) = 0;
    virtual void unknown(pugi::xml_node node, pugi::xml_node parent) = 0;

    void error(pugi::xml_node node, const std::string& message) const { file().error(node, message); }
    void error(pugi::xml_attribute a, pugi::xml_node owner, const std::string& message) const {
        file().error(a, owner, message);
    }
};

// What the learner is told after answering.
struct Evaluation {
    bool correct = false;  // full credit
    double credit = 0.0;   // 0..1: all or nothing, or with partial credit the share of parts right
    std::vector<std::string> correct_options;  // choice types: the ids of the right options
    std::vector<const Text*> feedback;         // for each chosen option (or part) that has one
    const Text* explanation = nullptr;
    int parts = 0, parts_right = 0;  // types with parts: how many, and how many were right
};

// xAPI 1.0.3's interaction definition of a question (the cmi.interaction
// activity's definition), as the records keep it with each answer.
struct XapiComponent {
    std::string id;
    std::string description;
};
struct XapiInteraction {
    std::string type;                            // interactionType
    std::vector<std::string> correct_responses;  // correctResponsesPattern
    std::vector<XapiComponent> choices;          // choice, sequencing
    std::vector<XapiComponent> source, target;   // matching
    bool empty() const { return type.empty(); }
};

// The words translators see for a type's parts (the note of each unit).
struct UnitKinds {
    const char* option = "option";
    const char* target = "matching target";
    const char* accepted = "accepted answer";
};

class QuestionType {
public:
    virtual ~QuestionType() = default;
    virtual std::string_view name() const = 0;  // type="..." in the XML

    // --- its XML form --------------------------------------------------------
    // Attributes besides id, type and credit.
    virtual std::vector<std::string_view> attributes() const { return {}; }
    virtual bool has_parts() const { return false; }  // credit="partial" is allowed
    // The children between <prompt> and <explanation>, in their order.
    virtual std::vector<ChildSlot> children() const = 0;
    // Reads one of them into q; false for an element it does not know.
    virtual bool read_child(QuestionReader& r, pugi::xml_node child, Question& q) const = 0;
    // After the children: the type's attributes into q.settings, and its rules.
    virtual void check(QuestionReader& r, pugi::xml_node node, Question& q) const = 0;
    virtual UnitKinds unit_kinds() const { return {}; }

    // --- answering -------------------------------------------------------------
    // The answer is a list of strings whose meaning is the type's (option
    // ids; "source=target" pairs; items in order; one text a gap; a number).
    // An empty list is no answer.
    //
    // The parts in the order shown. `shuffle`: the quiz asks for a new order
    // per attempt (rng drives it); types may keep or always scramble theirs.
    virtual std::vector<std::string> order(const Question& q, bool shuffle, std::mt19937_64& rng) const;
    // Whether an answer has this type's shape (ids it names exist, and so on).
    virtual bool valid_answer(const Question& q, const std::vector<std::string>& answer) const = 0;
    virtual Evaluation evaluate(const Question& q, const std::vector<std::string>& answer) const = 0;
    // The answer in the learner's words ("A; C", "3.5"); empty for no answer.
    virtual std::string answer_words(const Question& q, const std::vector<std::string>& answer) const = 0;
    // The right answer in words.
    virtual std::string right_answer_words(const Question& q) const = 0;
    // An answer that earns full credit (for tests, fixtures and the records' examples).
    virtual std::vector<std::string> right_answer(const Question& q) const = 0;

    // --- xAPI ------------------------------------------------------------------
    virtual XapiInteraction xapi(const Question& q) const = 0;
    // result.response in the format xAPI 1.0.3 gives the interaction type.
    // From the answer alone: the records that export it know no course.
    virtual std::string xapi_response(const std::vector<std::string>& answer) const = 0;
};

// The end of scoring a type with parts, once `parts`, `parts_right` and the
// feedback are counted: the credit (the share with partial credit, else all or
// nothing), full credit, and the explanation.
Evaluation scored_by_parts(const Question& q, Evaluation ev);

}  // namespace lektion
