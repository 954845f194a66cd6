#include "questions/fillin.hpp"

#include <memory>
#include <utility>

#include <fmt/format.h>
#include <unicode/coll.h>
#include <unicode/unistr.h>

#include "questions/limits.hpp"

namespace lektion {

namespace {

// Spaces around and between words do not count: "  to   be " is "to be".
std::string tidy_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

bool same_answer(std::string_view typed, std::string_view accepted, bool ignore_accents) {
    UErrorCode status = U_ZERO_ERROR;
    // The root collation: the same for every course language. Secondary strength ignores case only;
    // primary ignores accents too (ø and å among them: the root has them as o and a with a mark).
    thread_local std::unique_ptr<icu::Collator> collator(
        icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (!collator || U_FAILURE(status)) return tidy_spaces(typed) == tidy_spaces(accepted);
    collator->setStrength(ignore_accents ? icu::Collator::PRIMARY : icu::Collator::SECONDARY);
    const std::string a = tidy_spaces(typed), b = tidy_spaces(accepted);
    status = U_ZERO_ERROR;
    const UCollationResult r = collator->compareUTF8(a, b, status);
    return U_SUCCESS(status) && r == UCOL_EQUAL;
}

namespace {

class FillIn : public QuestionType {
public:
    std::string_view name() const override { return "fillin"; }
    bool has_parts() const override { return true; }
    std::vector<std::string_view> attributes() const override { return {"accents"}; }
    std::vector<ChildSlot> children() const override { return {{"gap", many_children}}; }
    UnitKinds unit_kinds() const override {
        return {"gap (the words before a gap the learner fills in)", "matching target",
                "accepted answer for a gap (each accepted answer is an alternative; translate each one, "
                "adding or dropping alternatives is not possible here)"};
    }

    bool read_child(QuestionReader& r, pugi::xml_node child, Question& q) const override {
        if (std::string_view(child.name()) != "gap") return false;
        Option gap;
        r.allow_attributes(child, {"id"});
        gap.id = r.id(child);
        r.order(child, {{"label", 1}, {"accept", many_children}, {"feedback", 1}});
        bool has_label = false;
        for (pugi::xml_node part : r.elements(child)) {
            const std::string_view n = part.name();
            if (n == "label") gap.label = r.text(part), has_label = true;
            else if (n == "accept") gap.accepted.push_back(r.text(part));
            else if (n == "feedback") gap.feedback = r.text(part);
            else r.unknown(part, child);
        }
        if (!has_label) r.error(child, "<gap> needs a <label>: the words before the gap");
        if (gap.accepted.empty()) r.error(child, fmt::format("gap '{}' has no <accept>", gap.id));
        if (gap.accepted.size() > question_limits::max_accepted)
            r.error(child, fmt::format("gap '{}' accepts {} answers; at most {}", gap.id, gap.accepted.size(),
                                       question_limits::max_accepted));
        q.options.push_back(std::move(gap));
        return true;
    }

    void check(QuestionReader& r, pugi::xml_node node, Question& q) const override {
        if (pugi::xml_attribute a = node.attribute("accents")) {
            const std::string_view v = a.value();
            if (v == "ignore" || v == "matter") q.settings["accents"] = std::string(v);
            else r.error(a, node, fmt::format("accents=\"{}\" must be ignore or matter", v));
        }
        if (q.options.empty() || q.options.size() > question_limits::max_gaps)
            r.error(node, fmt::format("fill-in question '{}' has {} gaps; it needs 1 to {}", q.id,
                                      q.options.size(), question_limits::max_gaps));
    }

    bool valid_answer(const Question& q, const std::vector<std::string>& answer) const override {
        if (answer.empty()) return true;
        if (answer.size() != q.options.size()) return false;
        for (const std::string& a : answer)
            if (a.size() > question_limits::max_typed_bytes) return false;
        return true;
    }

    Evaluation evaluate(const Question& q, const std::vector<std::string>& answer) const override {
        Evaluation ev;
        ev.parts = static_cast<int>(q.options.size());
        const bool ignore_accents = q.setting("accents") == "ignore";
        if (!answer.empty() && valid_answer(q, answer))
            for (std::size_t i = 0; i < q.options.size(); ++i) {
                const Option& gap = q.options[i];
                bool right = false;
                for (const Text& t : gap.accepted)
                    right = right || same_answer(answer[i], t.plain(), ignore_accents);
                ev.parts_right += right ? 1 : 0;
                if (!right && gap.feedback) ev.feedback.push_back(&*gap.feedback);
            }
        return scored_by_parts(q, std::move(ev));
    }

    std::string answer_words(const Question& q, const std::vector<std::string>& answer) const override {
        std::string out;
        for (std::size_t i = 0; i < answer.size() && i < q.options.size(); ++i)
            out +=
                (out.empty() ? "" : "; ") + (answer[i].empty() ? std::string("…") : tidy_spaces(answer[i]));
        return out;
    }

    std::vector<std::string> right_answer(const Question& q) const override {
        std::vector<std::string> right;
        for (const Option& gap : q.options)
            right.push_back(gap.accepted.empty() ? "" : gap.accepted[0].plain());
        return right;
    }

    std::string right_answer_words(const Question& q) const override {
        std::string out;
        for (const Option& gap : q.options) {
            std::string alternatives;
            for (const Text& t : gap.accepted)
                alternatives += (alternatives.empty() ? "" : " / ") + t.plain();
            out += (out.empty() ? "" : "; ") + alternatives;
        }
        return out;
    }

    XapiInteraction xapi(const Question& q) const override {
        XapiInteraction x;
        x.type = "fill-in";
        // Every combination of accepted answers is a right response; the first few of them, so that a
        // question of many gaps and alternatives does not make a statement of thousands.
        std::vector<std::string> patterns{""};
        for (std::size_t g = 0; g < q.options.size(); ++g) {
            std::vector<std::string> next;
            for (const std::string& p : patterns)
                for (const Text& t : q.options[g].accepted)
                    if (next.size() < question_limits::max_xapi_patterns)
                        next.push_back(p + (g == 0 ? "" : "[,]") + t.plain());
            patterns = std::move(next);
        }
        for (const std::string& p : patterns) x.correct_responses.push_back("{case_matters=false}" + p);
        return x;
    }

    std::string xapi_response(const std::vector<std::string>& answer) const override {
        std::string out;
        for (std::size_t i = 0; i < answer.size(); ++i) out += (i ? "[,]" : "") + tidy_spaces(answer[i]);
        return out;
    }
};

}  // namespace

std::unique_ptr<QuestionType> fillin_type() { return std::make_unique<FillIn>(); }

}  // namespace lektion
