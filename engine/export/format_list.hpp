// The makers of the formats, for the registry in format.cpp.
#pragma once

#include <memory>

#include "export/format.hpp"

namespace lektion::web {

std::unique_ptr<Format> make_html_format();
std::unique_ptr<Format> make_scorm_format();
std::unique_ptr<Format> make_pdf_format();

}  // namespace lektion::web
