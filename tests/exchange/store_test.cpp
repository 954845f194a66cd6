// The stored translations: read and written back byte for byte, so that an
// import that changes one unit changes only that unit's lines.
#include <catch2/catch.hpp>

#include "exchange/store.hpp"
#include "load/translation.hpp"
#include "resources/paths.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

TEST_CASE("the writer reproduces every stored course translation byte for byte, raw or regenerated") {
    const fs::path course = bundled_course_dir();
    int files = 0;
    for (const std::string& lang : course_languages(course)) {
        Diagnostics diags;
        TranslationStore store = read_course_store(course, lang, diags);
        CHECK(diags.items.empty());
        for (StoredFile& f : store.files) {
            ++files;
            const std::string bytes = read_file(f.path);
            CHECK(render_stored_file(f, Domain::course) == bytes);
            for (StoredSection& s : f.sections)
                for (StoredUnit& u : s.units) u.modified = true;  // from the parsed text, not the raw markup
            CHECK(render_stored_file(f, Domain::course) == bytes);
        }
    }
    CHECK(files >= 7);
}

TEST_CASE("the writer reproduces every interface catalog byte for byte") {
    int catalogs = 0;
    for (const auto& e : fs::directory_iterator(resource_dir("locales"))) {
        Diagnostics diags;
        TranslationStore store =
            read_interface_store(resource_dir("locales"), e.path().stem().string(), diags);
        CHECK(diags.items.empty());
        REQUIRE(store.files.size() == 1);
        StoredFile& f = store.files.front();
        for (StoredSection& s : f.sections)
            for (StoredUnit& u : s.units) u.modified = true;
        CHECK(render_stored_file(f, Domain::interface) == read_file(e.path()));
        ++catalogs;
    }
    CHECK(catalogs >= 24);
}

TEST_CASE("an unreadable stored file makes the store read-only") {
    Workspace w;
    write_file(w.course() / "translations/en/broken.xlf", "<xliff><file>");
    Diagnostics diags;
    const TranslationStore store = read_course_store(w.course(), "en", diags);
    CHECK_FALSE(store.readable);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items[0].path.ends_with("translations/en/broken.xlf"));
}
