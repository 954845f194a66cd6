// The file `records export --format json` writes and `records import` reads:
// sealed with a checksum, and read back defensively.
//
// The seal: "sha256" is the SHA-256 (lower-case hex) of the document without
// its "sha256" member as nlohmann::json::dump() writes it (no white space,
// object keys sorted by bytes, non-ASCII unescaped, numbers in shortest
// round-trip form), the same canonical form as the xAPI chain. A truncated
// or damaged file no longer parses; an edited one no longer matches. Like
// the chain, it guards against accidents and casual edits, not forgery.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/limits.hpp"
#include "records/import.hpp"
#include "records/store.hpp"

namespace lektion {

constexpr const char* records_file_format = "lektion-records";
// The first schema whose exports carry devices and a checksum; older exports
// cannot be checked, so they are refused (export again with this lektion).
constexpr int first_importable_schema = 4;
// The export nests nine levels; anything deeper is not one.
constexpr int max_records_file_depth = limits::records_json_depth;

// The document as indented text with its "sha256" added.
std::string seal_records_json(nlohmann::json document);

// This PC's host name, as exports name their device: "" when it has none or
// it would not show as it is.
std::string this_device_name();

// An export read back. Problems with one learner, course or event leave the
// rest importable: they are kept beside what they concern.
struct FileEvent {
    RecordedEvent event;  // learner_id and seq unset
    std::string problem;  // non-empty: refused, and why
    std::string uuid;     // as the file gives it, for messages (checked or not)
};
struct FileCourse {
    std::string id;
    std::string registration;  // "" or a UUID
    std::string problem;
    std::vector<FileEvent> events;
};
struct FileLearner {
    std::string name;  // tidied
    std::string language, theme;
    float text_size = 0;
    int speech_rate = 0;  // read aloud, words a minute; 0: the default
    std::string problem;
    std::string shown_name;  // for messages: the name as given, escaped
    std::vector<FileCourse> courses;
};
struct RecordsFile {
    int schema = 0;
    std::string device;  // the exporting database's id
    std::string device_name;
    std::vector<std::pair<std::string, std::string>> devices;  // other devices: id, name
    std::vector<FileLearner> learners;
    std::size_t events = 0;  // in the file, refused ones included
};

// Throws RecordsError, one line without the file's name, for a file refused
// whole: not JSON, nested too deep, not a lektion records export (an xAPI
// export, say), from an older or newer lektion, without a checksum or with
// one that does not match, or not shaped as an export.
RecordsFile read_records_file(std::string_view text);

}  // namespace lektion
