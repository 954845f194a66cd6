// Every translatable unit of a course, in reading order. Export, coverage,
// translation overlay and font checks all walk the course this one way.
#pragma once

#include <string>

#include "course/model.hpp"
#include "questions/registry.hpp"  // question_unit_kinds

namespace lektion {

// Where a unit sits, for translators' notes and reports.
struct UnitContext {
    std::string file;     // course file the unit comes from
    std::string lesson;   // lesson title, empty on the start page
    std::string section;  // section heading
    const char* kind;     // "heading", "paragraph", "question", "option", ...
};

namespace detail {

template <class C, class F>
void visit_blocks(C& blocks, UnitContext ctx, F& f) {
    for (auto& b : blocks) {
        switch (b.kind) {
            case BlockKind::paragraph:
            case BlockKind::subheading:
            case BlockKind::quote:
                ctx.kind = b.kind == BlockKind::paragraph    ? "paragraph"
                           : b.kind == BlockKind::subheading ? "subheading"
                                                             : "quote";
                f(b.text, ctx);
                break;
            case BlockKind::list:
                ctx.kind = "list item";
                for (auto& item : b.items) f(item, ctx);
                break;
            case BlockKind::callout:
                ctx.kind = "box title";
                if (b.title) f(*b.title, ctx);
                visit_blocks(b.children, ctx, f);
                break;
            case BlockKind::figure:
                ctx.kind = "image description";
                f(b.alt, ctx);
                ctx.kind = "caption";
                if (b.caption) f(*b.caption, ctx);
                break;
        }
    }
}

// The parts' names come from the question's type (questions/registry.hpp), so
// that a translator's note says what a unit is.
template <class Q, class F>
void visit_question(Q& q, UnitContext ctx, F& f) {
    const UnitKinds kinds = question_unit_kinds(q);
    ctx.kind = "question";
    f(q.prompt, ctx);
    for (auto& o : q.options) {
        ctx.kind = kinds.option;
        f(o.label, ctx);
        ctx.kind = kinds.accepted;
        for (auto& t : o.accepted) f(t, ctx);
        ctx.kind = "feedback";
        if (o.feedback) f(*o.feedback, ctx);
    }
    for (auto& o : q.targets) {
        ctx.kind = kinds.target;
        f(o.label, ctx);
    }
    ctx.kind = "explanation";
    if (q.explanation) f(*q.explanation, ctx);
}

template <class C, class F>
void visit_sections(C& sections, UnitContext ctx, F& f) {
    for (auto& s : sections) {
        ctx.section = s.heading.plain();
        ctx.kind = "heading";
        f(s.heading, ctx);
        visit_blocks(s.blocks, ctx, f);
    }
}

}  // namespace detail

// Calls f(Text&, const UnitContext&) for every unit; CourseT is Course or const Course.
template <class CourseT, class F>
void for_each_text(CourseT& c, F&& f) {
    UnitContext ctx{"course.xml", "", "", "title"};
    f(c.title, ctx);
    ctx.kind = "description";
    f(c.description, ctx);
    detail::visit_sections(c.start, ctx, f);
    ctx.section = c.outcomes_heading.plain();
    ctx.kind = "heading";
    if (!c.outcomes_heading.id.empty()) f(c.outcomes_heading, ctx);
    ctx.kind = "paragraph";
    for (auto& t : c.outcomes_intro) f(t, ctx);
    for (auto& g : c.outcomes) {
        ctx.kind = "heading";
        f(g.title, ctx);
        ctx.kind = "list item";
        for (auto& t : g.items) f(t, ctx);
    }
    ctx.section = c.keywords_heading.plain();
    ctx.kind = "heading";
    if (!c.keywords_heading.id.empty()) f(c.keywords_heading, ctx);
    ctx.kind = "keyword";
    for (auto& t : c.keywords) f(t, ctx);
    ctx.section = "";
    ctx.kind = "credits";
    for (auto& t : c.credits) f(t, ctx);
    ctx.kind = "funding disclaimer";
    for (auto& t : c.disclaimer) f(t, ctx);
    for (auto& l : c.lessons) {
        UnitContext lc{l.file, l.title.plain(), "", "lesson title"};
        f(l.title, lc);
        detail::visit_sections(l.sections, lc, f);
        lc.section = "attention check";
        for (auto& q : l.checks) detail::visit_question(q, lc, f);
    }
    if (c.quiz) {
        UnitContext qc{c.quiz->file, c.quiz->title.plain(), "", "quiz title"};
        f(c.quiz->title, qc);
        qc.kind = "paragraph";
        for (auto& t : c.quiz->intro) f(t, qc);
        for (auto& q : c.quiz->questions) detail::visit_question(q, qc, f);
    }
}

}  // namespace lektion
