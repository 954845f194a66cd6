#include "export/format.hpp"

#include "export/format_list.hpp"

namespace lektion::web {

const std::vector<std::unique_ptr<Format>>& formats() {
    static const std::vector<std::unique_ptr<Format>> list = [] {
        std::vector<std::unique_ptr<Format>> l;
        l.push_back(make_html_format());
        l.push_back(make_scorm_format());
        l.push_back(make_pdf_format());
        return l;
    }();
    return list;
}

}  // namespace lektion::web
