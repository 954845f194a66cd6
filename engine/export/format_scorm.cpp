// lektion export scorm: the site as one SCO in a zip for an LMS.
#include <cstdlib>
#include <ctime>

#include "base/atomic_file.hpp"
#include "export/format.hpp"
#include "export/format_list.hpp"
#include "export/scorm_package.hpp"
#include "export/zip_writer.hpp"

namespace lektion::web {

namespace {

std::time_t build_time() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
        return static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    return std::time(nullptr);
}

class ScormFormat final : public Format {
public:
    const char* name() const override { return "scorm"; }
    const char* summary() const override {
        return "the web site as a SCORM 1.2 or 2004 package (a zip) for an LMS";
    }
    std::string check(const ExportRequest& r) const override { return why_not_output(r.output, r.keep); }
    ExportResult write(const Course& course, const ExportRequest& r) const override {
        ExportResult result;
        Site site = build_site(course, {r.lang, r.scorm});
        if (!site.error.empty()) {
            result.error = site.error;
            return result;
        }
        add_scorm_files(course, r.scorm, r.lang, site);
        const std::string zip = zip_files(site.files, build_time(), result.error);
        if (!result.error.empty()) return result;
        if (std::string why = why_not_output(r.output, r.keep); !why.empty()) {
            result.error = why;
            return result;
        }
        result.error = write_atomically(r.output, zip, mode_shared);
        result.pages = static_cast<int>(site.pages.size());
        result.files = static_cast<int>(site.files.size());
        result.bytes = zip.size();
        return result;
    }
};

}  // namespace

std::unique_ptr<Format> make_scorm_format() { return std::make_unique<ScormFormat>(); }

}  // namespace lektion::web
