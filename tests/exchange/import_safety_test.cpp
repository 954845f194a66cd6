// Where an import may write and how: never through a symbolic link (so never
// outside the course or the locales folder), all of a language's files or
// none when the disk fills up, and what a killed import left behind removed
// by the next one, each removal reported.
#include <catch2/catch.hpp>

#include <algorithm>

#include "course/text.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

Ran import(const Workspace& w, const std::string& fixture_name) {
    const std::string format = fixture_name.ends_with(".po") ? "po" : "xliff";
    if (fixture_name.starts_with("ui/"))
        return run_lektion(
            {format, "import", "--ui", "--locales", w.locales().string(), fixture(fixture_name)});
    return run_lektion({format, "import", w.course().string(), fixture(fixture_name)});
}

// A stored Polish translation of course.xml, to put behind a link.
const std::string stored_polish = R"(<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="course.xml" source-language="da" target-language="pl" datatype="xml">
    <body>
    </body>
  </file>
</xliff>
)";

}  // namespace

TEST_CASE("a course import refuses translations/, a language folder or a file that is a symbolic link") {
    enum Link { translations_folder, language_folder, language_file };
    for (const char* name : {"xliff/unknown_id.xlf", "po/unknown_id.po"})
        for (Link kind : {translations_folder, language_folder, language_file}) {
            Workspace w;
            const fs::path outside = w.file("outside");
            const fs::path translations = w.course() / "translations";
            fs::path link;
            switch (kind) {
                case translations_folder:
                    fs::rename(translations, outside);
                    fs::create_directory_symlink(outside, link = translations);
                    break;
                case language_folder:
                    write_file(outside / "course.xlf", stored_polish);
                    fs::create_directory_symlink(outside, link = translations / "pl");
                    break;
                case language_file:
                    write_file(outside / "course.xlf", stored_polish);
                    fs::create_directories(translations / "pl");
                    fs::create_symlink(outside / "course.xlf", link = translations / "pl" / "course.xlf");
                    break;
            }
            const auto course = snapshot(w.course());
            const auto target = snapshot(outside);
            const Ran r = import(w, name);
            INFO(name << ", " << link << "\n" << r.err);
            CHECK(r.status == 1);
            CHECK(lines(r.err) == 1);
            CHECK(r.err.starts_with("lektion: " + link.string() + " is a symbolic link"));
            CHECK(r.err.find("nothing was written") != std::string::npos);
            CHECK(snapshot(w.course()) == course);
            CHECK(snapshot(outside) == target);
        }
}

TEST_CASE("an interface import refuses a catalog that is a symbolic link") {
    Workspace w;
    for (const fs::path& to : {w.file("outside.xlf"), w.locales() / "de.xlf"}) {
        const std::string before = to == w.locales() / "de.xlf" ? read_file(to) : std::string();
        if (before.empty()) write_file(to, "");
        fs::remove(w.locales() / "is.xlf");
        fs::create_symlink(to, w.locales() / "is.xlf");
        const auto locales = snapshot(w.locales());
        const Ran r = import(w, "ui/broken_icu.xlf");
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.starts_with("lektion: " + (w.locales() / "is.xlf").string() + " is a symbolic link"));
        CHECK(snapshot(w.locales()) == locales);
        CHECK(read_file(to) == before);
        CHECK(fs::is_symlink(w.locales() / "is.xlf"));
    }
}

TEST_CASE("an import removes what an interrupted import left behind, one line each") {
    Workspace w;
    const fs::path translations = w.course() / "translations";
    const std::vector<fs::path> ours = {
        translations / ".pl.import-0123abcd", translations / ".de.import-89abcdef",
        translations / "en" / ".lektion1.xlf.tmp-0123abcd", translations / ".pl.old-0badcafe"};
    write_file(ours[0] / "course.xlf", stored_polish);
    fs::create_directories(ours[1]);
    write_file(ours[2], "half a file");
    write_file(ours[3] / "course.xlf", stored_polish);
    write_file(translations / "pl" / "course.xlf", stored_polish);  // so .pl.old-… is not the only copy
    // Not an import's: hidden files of other tools stay.
    write_file(translations / ".gitattributes", "*.xlf text\n");
    write_file(translations / ".pl.import-notours", "");

    const Ran r = import(w, "xliff/unknown_id.xlf");
    INFO(r.err);
    CHECK(r.status == 0);
    for (const fs::path& p : ours) {
        CHECK_FALSE(fs::exists(fs::symlink_status(p)));
        CHECK(r.err.find("removed " + p.string() + ", left by an import that did not finish") !=
              std::string::npos);
    }
    CHECK(fs::exists(translations / ".gitattributes"));
    CHECK(fs::exists(translations / ".pl.import-notours"));

    // And in the locales folder, for the interface.
    write_file(w.locales() / ".is.xlf.tmp-0123abcd", "half");
    const Ran ui = import(w, "ui/broken_icu.xlf");
    CHECK_FALSE(fs::exists(w.locales() / ".is.xlf.tmp-0123abcd"));
    CHECK(ui.err.find("removed " + (w.locales() / ".is.xlf.tmp-0123abcd").string()) != std::string::npos);
}

TEST_CASE("a language folder set aside by a two-step swap cut short is put back") {
    // Where the file system has no RENAME_EXCHANGE, the live folder is moved
    // aside before the new one moves in; killed in between, the language has
    // no folder and the aside one holds it whole.
    Workspace w;
    const fs::path translations = w.course() / "translations";
    write_file(translations / ".pl.old-0badcafe" / "course.xlf", stored_polish);
    write_file(translations / ".pl.import-0123abcd" / "course.xlf", "the new one, perhaps not whole");
    const Ran r = import(w, "xliff/unknown_id.xlf");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("put " + (translations / "pl").string() + " back in place from .pl.old-0badcafe") !=
          std::string::npos);
    CHECK(r.err.find("removed " + (translations / ".pl.import-0123abcd").string()) != std::string::npos);
    CHECK_FALSE(fs::exists(translations / ".pl.old-0badcafe"));
    CHECK(read_file(translations / "pl" / "course.xlf").find("Planowanie kariery") != std::string::npos);
}

TEST_CASE("a disk that fills up during an import leaves the stored translation as it was") {
    Workspace w;
    const fs::path pl = w.course() / "translations" / "pl";
    const fs::path old_file = w.file("old.xlf"), new_file = w.file("new.xlf");
    for (const fs::path& f : {old_file, new_file})
        REQUIRE(
            run_lektion({"xliff", "export", w.course().string(), "--lang", "pl", "-o", f.string()}).status ==
            0);
    REQUIRE(fill_xliff(old_file, english_targets(w.course(), {}, " (stara)")) == 556);
    REQUIRE(fill_xliff(new_file, english_targets(w.course(), {}, " (nowa)")) == 556);
    REQUIRE(run_lektion({"xliff", "import", w.course().string(), old_file.string()}).status == 0);
    write_file(pl / "NOTES.txt", "kept by the translators\n");
    const auto before = snapshot(w.course());

    // 50 KiB a file: course.xlf and quiz.xlf fit, the lessons do not.
    const Ran r =
        run_lektion_with_file_limit({"xliff", "import", w.course().string(), new_file.string()}, 50);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("pl: nothing was stored") != std::string::npos);
    CHECK(r.err.find("wrote ") == std::string::npos);
    CHECK(r.err.find(" changed") == std::string::npos);  // no counts of what was not stored
    CHECK(snapshot(w.course()) == before);
    for (const auto& e : fs::directory_iterator(w.course() / "translations"))
        CHECK_FALSE(e.path().filename().string().starts_with("."));

    // With room, the same import stores everything, and keeps the other file.
    const Ran again = run_lektion({"xliff", "import", w.course().string(), new_file.string()});
    CHECK(again.status == 0);
    CHECK(read_file(pl / "NOTES.txt") == "kept by the translators\n");
    CHECK(read_file(pl / "lektion2.xlf").find("(nowa)") != std::string::npos);
}

TEST_CASE(
    "an import that changes nothing rewrites nothing, and one that does keeps the folder's other files") {
    Workspace w;
    REQUIRE(import(w, "xliff/wrong_original.xlf").status == 0);
    const fs::path pl = w.course() / "translations" / "pl";
    write_file(pl / "NOTES.txt", "kept\n");
    const auto before = snapshot(w.course());
    const Ran same = import(w, "xliff/wrong_original.xlf");
    CHECK(same.err.find("nothing was written: the stored translation has all of it") != std::string::npos);
    CHECK(snapshot(w.course()) == before);
    CHECK(import(w, "xliff/extra_tag.xlf").status == 1);  // start.s1.h stored, course.title refused
    CHECK(read_file(pl / "course.xlf").find("start.s1.h") != std::string::npos);
    CHECK(read_file(pl / "NOTES.txt") == "kept\n");
    CHECK(read_file(pl / "lektion1.xlf") == before.at("translations/pl/lektion1.xlf"));
}
