// The browser export's pages as a screen reader meets them: one h1 a page,
// a skip link to main, landmarks, every control with a label, every
// question a fieldset with a legend, unique ids, nothing fetched from
// outside, and text shown untranslated marked with its own language.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "../yesno_type.hpp"
#include "export/html_text.hpp"
#include "export/scorm_package.hpp"
#include "export/site.hpp"
#include "load/translation.hpp"
#include "questions/registry.hpp"

using namespace lektion;
using namespace lektion::web;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

web::Site site_of(const std::string& dir, const std::string& lang, Scorm scorm = Scorm::none) {
    const LoadResult r = load_course(dir, lang);
    REQUIRE(r.course);
    web::Site site = build_site(*r.course, {lang.empty() ? r.course->lang : lang, scorm});
    REQUIRE(site.error.empty());
    return site;
}

void check_page(const std::string& name, const std::string& html) {
    INFO(name);
    CHECK(count(html, "<h1") == 1);
    CHECK(count(html, "<main id=\"main\"") == 1);
    CHECK(html.find("<a class=\"skip\" href=\"#main\">") != std::string::npos);
    CHECK(html.find("<html lang=\"") != std::string::npos);
    CHECK(count(html, "<header") == 1);
    CHECK(count(html, "<footer") == 1);
    CHECK(count(html, "<nav class=\"toc\" aria-label=") == 1);
    CHECK(count(html, "<title>") == 1);
    // Every id once; every input's label points at it; every fieldset has a legend.
    std::set<std::string> ids;
    const std::regex id_attr(" id=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attr); it != std::sregex_iterator();
         ++it) {
        INFO((*it)[1].str());
        CHECK(ids.insert((*it)[1].str()).second);
    }
    const std::regex input(R"re(<input type="(radio|checkbox|text)"[^>]* id="([^"]+)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), input); it != std::sregex_iterator();
         ++it) {
        INFO((*it)[2].str());
        CHECK(html.find("<label for=\"" + (*it)[2].str() + "\"") != std::string::npos);
    }
    const std::regex select(R"re(<select id="([^"]+)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), select); it != std::sregex_iterator();
         ++it) {
        INFO((*it)[1].str());
        CHECK(html.find("<label for=\"" + (*it)[1].str() + "\"") != std::string::npos);
    }
    CHECK(count(html, "<fieldset") == count(html, "<legend"));
    // Nothing from outside the export: no scheme or protocol-relative URL in a reference.
    const std::regex outside(R"re((src|href)="(https?:|//))re");
    CHECK_FALSE(std::regex_search(html, outside));
}

}  // namespace

TEST_CASE("every page of the gated fixture has one h1, landmarks, a skip link and labelled controls") {
    const web::Site site = site_of(EXPORT_FIXTURES "/gated", "");
    // Home, 2 + 1 + 2 sections, 2 checks, quiz, about, workbook.
    CHECK(site.pages.size() == 1 + 5 + 2 + 1 + 1 + 1);
    for (const std::string& page : site.pages) check_page(page, site.files.at(page));
    CHECK(site.files.count("course.js"));
    CHECK(site.files.count("lektion.js"));
    CHECK(site.files.count("lektion.css"));
    // The check page holds both questions of lesson 2 as fieldsets with real inputs.
    const std::string& check = site.files.at("lesson-2-check.html");
    CHECK(count(check, "<fieldset class=\"question\"") == 2);
    CHECK(count(check, "type=\"checkbox\"") == 3);
    CHECK(count(check, "type=\"radio\"") == 2);
    CHECK(count(check, "role=\"status\"") >= 2);
    // The quiz page holds the whole pool; the script shows an attempt's draw.
    CHECK(count(site.files.at("quiz.html"), "<fieldset class=\"question\"") == 5);
    // Lists as lists, emphasis as emphasis, the callout labelled.
    const std::string& l1 = site.files.at("lesson-1-1.html");
    CHECK(l1.find("<ul>\n<li>En</li>") != std::string::npos);
    CHECK(l1.find("<strong>fed</strong>") != std::string::npos);
    CHECK(site.files.at("lesson-1-2.html").find("<div class=\"callout callout-example\" role=\"note\">") !=
          std::string::npos);
}

TEST_CASE("the bundled course's pages in Danish and English") {
    for (const char* lang : {"da", "en"}) {
        const web::Site site = site_of(LEKTION_SOURCE_DIR "/content/karriereplanlaegning", lang);
        for (const std::string& page : site.pages) check_page(page, site.files.at(page));
        CHECK(site.files.at("index.html").find(std::string("<html lang=\"") + lang + "\"") !=
              std::string::npos);
    }
}

TEST_CASE("text shown untranslated carries the source language, and is marked") {
    Text t{"x", {{"Hej", plain}}, true};
    CHECK(element("p", t, {"en", "da"}) == "<p lang=\"da\" class=\"untranslated\">Hej</p>");
    CHECK(element("p", t, {"da", "da"}) == "<p>Hej</p>");
    t.untranslated = false;
    CHECK(element("p", t, {"en", "da"}) == "<p>Hej</p>");
    Text markup{"y", {{"<b> & \"", bold}}, false};
    CHECK(spans_html(markup) == "<strong>&lt;b&gt; &amp; &quot;</strong>");
}

TEST_CASE("the SCORM manifest lists every file of the package and launches scorm.html") {
    const LoadResult r = load_course(EXPORT_FIXTURES "/gated", "");
    REQUIRE(r.course);
    for (Scorm v : {Scorm::v12, Scorm::v2004}) {
        web::Site site = build_site(*r.course, {"da", v});
        add_scorm_files(*r.course, v, "da", site);
        const std::string& m = site.files.at("imsmanifest.xml");
        for (const auto& [name, bytes] : site.files)
            if (name != "imsmanifest.xml")
                CHECK(m.find("<file href=\"" + name + "\"/>") != std::string::npos);
        CHECK(m.find("href=\"scorm.html\"") != std::string::npos);
        CHECK(site.launch == "scorm.html");
        CHECK(m.find(v == Scorm::v12
                         ? "<schemaversion>1.2</schemaversion>"
                         : "<schemaversion>2004 4th Edition</schemaversion>") != std::string::npos);
    }
}

TEST_CASE("the tour: every question type with real, labelled controls, in Danish and English") {
    for (const char* lang : {"da", "en"}) {
        INFO(lang);
        const web::Site site = site_of(LEKTION_SOURCE_DIR "/content/tour", lang);
        for (const std::string& page : site.pages) check_page(page, site.files.at(page));
        const std::string& check = site.files.at("lesson-2-check.html");
        for (const char* type : {"matching", "ordering", "fillin", "numeric"})
            CHECK(count(check, std::string("data-type=\"") + type + "\"") == 1);
        // Matching: a select a item, each with "Choose…" and the 3 targets.
        CHECK(count(check, "<select id=") == 3);
        CHECK(count(check, "<option value=\"\">") == 3);
        CHECK(count(check, "<option value=\"l2.check.match.") == 9);
        // Ordering: two buttons a step, named with the step by aria-labelledby, and a live region.
        CHECK(count(check, "class=\"move\" data-by=\"-1\"") == 4);
        CHECK(count(check, "class=\"move\" data-by=\"1\"") == 4);
        CHECK(std::regex_search(check, std::regex(R"re(id="(q\d+-i1)-up" aria-labelledby="\1-up \1">)re")));
        CHECK(count(check, "class=\"order-status visually-hidden\" role=\"status\" aria-live=\"polite\"") ==
              1);
        // The players' order for a check, never the right one: the first shown is not the first step.
        CHECK(check.find("<li class=\"order-item\" data-option=\"l2.check.order.measure\"") >
              check.find("<li class=\"order-item\""));
        // Fill-in: a text field in the sentence; numeric: a text field for decimals, labelled with an example
        // in the page's language.
        CHECK(count(check, "<input type=\"text\" class=\"gap\"") == 1);
        CHECK(count(check, "inputmode=\"decimal\"") == 1);
        CHECK(check.find(std::string(lang) == "da" ? "fx 3,5</label>" : "such as 3.5</label>") !=
              std::string::npos);
        // The quiz's fill-in has two gaps, each labelled with its place.
        const std::string& quiz = site.files.at("quiz.html");
        CHECK(count(quiz, "<span class=\"visually-hidden\"> (1/2)</span>") == 1);
        CHECK(count(quiz, "<span class=\"visually-hidden\"> (2/2)</span>") == 1);
        // The script's data: the matches, the accepted answers, the settings and partial credit.
        const std::string& data = site.files.at("course.js");
        CHECK(data.find("\"match\": \"l2.check.match.nails\"") != std::string::npos);
        CHECK(data.find("\"accents\": \"ignore\"") != std::string::npos);
        CHECK(data.find("\"partial\": true") != std::string::npos);
        CHECK(data.find("\"tolerance\": \"0.5\"") != std::string::npos);
    }
}

TEST_CASE("a course with a question type the web export cannot show is refused, naming the type") {
    // A type registered only here, as a third party would add one: no view in the export.
    QuestionTypes::get().add(std::make_unique<test::YesNo>());
    const LoadResult r = load_course(LEKTION_SOURCE_DIR "/content/tour", "en");
    REQUIRE(r.course);
    Course course = *r.course;
    REQUIRE(course.quiz);
    course.quiz->questions[1].type = "yesno";
    const web::Site site = build_site(course, {"en", Scorm::none});
    CHECK(site.error == "question quiz.multiple: the web export cannot show yesno questions");
    CHECK(site.files.empty());
    // The tour as it is exports.
    CHECK(build_site(*r.course, {"en", Scorm::none}).error.empty());
}
