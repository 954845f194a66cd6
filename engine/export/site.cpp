#include "export/site.hpp"

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/limits.hpp"
#include "base/read_bounded.hpp"
#include "export/assets.hpp"
#include "export/html_text.hpp"
#include "export/question_views.hpp"
#include "l10n/strings.hpp"
#include "questions/registry.hpp"
#include "records/store.hpp"
#include "session/status_words.hpp"

namespace lektion::web {

namespace {

enum class PageKind { home, lesson, check, quiz, about, workbook };

struct Page {
    std::string file;
    PageKind kind = PageKind::home;
    int lesson = -1;
    int page = 0;
    std::string title;  // plain, for <title>
};

class Builder {
public:
    Builder(const Course& course, const SiteOptions& options)
        : course_(course), options_(options), langs_{options.lang, course.lang} {
        if (langs_.page.empty()) langs_.page = course.lang;
    }

    Site build();

private:
    std::string frame(const Page& page, const std::string& main_html, const std::string& prev,
                      const std::string& next) const;
    std::string toc(const Page& page) const;
    std::string blocks(const std::vector<Block>& list, int heading_level, bool& untranslated);
    std::string home_page(bool& untranslated);
    std::string lesson_page(int lesson, int page, bool& untranslated);
    std::string check_page(int lesson, bool& untranslated);
    std::string quiz_page(bool& untranslated);
    std::string about_page(bool& untranslated);
    std::string workbook_page(bool& untranslated);
    std::string course_script() const;
    std::string el(std::string_view tag, const Text& t, bool& untranslated, std::string_view cls = {}) const {
        if (t.untranslated) untranslated = true;
        return element(tag, t, langs_, cls) + "\n";
    }

    const Course& course_;
    SiteOptions options_;
    Languages langs_;
    Site site_;
    std::vector<Page> pages_;
    int question_counter_ = 0;
};

std::string note_untranslated(bool untranslated) {
    return untranslated ? "<p class=\"note-untranslated\">" + escape(tr("lesson.untranslated")) + "</p>\n"
                        : "";
}

const char* callout_key(CalloutKind k) {
    switch (k) {
        case CalloutKind::example: return "callout.example";
        case CalloutKind::data: return "callout.data";
        case CalloutKind::case_study: return "callout.case";
        case CalloutKind::note: return "callout.note";
    }
    return "callout.note";
}

// Every raw score an attempt can reach, in hundredths (as score_words rounds
// it): sums of each question's possible credits (k of its parts with partial
// credit, else 0 or 1), the draw taking any of them. Bounded: a course whose
// sums would be more than this gets the whole hundredths from 0 to max.
constexpr std::size_t max_score_forms = 4000;

std::vector<int> reachable_scores(const Quiz& quiz) {
    const int max = quiz.questions_per_attempt();
    std::set<long long> sums{0};  // in millionths, as the session rounds
    for (const Question& q : quiz.questions) {
        const int parts =
            q.partial_credit && question_type(q).has_parts() ? static_cast<int>(q.options.size()) : 1;
        std::set<long long> next = sums;
        for (long long s : sums)
            for (int k = 1; k <= parts; ++k) next.insert(s + std::llround(1e6 * k / parts));
        sums = std::move(next);
        if (sums.size() > max_score_forms) {
            std::vector<int> all;
            for (int h = 0; h <= max * 100; ++h) all.push_back(h);
            return all;
        }
    }
    std::set<int> hundredths;
    for (long long s : sums)
        if (s <= 1000000LL * max) hundredths.insert(static_cast<int>(std::llround(s / 1e4)));
    return {hundredths.begin(), hundredths.end()};
}

// A figure's bytes, through the one bounded read (no FIFO, no device, no more than lint allows).
std::string read_figure(const std::filesystem::path& p, std::string& error) {
    std::string why;
    std::optional<std::string> bytes = read_bounded(p, limits::figure_bytes, why);
    if (!bytes) error = fmt::format("{}: {}", p.string(), why);
    return bytes ? std::move(*bytes) : std::string();
}

}  // namespace

std::string lesson_page_file(int lesson, int page, bool check) {
    return check ? fmt::format("lesson-{}-check.html", lesson + 1)
                 : fmt::format("lesson-{}-{}.html", lesson + 1, page + 1);
}

std::string Builder::toc(const Page& page) const {
    auto link = [&](const std::string& file, const std::string& label, std::string_view extra = {}) {
        std::string a = "<a href=\"" + file + "\"";
        if (file == page.file) a += " aria-current=\"page\"";
        a += extra;
        return a + ">" + label + "</a>";
    };
    // In a details box: on a narrow screen (a phone, 400 % zoom) the script folds it, so that the
    // page's own text comes first; without the script it stays open.
    std::string out = "<nav class=\"toc\" aria-label=\"" + escape(tr("home.lessons")) +
                      "\">\n<details open>\n<summary>" + escape(tr("home.lessons")) + "</summary>\n<ol>\n";
    out += "<li>" + link("index.html", escape(tr("nav.home"))) + "</li>\n";
    for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
        const Lesson& l = course_.lessons[i];
        const int li = static_cast<int>(i);
        out += "<li>" +
               link(lesson_page_file(li, 0, l.sections.empty()),
                    "<span" + text_attributes(l.title, langs_) + ">" + spans_html(l.title) + "</span>",
                    fmt::format(" data-lesson-link=\"{}\"", li)) +
               fmt::format(" <span class=\"lesson-status\" data-status-lesson=\"{}\"></span>", li);
        if (page.lesson == li) {
            out += "\n<ol>\n";
            for (std::size_t s = 0; s < l.sections.size(); ++s)
                out += "<li>" +
                       link(lesson_page_file(li, static_cast<int>(s), false),
                            "<span" + text_attributes(l.sections[s].heading, langs_) + ">" +
                                spans_html(l.sections[s].heading) + "</span>") +
                       "</li>\n";
            if (!l.checks.empty())
                out += "<li>" + link(lesson_page_file(li, 0, true), escape(tr("lesson.check"))) + "</li>\n";
            out += "</ol>\n";
        }
        out += "</li>\n";
    }
    if (course_.quiz) out += "<li>" + link("quiz.html", escape(tr("home.quiz"))) + "</li>\n";
    out += "<li>" + link("about.html", escape(tr("nav.about"))) + "</li>\n";
    out += "<li>" + link("workbook.html", escape(tr("web.workbook"))) + "</li>\n";
    return out + "</ol>\n</details>\n</nav>\n";
}

std::string Builder::frame(const Page& page, const std::string& main_html, const std::string& prev,
                           const std::string& next) const {
    static const char* kinds[] = {"home", "lesson", "check", "quiz", "about", "workbook"};
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"" + escape(langs_.page) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
    out += "<title>" + escape(page.title) + " – " + escape(course_.title.plain()) + "</title>\n";
    out += "<link rel=\"stylesheet\" href=\"lektion.css\">\n";
    out += "<script src=\"course.js\" defer></script>\n<script src=\"question_types.js\" defer></script>\n";
    out +=
        "<script src=\"records.js\" defer></script>\n<script src=\"lektion.js\" defer></script>\n</head>\n";
    out += fmt::format("<body data-page=\"{}\" data-lesson=\"{}\" data-page-index=\"{}\">\n",
                       kinds[static_cast<int>(page.kind)], page.lesson, page.page);
    out += "<a class=\"skip\" href=\"#main\">" + escape(tr("web.skip")) + "</a>\n";
    out += "<header class=\"banner\">\n<p class=\"course-name\"><a href=\"index.html\"" +
           text_attributes(course_.title, langs_) + ">" + spans_html(course_.title) + "</a></p>\n";
    out += "<p class=\"learner\" id=\"learner-badge\" hidden></p>\n</header>\n";
    out += "<div class=\"layout\">\n" + toc(page);
    out += "<main id=\"main\" tabindex=\"-1\">\n" + main_html + "</main>\n</div>\n";
    out += "<footer>\n<div class=\"pager\">\n";
    if (!prev.empty())
        out +=
            "<a class=\"prev\" rel=\"prev\" href=\"" + prev + "\">" + escape(tr("nav.previous")) + "</a>\n";
    if (!next.empty())
        out += "<a class=\"next\" rel=\"next\" href=\"" + next + "\">" + escape(tr("nav.next")) + "</a>\n";
    out += "</div>\n</footer>\n</body>\n</html>\n";
    return out;
}

std::string Builder::blocks(const std::vector<Block>& list, int level, bool& u) {
    std::string out;
    for (const Block& b : list) {
        switch (b.kind) {
            case BlockKind::paragraph: out += el("p", b.text, u); break;
            case BlockKind::subheading: out += el(fmt::format("h{}", std::min(level, 6)), b.text, u); break;
            case BlockKind::quote: out += "<blockquote>" + el("p", b.text, u) + "</blockquote>\n"; break;
            case BlockKind::list: {
                const char* tag = b.list_kind == ListKind::numbered ? "ol" : "ul";
                out += fmt::format("<{}>\n", tag);
                for (const Text& item : b.items) out += el("li", item, u);
                out += fmt::format("</{}>\n", tag);
                break;
            }
            case BlockKind::callout: {
                const char* key = callout_key(b.callout_kind);
                out += fmt::format("<div class=\"callout callout-{}\" role=\"note\">\n", key + 8);
                out += "<p class=\"callout-label\">" + escape(tr(key)) + "</p>\n";
                if (b.title) out += el("p", *b.title, u, "callout-title");
                out += blocks(b.children, level + 1, u);
                out += "</div>\n";
                break;
            }
            case BlockKind::figure: {
                const std::string file = "media/" + b.src;
                if (!site_.files.count(file)) {
                    std::string error;
                    std::string bytes = read_figure(std::filesystem::path(course_.dir) / b.src, error);
                    if (!error.empty() && site_.error.empty()) site_.error = error;
                    site_.files[file] = std::move(bytes);
                }
                if (b.alt.untranslated || (b.caption && b.caption->untranslated)) u = true;
                out += "<figure>\n<img src=\"" + escape(file) + "\" alt=\"" + escape(b.alt.plain()) + "\"" +
                       (b.alt.untranslated && langs_.page != langs_.source
                            ? " lang=\"" + escape(langs_.source) + "\""
                            : std::string()) +
                       ">\n";
                if (b.caption) out += el("figcaption", *b.caption, u);
                out += "</figure>\n";
                break;
            }
        }
    }
    return out;
}

std::string Builder::home_page(bool& u) {
    std::string out = el("h1", course_.title, u) + el("p", course_.description, u, "lead");
    out += "<section class=\"learner-panel\" aria-labelledby=\"learner-h\">\n<h2 id=\"learner-h\">" +
           escape(tr("learners.title")) + "</h2>\n";
    out += "<form id=\"learner-form\">\n<label for=\"learner-name\">" + escape(tr("learners.pick")) +
           "</label>\n<input id=\"learner-name\" name=\"learner\" type=\"text\" autocomplete=\"name\" "
           "maxlength=\"100\">\n";
    out += "<button type=\"submit\">" + escape(tr("learners.create")) + "</button>\n</form>\n";
    out += "<p id=\"learner-status\" role=\"status\"></p>\n";
    out += "<p><a id=\"continue\" class=\"button\" href=\"index.html\" hidden></a></p>\n";
    out += "<p><button type=\"button\" id=\"export-progress\" hidden>" + escape(tr("web.export_progress")) +
           "</button></p>\n</section>\n";
    out += "<section aria-labelledby=\"lessons-h\">\n<h2 id=\"lessons-h\">" + escape(tr("home.lessons")) +
           "</h2>\n<ol class=\"lessons\">\n";
    for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
        const Lesson& l = course_.lessons[i];
        if (l.title.untranslated) u = true;
        out += "<li><a href=\"" + lesson_page_file(static_cast<int>(i), 0, l.sections.empty()) + "\"" +
               text_attributes(l.title, langs_) + ">" + spans_html(l.title) + "</a>" +
               fmt::format(" <span class=\"lesson-status\" data-status-lesson=\"{}\"></span></li>\n", i);
    }
    out += "</ol>\n</section>\n";
    if (course_.quiz) {
        out +=
            "<section aria-labelledby=\"quiz-h\">\n<h2 id=\"quiz-h\">" + escape(tr("home.quiz")) + "</h2>\n";
        out += "<p id=\"home-quiz-status\"></p>\n<p><a href=\"quiz.html\">" + escape(tr("home.quiz_take")) +
               "</a></p>\n</section>\n";
    }
    for (const Section& s : course_.start) {
        out += "<section>\n" + el("h2", s.heading, u) + blocks(s.blocks, 3, u) + "</section>\n";
    }
    if (!course_.outcomes.empty()) {
        out += "<section>\n" + el("h2", course_.outcomes_heading, u);
        for (const Text& t : course_.outcomes_intro) out += el("p", t, u);
        for (const OutcomeGroup& g : course_.outcomes) {
            out += el("h3", g.title, u) + "<ul>\n";
            for (const Text& t : g.items) out += el("li", t, u);
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    if (!course_.keywords.empty()) {
        out += "<section>\n" + el("h2", course_.keywords_heading, u) + "<ul class=\"keywords\">\n";
        for (const Text& t : course_.keywords) out += el("li", t, u);
        out += "</ul>\n</section>\n";
    }
    return out;
}

std::string Builder::lesson_page(int li, int pi, bool& u) {
    const Lesson& l = course_.lessons[static_cast<std::size_t>(li)];
    const Section& s = l.sections[static_cast<std::size_t>(pi)];
    const int pages = static_cast<int>(l.sections.size()) + (l.checks.empty() ? 0 : 1);
    std::string out =
        "<p class=\"lesson-name\"><span" + text_attributes(l.title, langs_) + ">" + spans_html(l.title) +
        "</span> · " +
        escape(tr("lesson.page_of", {{"current", std::int64_t{pi + 1}}, {"total", std::int64_t{pages}}})) +
        "</p>\n";
    if (l.title.untranslated) u = true;
    out += el("h1", s.heading, u);
    out += "<p class=\"locked-note\" role=\"status\" hidden>" + escape(tr("home.locked")) + "</p>\n";
    out += "<div class=\"content\">\n" + blocks(s.blocks, 2, u) + "</div>\n";
    return out;
}

std::string Builder::check_page(int li, bool& u) {
    const Lesson& l = course_.lessons[static_cast<std::size_t>(li)];
    std::string out = "<p class=\"lesson-name\"><span" + text_attributes(l.title, langs_) + ">" +
                      spans_html(l.title) + "</span></p>\n";
    if (l.title.untranslated) u = true;
    out += "<h1>" + escape(tr("lesson.check")) + "</h1>\n";
    out += "<p class=\"locked-note\" role=\"status\" hidden>" + escape(tr("home.locked")) + "</p>\n";
    out += "<div class=\"content\">\n";
    for (const Question& q : l.checks) {
        if (q.prompt.untranslated) u = true;
        out += "<form class=\"question-form\" data-kind=\"check\">\n" +
               question_html(q, fmt::format("q{}", ++question_counter_), langs_) +
               "<button type=\"submit\" class=\"answer\">" + escape(tr("lesson.answer")) +
               "</button>\n</form>\n";
    }
    out += "<p class=\"gate\" id=\"gate\" role=\"status\">" + escape(tr("lesson.answer_first")) + "</p>\n";
    out += "</div>\n";
    return out;
}

std::string Builder::quiz_page(bool& u) {
    const Quiz& quiz = *course_.quiz;
    std::string out = el("h1", quiz.title, u);
    for (const Text& t : quiz.intro) out += el("p", t, u);
    out += "<p>" +
           escape(tr("quiz.intro", {{"count", std::int64_t{quiz.questions_per_attempt()}},
                                    {"mark", percent(quiz.pass_mark / 100.0)}})) +
           "</p>\n";
    out += "<p id=\"quiz-status\" role=\"status\"></p>\n";
    out +=
        "<p><button type=\"button\" id=\"quiz-start\" hidden>" + escape(tr("quiz.start")) + "</button></p>\n";
    out += "<form id=\"quiz-form\" class=\"quiz\" hidden>\n<ol class=\"quiz-questions\">\n";
    for (const Question& q : quiz.questions) {
        if (q.prompt.untranslated) u = true;
        out += "<li data-question=\"" + escape(q.id) + "\">\n" +
               question_html(q, fmt::format("q{}", ++question_counter_), langs_) + "</li>\n";
    }
    out += "</ol>\n<p><button type=\"submit\" id=\"quiz-submit\">" + escape(tr("quiz.submit")) +
           "</button></p>\n</form>\n";
    out += "<div id=\"quiz-result\" role=\"status\" aria-live=\"polite\"></div>\n";
    out +=
        "<p><button type=\"button\" id=\"quiz-retry\" hidden>" + escape(tr("quiz.retry")) + "</button></p>\n";
    return out;
}

std::string Builder::about_page(bool& u) {
    std::string out = "<h1>" + escape(tr("about.credits")) + "</h1>\n";
    out += el("p", course_.title, u);
    for (const Text& t : course_.credits) out += el("p", t, u);
    if (!course_.disclaimer.empty()) {
        out += "<h2>" + escape(tr("about.funding")) + "</h2>\n";
        for (const Text& t : course_.disclaimer) out += el("p", t, u);
    }
    out += "<p>" + escape(tr("about.course_version", {{"version", course_.version}})) + "</p>\n";
    return out;
}

// Every lesson on one page, for print (lektion export pdf): sections, the
// attention checks and the quiz's questions with room to answer.
std::string Builder::workbook_page(bool& u) {
    std::string out = el("h1", course_.title, u) + el("p", course_.description, u, "lead");
    for (const Lesson& l : course_.lessons) {
        out += "<section class=\"workbook-lesson\">\n" + el("h2", l.title, u);
        for (const Section& s : l.sections) out += el("h3", s.heading, u) + blocks(s.blocks, 4, u);
        if (!l.checks.empty()) {
            out += "<h3>" + escape(tr("lesson.check")) + "</h3>\n";
            for (const Question& q : l.checks)
                out += question_html(q, fmt::format("q{}", ++question_counter_), langs_);
        }
        out += "</section>\n";
    }
    if (course_.quiz) {
        out += "<section class=\"workbook-lesson workbook-quiz\">\n" + el("h2", course_.quiz->title, u);
        for (const Question& q : course_.quiz->questions) {
            if (q.prompt.untranslated) u = true;
            out += question_html(q, fmt::format("q{}", ++question_counter_), langs_);
        }
        out += "</section>\n";
    }
    return out;
}

// The rules' data for the script: ids, types, correctness, settings, and the
// interface words it shows (counted forms made here, where ICU is).
std::string Builder::course_script() const {
    using nlohmann::json;
    auto questions = [](const std::vector<Question>& list) {
        json a = json::array();
        for (const Question& q : list) {
            // What each type's rules in lektion.js read (questions/<type>.cpp's fields).
            json options = json::array(), targets = json::array();
            for (const Option& o : q.options) {
                json option = {{"id", o.id}, {"correct", o.correct}};
                if (!o.match.empty()) option["match"] = o.match;
                if (!o.accepted.empty()) {
                    option["accepted"] = json::array();
                    for (const Text& t : o.accepted) option["accepted"].push_back(t.plain());
                }
                options.push_back(option);
            }
            for (const Option& t : q.targets) targets.push_back(t.id);
            json settings = json::object();
            for (const auto& [k, v] : q.settings) settings[k] = v;
            a.push_back({{"id", q.id},
                         {"type", question_view(q.type)->name},
                         {"prompt", q.prompt.plain()},
                         {"options", options},
                         {"targets", targets},
                         {"partial", q.partial_credit},
                         {"settings", settings}});
        }
        return a;
    };
    json c;
    c["id"] = course_.id;
    c["version"] = course_.version;
    c["lang"] = langs_.page;
    c["ordered"] = course_.ordered;
    c["quizAfterLessons"] = course_.quiz_after_lessons;
    c["lessons"] = json::array();
    for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
        const Lesson& l = course_.lessons[i];
        json sections = json::array(), files = json::array();
        for (std::size_t s = 0; s < l.sections.size(); ++s) {
            sections.push_back(l.sections[s].id);
            files.push_back(lesson_page_file(static_cast<int>(i), static_cast<int>(s), false));
        }
        if (!l.checks.empty()) files.push_back(lesson_page_file(static_cast<int>(i), 0, true));
        c["lessons"].push_back({{"id", l.id},
                                {"title", l.title.plain()},
                                {"sections", sections},
                                {"pages", files},
                                {"checks", questions(l.checks)}});
    }
    json strings;
    for (const char* key :
         {"lesson.correct", "lesson.wrong", "lesson.complete", "home.done", "home.locked", "home.quiz_locked",
          "home.quiz_in_progress", "home.course_done", "home.start", "quiz.unanswered", "learners.empty"})
        strings[key] = tr(key);
    // Patterns with one argument the script fills in: the catalog formats
    // them with a marker in its place.
    strings["lesson.right_answer"] = tr("lesson.right_answer", {{"answer", std::string("{answer}")}});
    strings["quiz.your_answer"] = tr("quiz.your_answer", {{"answer", std::string("{answer}")}});
    strings["quiz.correct_answer"] = tr("quiz.correct_answer", {{"answer", std::string("{answer}")}});
    strings["home.continue"] = tr("home.continue", {{"lesson", std::string("{lesson}")}});
    if (course_.quiz) {
        const Quiz& quiz = *course_.quiz;
        const int max = quiz.questions_per_attempt();
        const std::string mark = percent(quiz.pass_mark / 100.0);
        c["quiz"] = {{"id", quiz.id},
                     {"passMark", quiz.pass_mark},
                     {"attempts", quiz.attempts},
                     {"shuffle", quiz.shuffle},
                     {"draw", quiz.draw},
                     {"questions", questions(quiz.questions)}};
        strings["home.quiz_open"] = tr("home.quiz_open", {{"mark", mark}});
        strings["quiz.passed"] = tr("quiz.passed", {{"mark", mark}});
        strings["quiz.failed"] = tr("quiz.failed", {{"mark", mark}});
        // By raw score in hundredths (what score_words shows): every attempt has the same number of
        // questions in a static export, and partial credit makes fractions of the sums of its parts.
        json score = json::object(), result = json::object(), passed = json::object(),
             failed = json::object();
        for (int hundredths : reachable_scores(quiz)) {
            Score s;
            s.raw = hundredths / 100.0;
            s.max = max;
            const double f = max > 0 ? s.raw / max : 0.0;
            const std::string key = std::to_string(hundredths);
            score[key] = score_words(s);
            result[key] = tr("quiz.result", {{"score", percent(f)}});
            passed[key] = tr("home.quiz_passed", {{"score", percent(f)}});
            failed[key] = tr("home.quiz_failed", {{"score", percent(f)}});
        }
        strings["quiz.score"] = score;
        strings["quiz.result"] = result;
        strings["home.quiz_passed"] = passed;
        strings["home.quiz_failed"] = failed;
        json left = json::array();
        for (int n = 0; n <= quiz.attempts; ++n)
            left.push_back(tr("quiz.attempts_left", {{"count", std::int64_t{n}}}));
        strings["quiz.attempts_left"] = left;
    } else {
        c["quiz"] = nullptr;
    }
    // "Parts right: 2 of 3", for each number of parts a question of the course has.
    json parts = json::object();
    auto count_parts = [&](const std::vector<Question>& list) {
        for (const Question& q : list)
            if (question_type(q).has_parts()) {
                const auto total = static_cast<std::int64_t>(q.options.size());
                json forms = json::array();
                for (std::int64_t right = 0; right <= total; ++right)
                    forms.push_back(tr("quiz.parts_right", {{"correct", right}, {"total", total}}));
                parts[std::to_string(total)] = forms;
            }
    };
    for (const Lesson& l : course_.lessons) count_parts(l.checks);
    if (course_.quiz) count_parts(course_.quiz->questions);
    strings["quiz.parts_right"] = parts;
    c["strings"] = strings;
    c["recordsSchema"] = Store::schema_version();
    c["scorm"] = options_.scorm == Scorm::v12 ? "1.2" : options_.scorm == Scorm::v2004 ? "2004" : "";
    return "// The course's rules and words for lektion.js, written by lektion "
           "export.\nwindow.LEKTION_COURSE = " +
           c.dump(1) + ";\n";
}

Site Builder::build() {
    // Every question must have a view: a page missing a question would score
    // differently from the players.
    auto no_view = [&](const std::vector<Question>& questions) {
        for (const Question& q : questions)
            if (!question_view(q.type)) {
                site_.error =
                    fmt::format("question {}: the web export cannot show {} questions", q.id, q.type);
                return true;
            }
        return false;
    };
    for (const Lesson& l : course_.lessons)
        if (no_view(l.checks)) return std::move(site_);
    if (course_.quiz && no_view(course_.quiz->questions)) return std::move(site_);
    set_ui_language(langs_.page);
    auto add = [&](Page page, const std::string& html) {
        site_.files[page.file] = html;
        site_.pages.push_back(page.file);
        pages_.push_back(std::move(page));
    };
    // The reading order: home, each lesson's pages, the quiz, about.
    std::vector<Page> order;
    order.push_back({"index.html", PageKind::home, -1, 0, tr("nav.home")});
    for (std::size_t i = 0; i < course_.lessons.size(); ++i) {
        const Lesson& l = course_.lessons[i];
        for (std::size_t s = 0; s < l.sections.size(); ++s)
            order.push_back({lesson_page_file(static_cast<int>(i), static_cast<int>(s), false),
                             PageKind::lesson, static_cast<int>(i), static_cast<int>(s),
                             l.sections[s].heading.plain()});
        if (!l.checks.empty())
            order.push_back({lesson_page_file(static_cast<int>(i), 0, true), PageKind::check,
                             static_cast<int>(i), static_cast<int>(l.sections.size()),
                             tr("lesson.check") + " – " + l.title.plain()});
    }
    if (course_.quiz) order.push_back({"quiz.html", PageKind::quiz, -1, 0, course_.quiz->title.plain()});
    order.push_back({"about.html", PageKind::about, -1, 0, tr("about.credits")});
    order.push_back({"workbook.html", PageKind::workbook, -1, 0, tr("web.workbook")});

    for (std::size_t i = 0; i < order.size(); ++i) {
        const Page& p = order[i];
        bool u = false;
        std::string main;
        switch (p.kind) {
            case PageKind::home: main = home_page(u); break;
            case PageKind::lesson: main = lesson_page(p.lesson, p.page, u); break;
            case PageKind::check: main = check_page(p.lesson, u); break;
            case PageKind::quiz: main = quiz_page(u); break;
            case PageKind::about: main = about_page(u); break;
            case PageKind::workbook: main = workbook_page(u); break;
        }
        // The note goes after the h1 (or first, when the page has none of its own).
        if (u) {
            const auto h1 = main.find("</h1>\n");
            const std::string note = note_untranslated(true);
            if (h1 == std::string::npos) main = note + main;
            else main.insert(h1 + 6, note);
        }
        const std::string prev = i > 0 ? order[i - 1].file : std::string();
        const std::string next = i + 1 < order.size() ? order[i + 1].file : std::string();
        add(p, frame(p, main, prev, next));
    }
    site_.files["course.js"] = course_script();
    for (const Asset& a : assets()) site_.files[a.name] = std::string(a.bytes);
    site_.launch = "index.html";
    return std::move(site_);
}

Site build_site(const Course& course, const SiteOptions& options) { return Builder(course, options).build(); }

}  // namespace lektion::web
