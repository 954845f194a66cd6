#include "export/scorm_package.hpp"

#include <fmt/format.h>

#include "export/assets.hpp"
#include "export/html_text.hpp"

namespace lektion::web {

namespace {

// xs:ID (an NCName): letters, digits, '-', '_' and '.', not starting with a digit.
std::string ncname(const std::string& s) {
    std::string out = "lektion-";
    for (char c : s)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '_';
    return out;
}

}  // namespace

std::string scorm_manifest(const Course& course, Scorm version, const Site& site) {
    const bool v12 = version == Scorm::v12;
    const std::string title = escape(course.title.plain());
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (v12) {
        out += fmt::format(
            "<manifest identifier=\"{}\" version=\"{}\"\n"
            "  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n"
            "  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n"
            "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "  xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
            "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
            "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n"
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  "
            "</metadata>\n",
            ncname(course.id), escape(course.version));
    } else {
        out += fmt::format(
            "<manifest identifier=\"{}\" version=\"{}\"\n"
            "  xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n"
            "  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n"
            "  xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n"
            "  xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n"
            "  xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"\n"
            "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "  xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
            "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
            "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
            "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
            "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\">\n"
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th "
            "Edition</schemaversion>\n"
            "  </metadata>\n",
            ncname(course.id), escape(course.version));
    }
    out += "  <organizations default=\"org\">\n    <organization identifier=\"org\">\n";
    out += "      <title>" + title + "</title>\n";
    out += "      <item identifier=\"item\" identifierref=\"sco\">\n        <title>" + title + "</title>\n";
    if (v12 && course.quiz)
        out += fmt::format("        <adlcp:masteryscore>{}</adlcp:masteryscore>\n", course.quiz->pass_mark);
    if (!v12 && course.quiz)
        // The SCO sets success itself; the pass mark is written down for the LMS to show.
        out += fmt::format(
            "        <imsss:sequencing>\n          <imsss:objectives>\n"
            "            <imsss:primaryObjective objectiveID=\"pass-mark\" satisfiedByMeasure=\"false\">\n"
            "              <imsss:minNormalizedMeasure>{:.2f}</imsss:minNormalizedMeasure>\n"
            "            </imsss:primaryObjective>\n          </imsss:objectives>\n        "
            "</imsss:sequencing>\n",
            course.quiz->pass_mark / 100.0);
    out += "      </item>\n    </organization>\n  </organizations>\n  <resources>\n";
    out += std::string("    <resource identifier=\"sco\" type=\"webcontent\" ") +
           (v12 ? "adlcp:scormtype" : "adlcp:scormType") + "=\"sco\" href=\"scorm.html\">\n";
    for (const auto& [name, bytes] : site.files)
        if (name != "imsmanifest.xml") out += "      <file href=\"" + escape(name) + "\"/>\n";
    out += "    </resource>\n  </resources>\n</manifest>\n";
    return out;
}

void add_scorm_files(const Course& course, Scorm version, const std::string& lang, Site& site) {
    const std::string title = escape(course.title.plain());
    site.files["scorm.html"] =
        "<!DOCTYPE html>\n<html lang=\"" + escape(lang) +
        "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n"
        "<title>" +
        title +
        "</title>\n<link rel=\"stylesheet\" href=\"lektion.css\">\n"
        "<script src=\"course.js\"></script>\n<script src=\"question_types.js\"></script>\n<script "
        "src=\"records.js\"></script>\n"
        "<script src=\"lektion.js\"></script>\n<script src=\"scorm.js\"></script>\n</head>\n"
        "<body class=\"scorm-host\">\n<iframe id=\"sco\" title=\"" +
        title + "\"></iframe>\n</body>\n</html>\n";
    site.files["scorm.js"] = std::string(scorm_asset("scorm.js"));
    site.launch = "scorm.html";
    site.files["imsmanifest.xml"] = scorm_manifest(course, version, site);
}

}  // namespace lektion::web
