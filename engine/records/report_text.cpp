#include "records/report_text.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "records/printable.hpp"

namespace lektion {

namespace {

constexpr int name_width = 24;

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Pads (or cuts, with an ellipsis) to `width` characters; a character is a
// code point here, which is right for the Latin, Greek and Cyrillic scripts
// the courses use.
std::string cell(std::string_view s, std::size_t width, bool pad = true) {
    if (code_points(s) > width) {
        std::string out;
        std::size_t n = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if ((c & 0xC0) != 0x80 && ++n == width) break;
            out += s[i];
        }
        return out + "…";
    }
    return std::string(s) + std::string(pad ? width - code_points(s) : 0, ' ');
}

std::string lesson_cell(const LessonStatus& st) {
    switch (st.state) {
        case LessonState::complete: return "✓";
        case LessonState::in_progress:
            return fmt::format("{}%", static_cast<int>(std::floor(st.fraction * 100)));
        case LessonState::not_started: break;
    }
    return "·";
}

std::string score(const std::optional<Score>& s) {
    if (!s) return "–";
    return fmt::format("{:g}/{} ({:.0f} %)", s->raw, s->max, s->scaled * 100);
}

void completion(std::string& out, const Report& r) {
    out += "Completion (✓ complete, n% in progress, · not started)\n";
    out += cell("learner", name_width);
    for (std::size_t i = 0; i < r.lesson_ids.size(); ++i) out += cell(fmt::format("L{}", i + 1), 6);
    out += "course\n";
    for (const LearnerReport& l : r.learners) {
        out += cell(printable(l.learner.name), name_width);
        for (const LessonStatus& st : l.lessons) out += cell(lesson_cell(st), 6);
        out += l.course_complete ? "complete\n" : "–\n";
    }
    for (std::size_t i = 0; i < r.lesson_titles.size(); ++i)
        out += fmt::format("  L{} {}\n", i + 1, printable(r.lesson_titles[i]));
}

void quiz_scores(std::string& out, const Report& r) {
    out += fmt::format("\nFinal quiz (pass mark {} %, {})\n", r.pass_mark,
                       r.attempts_allowed ? fmt::format("{} attempts", r.attempts_allowed)
                                          : std::string("unlimited attempts"));
    out += cell("learner", name_width) + cell("best", 16) + cell("last", 16) + "attempts\n";
    for (const LearnerReport& l : r.learners) {
        out +=
            cell(printable(l.learner.name), name_width) + cell(score(l.best), 16) + cell(score(l.last), 16);
        out += r.attempts_allowed ? fmt::format("{} of {}\n", l.attempts, r.attempts_allowed)
                                  : fmt::format("{}\n", l.attempts);
    }
}

void question_shares(std::string& out, const char* title, const std::vector<QuestionReport>& qs) {
    if (qs.empty()) return;
    out += fmt::format("\n{}: correct first answers\n", title);
    std::size_t id_width = 4;
    for (const QuestionReport& q : qs) id_width = std::max(id_width, code_points(printable(q.id)) + 2);
    for (const QuestionReport& q : qs) {
        const std::string share = q.answered ? fmt::format("{:.0f} %", q.share() * 100) : "–";
        out += cell(printable(q.id), id_width) + cell(share, 7) +
               cell(fmt::format("({} of {})", q.correct, q.answered), 12);
        if (q.partly > 0) out += cell(fmt::format("{} partly", q.partly), 10);
        out += cell(printable(q.text), 60, false);
        out += q.in_course ? "\n" : "  [no longer in the course]\n";
    }
}

// Which PC each learner's work came from, once records from other PCs were
// imported: the device's name (its host name) and the start of its id, which
// tells apart PCs that share a name.
void devices(std::string& out, const Report& r) {
    const bool merged = std::any_of(r.learners.begin(), r.learners.end(), [&](const LearnerReport& l) {
        return std::any_of(l.devices.begin(), l.devices.end(),
                           [&](const std::string& d) { return d != r.this_device; });
    });
    if (!merged) return;
    out += "\nWhere the work was recorded\n";
    for (const LearnerReport& l : r.learners) {
        if (l.devices.empty()) continue;
        std::string pcs;
        for (const std::string& d : l.devices) {
            const auto name = r.device_names.find(d);
            const std::string label =
                d == r.this_device ? std::string("this PC")
                : name != r.device_names.end() && !name->second.empty()
                    ? fmt::format("{} ({})", printable(name->second), printable(d.substr(0, 8)))
                    : printable(d.substr(0, 8));
            pcs += (pcs.empty() ? "" : ", ") + label;
        }
        out += cell(printable(l.learner.name), name_width) + pcs + "\n";
    }
}

}  // namespace

std::string format_report(const Report& r) {
    // Everything from the records or the course goes through printable():
    // an older database may hold names with control characters.
    std::string out =
        fmt::format("{} ({} {})\n{} learner{}\n\n", printable(r.course_title), printable(r.course_id),
                    printable(r.course_version), r.learners.size(), r.learners.size() == 1 ? "" : "s");
    completion(out, r);
    if (r.has_quiz) {
        quiz_scores(out, r);
        question_shares(out, "Quiz questions", r.quiz);
    }
    question_shares(out, "Attention checks", r.checks);
    devices(out, r);
    return out;
}

}  // namespace lektion
