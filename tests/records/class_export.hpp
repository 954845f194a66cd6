// A class's records without playing every learner: one learner works through
// a course for real (Sessions recording into a Store), and the export of
// their records is copied to many learners, each copy with its own name and
// new UUIDs, sealed as lektion seals an export. For the figures (events
// merged per second, push time) and for the push tests.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "course/model.hpp"

namespace lektion::test {

// Plays one learner through every lesson and two quiz attempts (one failed,
// one passed) in a records folder under `scratch`, and returns a sealed
// `records export --format json` of `learners` copies ("Kursist 001", ...).
std::string class_export(const CoursePtr& course, const std::filesystem::path& scratch, int learners);

// The export's "sha256" recomputed, after a test changed the document.
std::string reseal(nlohmann::json document);

}  // namespace lektion::test
