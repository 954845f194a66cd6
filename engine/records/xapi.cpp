#include "records/xapi.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/line_map.hpp"
#include "records/event_json.hpp"
#include "records/interaction.hpp"
#include "records/json_depth.hpp"
#include "records/printable.hpp"
#include "records/sha256.hpp"
#include "records/timestamp.hpp"
#include "records/uuid.hpp"

namespace lektion {

namespace {

using nlohmann::json;

std::string dump(const json& j, int indent = -1) {
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// Ids are authored as lower-case ASCII, but nothing may break an IRI.
std::string escape(std::string_view id) {
    std::string out;
    for (unsigned char c : id) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string trimmed_base(std::string base) {
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

json verb(const char* name) {
    return {{"id", std::string("http://adlnet.gov/expapi/verbs/") + name}, {"display", {{"en-US", name}}}};
}

json activity(const std::string& id, const char* type = nullptr, const std::string& name = {},
              const std::string& language = {}) {
    json a = {{"objectType", "Activity"}, {"id", id}};
    json definition = json::object();
    if (type) definition["type"] = std::string("http://adlnet.gov/expapi/activities/") + type;
    if (!name.empty()) definition["name"] = {{is_language_tag(language) ? language : "und", name}};
    if (!definition.empty()) a["definition"] = definition;
    return a;
}

struct Ids {
    std::string course;
    std::string lesson(const std::string& l) const { return course + "/lessons/" + escape(l); }
    std::string section(const std::string& l, const std::string& s) const {
        return lesson(l) + "/sections/" + escape(s);
    }
    std::string check(const std::string& l, const std::string& q) const {
        return lesson(l) + "/questions/" + escape(q);
    }
    std::string quiz() const { return course + "/quiz"; }
    std::string quiz_question(const std::string& q) const { return quiz() + "/questions/" + escape(q); }
};

json components(const std::vector<XapiComponent>& list, const std::string& language) {
    json out = json::array();
    for (const XapiComponent& c : list) {
        json component = {{"id", c.id}};
        if (!c.description.empty())
            component["description"] = {{is_language_tag(language) ? language : "und", c.description}};
        out.push_back(component);
    }
    return out;
}

// The question as xAPI 1.0.3 defines its interaction, from what the answer
// recorded; answers recorded before schema 5 say only that they were a choice.
json answered(const Event& e, const std::string& id, const std::string& language) {
    json q = activity(id, "cmi.interaction", e.text, language);
    const XapiInteraction& x = e.interaction;
    q["definition"]["interactionType"] = x.empty() ? "choice" : x.type;
    if (x.empty()) return q;
    q["definition"]["correctResponsesPattern"] = x.correct_responses;
    if (!x.choices.empty()) q["definition"]["choices"] = components(x.choices, language);
    if (!x.source.empty()) q["definition"]["source"] = components(x.source, language);
    if (!x.target.empty()) q["definition"]["target"] = components(x.target, language);
    return q;
}

// The statement for one event, without the chain; null for events xAPI has no verb for.
json statement(const LearnerCourse& lc, const RecordedEvent& r, const Ids& ids, const XapiOptions& options,
               const std::string& registration) {
    const Event& e = r.event;
    json s;
    json result = json::object();
    json parents = json::array();
    switch (e.kind) {
        case EventKind::section_viewed:
            s["verb"] = verb("experienced");
            s["object"] = activity(ids.section(e.lesson, e.target));
            parents.push_back(activity(ids.lesson(e.lesson), "lesson"));
            break;
        case EventKind::check_answered:
        case EventKind::quiz_answered: {
            const bool check = e.kind == EventKind::check_answered;
            s["verb"] = verb("answered");
            s["object"] =
                answered(e, check ? ids.check(e.lesson, e.target) : ids.quiz_question(e.target), r.language);
            result["success"] = e.answer.correct;
            // Partial credit: how much of the question was right.
            if (e.answer.credit > 0 && e.answer.credit < 1)
                result["score"] = {
                    {"scaled", e.answer.credit}, {"raw", e.answer.credit}, {"min", 0}, {"max", 1}};
            result["response"] = xapi_response(e.question_type, e.answer.chosen);
            parents.push_back(check ? activity(ids.lesson(e.lesson), "lesson")
                                    : activity(ids.quiz(), "assessment"));
            break;
        }
        case EventKind::lesson_completed:
            s["verb"] = verb("completed");
            s["object"] = activity(ids.lesson(e.lesson), "lesson");
            result["completion"] = true;
            break;
        case EventKind::quiz_started:
            s["verb"] = verb("attempted");
            s["object"] = activity(ids.quiz(), "assessment");
            break;
        case EventKind::quiz_submitted:
            s["verb"] = verb(e.score.passed ? "passed" : "failed");
            s["object"] = activity(ids.quiz(), "assessment");
            result["score"] = {{"scaled", std::clamp(e.score.scaled, -1.0, 1.0)},
                               {"raw", score_raw_json(e.score.raw)},
                               {"min", 0},
                               {"max", e.score.max}};
            result["success"] = e.score.passed;
            result["completion"] = true;
            break;
        case EventKind::course_completed:
            s["verb"] = verb("completed");
            s["object"] = activity(ids.course, "course");
            result["completion"] = true;
            break;
        case EventKind::position_changed:
        case EventKind::language_changed: return nullptr;
    }
    if (e.duration_ms > 0) result["duration"] = iso_duration(e.duration_ms);

    s["id"] = r.uuid;
    s["version"] = "1.0.3";
    s["timestamp"] = r.at;
    s["actor"] = {{"objectType", "Agent"},
                  {"account", {{"homePage", options.home_page}, {"name", lc.learner.name}}}};
    if (!result.empty()) s["result"] = result;
    json context = {{"platform", "lektion"}, {"revision", r.course_version}};
    if (is_uuid(registration)) context["registration"] = registration;
    if (is_language_tag(r.language)) context["language"] = r.language;
    json activities = {{"grouping", json::array({activity(ids.course, "course")})}};
    if (!parents.empty()) activities["parent"] = parents;
    context["contextActivities"] = activities;
    if (e.attempt > 0) context["extensions"][attempt_extension] = e.attempt;
    s["context"] = context;
    return s;
}

std::string digest(json statement) {
    statement["context"]["extensions"][chain_extension].erase("sha256");
    return sha256_hex(dump(statement));
}

void chain(json& statements) {
    std::string previous;
    const std::size_t total = statements.size();
    for (std::size_t i = 0; i < total; ++i) {
        json& s = statements[i];
        s["context"]["extensions"][chain_extension] = {
            {"sequence", i + 1}, {"total", total}, {"previous", previous}};
        previous = digest(s);
        s["context"]["extensions"][chain_extension]["sha256"] = previous;
    }
}

ChainCheck broken(std::size_t position, std::size_t total, const json& s, const std::string& why) {
    ChainCheck c;
    c.statements = total;
    c.broken = position;
    const json* id = s.is_object() && s.contains("id") ? &s["id"] : nullptr;
    c.message = fmt::format("statement {} of {}{}: {}", position, total,
                            id && id->is_string() ? " (id " + id->get<std::string>() + ")" : "", why);
    return c;
}

const json* chain_of(const json& s) {
    if (!s.is_object()) return nullptr;
    const auto context = s.find("context");
    if (context == s.end() || !context->is_object()) return nullptr;
    const auto ext = context->find("extensions");
    if (ext == context->end() || !ext->is_object()) return nullptr;
    const auto c = ext->find(chain_extension);
    if (c == ext->end() || !c->is_object()) return nullptr;
    for (const char* key : {"sequence", "total"})
        if (!c->contains(key) || !(*c)[key].is_number_unsigned()) return nullptr;
    for (const char* key : {"previous", "sha256"})
        if (!c->contains(key) || !(*c)[key].is_string()) return nullptr;
    return &*c;
}

// Deeper than any statement nests (about six levels): what lies deeper would
// only exhaust the stack of the recursive dump() that digests a statement.
constexpr int max_nesting = 100;

ChainCheck malformed(std::string_view text, std::size_t offset, std::string why) {
    ChainCheck c;
    const LineMap lines(text);
    std::tie(c.line, c.column) = lines.locate(offset);
    c.message = std::move(why);
    return c;
}

}  // namespace

bool is_language_tag(std::string_view tag) {
    // Subtags of 1-8 letters or digits joined by hyphens, the first of 2-8 letters.
    if (tag.empty() || tag.size() > 35) return false;
    std::size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
        const std::size_t end = std::min(tag.find('-', start), tag.size());
        const std::string_view sub = tag.substr(start, end - start);
        if (sub.empty() || sub.size() > 8) return false;
        for (unsigned char c : sub)
            if (first ? !std::isalpha(c) : !std::isalnum(c)) return false;
        if (first && sub.size() < 2) return false;
        first = false;
        start = end + 1;
    }
    return true;
}

namespace {

// The statements of the scope without the chain, with the seq of each one's event.
json statements_of(const Store& store, const ExportScope& scope, const XapiOptions& options,
                   std::vector<std::int64_t>* seqs) {
    const std::string base = trimmed_base(options.activity_base);
    json statements = json::array();
    for (const LearnerCourse& lc : gather(store, scope)) {
        const Ids ids{base + "/" + escape(lc.course_id)};
        for (const RecordedEvent& r : lc.events) {
            // The registration the event was recorded under: the same statement from every PC.
            json s = statement(lc, r, ids, options, r.registration);
            if (s.is_null()) continue;
            statements.push_back(std::move(s));
            if (seqs) seqs->push_back(r.seq);
        }
    }
    return statements;
}

}  // namespace

std::string xapi_export(const Store& store, const ExportScope& scope, const XapiOptions& options) {
    json statements = statements_of(store, scope, options, nullptr);
    chain(statements);
    return dump(statements, 2) + "\n";
}

std::vector<XapiStatement> xapi_statements(const Store& store, const ExportScope& scope,
                                           const XapiOptions& options) {
    std::vector<std::int64_t> seqs;
    const json statements = statements_of(store, scope, options, &seqs);
    std::vector<XapiStatement> out;
    out.reserve(statements.size());
    for (std::size_t i = 0; i < statements.size(); ++i)
        // ASCII only (non-ASCII as \uXXXX escapes, the same JSON text): an
        // LRS that decodes each network chunk on its own, as Learning
        // Locker's statement service does, would otherwise store U+FFFD for a
        // character that a chunk boundary splits, and then refuse the same
        // statement sent again as a conflict.
        out.push_back({seqs[i], statements[i]["id"].get<std::string>(),
                       statements[i].dump(-1, ' ', true, json::error_handler_t::replace)});
    return out;
}

ChainCheck verify_xapi_chain(std::string_view text) {
    if (const auto at = json_too_deep(text, max_nesting))
        return malformed(text, *at, fmt::format("JSON nested deeper than {} levels", max_nesting));
    json statements;
    try {
        statements = json::parse(text);
    } catch (const json::parse_error& e) {
        // what() is "[json.exception.parse_error.101] parse error at line L, column C: why";
        // the position is given by byte (1-based) instead, as lines and characters.
        const std::string what = e.what();
        const std::size_t colon = what.find(": ", what.find("parse error"));
        const std::string why = colon == std::string::npos ? what : what.substr(colon + 2);
        return malformed(text, e.byte > 0 ? e.byte - 1 : 0, "not valid JSON: " + printable(why));
    } catch (const json::exception& e) {  // a number out of range, say: no position given
        ChainCheck c;
        c.message = "not valid JSON: " + printable(e.what());
        return c;
    }
    ChainCheck c;
    if (!statements.is_array()) {
        c.message = "not a JSON array of xAPI statements";
        return c;
    }
    if (statements.empty()) {
        c.message = "no statements";
        return c;
    }
    const std::size_t n = statements.size();
    std::string previous;
    for (std::size_t i = 0; i < n; ++i) {
        const json& s = statements[i];
        const json* link = chain_of(s);
        if (!link) return broken(i + 1, n, s, "has no lektion chain extension (added or edited)");
        if ((*link)["sha256"].get<std::string>() != digest(s))
            return broken(i + 1, n, s, "was edited (its SHA-256 does not match its content)");
        if ((*link)["previous"].get<std::string>() != previous)
            return broken(i + 1, n, s,
                          i == 0 ? "is not the first of its chain (statements before it were removed)"
                                 : "does not follow the statement before it (one was removed, "
                                   "reordered or edited in between)");
        if ((*link)["sequence"].get<std::size_t>() != i + 1)
            return broken(i + 1, n, s, "is out of place (statements were removed or reordered)");
        previous = (*link)["sha256"].get<std::string>();
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t total = (*chain_of(statements[i]))["total"].get<std::size_t>();
        if (total == n) continue;
        c.statements = n;
        c.broken = n + 1;
        c.message = total > n ? fmt::format(
                                    "statement {} of {} is missing: the chain holds {} statements, "
                                    "the file {} (the last ones were removed)",
                                    n + 1, total, total, n)
                              : fmt::format("the chain holds {} statements, the file {}", total, n);
        return c;
    }
    c.intact = true;
    c.statements = n;
    c.message = fmt::format("{} statement{}, chain intact", n, n == 1 ? "" : "s");
    return c;
}

}  // namespace lektion
