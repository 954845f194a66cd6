// A SCORM package of the site: imsmanifest.xml for SCORM 1.2 or 2004 4th
// edition, one SCO (scorm.html, which holds the API connection while the
// course's pages run in its frame), every file listed as the CAM requires.
#pragma once

#include <string>

#include "course/model.hpp"
#include "export/site.hpp"

namespace lektion::web {

// Adds scorm.html, scorm.js and imsmanifest.xml to a site built with
// options.scorm set.
void add_scorm_files(const Course& course, Scorm version, const std::string& lang, Site& site);

// The manifest alone, for the test that checks it against the CAM.
std::string scorm_manifest(const Course& course, Scorm version, const Site& site);

}  // namespace lektion::web
