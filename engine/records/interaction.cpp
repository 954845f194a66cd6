#include "records/interaction.hpp"

#include "questions/registry.hpp"

namespace lektion {

using nlohmann::json;

namespace {

constexpr std::size_t max_components = 1000;  // a question has a few dozen parts at most
constexpr std::size_t max_component_bytes = 16 * 1024;

json components(const std::vector<XapiComponent>& list) {
    json out = json::array();
    for (const XapiComponent& c : list) out.push_back({c.id, c.description});
    return out;
}

bool read_components(const json& j, const char* key, std::vector<XapiComponent>& out) {
    auto it = j.find(key);
    if (it == j.end()) return true;
    if (!it->is_array() || it->size() > max_components) return false;
    for (const json& c : *it) {
        if (!c.is_array() || c.size() != 2 || !c[0].is_string() || !c[1].is_string()) return false;
        const auto& id = c[0].get_ref<const std::string&>();
        const auto& text = c[1].get_ref<const std::string&>();
        if (id.size() > 200 || text.size() > max_component_bytes) return false;
        out.push_back({id, text});
    }
    return true;
}

}  // namespace

json interaction_json(const XapiInteraction& x) {
    json j = {{"type", x.type}, {"correct", x.correct_responses}};
    if (!x.choices.empty()) j["choices"] = components(x.choices);
    if (!x.source.empty()) j["source"] = components(x.source);
    if (!x.target.empty()) j["target"] = components(x.target);
    return j;
}

bool interaction_from_json(const json& j, XapiInteraction& out) {
    if (!j.is_object()) return false;
    XapiInteraction x;
    auto type = j.find("type");
    if (type == j.end() || !type->is_string() || type->get_ref<const std::string&>().size() > 40)
        return false;
    x.type = type->get<std::string>();
    auto correct = j.find("correct");
    if (correct == j.end() || !correct->is_array() || correct->size() > max_components) return false;
    for (const json& c : *correct) {
        if (!c.is_string() || c.get_ref<const std::string&>().size() > max_component_bytes) return false;
        x.correct_responses.push_back(c.get<std::string>());
    }
    if (!read_components(j, "choices", x.choices) || !read_components(j, "source", x.source) ||
        !read_components(j, "target", x.target))
        return false;
    out = std::move(x);
    return true;
}

std::string xapi_response(const std::string& question_type, const std::vector<std::string>& answer) {
    const QuestionType* t = QuestionTypes::get().find(question_type);
    if (!t) t = QuestionTypes::get().find("multiple");  // legacy answers: option ids, xAPI's choice format
    return t->xapi_response(answer);
}

}  // namespace lektion
