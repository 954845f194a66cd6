// The stable codes of diagnostics, in one place: a tool or a test matches
// the code, so that a message's wording can change (as pugixml's
// xml_parse_result carries a status beside its description). A code names
// the kind of problem, never its place or its words; once given it is not
// changed or reused. A diagnostic of a kind not named here yet has none.
#pragma once

#include <string_view>

namespace lektion::diag_code {

// --- a file (base/read_bounded.hpp, xml/xml_file.hpp) -------------------------
constexpr std::string_view file_missing = "file.missing";        // no such file, or not a file
constexpr std::string_view file_unreadable = "file.unreadable";  // there, but cannot be read
constexpr std::string_view file_too_large = "file.too-large";    // over its limit (base/limits.hpp)

// --- its characters and its XML (xml/xml_file.cpp) ---------------------------------
constexpr std::string_view invalid_utf8 = "text.invalid-utf8";
constexpr std::string_view forbidden_character = "text.forbidden-character";  // a control character
constexpr std::string_view bad_reference = "xml.bad-reference";  // bare &, undefined entity, &#0;
constexpr std::string_view malformed_xml = "xml.malformed";      // as pugixml's parser reports it
constexpr std::string_view too_deep = "xml.too-deep";            // elements past limits::xml_depth
constexpr std::string_view no_root = "xml.no-root";

// --- a course (load/loader.cpp) ----------------------------------------------------
constexpr std::string_view callouts_too_deep = "course.callouts-too-deep";  // past limits::callout_depth

}  // namespace lektion::diag_code
