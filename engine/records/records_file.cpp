#include "records/records_file.hpp"

#include <unistd.h>

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "l10n/language_tag.hpp"
#include "records/event_json.hpp"
#include "records/json_depth.hpp"
#include "records/names.hpp"
#include "records/printable.hpp"
#include "records/sha256.hpp"
#include "records/uuid.hpp"

namespace lektion {

namespace {

using nlohmann::json;

std::string canonical(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

[[noreturn]] void refuse(const std::string& why) { throw RecordsError(why); }

[[noreturn]] void misshapen(const std::string& where) {
    refuse(fmt::format("not shaped as a lektion records export ({}); nothing imported", where));
}

const json& member(const json& object, const char* key, json::value_t type, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end() || it->type() != type) misshapen(fmt::format("{}\"{}\"", where, key));
    return *it;
}

// A string holding a UUID as lektion writes them.
bool holds_uuid(const json& v) { return v.is_string() && is_lower_uuid(v.get_ref<const std::string&>()); }

std::string short_text(const json& v) {
    if (!v.is_string()) return "?";
    const std::string& s = v.get_ref<const std::string&>();
    constexpr std::size_t shown = 60;
    return printable(s.size() > shown ? s.substr(0, shown) + "…" : s);
}

// Settings are the learner's, for a learner new here: one that is not
// acceptable falls back to the default rather than costing their records.
void read_settings(const json& l, FileLearner& out) {
    if (auto it = l.find("language"); it != l.end() && it->is_string()) {
        const std::string& tag = it->get_ref<const std::string&>();
        if (!tag.empty() && tag.size() <= 35 && shows_as_is(tag) && valid_language_tag(tag))
            out.language = normalize_language_tag(tag);
    }
    if (auto it = l.find("theme"); it != l.end() && it->is_string()) {
        const std::string& theme = it->get_ref<const std::string&>();
        if (theme == "light" || theme == "dark" || theme == "contrast") out.theme = theme;
    }
    if (auto it = l.find("text_size"); it != l.end() && it->is_number()) {
        const double size = it->get<double>();
        if (std::isfinite(size) && size > 0 && size <= 200) out.text_size = static_cast<float>(size);
    }
    // Words a minute; the player holds it between its bounds, so only nonsense is dropped here.
    if (auto it = l.find("speech_rate"); it != l.end() && it->is_number_integer()) {
        const std::int64_t rate = it->get<std::int64_t>();
        if (rate > 0 && rate <= 1000) out.speech_rate = static_cast<int>(rate);
    }
}

FileCourse read_course(const json& c, const std::string& where, std::size_t& count) {
    if (!c.is_object()) misshapen(where);
    FileCourse out;
    const json& id = member(c, "id", json::value_t::string, where);
    out.id = id.get<std::string>();
    if (!is_course_id(out.id)) out.problem = fmt::format("course id \"{}\" is not an id", short_text(id));
    if (auto it = c.find("registration"); it != c.end() && holds_uuid(*it))
        out.registration = it->get<std::string>();
    const json& events = member(c, "events", json::value_t::array, where);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const json& e = events[i];
        if (!e.is_object()) misshapen(fmt::format("{}\"events\"[{}]", where, i));
        FileEvent fe;
        if (auto u = e.find("uuid"); u != e.end()) fe.uuid = short_text(*u);
        if (event_from_json(e, fe.event, fe.problem)) fe.event.course_id = out.id;
        out.events.push_back(std::move(fe));
        ++count;
    }
    return out;
}

FileLearner read_learner(const json& l, const std::string& where, std::size_t& count) {
    if (!l.is_object()) misshapen(where);
    FileLearner out;
    const json& name = member(l, "name", json::value_t::string, where);
    out.shown_name = short_text(name);
    try {
        out.name = tidy_name(name.get_ref<const std::string&>());
    } catch (const RecordsError& e) {
        out.problem = fmt::format("the name is refused: {}", e.what());
    }
    read_settings(l, out);
    const json& courses = member(l, "courses", json::value_t::array, where);
    for (std::size_t i = 0; i < courses.size(); ++i)
        out.courses.push_back(read_course(courses[i], fmt::format("{}\"courses\"[{}].", where, i), count));
    return out;
}

}  // namespace

std::string seal_records_json(json document) {
    document.erase("sha256");
    // Text that is not UTF-8 became U+FFFD in `compact`; the reparse makes the
    // sealed document exactly what was hashed.
    const std::string compact = canonical(document);
    json sealed = json::parse(compact);
    sealed["sha256"] = sha256_hex(compact);
    return sealed.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string this_device_name() {
    std::array<char, 256> host{};
    if (::gethostname(host.data(), host.size() - 1) != 0) return {};
    const std::string name(host.data());
    return name.size() <= 64 && shows_as_is(name) ? name : std::string();
}

RecordsFile read_records_file(std::string_view text) {
    if (text.size() > max_records_file_bytes)
        refuse(fmt::format("larger than the limit of {} MiB for an export; nothing imported",
                           max_records_file_bytes >> 20));
    if (json_too_deep(text, max_records_file_depth))
        refuse(
            fmt::format("JSON nested deeper than {} levels: not a lektion records export; nothing imported",
                        max_records_file_depth));
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        refuse(fmt::format("damaged or truncated: not valid JSON at byte {}; nothing imported", e.byte));
    } catch (const json::exception&) {
        refuse("damaged: not valid JSON; nothing imported");
    }
    if (doc.is_array())
        refuse(
            "a JSON array (an xAPI export?), not a lektion records export (records export --format json); "
            "nothing imported");
    if (!doc.is_object() || doc.value("format", json()) != records_file_format)
        refuse("not a lektion records export (records export --format json); nothing imported");
    const json& schema = doc["schema"];
    if (!schema.is_number_integer()) misshapen("\"schema\"");
    const auto version = schema.get<std::int64_t>();
    if (version > Store::schema_version())
        refuse(
            fmt::format("written by a newer lektion (schema {}, this one reads up to {}); nothing imported",
                        version, Store::schema_version()));
    if (version < first_importable_schema)
        refuse(
            fmt::format("written by an older lektion (schema {}), whose exports carry no checksum; export "
                        "again with this lektion; nothing imported",
                        version));
    const auto seal = doc.find("sha256");
    if (seal == doc.end() || !seal->is_string())
        refuse("has no checksum (edited, or not written by lektion); nothing imported");
    const std::string expected = seal->get<std::string>();
    doc.erase("sha256");
    if (sha256_hex(canonical(doc)) != expected)
        refuse("edited or damaged: its checksum does not match its content; nothing imported");

    RecordsFile out;
    out.schema = static_cast<int>(version);
    const json& device = member(doc, "device", json::value_t::object, "");
    const auto id = device.find("id");
    if (id == device.end() || !holds_uuid(*id)) misshapen("\"device\".\"id\"");
    out.device = id->get<std::string>();
    if (auto name = device.find("name"); name != device.end() && name->is_string() &&
                                         name->get_ref<const std::string&>().size() <= 64 &&
                                         shows_as_is(name->get_ref<const std::string&>()))
        out.device_name = name->get<std::string>();
    if (auto others = doc.find("devices"); others != doc.end() && others->is_array())
        for (const json& d : *others) {
            if (!d.is_object() || !d.contains("id") || !holds_uuid(d["id"])) continue;
            const json name = d.value("name", json());
            const bool ok = name.is_string() && name.get_ref<const std::string&>().size() <= 64 &&
                            shows_as_is(name.get_ref<const std::string&>());
            out.devices.emplace_back(d["id"].get<std::string>(),
                                     ok ? name.get<std::string>() : std::string());
        }
    const json& learners = member(doc, "learners", json::value_t::array, "");
    for (std::size_t i = 0; i < learners.size(); ++i)
        out.learners.push_back(read_learner(learners[i], fmt::format("\"learners\"[{}].", i), out.events));
    return out;
}

}  // namespace lektion
