#include "exchange/skeleton.hpp"

#include <array>

#include <fmt/format.h>

#include "xliff/escape.hpp"

namespace lektion {

namespace {

constexpr std::string_view new_lesson = "lektion new lesson";
constexpr std::string_view new_course = "lektion new course";

// In the order the lesson skeleton uses them.
constexpr std::string_view section_heading = "Section heading";
constexpr std::string_view paragraph = "First paragraph of the section.";
constexpr std::string_view prompt = "A question on the lesson?";
constexpr std::string_view right_label = "The right answer";
constexpr std::string_view right_feedback = "Why it is right.";
constexpr std::string_view wrong_label = "A wrong answer";
constexpr std::string_view wrong_feedback = "Why it is wrong.";
constexpr std::string_view explanation = "Where in the lesson the answer is explained.";
constexpr std::string_view first_lesson_title = "Title of the first lesson";

constexpr std::array<Placeholder, 9> placeholders = {{
    {section_heading, new_lesson},
    {paragraph, new_lesson},
    {prompt, new_lesson},
    {right_label, new_lesson},
    {right_feedback, new_lesson},
    {wrong_label, new_lesson},
    {wrong_feedback, new_lesson},
    {explanation, new_lesson},
    {first_lesson_title, new_course},
}};

}  // namespace

std::span<const Placeholder> skeleton_placeholders() { return placeholders; }

std::string_view placeholder_command(std::string_view text) {
    for (const Placeholder& p : placeholders)
        if (p.text == text) return p.command;
    return {};
}

std::string lesson_skeleton(const std::string& id, const std::string& title) {
    return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- Lesson {0}: write the text in the course's source language, keep the ids
     (see content/FORMAT.md), and check with: lektion lint COURSE_DIR -->
<lesson id="{0}">
  <title id="{0}.title">{1}</title>
  <section id="{0}.s1">
    <heading id="{0}.s1.h">{2}</heading>
    <p id="{0}.s1.p1">{3}</p>
  </section>
  <check>
    <question id="{0}.check" type="single">
      <prompt id="{0}.check.prompt">{4}</prompt>
      <option id="{0}.check.a" correct="true">
        <label id="{0}.check.a.label">{5}</label>
        <feedback id="{0}.check.a.feedback">{6}</feedback>
      </option>
      <option id="{0}.check.b">
        <label id="{0}.check.b.label">{7}</label>
        <feedback id="{0}.check.b.feedback">{8}</feedback>
      </option>
      <explanation id="{0}.check.explanation">{9}</explanation>
    </question>
  </check>
</lesson>
)",
                       xml_escape_attr(id), xml_escape(title), section_heading, paragraph, prompt,
                       right_label, right_feedback, wrong_label, wrong_feedback, explanation);
}

std::string course_skeleton(const std::string& id, const std::string& title, const std::string& lang) {
    return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- The course manifest (see content/FORMAT.md). Add lessons with
     lektion new lesson COURSE_DIR ID "Title", and check with: lektion lint COURSE_DIR -->
<course id="{0}" version="0.1.0" lang="{1}">
  <title id="course.title">{2}</title>
  <lessons>
    <lesson href="{3}.xml"/>
  </lessons>
</course>
)",
                       xml_escape_attr(id), xml_escape_attr(lang), xml_escape(title), first_lesson_id);
}

std::string first_lesson_skeleton() {
    return lesson_skeleton(std::string(first_lesson_id), std::string(first_lesson_title));
}

}  // namespace lektion
