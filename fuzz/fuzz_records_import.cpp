// libFuzzer target for `lektion records import` (engine/records/): each input
// is offered to a real records database twice, as it is (the JSON parser,
// the depth and size limits, the format and the checksum) and, when it parses
// as a JSON object, resealed with a correct checksum, so that the checks
// behind the seal and the merge itself are reached.
//
// Beyond not crashing: the summary must account for every event in the file
// (new + already here + refused), and nothing the import stored may hold a
// character printable() would escape (a control character, a bidirectional
// control) or text that is not UTF-8. A violation aborts, which libFuzzer
// reports as a crash with the input saved.
//
// Seeds: any `lektion records export --format json` file (tests/records/
// writes them; records import --help names the format).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "course/text.hpp"
#include "records/import.hpp"
#include "records/json_depth.hpp"
#include "records/printable.hpp"
#include "records/records_file.hpp"
#include "records/sha256.hpp"
#include "records/store.hpp"
#include "support.hpp"

using namespace lektion;

namespace {

[[noreturn]] void violation(const char* what, std::string_view detail) {
    std::fprintf(stderr, "fuzz: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

Store& store() {
    static Store s(fuzz::scratch("records"));
    return s;
}

void check_stored(const Store& s, const ImportSummary& summary) {
    if (!summary.device_name.empty() && !shows_as_is(summary.device_name))
        violation("device name", summary.device_name);
    for (const Learner& l : s.learners()) {
        if (!shows_as_is(l.name)) violation("learner name", l.name);
        for (const RecordedEvent& e : s.events(l.id))
            for (const std::string* t : {&e.uuid, &e.course_id, &e.course_version, &e.language, &e.at,
                                         &e.event.lesson, &e.event.target, &e.event.text, &e.device})
                if (find_invalid_utf8(*t) || !shows_as_is(*t)) violation("stored event text", *t);
    }
}

void offer(std::string_view text) {
    std::size_t events = 0;
    try {
        events = read_records_file(text).events;
    } catch (const RecordsError&) {
    }
    try {
        const ImportSummary s = store().import_records(text, {});
        if (s.added + s.present + s.refused != events) violation("events unaccounted for", text);
        if (s.added > 0 || s.learners_added > 0) check_stored(store(), s);
    } catch (const RecordsError&) {
        // Refused whole, with one line: as it should be for most inputs.
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    offer(text);
    if (json_too_deep(text, max_records_file_depth)) return 0;
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object()) return 0;
    doc.erase("sha256");
    doc["sha256"] = sha256_hex(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    offer(doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return 0;
}
