#include "records/csv.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "records/merge_order.hpp"

namespace lektion {

namespace {

constexpr const char* header[] = {
    "learner",   "course",    "course_version", "item",   "item_id", "title",        "completed",
    "score_raw", "score_max", "score_percent",  "passed", "started", "completed_at", "last_activity",
};

struct Row {
    std::string version;  // of the item's latest event
    std::string started, completed_at, last;
    bool completed = false;
    double raw = 0;
    int max = 0;
    bool scored = false;
    std::optional<bool> passed;
};

void touch(Row& row, const RecordedEvent& r) {
    if (row.started.empty()) row.started = r.at;
    row.last = r.at;
    row.version = r.course_version;
}

// A cell: text, or a number a spreadsheet must read as a number.
struct Cell {
    std::string value;
    bool number = false;
    Cell(std::string text) : value(std::move(text)) {}  // implicit: text is what most cells are
    Cell(const char* text) : value(text) {}
    static Cell numeric(std::string digits) {
        Cell c(std::move(digits));
        c.number = true;
        return c;
    }
};

Cell count(int n) { return Cell::numeric(std::to_string(n)); }

// Points: whole, or with the fractions partial credit gives ("2.5").
Cell points(double n) { return Cell::numeric(fmt::format("{:g}", n)); }

Cell percent(double raw, int max) {
    return Cell::numeric(max > 0 ? fmt::format("{:.1f}", 100.0 * raw / max) : std::string());
}

void write_row(std::ostream& out, const std::vector<Cell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
        out << (i ? "," : "") << (cells[i].number ? cells[i].value : csv_field(cells[i].value));
    out << "\r\n";
}

const Lesson* find_lesson(const Course* course, const std::string& id) {
    if (!course) return nullptr;
    for (const Lesson& l : course->lessons)
        if (l.id == id) return &l;
    return nullptr;
}

void write_learner_course(std::ostream& out, const LearnerCourse& lc, const Course* course) {
    // Lessons in course order (or order of first appearance), then attempts by number.
    std::vector<std::string> lesson_order;
    if (course)
        for (const Lesson& l : course->lessons) lesson_order.push_back(l.id);
    std::map<std::string, Row> lessons;
    std::map<std::string, std::map<std::string, double>> first_check_answers;  // credit
    std::map<int, Row> attempts;
    AttemptNumbers numbers;  // attempts from several PCs kept apart, as the report numbers them
    for (const RecordedEvent& r : lc.events) {
        const Event& e = r.event;
        if (!e.lesson.empty()) {
            if (std::find(lesson_order.begin(), lesson_order.end(), e.lesson) == lesson_order.end())
                lesson_order.push_back(e.lesson);
            Row& row = lessons[e.lesson];
            touch(row, r);
            if (e.kind == EventKind::lesson_completed && !row.completed) {
                row.completed = true;
                row.completed_at = r.at;
            }
            if (e.kind == EventKind::check_answered)
                first_check_answers[e.lesson].try_emplace(e.target, e.answer.credit);
        }
        if (e.kind == EventKind::quiz_started || e.kind == EventKind::quiz_answered ||
            e.kind == EventKind::quiz_submitted) {
            Row& row = attempts[numbers.number(r)];
            touch(row, r);
            if (e.kind == EventKind::quiz_submitted) {
                row.completed = true;
                row.completed_at = r.at;
                row.scored = true;
                row.raw = e.score.raw;
                row.max = e.score.max;
                row.passed = e.score.passed;
            }
        }
    }

    for (const std::string& id : lesson_order) {
        Row row = lessons.count(id) ? lessons[id] : Row{};
        const Lesson* lesson = find_lesson(course, id);
        const auto& answers = first_check_answers[id];
        const int checks =
            lesson ? static_cast<int>(lesson->checks.size()) : static_cast<int>(answers.size());
        double right = 0;
        for (const auto& a : answers) right += a.second;
        const bool any = checks > 0 && !answers.empty();
        write_row(out, {lc.learner.name, lc.course_id, row.version, "lesson", id,
                        lesson ? lesson->title.plain() : "", row.completed ? "yes" : "no",
                        any ? points(right) : "", any ? count(checks) : "", any ? percent(right, checks) : "",
                        "", row.started, row.completed_at, row.last});
    }
    const std::string quiz_title = course && course->quiz ? course->quiz->title.plain() : "";
    for (const auto& [number, row] : attempts)
        write_row(out,
                  {lc.learner.name, lc.course_id, row.version, "quiz attempt", count(number), quiz_title,
                   row.completed ? "yes" : "no", row.scored ? points(row.raw) : "",
                   row.scored ? count(row.max) : "", row.scored ? percent(row.raw, row.max) : "",
                   row.passed ? (*row.passed ? "yes" : "no") : "", row.started, row.completed_at, row.last});
}

// Whether a spreadsheet would take a cell beginning like `text` for a formula.
bool runs_as_formula(std::string_view text) {
    if (text.empty()) return false;
    if (std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) return true;
    // The full-width forms, which spreadsheets in East Asian locales take for the ASCII ones.
    for (const char* wide : {"\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"})
        if (text.rfind(wide, 0) == 0) return true;
    return false;
}

}  // namespace

std::string csv_field(std::string_view text) {
    // OWASP's advice on CSV injection: a text cell that a spreadsheet would
    // run as a formula (a learner named "=HYPERLINK(…)") starts with a quote,
    // which spreadsheets show as text and do not evaluate.
    std::string cell = runs_as_formula(text) ? "'" + std::string(text) : std::string(text);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void write_csv(std::ostream& out, const Store& store, const ExportScope& scope) {
    out << "\xEF\xBB\xBF";
    write_row(out, std::vector<Cell>(std::begin(header), std::end(header)));
    for (const LearnerCourse& lc : gather(store, scope)) write_learner_course(out, lc, scope.course);
}

}  // namespace lektion
