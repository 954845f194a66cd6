#include "records/event_json.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "records/interaction.hpp"
#include "records/printable.hpp"
#include "records/uuid.hpp"
#include "records/xapi.hpp"

namespace lektion {

namespace {

using nlohmann::json;

// Bounds no real event comes near: a prompt is a paragraph, a quiz a few
// dozen questions of a few options.
constexpr std::size_t max_text_bytes = 16 * 1024;
constexpr std::size_t max_version_bytes = 100;
constexpr std::size_t max_ids = 1000;
constexpr std::size_t max_answer_bytes = 1024;  // a gap's answer is a word or two, a number a few digits
constexpr std::int64_t max_count = 1'000'000;   // attempts, pages, scores
constexpr std::int64_t max_duration_ms = std::int64_t{1} << 40;

json score_json(const Score& s) {
    return {{"raw", score_raw_json(s.raw)}, {"max", s.max}, {"scaled", s.scaled}, {"passed", s.passed}};
}

// The reader: each getter records the first problem and returns a neutral value.
struct Reader {
    const json& j;
    std::string& problem;

    bool ok() const { return problem.empty(); }
    void fail(std::string why) {
        if (problem.empty()) problem = std::move(why);
    }
    const json* find(const char* key) const {
        const auto it = j.find(key);
        return it == j.end() ? nullptr : &*it;
    }
    std::string text(const char* key, bool required, std::size_t max_bytes = max_text_bytes) {
        const json* v = find(key);
        if (!v) {
            if (required) fail(fmt::format("has no \"{}\"", key));
            return {};
        }
        if (!v->is_string()) {
            fail(fmt::format("\"{}\" is not text", key));
            return {};
        }
        const std::string& s = v->get_ref<const std::string&>();
        if (s.size() > max_bytes) fail(fmt::format("\"{}\" is longer than {} bytes", key, max_bytes));
        else if (!shows_as_is(s)) fail(fmt::format("\"{}\" holds control or invisible characters", key));
        return ok() ? s : std::string();
    }
    std::string id(const char* key, bool required) {
        const std::string s = text(key, required, 200);
        if (ok() && !s.empty() && !is_course_id(s)) fail(fmt::format("\"{}\" is not an id", key));
        return ok() ? s : std::string();
    }
    std::int64_t integer(const char* key, std::int64_t low, std::int64_t high, bool required) {
        const json* v = find(key);
        if (!v) {
            if (required) fail(fmt::format("has no \"{}\"", key));
            return 0;
        }
        if (!v->is_number_integer()) {
            fail(fmt::format("\"{}\" is not a whole number", key));
            return 0;
        }
        // A number beyond int64 arrives as number_unsigned; is_number_integer covers both.
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(high)) {
            fail(fmt::format("\"{}\" is out of range", key));
            return 0;
        }
        const auto n = v->get<std::int64_t>();
        if (n < low || n > high) fail(fmt::format("\"{}\" is out of range", key));
        return ok() ? n : 0;
    }
    bool boolean(const char* key) {
        const json* v = find(key);
        if (!v || !v->is_boolean()) {
            fail(fmt::format("\"{}\" is not true or false", key));
            return false;
        }
        return v->get<bool>();
    }
    std::vector<std::string> ids(const json* v, const char* what) {
        std::vector<std::string> out;
        if (!v || !v->is_array() || v->size() > max_ids) {
            fail(fmt::format("\"{}\" is not a list of ids", what));
            return out;
        }
        for (const json& e : *v) {
            if (!e.is_string() || !is_course_id(e.get_ref<const std::string&>())) {
                fail(fmt::format("\"{}\" holds something that is not an id", what));
                return {};
            }
            out.push_back(e.get<std::string>());
        }
        return out;
    }
    // An answer in its question type's form: option ids, but also typed text and numbers.
    std::vector<std::string> answer(const json* v) {
        std::vector<std::string> out;
        if (!v || !v->is_array() || v->size() > max_ids) {
            fail("\"chosen\" is not a list of answers");
            return out;
        }
        for (const json& e : *v) {
            if (!e.is_string() || e.get_ref<const std::string&>().size() > max_answer_bytes ||
                !shows_as_is(e.get_ref<const std::string&>())) {
                fail("\"chosen\" holds something that is no answer");
                return {};
            }
            out.push_back(e.get<std::string>());
        }
        return out;
    }
};

bool read_score(const json* v, Score& s, std::string& problem) {
    if (!v || !v->is_object()) {
        problem = "\"score\" is missing";
        return false;
    }
    Reader r{*v, problem};
    const auto raw = v->find("raw");
    if (raw == v->end() || !raw->is_number() || !std::isfinite(raw->get<double>()) ||
        raw->get<double>() < 0 || raw->get<double>() > max_count)
        r.fail("\"score.raw\" is not a number from 0 to its maximum");
    else s.raw = raw->get<double>();
    s.max = static_cast<int>(r.integer("max", 0, max_count, true));
    s.passed = r.boolean("passed");
    const auto scaled = v->find("scaled");
    if (scaled == v->end() || !scaled->is_number() || !std::isfinite(scaled->get<double>()) ||
        scaled->get<double>() < 0 || scaled->get<double>() > 1)
        r.fail("\"score.scaled\" is not a number from 0 to 1");
    else s.scaled = scaled->get<double>();
    if (r.ok() && s.raw > s.max) r.fail("\"score.raw\" is above its maximum");
    return r.ok();
}

}  // namespace

bool is_course_id(std::string_view id) {
    if (id.empty() || id.size() > 200) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '-' && c != '_'))) return false;
    }
    return true;
}

bool is_timestamp(std::string_view at) {
    static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (at.size() != shape.size()) return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] == 'd' ? (at[i] < '0' || at[i] > '9') : at[i] != shape[i]) return false;
    }
    return true;
}

json score_raw_json(double raw) {
    const double whole = std::round(raw);
    if (std::abs(raw - whole) < 1e-9) return static_cast<std::int64_t>(whole);
    return raw;
}

json event_to_json(const RecordedEvent& r) {
    const Event& e = r.event;
    json j = {{"uuid", r.uuid},
              {"at", r.at},
              {"course_version", r.course_version},
              {"language", r.language},
              {"kind", to_string(e.kind)},
              {"duration_ms", e.duration_ms},
              {"device", r.device},
              {"device_seq", r.device_seq},
              {"registration", r.registration},
              {"seq", r.seq}};
    if (!e.lesson.empty()) j["lesson"] = e.lesson;
    if (!e.target.empty()) j["target"] = e.target;
    if (e.attempt) j["attempt"] = e.attempt;
    if (!e.text.empty()) j["text"] = e.text;
    switch (e.kind) {
        case EventKind::check_answered:
        case EventKind::quiz_answered:
            j["chosen"] = e.answer.chosen;
            j["correct"] = e.answer.correct;
            j["credit"] = e.answer.credit;
            j["question_type"] = e.question_type;
            if (!e.interaction.empty()) j["interaction"] = interaction_json(e.interaction);
            break;
        case EventKind::quiz_started:
            j["seed"] = std::to_string(e.seed);
            j["questions"] = e.questions;
            j["order"] = e.order;
            break;
        case EventKind::quiz_submitted: j["score"] = score_json(e.score); break;
        case EventKind::position_changed:
            j["position"] = {{"lesson", e.position.lesson}, {"page", e.position.page}};
            break;
        default: break;
    }
    return j;
}

bool same_content(const RecordedEvent& a, const RecordedEvent& b) {
    const Event& x = a.event;
    const Event& y = b.event;
    if (a.uuid != b.uuid || a.at != b.at || a.course_version != b.course_version ||
        a.language != b.language || x.kind != y.kind || x.duration_ms != y.duration_ms ||
        a.device != b.device || a.device_seq != b.device_seq || a.registration != b.registration ||
        x.lesson != y.lesson || x.target != y.target || x.attempt != y.attempt || x.text != y.text)
        return false;
    switch (x.kind) {
        case EventKind::check_answered:
        case EventKind::quiz_answered:
            return x.answer.chosen == y.answer.chosen && x.answer.correct == y.answer.correct &&
                   x.answer.credit == y.answer.credit && x.question_type == y.question_type &&
                   interaction_json(x.interaction) == interaction_json(y.interaction);
        case EventKind::quiz_started:
            return x.seed == y.seed && x.questions == y.questions && x.order == y.order;
        case EventKind::quiz_submitted:
            return x.score.raw == y.score.raw && x.score.max == y.score.max &&
                   x.score.scaled == y.score.scaled && x.score.passed == y.score.passed;
        case EventKind::position_changed: return x.position == y.position;
        default: return true;
    }
}

bool event_from_json(const json& j, RecordedEvent& out, std::string& problem) {
    problem.clear();
    if (!j.is_object()) {
        problem = "is not an object";
        return false;
    }
    Reader r{j, problem};
    RecordedEvent ev;
    ev.uuid = r.text("uuid", true, 36);
    if (r.ok() && !is_lower_uuid(ev.uuid)) r.fail("\"uuid\" is not a UUID");
    ev.at = r.text("at", true, 24);
    if (r.ok() && !is_timestamp(ev.at)) r.fail("\"at\" is not a UTC time such as 2025-03-01T09:30:12.345Z");
    ev.course_version = r.text("course_version", true, max_version_bytes);
    ev.language = r.text("language", true, 35);
    if (r.ok() && !ev.language.empty() && !is_language_tag(ev.language))
        r.fail("\"language\" is not a language tag");
    const std::string kind = r.text("kind", true, 40);
    const auto k = event_kind_from(kind);
    if (r.ok() && !k) r.fail(fmt::format("kind \"{}\" is unknown to this lektion", kind));
    Event& e = ev.event;
    if (k) e.kind = *k;
    e.duration_ms = r.integer("duration_ms", 0, max_duration_ms, true);
    ev.device = r.text("device", true, 36);
    if (r.ok() && !is_lower_uuid(ev.device)) r.fail("\"device\" is not a UUID");
    ev.device_seq = r.integer("device_seq", 1, std::numeric_limits<std::int64_t>::max(), true);
    ev.registration = r.text("registration", true, 36);
    if (r.ok() && !ev.registration.empty() && !is_lower_uuid(ev.registration))
        r.fail("\"registration\" is not a UUID");
    e.lesson = r.id("lesson", false);
    if (e.kind == EventKind::language_changed) {
        e.target = r.text("target", true, 35);
        if (r.ok() && !is_language_tag(e.target)) r.fail("\"target\" is not a language tag");
    } else {
        e.target = r.id("target", false);
    }
    e.attempt = static_cast<int>(r.integer("attempt", 0, max_count, false));
    e.text = r.text("text", false);
    if (!r.ok()) return false;
    switch (e.kind) {
        case EventKind::check_answered:
        case EventKind::quiz_answered:
            e.answer.chosen = r.answer(r.find("chosen"));
            e.answer.correct = r.boolean("correct");
            // Files written before schema 5 have neither: choice questions, credit as correctness gave it.
            if (const json* credit = r.find("credit")) {
                if (!credit->is_number() || !std::isfinite(credit->get<double>()) ||
                    credit->get<double>() < 0 || credit->get<double>() > 1)
                    r.fail("\"credit\" is not a number from 0 to 1");
                else e.answer.credit = credit->get<double>();
            } else {
                e.answer.credit = e.answer.correct ? 1.0 : 0.0;
            }
            e.question_type = r.find("question_type") ? r.id("question_type", true) : legacy_question_type;
            if (const json* x = r.find("interaction"); x && !interaction_from_json(*x, e.interaction))
                r.fail("\"interaction\" is not a question's xAPI definition");
            break;
        case EventKind::quiz_started: {
            const std::string seed = r.text("seed", true, 20);
            if (r.ok()) {
                const bool digits =
                    !seed.empty() && seed.find_first_not_of("0123456789") == std::string::npos;
                try {
                    if (!digits) throw std::invalid_argument(seed);
                    e.seed = std::stoull(seed);
                } catch (const std::exception&) {
                    r.fail("\"seed\" is not a 64-bit number");
                }
            }
            e.questions = r.ids(r.find("questions"), "questions");
            const json* order = r.find("order");
            if (!order || !order->is_object() || order->size() > max_ids) {
                r.fail("\"order\" is not a map of question ids");
                break;
            }
            for (const auto& [question, options] : order->items()) {
                if (!is_course_id(question)) r.fail("\"order\" holds something that is not an id");
                if (!r.ok()) break;
                e.order[question] = r.ids(&options, "order");
            }
            break;
        }
        case EventKind::quiz_submitted: read_score(r.find("score"), e.score, problem); break;
        case EventKind::position_changed: {
            const json* p = r.find("position");
            if (!p || !p->is_object()) {
                r.fail("\"position\" is missing");
                break;
            }
            Reader pos{*p, problem};
            e.position.lesson = static_cast<int>(pos.integer("lesson", -1, max_count, true));
            e.position.page = static_cast<int>(pos.integer("page", 0, max_count, true));
            break;
        }
        default: break;
    }
    if (!r.ok()) return false;
    out = std::move(ev);
    return true;
}

}  // namespace lektion
