#include "session/session.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <random>

#include "base/shuffle.hpp"
#include "questions/registry.hpp"

namespace lektion {

Session::Session(CoursePtr course, Progress progress, EventSink sink)
    : course_(std::move(course)), recorded_(std::move(progress)), sink_(std::move(sink)) {
    assert(course_ && "a session needs a course");
    place_ = {recorded_.position_lesson, recorded_.position_section, recorded_.position.page};
    reconcile();
}

void Session::set_course(CoursePtr course) {
    assert(course && "a session needs a course");
    // The place by id in the course the learner was reading: the new one may
    // have moved it. At home (perhaps because its lesson went) the place
    // recorded last is kept, so that it is found again if its lesson returns.
    const Position p = progress_.position;
    if (const Lesson* l = lesson(p.lesson)) {
        const Section* s = section(p);
        place_ = {l->id, s ? s->id : std::string(), p.page};
    }
    course_ = std::move(course);
    reconcile();
}

void Session::emit(Event e) {
    if (sink_) sink_(e);  // throws when the store cannot commit: nothing changes
    apply(recorded_, e);
    if (e.kind == EventKind::position_changed) place_ = {e.lesson, e.target, e.position.page};
    reconcile();
}

// --- the record against the course --------------------------------------------

void Session::reconcile() {
    Progress view;
    view.lessons = recorded_.lessons;
    view.course_complete = recorded_.course_complete;
    view.language = recorded_.language;
    for (std::size_t i = 0; i < recorded_.attempts.size(); ++i) {
        const QuizAttempt& a = recorded_.attempts[i];
        // An attempt neither submitted nor the latest was set aside before.
        if (!a.score && i + 1 != recorded_.attempts.size()) continue;
        if (auto kept = reconcile_attempt(a)) view.attempts.push_back(std::move(*kept));
    }
    progress_ = std::move(view);
    // The position last: whether its lesson is open depends on the rest.
    progress_.position = find_place();
    if (const Lesson* l = lesson(progress_.position.lesson)) {
        const Section* s = section(progress_.position);
        progress_.position_lesson = l->id;
        progress_.position_section = s ? s->id : std::string();
    }
}

Position Session::find_place() const {
    const Position recorded = recorded_.position;
    if (recorded.lesson < 0) return {};
    int index = recorded.lesson;
    if (!place_.lesson.empty()) index = course_->lesson_index(place_.lesson);
    const Lesson* l = lesson(index);
    if (!l || !lesson_open(index)) return {};
    const int pages = page_count(index);
    if (pages == 0) return {};
    if (place_.lesson.empty()) {
        // Records older than the ids: the page numbers, when they still fit.
        if (recorded.page < 0 || recorded.page >= pages) return {};
        return recorded;
    }
    if (place_.section.empty()) return {index, pages - 1};  // the check (or the last page, if it went)
    for (std::size_t i = 0; i < l->sections.size(); ++i)
        if (l->sections[i].id == place_.section) return {index, static_cast<int>(i)};
    return {index, std::clamp(place_.page, 0, pages - 1)};
}

std::optional<QuizAttempt> Session::reconcile_attempt(const QuizAttempt& recorded) const {
    QuizAttempt a;
    a.number = recorded.number;
    a.seed = recorded.seed;
    a.score = recorded.score;
    // A submitted attempt keeps its score and its answers: it is history.
    if (recorded.score) {
        a.answers = recorded.answers;
        a.order = recorded.order;
        for (const std::string& id : recorded.questions)
            if (!course_->quiz || quiz_question(id)) a.questions.push_back(id);
        return a;
    }
    for (const std::string& id : recorded.questions) {
        const Question* q = quiz_question(id);
        if (!q || a.order.count(id)) continue;  // gone from the quiz, or listed twice
        std::vector<std::string>& order = a.order[id];
        if (auto shown = recorded.order.find(id); shown != recorded.order.end())
            for (const std::string& option : shown->second)
                if (q->option(option) && std::find(order.begin(), order.end(), option) == order.end())
                    order.push_back(option);
        for (const Option& o : q->options)
            if (std::find(order.begin(), order.end(), o.id) == order.end()) order.push_back(o.id);
        a.questions.push_back(id);
        auto answer = recorded.answers.find(id);
        if (answer == recorded.answers.end()) continue;
        if (question_type(*q).valid_answer(*q, answer->second.chosen)) a.answers.insert(*answer);
    }
    if (a.questions.empty()) return std::nullopt;  // nothing left to answer: set aside
    return a;
}

const Question* Session::quiz_question(std::string_view id) const {
    if (!course_->quiz) return nullptr;
    for (const Question& q : course_->quiz->questions)
        if (q.id == id) return &q;
    return nullptr;
}

// --- navigation --------------------------------------------------------------

const Lesson* Session::lesson(int index) const {
    if (index < 0 || index >= static_cast<int>(course_->lessons.size())) return nullptr;
    return &course_->lessons[static_cast<std::size_t>(index)];
}

int Session::page_count(int index) const {
    const Lesson* l = lesson(index);
    assert(l && "page_count: not a lesson of this course");
    if (!l) return 0;
    return static_cast<int>(l->sections.size()) + (l->checks.empty() ? 0 : 1);
}

bool Session::is_check_page(Position p) const {
    const Lesson* l = lesson(p.lesson);
    return l && !l->checks.empty() && p.page == static_cast<int>(l->sections.size());
}

const Section* Session::section(Position p) const {
    const Lesson* l = lesson(p.lesson);
    if (!l || p.page < 0 || p.page >= static_cast<int>(l->sections.size())) return nullptr;
    return &l->sections[static_cast<std::size_t>(p.page)];
}

bool Session::lesson_open(int index) const {
    if (!lesson(index)) return false;
    return !course_->ordered || index == 0 || lesson_complete(index - 1);
}

bool Session::can_advance() const {
    const Position p = progress_.position;
    const Lesson* l = lesson(p.lesson);
    if (!l) return false;
    if (!is_check_page(p)) return true;
    // The attention check gates the way out of a lesson.
    for (const Question& q : l->checks)
        if (!check_answer(q.id)) return false;
    return true;
}

void Session::move(Position p) {
    if (p == progress_.position) {
        view_current();
        return;
    }
    Event e;
    e.kind = EventKind::position_changed;
    e.position = p;
    // The ids too, so that the place survives an edit of the course.
    if (const Lesson* l = lesson(p.lesson)) {
        const Section* s = section(p);
        e.lesson = l->id;
        e.target = s ? s->id : std::string();
    }
    emit(e);
    view_current();
}

void Session::view_current() {
    const Position p = progress_.position;
    const Section* s = section(p);
    if (!s) return;
    const std::string& lesson_id = lesson(p.lesson)->id;  // section() found it
    const LessonProgress* lp = progress_.lesson(lesson_id);
    if (lp && lp->viewed.count(s->id)) return;
    Event e;
    e.kind = EventKind::section_viewed;
    e.lesson = lesson_id;
    e.target = s->id;
    emit(e);
    complete_lessons_and_course();
}

void Session::open_lesson(int index) {
    if (!lesson_open(index) || page_count(index) == 0) return;
    const Lesson& l = *lesson(index);
    const LessonProgress* lp = progress_.lesson(l.id);
    int page = 0;
    if (lp && !lp->complete) {
        while (page < static_cast<int>(l.sections.size()) &&
               lp->viewed.count(l.sections[static_cast<std::size_t>(page)].id))
            ++page;
        page = std::min(page, page_count(index) - 1);
    }
    move({index, page});
}

void Session::go_to(Position p) {
    if (p.lesson < 0) return go_home();
    if (!lesson_open(p.lesson) || p.page < 0 || p.page >= page_count(p.lesson)) return;
    move(p);
}

bool Session::next() {
    const Position p = progress_.position;
    if (!lesson(p.lesson) || !can_advance()) return false;
    if (p.page + 1 < page_count(p.lesson)) {
        move({p.lesson, p.page + 1});
        return true;
    }
    if (lesson_open(p.lesson + 1) && page_count(p.lesson + 1) > 0) {
        move({p.lesson + 1, 0});
        return true;
    }
    return false;
}

bool Session::previous() {
    const Position p = progress_.position;
    if (p.lesson < 0) return false;
    if (p.page > 0) {
        move({p.lesson, p.page - 1});
        return true;
    }
    go_home();
    return true;
}

void Session::go_home() { move({}); }

// --- lessons -----------------------------------------------------------------

Evaluation Session::evaluate(const Question& q, const std::vector<std::string>& chosen) const {
    return question_type(q).evaluate(q, chosen);
}

Evaluation Session::answer_check(const std::string& question_id, const std::vector<std::string>& chosen) {
    for (std::size_t li = 0; li < course_->lessons.size(); ++li) {
        const Lesson& l = course_->lessons[li];
        for (const Question& q : l.checks) {
            if (q.id != question_id) continue;
            Evaluation ev = evaluate(q, chosen);
            if (chosen.empty()) return ev;
            Event e;
            e.kind = EventKind::check_answered;
            e.lesson = l.id;
            e.target = q.id;
            e.answer = {chosen, ev.correct, ev.credit};
            describe(e, q);
            emit(e);
            complete_lessons_and_course();
            return ev;
        }
    }
    return {};
}

const Answer* Session::check_answer(const std::string& question_id) const {
    for (const auto& [lesson_id, lp] : progress_.lessons) {
        auto it = lp.checks.find(question_id);
        if (it != lp.checks.end()) return &it->second;
    }
    return nullptr;
}

bool Session::lesson_complete(int index) const {
    const Lesson* l = lesson(index);
    assert(l && "lesson_complete: not a lesson of this course");
    if (!l) return false;
    const LessonProgress* lp = progress_.lesson(l->id);
    return lp && lp->complete;
}

double Session::lesson_fraction(int index) const {
    const Lesson* l = lesson(index);
    assert(l && "lesson_fraction: not a lesson of this course");
    if (!l) return 0.0;
    const LessonProgress* lp = progress_.lesson(l->id);
    const int total = static_cast<int>(l->sections.size() + l->checks.size());
    if (!lp || total == 0) return 0.0;
    int done = 0;
    for (const Section& s : l->sections) done += lp->viewed.count(s.id) ? 1 : 0;
    // Checked by id in this lesson's record: an answer kept under another lesson does not count here.
    for (const Question& q : l->checks) done += lp->checks.count(q.id) ? 1 : 0;
    return static_cast<double>(done) / total;
}

// Completion rules live here, not in a front end: a lesson is complete when
// every section was viewed and every check answered; the course when every
// lesson is complete and the quiz (if any) is passed.
void Session::complete_lessons_and_course() {
    bool all = true;
    for (std::size_t i = 0; i < course_->lessons.size(); ++i) {
        const Lesson& l = course_->lessons[i];
        if (lesson_complete(static_cast<int>(i))) continue;
        const bool done = lesson_fraction(static_cast<int>(i)) >= 1.0;
        if (done) {
            Event e;
            e.kind = EventKind::lesson_completed;
            e.lesson = l.id;
            emit(e);
        } else {
            all = false;
        }
    }
    const bool quiz_ok = !course_->quiz || quiz_state() == QuizState::passed;
    if (all && quiz_ok && !progress_.course_complete) {
        Event e;
        e.kind = EventKind::course_completed;
        emit(e);
    }
}

// --- final quiz --------------------------------------------------------------

int Session::attempts_left() const {
    if (!course_->quiz || course_->quiz->attempts == 0) return -1;
    return std::max(0, course_->quiz->attempts - progress_.attempts_submitted());
}

QuizState Session::quiz_state() const {
    if (!course_->quiz) return QuizState::locked;
    const auto best = progress_.best_score();
    if (best && best->passed) return QuizState::passed;
    if (progress_.open_attempt()) return QuizState::in_progress;
    if (attempts_left() == 0) return QuizState::failed_no_attempts_left;
    if (course_->quiz_after_lessons)
        for (std::size_t i = 0; i < course_->lessons.size(); ++i)
            if (!lesson_complete(static_cast<int>(i))) return QuizState::locked;
    return QuizState::open;
}

const QuizAttempt* Session::start_quiz(std::uint64_t seed) {
    if (const QuizAttempt* open = progress_.open_attempt()) return open;
    const QuizState state = quiz_state();
    // A passed quiz may be retaken for a better score while attempts remain.
    if (state == QuizState::locked || state == QuizState::failed_no_attempts_left) return nullptr;
    if (state == QuizState::passed && attempts_left() == 0) return nullptr;
    const Quiz& quiz = *course_->quiz;
    if (quiz.questions.empty()) return nullptr;  // an attempt at nothing would only be set aside

    std::mt19937_64 rng(seed);
    std::vector<const Question*> pool;
    for (const Question& q : quiz.questions) pool.push_back(&q);
    if (quiz.questions_per_attempt() < static_cast<int>(pool.size())) {
        shuffle(pool, rng);
        pool.resize(static_cast<std::size_t>(quiz.questions_per_attempt()));
        // Drawn questions keep the order the author gave them.
        std::sort(pool.begin(), pool.end());
    }
    Event e;
    e.kind = EventKind::quiz_started;
    // After every attempt recorded, set aside ones included: answers find their attempt by number.
    int last = 0;
    for (const QuizAttempt& a : recorded_.attempts) last = std::max(last, a.number);
    e.attempt = last + 1;
    e.seed = seed;
    for (const Question* q : pool) {
        e.questions.push_back(q->id);
        e.order[q->id] = question_type(*q).order(*q, quiz.shuffle, rng);
    }
    emit(e);
    return progress_.open_attempt();
}

bool Session::answer_quiz(const std::string& question_id, const std::vector<std::string>& chosen) {
    const QuizAttempt* attempt = progress_.open_attempt();
    if (!attempt || std::find(attempt->questions.begin(), attempt->questions.end(), question_id) ==
                        attempt->questions.end())
        return false;
    const Question* q = quiz_question(question_id);
    if (!q) return false;
    // Only answers of the question's shape: the records keep what was chosen, and an id of nothing is no
    // answer.
    if (!question_type(*q).valid_answer(*q, chosen)) return false;
    const Evaluation ev = evaluate(*q, chosen);
    Event e;
    e.kind = EventKind::quiz_answered;
    e.attempt = attempt->number;
    e.target = question_id;
    e.answer = {chosen, ev.correct, ev.credit};
    describe(e, *q);
    emit(e);
    return true;
}

std::optional<Score> Session::submit_quiz() {
    const QuizAttempt* attempt = progress_.open_attempt();
    if (!attempt || !course_->quiz) return std::nullopt;
    Score s;
    s.max = static_cast<int>(attempt->questions.size());
    for (const std::string& qid : attempt->questions) {
        auto it = attempt->answers.find(qid);
        const Question* q = quiz_question(qid);
        if (it != attempt->answers.end() && q) s.raw += evaluate(*q, it->second.chosen).credit;
    }
    // Partial credit makes fractions: rounded to millionths, so that the sum of three thirds is 1 and
    // exactly at the pass mark passes, with no rounding doubt.
    s.raw = std::round(s.raw * 1e6) / 1e6;
    s.scaled = s.max > 0 ? s.raw / s.max : 0.0;
    s.passed = std::llround(s.raw * 1e6) * 100 >= std::int64_t(course_->quiz->pass_mark) * s.max * 1000000;
    Event e;
    e.kind = EventKind::quiz_submitted;
    e.attempt = attempt->number;
    e.score = s;
    emit(e);
    complete_lessons_and_course();
    return s;
}

// What the records keep with an answer besides the answer: the prompt as the learner saw it, the type,
// and the question as xAPI defines it (the records know no course).
void Session::describe(Event& e, const Question& q) const {
    e.text = q.prompt.plain();
    e.question_type = q.type;
    e.interaction = question_type(q).xapi(q);
}

void Session::set_language(const std::string& language) {
    if (language == progress_.language) return;
    Event e;
    e.kind = EventKind::language_changed;
    e.target = language;
    emit(e);
}

}  // namespace lektion
