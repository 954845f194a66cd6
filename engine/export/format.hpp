// Export formats, one class each in a small registry (as ImHex registers its
// formatters): the command line looks a format up by name and hands it the
// loaded course. Each writes through the one atomic write and the -o guard.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/output_guard.hpp"
#include "course/model.hpp"
#include "export/site.hpp"

namespace lektion::web {

struct ExportRequest {
    std::string output;   // -o: a folder (html) or a file (scorm, pdf)
    ProtectedPaths keep;  // never written: the records, the course's folder
    std::string lang;     // the language the course was loaded in
    Scorm scorm = Scorm::none;
};

struct ExportResult {
    std::string error;  // "" on success, else one line
    int pages = 0;
    std::uintmax_t bytes = 0;  // what was written
    int files = 0;
};

class Format {
public:
    virtual ~Format() = default;
    virtual const char* name() const = 0;     // the sub-command: "html"
    virtual const char* summary() const = 0;  // for --help
    // Whether `request.output` may be written, before any work: "" or why not.
    virtual std::string check(const ExportRequest& request) const = 0;
    virtual ExportResult write(const Course& course, const ExportRequest& request) const = 0;
};

const std::vector<std::unique_ptr<Format>>& formats();

}  // namespace lektion::web
