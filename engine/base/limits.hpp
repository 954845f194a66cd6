// The bounds on what lektion reads, named in one place, as pugixml keeps its
// configuration in one header. Each bounds something a person wrote or handed
// over; the code that enforces one names it from here, and a message that
// tells an author a bound says this number. An area's own bounds, which
// nothing else needs, stay with it and say so at the top:
// questions/limits.hpp (parts of a question) and package/limits.hpp (zip
// entries), which take from here what they share.
#pragma once

#include <cstddef>

namespace lektion::limits {

// --- sizes of whole files ---------------------------------------------------
// One authored XML file: course.xml, a lesson, an interface catalog, a
// translation, a skeleton's manifest. A lesson is tens of KiB.
constexpr std::size_t authored_file_bytes = std::size_t{8} << 20;
// A translation store file beside a course (translations/<lang>/*.xlf).
constexpr std::size_t translation_store_bytes = std::size_t{16} << 20;
// An XLIFF or PO file back from a translator or a CAT tool: a whole
// course's units with notes, contexts and tool metadata.
constexpr std::size_t exchange_file_bytes = std::size_t{64} << 20;
// A records export read back (records import): a class of 100 learners
// through the bundled course is about 10 MiB.
constexpr std::size_t records_file_bytes = std::size_t{64} << 20;
// A figure of a lesson (PNG or JPEG), for lint, the window and the export
// alike: photographs are rarely 5 MiB, and an export is meant to fit on a
// USB stick and in an LMS's upload limit.
constexpr std::size_t figure_bytes = std::size_t{16} << 20;

// --- nesting ------------------------------------------------------------------
// Elements of an authored XML file, measured before anything walks it.
constexpr int xml_depth = 32;
// Callouts inside callouts in a lesson.
constexpr int callout_depth = 4;
// XLIFF inline markup (<g>, <mrk>, <bpt>...) inside one unit's text.
constexpr int xliff_inline_depth = 16;
// JSON of a records export (which nests nine levels itself).
constexpr int records_json_depth = 16;

}  // namespace lektion::limits
