#include "speech/course_text.hpp"

namespace lektion::speech {

std::string_view language_of(const Text& text, const Course& course, std::string_view shown) {
    return text.untranslated || shown.empty() ? std::string_view(course.lang) : shown;
}

void add_text(std::vector<Utterance>& out, const Text& text, const Course& course, std::string_view shown) {
    if (text.empty()) return;
    out.push_back({text.id, text.plain(), std::string(language_of(text, course, shown))});
}

namespace {

void add_blocks(std::vector<Utterance>& out, const std::vector<Block>& blocks, const Course& course,
                std::string_view shown) {
    for (const Block& b : blocks) {
        switch (b.kind) {
            case BlockKind::paragraph:
            case BlockKind::subheading:
            case BlockKind::quote: add_text(out, b.text, course, shown); break;
            case BlockKind::list:
                for (const Text& item : b.items) add_text(out, item, course, shown);
                break;
            case BlockKind::callout:
                if (b.title) add_text(out, *b.title, course, shown);
                add_blocks(out, b.children, course, shown);
                break;
            case BlockKind::figure:
                // What the figure shows, for a learner who cannot see it; its caption when it has one.
                if (b.caption) add_text(out, *b.caption, course, shown);
                else add_text(out, b.alt, course, shown);
                break;
        }
    }
}

}  // namespace

std::vector<Utterance> section_utterances(const Section& section, const Course& course,
                                          std::string_view shown) {
    std::vector<Utterance> out;
    add_text(out, section.heading, course, shown);
    add_blocks(out, section.blocks, course, shown);
    return out;
}

std::vector<Utterance> question_utterances(const Question& q, const Course& course, std::string_view shown,
                                           const std::vector<std::string>& order) {
    std::vector<Utterance> out;
    add_text(out, q.prompt, course, shown);
    if (order.empty()) {
        for (const Option& o : q.options) add_text(out, o.label, course, shown);
    } else {
        for (const std::string& id : order)
            if (const Option* o = q.option(id)) add_text(out, o->label, course, shown);
    }
    for (const Option& t : q.targets) add_text(out, t.label, course, shown);
    return out;
}

}  // namespace lektion::speech
