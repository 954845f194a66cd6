// Learner events as xAPI 1.0.3 statements, hash-chained so that a removed,
// reordered or edited statement shows.
//
// The chain lives in each statement's context extension
// https://lektion.invalid/xapi/extensions/chain as
//   {"sequence": n (1-based), "total": N, "previous": the sha256 of statement
//    n-1 ("" for the first), "sha256": this statement's own digest}.
// A statement's digest is SHA-256 over its canonical bytes: the statement as
// nlohmann::json::dump() writes it (UTF-8, no white space, object keys sorted
// by their bytes, non-ASCII characters unescaped, numbers in shortest
// round-trip form) with the chain's "sha256" member left out. The chain shows
// accidents and casual edits; it is not a signature: whoever edits the file
// can recompute it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "records/export_scope.hpp"

namespace lektion {

constexpr const char* default_home_page = "https://lektion.invalid/learners";
constexpr const char* default_activity_base = "https://lektion.invalid/courses";
constexpr const char* chain_extension = "https://lektion.invalid/xapi/extensions/chain";
constexpr const char* attempt_extension = "https://lektion.invalid/xapi/extensions/attempt";

struct XapiOptions {
    std::string home_page = default_home_page;          // actor.account.homePage
    std::string activity_base = default_activity_base;  // activity ids start here
};

// A JSON array of statements, two-space indented. Navigation and language
// switches are left out: they steer resuming, and xAPI has no verb for them.
std::string xapi_export(const Store& store, const ExportScope& scope, const XapiOptions& options);

// One statement as a Learning Record Store is sent it: compact JSON in ASCII
// (other characters as \u escapes), without the chain (which is about a
// file: the same statement must be the same whatever else is sent with it),
// with the seq of its event here.
struct XapiStatement {
    std::int64_t seq = 0;
    std::string id;
    std::string json;
};
std::vector<XapiStatement> xapi_statements(const Store& store, const ExportScope& scope,
                                           const XapiOptions& options);

struct ChainCheck {
    bool intact = false;
    std::size_t statements = 0;
    std::size_t broken = 0;    // 1-based position of the first broken statement; 0 when intact
    std::string message;       // "N statements, chain intact" or what is wrong where
    int line = 0, column = 0;  // where JSON is malformed (1-based; column in characters), else 0
};

// Not intact for malformed JSON (with its line and column), anything but an
// array of statements, an empty array ("no statements"), or a broken chain.
ChainCheck verify_xapi_chain(std::string_view json_text);

// Whether `tag` has the shape of a BCP 47 language tag (as xAPI requires).
bool is_language_tag(std::string_view tag);

}  // namespace lektion
