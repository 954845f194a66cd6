#include "session/session.hpp"

#include <algorithm>
#include <random>

#include "session/shuffle.hpp"

namespace lektion {

Session::Session(CoursePtr course, Progress progress, EventSink sink)
    : course_(std::move(course)), progress_(std::move(progress)), sink_(std::move(sink)) {
    // A position saved against an older version of the course may point past
    // its end now; the home page is always valid.
    const Position p = progress_.position;
    if (p.lesson >= static_cast<int>(course_->lessons.size()) ||
        (p.lesson >= 0 && (p.page < 0 || p.page >= page_count(p.lesson))))
        progress_.position = {};
}

void Session::set_course(CoursePtr course) {
    course_ = std::move(course);
    Position p = progress_.position;
    if (p.lesson >= static_cast<int>(course_->lessons.size())) p = {};
    else if (p.lesson >= 0) p.page = std::clamp(p.page, 0, page_count(p.lesson) - 1);
    progress_.position = p;
}

void Session::emit(Event e) {
    if (sink_) sink_(e);  // throws when the store cannot commit: nothing changes
    apply(progress_, e);
}

// --- navigation --------------------------------------------------------------

int Session::page_count(int lesson) const {
    const Lesson& l = course_->lessons.at(static_cast<std::size_t>(lesson));
    return static_cast<int>(l.sections.size()) + (l.checks.empty() ? 0 : 1);
}

bool Session::is_check_page(Position p) const {
    if (p.lesson < 0) return false;
    const Lesson& l = course_->lessons.at(static_cast<std::size_t>(p.lesson));
    return !l.checks.empty() && p.page == static_cast<int>(l.sections.size());
}

const Section* Session::section(Position p) const {
    if (p.lesson < 0) return nullptr;
    const Lesson& l = course_->lessons.at(static_cast<std::size_t>(p.lesson));
    return p.page >= 0 && p.page < static_cast<int>(l.sections.size())
               ? &l.sections[static_cast<std::size_t>(p.page)]
               : nullptr;
}

bool Session::lesson_open(int lesson) const {
    if (lesson < 0 || lesson >= static_cast<int>(course_->lessons.size())) return false;
    return !course_->ordered || lesson == 0 || lesson_complete(lesson - 1);
}

bool Session::can_advance() const {
    const Position p = progress_.position;
    if (p.lesson < 0) return false;
    if (!is_check_page(p)) return true;
    // The attention check gates the way out of a lesson.
    for (const Question& q : course_->lessons[static_cast<std::size_t>(p.lesson)].checks)
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
    emit(e);
    view_current();
}

void Session::view_current() {
    const Position p = progress_.position;
    const Section* s = section(p);
    if (!s) return;
    const std::string& lesson_id = course_->lessons[static_cast<std::size_t>(p.lesson)].id;
    const LessonProgress* lp = progress_.lesson(lesson_id);
    if (lp && lp->viewed.count(s->id)) return;
    Event e;
    e.kind = EventKind::section_viewed;
    e.lesson = lesson_id;
    e.target = s->id;
    emit(e);
    complete_lessons_and_course();
}

void Session::open_lesson(int lesson) {
    if (!lesson_open(lesson)) return;
    const Lesson& l = course_->lessons[static_cast<std::size_t>(lesson)];
    const LessonProgress* lp = progress_.lesson(l.id);
    int page = 0;
    if (lp && !lp->complete) {
        while (page < static_cast<int>(l.sections.size()) &&
               lp->viewed.count(l.sections[static_cast<std::size_t>(page)].id))
            ++page;
        page = std::min(page, page_count(lesson) - 1);
    }
    move({lesson, page});
}

void Session::go_to(Position p) {
    if (p.lesson < 0) return go_home();
    if (!lesson_open(p.lesson) || p.page < 0 || p.page >= page_count(p.lesson)) return;
    move(p);
}

bool Session::next() {
    const Position p = progress_.position;
    if (p.lesson < 0 || !can_advance()) return false;
    if (p.page + 1 < page_count(p.lesson)) {
        move({p.lesson, p.page + 1});
        return true;
    }
    if (lesson_open(p.lesson + 1)) {
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
    Evaluation ev;
    ev.correct = !chosen.empty();
    for (const Option& o : q.options) {
        const bool picked = std::find(chosen.begin(), chosen.end(), o.id) != chosen.end();
        if (o.correct) ev.correct_options.push_back(o.id);
        if (picked != o.correct) ev.correct = false;
        if (picked && o.feedback) ev.feedback.push_back(&*o.feedback);
    }
    // Every chosen id must name an option of this question.
    for (const std::string& id : chosen)
        if (!q.option(id)) ev.correct = false;
    ev.explanation = q.explanation ? &*q.explanation : nullptr;
    return ev;
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
            e.answer = {chosen, ev.correct};
            e.text = q.prompt.plain();
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

bool Session::lesson_complete(int lesson) const {
    const LessonProgress* lp = progress_.lesson(course_->lessons.at(static_cast<std::size_t>(lesson)).id);
    return lp && lp->complete;
}

double Session::lesson_fraction(int lesson) const {
    const Lesson& l = course_->lessons.at(static_cast<std::size_t>(lesson));
    const LessonProgress* lp = progress_.lesson(l.id);
    const int total = static_cast<int>(l.sections.size() + l.checks.size());
    if (!lp || total == 0) return 0.0;
    int done = 0;
    for (const Section& s : l.sections) done += lp->viewed.count(s.id) ? 1 : 0;
    for (const Question& q : l.checks) done += lp->checks.count(q.id) ? 1 : 0;
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
    e.attempt = static_cast<int>(progress_.attempts.size()) + 1;
    e.seed = seed;
    for (const Question* q : pool) {
        e.questions.push_back(q->id);
        std::vector<std::string> order;
        for (const Option& o : q->options) order.push_back(o.id);
        // True/false keeps its natural order; shuffling it only confuses.
        if (quiz.shuffle && q->type != QuestionType::truefalse) shuffle(order, rng);
        e.order[q->id] = std::move(order);
    }
    emit(e);
    return progress_.open_attempt();
}

bool Session::answer_quiz(const std::string& question_id, const std::vector<std::string>& chosen) {
    const QuizAttempt* attempt = progress_.open_attempt();
    if (!attempt || std::find(attempt->questions.begin(), attempt->questions.end(), question_id) ==
                        attempt->questions.end())
        return false;
    const Question* q = course_->question(question_id);
    if (!q) return false;
    Event e;
    e.kind = EventKind::quiz_answered;
    e.attempt = attempt->number;
    e.target = question_id;
    e.answer = {chosen, evaluate(*q, chosen).correct};
    e.text = q->prompt.plain();
    emit(e);
    return true;
}

std::optional<Score> Session::submit_quiz() {
    const QuizAttempt* attempt = progress_.open_attempt();
    if (!attempt) return std::nullopt;
    Score s;
    s.max = static_cast<int>(attempt->questions.size());
    for (const std::string& qid : attempt->questions) {
        auto it = attempt->answers.find(qid);
        const Question* q = course_->question(qid);
        if (it != attempt->answers.end() && q && evaluate(*q, it->second.chosen).correct) ++s.raw;
    }
    s.scaled = s.max > 0 ? static_cast<double>(s.raw) / s.max : 0.0;
    // Integer comparison: exactly at the pass mark passes, with no rounding doubt.
    s.passed = s.raw * 100 >= course_->quiz->pass_mark * s.max;
    Event e;
    e.kind = EventKind::quiz_submitted;
    e.attempt = attempt->number;
    e.score = s;
    emit(e);
    complete_lessons_and_course();
    return s;
}

void Session::set_language(const std::string& language) {
    if (language == progress_.language) return;
    Event e;
    e.kind = EventKind::language_changed;
    e.target = language;
    emit(e);
}

}  // namespace lektion
