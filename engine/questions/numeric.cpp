#include "questions/numeric.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include "l10n/strings.hpp"
#include "questions/limits.hpp"

namespace lektion {

namespace {

// What authors write in the XML, and answers keep: C form, "-3.25" or "1e6".
std::optional<double> c_number(std::string_view s) {
    double v = 0;
    if (s.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// The form the schema gives authored numbers: -?digits(.digits)?(e[+-]?digits)?, nothing else that
// from_chars would take (".5", "1.", "inf", "0x1p3").
bool authored_form(std::string_view s) {
    std::size_t i = 0;
    auto digits = [&](std::size_t max) {
        const std::size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - from < max) ++i;
        return i > from;
    };
    if (i < s.size() && s[i] == '-') ++i;
    if (!digits(SIZE_MAX)) return false;
    if (i < s.size() && s[i] == '.' && (++i, !digits(SIZE_MAX))) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits(3)) return false;
    }
    return i == s.size();
}

std::unique_ptr<icu::NumberFormat> format_for(std::string_view locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(
        icu::NumberFormat::createInstance(icu::Locale::forLanguageTag(std::string(locale), status), status));
    if (U_FAILURE(status) || !f) {
        status = U_ZERO_ERROR;
        f.reset(icu::NumberFormat::createInstance(icu::Locale::getRoot(), status));
    }
    if (U_FAILURE(status)) return nullptr;
    return f;
}

}  // namespace

std::optional<double> parse_learner_number(std::string_view typed, std::string_view locale) {
    if (typed.size() > question_limits::max_typed_bytes) return std::nullopt;
    std::unique_ptr<icu::NumberFormat> f = format_for(locale);
    if (!f) return c_number(typed);
    f->setGroupingUsed(false);
    f->setLenient(false);
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(typed.data(), static_cast<int32_t>(typed.size())));
    text.trim();
    if (text.isEmpty()) return std::nullopt;
    icu::Formattable result;
    icu::ParsePosition pos(0);
    f->parse(text, result, pos);
    if (pos.getErrorIndex() >= 0 || pos.getIndex() != text.length()) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    const double v = result.getDouble(status);
    if (U_FAILURE(status) || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string answer_number(double value) { return fmt::format("{}", value); }

std::optional<double> answer_value(std::string_view answer) { return c_number(answer); }

std::string learner_number(double value, std::string_view locale) {
    std::unique_ptr<icu::NumberFormat> f = format_for(locale);
    if (!f) return answer_number(value);
    f->setGroupingUsed(false);
    f->setMaximumFractionDigits(10);
    icu::UnicodeString out;
    f->format(value, out);
    std::string s;
    out.toUTF8String(s);
    return s;
}

namespace {

struct Rule {
    double low = 0, high = 0, value = 0, tolerance = 0;
    bool range = false;
};

Rule rule_of(const Question& q) {
    Rule r;
    if (auto min = c_number(q.setting("min")), max = c_number(q.setting("max")); min && max) {
        r.range = true, r.low = *min, r.high = *max;
        return r;
    }
    r.value = c_number(q.setting("value")).value_or(0);
    r.tolerance = c_number(q.setting("tolerance")).value_or(0);
    r.low = r.value - r.tolerance, r.high = r.value + r.tolerance;
    return r;
}

class Numeric : public QuestionType {
public:
    std::string_view name() const override { return "numeric"; }
    std::vector<std::string_view> attributes() const override { return {"value", "tolerance", "min", "max"}; }
    std::vector<ChildSlot> children() const override { return {}; }
    bool read_child(QuestionReader&, pugi::xml_node, Question&) const override { return false; }

    void check(QuestionReader& r, pugi::xml_node node, Question& q) const override {
        for (const char* name : {"value", "tolerance", "min", "max"})
            if (pugi::xml_attribute a = node.attribute(name)) {
                if (!authored_form(a.value()) || !c_number(a.value()))
                    r.error(a, node,
                            fmt::format("{}=\"{}\" must be a number such as 3.5 or -2", name, a.value()));
                else q.settings[name] = a.value();
            }
        const bool value = node.attribute("value"), tolerance = node.attribute("tolerance");
        const bool min = node.attribute("min"), max = node.attribute("max");
        if (value == (min || max) || min != max)
            r.error(node,
                    fmt::format("numeric question '{}' needs value (and perhaps tolerance) or min and max",
                                q.id));
        else if (tolerance && !value)
            r.error(node.attribute("tolerance"), node, "tolerance goes with value, not with min and max");
        if (auto t = c_number(q.setting("tolerance")); t && *t < 0)
            r.error(node.attribute("tolerance"), node, "tolerance cannot be negative");
        if (auto lo = c_number(q.setting("min")), hi = c_number(q.setting("max")); lo && hi && *lo > *hi)
            r.error(node, fmt::format("numeric question '{}' has min above max", q.id));
    }

    bool valid_answer(const Question&, const std::vector<std::string>& answer) const override {
        return answer.empty() || (answer.size() == 1 && c_number(answer[0]));
    }

    Evaluation evaluate(const Question& q, const std::vector<std::string>& answer) const override {
        Evaluation ev;
        if (answer.size() == 1)
            if (auto v = c_number(answer[0])) {
                const Rule r = rule_of(q);
                // A hair of slack for decimal fractions binary doubles cannot hold (0.1 + 0.2).
                const double slack = 1e-9 * std::max({1.0, std::abs(r.low), std::abs(r.high)});
                ev.correct = *v >= r.low - slack && *v <= r.high + slack;
            }
        ev.credit = ev.correct ? 1.0 : 0.0;
        ev.explanation = q.explanation ? &*q.explanation : nullptr;
        return ev;
    }

    std::string answer_words(const Question&, const std::vector<std::string>& answer) const override {
        if (answer.size() != 1) return {};
        auto v = c_number(answer[0]);
        return v ? learner_number(*v, ui_language()) : std::string();
    }

    std::string right_answer_words(const Question& q) const override {
        const Rule r = rule_of(q);
        const std::string lang = ui_language();
        if (r.range) return learner_number(r.low, lang) + " – " + learner_number(r.high, lang);
        if (r.tolerance > 0) return learner_number(r.value, lang) + " ± " + learner_number(r.tolerance, lang);
        return learner_number(r.value, lang);
    }

    std::vector<std::string> right_answer(const Question& q) const override {
        const Rule r = rule_of(q);
        return {answer_number(r.range ? (r.low + r.high) / 2 : r.value)};
    }

    XapiInteraction xapi(const Question& q) const override {
        XapiInteraction x;
        x.type = "numeric";
        const Rule r = rule_of(q);
        if (!r.range && r.tolerance == 0) x.correct_responses.push_back(answer_number(r.value));
        else x.correct_responses.push_back(answer_number(r.low) + "[:]" + answer_number(r.high));
        return x;
    }

    std::string xapi_response(const std::vector<std::string>& answer) const override {
        return answer.size() == 1 ? answer[0] : std::string();
    }
};

}  // namespace

std::unique_ptr<QuestionType> numeric_type() { return std::make_unique<Numeric>(); }

}  // namespace lektion
