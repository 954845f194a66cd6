// The trainer's report as plain text for a terminal: a completion matrix,
// quiz scores and each question's share of correct first answers.
#pragma once

#include <string>

#include "records/report.hpp"

namespace lektion {

std::string format_report(const Report& report);

}  // namespace lektion
