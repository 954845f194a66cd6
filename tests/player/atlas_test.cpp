// Every character the course, its translations and every interface catalog
// use is in the font atlas: nothing a learner reads turns into '?'.
#include <catch2/catch.hpp>

#include <filesystem>

#include <pugixml.hpp>

#include "load/translation.hpp"
#include "load/visit.hpp"
#include "player/fonts.hpp"
#include "resources/paths.hpp"

using namespace lektion;

namespace {

std::string hex(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace

TEST_CASE("the atlas covers the course in every language and every interface catalog") {
    ImGuiContext* context = ImGui::CreateContext();
    ui::Fonts fonts;
    std::string error;
    REQUIRE(ui::build_fonts(*ImGui::GetIO().Fonts, ui::default_text_size, fonts, error));

    int checked = 0;
    auto check = [&](const std::string& where, const std::string& text) {
        ++checked;
        for (ImFont* face : {fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic}) {
            const auto missing = ui::missing_glyphs(*face, text);
            for (char32_t c : missing) FAIL_CHECK(where << ": " << hex(c) << " missing from the atlas");
        }
    };
    std::vector<std::string> languages = course_languages(bundled_course_dir());
    languages.push_back("da");
    for (const std::string& lang : languages) {
        const LoadResult r = load_course(bundled_course_dir(), lang);
        REQUIRE(r.course);
        for_each_text(*r.course,
                      [&](const Text& t, const UnitContext&) { check(lang + ":" + t.id, t.plain()); });
    }
    int catalogs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(resource_dir("locales"))) {
        pugi::xml_document doc;
        REQUIRE(doc.load_file(entry.path().c_str()));
        ++catalogs;
        for (pugi::xpath_node unit : doc.select_nodes("//trans-unit"))
            check(entry.path().filename().string() + ":" + unit.node().attribute("id").value(),
                  unit.node().child("target").text().get());
    }
    CHECK(catalogs >= 24);
    WARN(checked << " texts checked in " << languages.size() << " course languages and " << catalogs
                 << " catalogs");
    ImGui::DestroyContext(context);
}
