// The trainers' spreadsheet: one row per learner and lesson or quiz attempt.
// UTF-8 with a byte order mark (so Excel reads the letters right), a header
// row, commas, CRLF line ends, and RFC 4180 quoting.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "records/export_scope.hpp"

namespace lektion {

void write_csv(std::ostream& out, const Store& store, const ExportScope& scope);

// One text field: with a leading ' when it begins with =, +, -, @, tab or CR
// (or a full-width =, +, - or @), so that a spreadsheet shows it and does not
// run it as a formula; then quoted when it holds a comma, a quote, CR or LF
// (quotes doubled). Numbers (scores, counts) are written as they are.
std::string csv_field(std::string_view text);

}  // namespace lektion
