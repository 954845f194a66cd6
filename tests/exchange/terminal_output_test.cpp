// What import, export and status print never carries a control character or
// invalid UTF-8 to the terminal, wherever it came from: a unit id in an
// imported file, a file name in a course's translations folder, the name of
// the file imported. An escape sequence there could clear the screen, retitle
// the window or hide a line of the report; it is shown as \x1b instead.
#include <catch2/catch.hpp>

#include "course/text.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

void check_clean(const Ran& r) {
    INFO(r.err);
    CHECK_FALSE(find_control_character(r.err));
    CHECK_FALSE(find_invalid_utf8(r.err));
    CHECK_FALSE(find_control_character(r.out));
}

// An XLIFF file for the course with one unit whose id is `id`, as bytes.
std::string xliff_with_id(const std::string& id) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
           "  <file original=\"course.xml\" source-language=\"da\" target-language=\"pl\" datatype=\"xml\">\n"
           "    <body>\n"
           "      <trans-unit id=\"course.title\"><source>Karriereplanlægning og trivsel på "
           "arbejdspladsen</source><target state=\"translated\">Planowanie</target></trans-unit>\n"
           "      <trans-unit id=\"" +
           id +
           "\"><source>x</source><target state=\"translated\">y</target></trans-unit>\n"
           "    </body>\n"
           "  </file>\n"
           "</xliff>\n";
}

}  // namespace

TEST_CASE("an import report shows a unit id with control characters escaped") {
    Workspace w;
    for (const std::string id : {"l1.s1\x7f",
                                 "l1.s1\xc2\x9b"
                                 "2J"}) {
        write_file(w.file("ids.xlf"), xliff_with_id(id));
        const Ran r = run_lektion({"xliff", "import", "--dry-run", w.course().string(), w.file("ids.xlf")});
        check_clean(r);
    }
}

TEST_CASE("a file name with an escape sequence is shown escaped, in import and status") {
    Workspace w;
    const std::string evil = "evil\x1b]0;owned\x07\xff";
    write_file(w.file(evil + ".po"), "this is not PO\n");
    const Ran import = run_lektion({"po", "import", w.course().string(), w.file(evil + ".po")});
    CHECK(import.status == 1);
    check_clean(import);
    CHECK(import.err.find("evil\\x1b]0;owned\\x07\\xff.po") != std::string::npos);

    write_file(w.course() / "translations" / "en" / (evil + ".xlf"), "<xliff");
    const Ran status = run_lektion({"status", w.course().string(), "--locales", w.locales().string()});
    CHECK(status.status == 1);
    check_clean(status);
    CHECK(status.err.find("evil\\x1b]0;owned\\x07\\xff.xlf") != std::string::npos);

    const Ran exported =
        run_lektion({"xliff", "export", w.course().string(), "--lang", "en", "-o", w.file("out.xlf")});
    CHECK(exported.status == 1);
    check_clean(exported);
}
