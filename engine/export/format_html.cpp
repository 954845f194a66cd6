// lektion export html: the site as a folder, for a USB stick or file://.
#include "export/folder_output.hpp"
#include "export/format.hpp"
#include "export/format_list.hpp"

namespace lektion::web {

namespace {

class HtmlFormat final : public Format {
public:
    const char* name() const override { return "html"; }
    const char* summary() const override { return "the course as an accessible static web site (a folder)"; }
    std::string check(const ExportRequest& r) const override { return check_folder(r.output, r.keep); }
    ExportResult write(const Course& course, const ExportRequest& r) const override {
        ExportResult result;
        Site site = build_site(course, {r.lang, Scorm::none});
        if (!site.error.empty()) {
            result.error = site.error;
            return result;
        }
        result.error = write_folder(r.output, site.files, r.keep);
        result.pages = static_cast<int>(site.pages.size());
        result.files = static_cast<int>(site.files.size());
        for (const auto& [name, bytes] : site.files) result.bytes += bytes.size();
        return result;
    }
};

}  // namespace

std::unique_ptr<Format> make_html_format() { return std::make_unique<HtmlFormat>(); }

}  // namespace lektion::web
