// The course model: what a loaded course is, immutable once built.
//
// Every piece of text a learner reads is a Text with a stable id, so that
// translations and learner records can refer to it in any language.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lektion {

// Emphasis flags of a span; bold and italic combine.
enum Emphasis : std::uint8_t { plain = 0, bold = 1, italic = 2 };

struct Span {
    std::string text;  // UTF-8, NFC, whitespace collapsed
    std::uint8_t emphasis = plain;
};

struct Text {
    std::string id;
    std::vector<Span> spans;
    bool untranslated = false;  // shown in the source language for want of a translation

    std::string plain() const;  // the spans joined, without emphasis
    bool empty() const;
};

enum class BlockKind { paragraph, subheading, quote, list, callout, figure };
enum class ListKind { bullet, numbered };
enum class CalloutKind { example, data, case_study, note };

// One block of a section. A flat struct rather than a variant: each kind
// uses the fields named for it and leaves the others empty.
struct Block {
    BlockKind kind = BlockKind::paragraph;
    Text text;  // paragraph, subheading, quote

    ListKind list_kind = ListKind::bullet;  // list
    std::vector<Text> items;

    CalloutKind callout_kind = CalloutKind::note;  // callout
    std::optional<Text> title;
    std::vector<Block> children;

    std::string src;  // figure: path relative to the course folder
    Text alt;
    std::optional<Text> caption;
};

struct Section {
    std::string id;
    Text heading;
    std::vector<Block> blocks;
};

// A part of a question. Which fields a part uses, and what it means, is its
// question type's business (engine/questions/): a choice, an item to match
// or to put in order, a gap to fill.
struct Option {
    std::string id;
    Text label;
    std::optional<Text> feedback;
    bool correct = false;
    std::string match;           // matching: the id of the target this item pairs with
    std::vector<Text> accepted;  // fill-in: the answers a gap accepts, each an alternative
};

struct Question {
    std::string id;
    std::string type = "single";  // its name in the question-type registry (questions/registry.hpp)
    Text prompt;
    std::vector<Option> options;  // the parts, in the order authored
    std::vector<Option> targets;  // matching: the right-hand column
    // The type's own attributes as authored, checked by the type at load.
    std::map<std::string, std::string, std::less<>> settings;
    bool partial_credit = false;  // credit="partial": each part counts, else all or nothing
    std::optional<Text> explanation;

    const Option* option(std::string_view option_id) const;
    const Option* target(std::string_view target_id) const;
    std::string_view setting(std::string_view name) const;  // "" when not set
};

struct Lesson {
    std::string id;
    std::string file;  // relative to the course folder
    Text title;
    std::vector<Section> sections;
    std::vector<Question> checks;  // the attention check that closes the lesson
};

struct Quiz {
    std::string id;
    std::string file;
    Text title;
    std::vector<Text> intro;
    std::vector<Question> questions;  // the pool
    int pass_mark = 70;               // percent
    int attempts = 0;                 // 0: unlimited
    bool shuffle = true;              // options, per attempt
    int draw = 0;                     // questions per attempt; 0: all

    int questions_per_attempt() const;
};

struct OutcomeGroup {
    std::string id;
    Text title;
    std::vector<Text> items;
};

struct Course {
    std::string id;
    std::string version;
    std::string lang;                // source language (BCP 47)
    std::string dir;                 // folder the course was loaded from
    bool ordered = false;            // lessons open one after the other
    bool quiz_after_lessons = true;  // quiz locked until every lesson is complete

    Text title;
    Text description;
    std::vector<Section> start;  // the start page
    Text outcomes_heading;
    std::vector<Text> outcomes_intro;
    std::vector<OutcomeGroup> outcomes;
    Text keywords_heading;
    std::vector<Text> keywords;
    std::vector<Text> credits;
    std::vector<Text> disclaimer;
    std::vector<Lesson> lessons;
    std::optional<Quiz> quiz;

    int lesson_index(std::string_view lesson_id) const;  // -1 when absent
    const Question* question(std::string_view question_id) const;
};

using CoursePtr = std::shared_ptr<const Course>;

}  // namespace lektion
