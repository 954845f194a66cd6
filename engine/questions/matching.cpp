#include "questions/matching.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "questions/choice.hpp"
#include "questions/limits.hpp"

namespace lektion {

std::string matching_pair(std::string_view item, std::string_view target) {
    return fmt::format("{}={}", item, target);
}

std::optional<std::pair<std::string, std::string>> split_matching_pair(std::string_view entry) {
    const std::size_t at = entry.find('=');
    if (at == std::string_view::npos || at == 0 || at + 1 == entry.size() ||
        entry.find('=', at + 1) != std::string_view::npos)
        return std::nullopt;
    return std::pair{std::string(entry.substr(0, at)), std::string(entry.substr(at + 1))};
}

namespace {

class Matching : public QuestionType {
public:
    std::string_view name() const override { return "matching"; }
    bool has_parts() const override { return true; }
    std::vector<ChildSlot> children() const override {
        return {{"item", many_children}, {"target", many_children}};
    }
    UnitKinds unit_kinds() const override {
        return {"matching item (left column: each is paired with one target)",
                "matching target (right column: what items are paired with)", "accepted answer"};
    }

    bool read_child(QuestionReader& r, pugi::xml_node child, Question& q) const override {
        const std::string_view n = child.name();
        if (n == "target") {
            q.targets.push_back(read_option(r, child, false));
            return true;
        }
        if (n != "item") return false;
        // An item is an option with a match: read its attribute here, the rest as an option's.
        Option o;
        r.allow_attributes(child, {"id", "match"});
        o.id = r.id(child);
        o.match = child.attribute("match").value();
        if (!child.attribute("match"))
            r.error(child, "<item> of a matching question needs match=\"target id\"");
        r.order(child, {{"label", 1}, {"feedback", 1}});
        bool has_label = false;
        for (pugi::xml_node part : r.elements(child)) {
            const std::string_view pn = part.name();
            if (pn == "label") o.label = r.text(part), has_label = true;
            else if (pn == "feedback") o.feedback = r.text(part);
            else r.unknown(part, child);
        }
        if (!has_label) r.error(child, "<item> needs a <label>");
        q.options.push_back(std::move(o));
        return true;
    }

    void check(QuestionReader& r, pugi::xml_node node, Question& q) const override {
        const auto items = q.options.size(), targets = q.targets.size();
        if (items < 2 || items > question_limits::max_items)
            r.error(node, fmt::format("matching question '{}' has {} items; it needs 2 to {}", q.id, items,
                                      question_limits::max_items));
        if (targets < 2 || targets > question_limits::max_items)
            r.error(node, fmt::format("matching question '{}' has {} targets; it needs 2 to {}", q.id,
                                      targets, question_limits::max_items));
        pugi::xml_node item = node.child("item");
        for (const Option& o : q.options) {
            while (item && std::string_view(item.name()) != "item") item = item.next_sibling();
            if (!o.match.empty() && !q.target(o.match))
                r.error(item.attribute("match"), item,
                        fmt::format("item '{}' is matched with '{}', which is no <target> of question '{}'",
                                    o.id, o.match, q.id));
            if (item) item = item.next_sibling();
        }
    }

    bool valid_answer(const Question& q, const std::vector<std::string>& answer) const override {
        std::set<std::string> seen;
        for (const std::string& entry : answer) {
            auto pair = split_matching_pair(entry);
            if (!pair || !q.option(pair->first) || !q.target(pair->second) ||
                !seen.insert(pair->first).second)
                return false;
        }
        return true;
    }

    Evaluation evaluate(const Question& q, const std::vector<std::string>& answer) const override {
        Evaluation ev;
        ev.parts = static_cast<int>(q.options.size());
        for (const Option& o : q.options) {
            const std::string* chosen = nullptr;
            for (const std::string& entry : answer)
                if (auto pair = split_matching_pair(entry); pair && pair->first == o.id && !chosen)
                    chosen = &entry;
            const bool right = chosen && *split_matching_pair(*chosen) == std::pair{o.id, o.match};
            ev.parts_right += right ? 1 : 0;
            if (chosen && !right && o.feedback) ev.feedback.push_back(&*o.feedback);
        }
        if (!valid_answer(q, answer)) ev.parts_right = 0;  // an item paired twice, or a name of nothing
        return scored_by_parts(q, std::move(ev));
    }

    std::string answer_words(const Question& q, const std::vector<std::string>& answer) const override {
        std::string out;
        for (const Option& o : q.options)
            for (const std::string& entry : answer)
                if (auto pair = split_matching_pair(entry); pair && pair->first == o.id)
                    if (const Option* t = q.target(pair->second))
                        out += (out.empty() ? "" : "; ") + o.label.plain() + " → " + t->label.plain();
        return out;
    }

    std::vector<std::string> right_answer(const Question& q) const override {
        std::vector<std::string> right;
        for (const Option& o : q.options) right.push_back(matching_pair(o.id, o.match));
        return right;
    }

    std::string right_answer_words(const Question& q) const override {
        return answer_words(q, right_answer(q));
    }

    XapiInteraction xapi(const Question& q) const override {
        XapiInteraction x;
        x.type = "matching";
        std::vector<std::string> pairs;
        for (const Option& o : q.options) pairs.push_back(o.id + "[.]" + o.match);
        x.correct_responses.push_back(xapi_list(pairs));
        x.source = xapi_components(q.options);
        x.target = xapi_components(q.targets);
        return x;
    }

    std::string xapi_response(const std::vector<std::string>& answer) const override {
        std::vector<std::string> pairs;
        for (const std::string& entry : answer)
            if (auto pair = split_matching_pair(entry)) pairs.push_back(pair->first + "[.]" + pair->second);
        return xapi_list(pairs);
    }
};

}  // namespace

std::unique_ptr<QuestionType> matching_type() { return std::make_unique<Matching>(); }

}  // namespace lektion
