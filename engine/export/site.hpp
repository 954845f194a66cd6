// The course as a static web site: every file of the export, built in
// memory from the loaded course, for the formats to write as a folder
// (html), a zip (scorm) or print (pdf). Plain C++: no GUI, no files written.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "course/model.hpp"

namespace lektion::web {

enum class Scorm { none, v12, v2004 };

struct SiteOptions {
    std::string lang;  // the language the course was loaded in (pages and interface)
    Scorm scorm = Scorm::none;
};

struct Site {
    std::map<std::string, std::string> files;  // path in the export ("lesson-1-2.html") -> bytes
    std::vector<std::string> pages;            // the HTML pages a learner reads, in course order
    std::string launch;                        // the page to open first
    std::string error;                         // "" or why the site could not be built (a figure unreadable)
};

// The interface language is set to `options.lang` for the catalogs' words.
Site build_site(const Course& course, const SiteOptions& options);

// File names of the pages, one place for the site and its scripts.
std::string lesson_page_file(int lesson, int page, bool check);  // 0-based in, 1-based names out

}  // namespace lektion::web
