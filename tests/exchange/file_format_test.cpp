// A translator hands back whatever their tool saved: a PO file to the XLIFF
// import (or the reverse) is named for what it is, in one line, and a file
// saved with a UTF-8 byte order mark is read like one without.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

const std::string bom = "\xEF\xBB\xBF";

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("xliff import of a PO file, and po import of an XLIFF file, say which command to use") {
    Workspace w;
    const fs::path po = w.file("pl.po"), xlf = w.file("pl.xlf");
    REQUIRE(run_lektion({"po", "export", w.course().string(), "--lang", "pl", "-o", po.string()}).status ==
            0);
    REQUIRE(
        run_lektion({"xliff", "export", w.course().string(), "--lang", "pl", "-o", xlf.string()}).status ==
        0);
    const auto before = snapshot(w.course());
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"xliff", "import", w.course().string(), po.string()}, "is a PO file; use lektion po import"},
        {{"po", "import", w.course().string(), xlf.string()}, "is an XLIFF file; use lektion xliff import"},
        {{"xliff", "import", "--ui", "--locales", w.locales().string(), po.string()},
         "is a PO file; use lektion po import"},
        {{"po", "import", "--ui", "--locales", w.locales().string(), xlf.string()},
         "is an XLIFF file; use lektion xliff import"},
    };
    for (const Case& c : cases) {
        const Ran r = run_lektion(c.args);
        INFO(r.err);
        CHECK(r.status == 2);
        CHECK(lines(r.err) == 1);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    // With a byte order mark, and with a comment first, a PO file is still known for one.
    write_file(po, bom + "# Polish\n" + read_file(po));
    const Ran r = run_lektion({"xliff", "import", w.course().string(), po.string()});
    CHECK(r.status == 2);
    CHECK(r.err.find("is a PO file; use lektion po import") != std::string::npos);
    CHECK(snapshot(w.course()) == before);
}

TEST_CASE("a PO or XLIFF file that starts with a UTF-8 byte order mark is imported") {
    for (const std::string format : {"po", "xliff"}) {
        SECTION(format) {
            Workspace w;
            const fs::path file = w.file("pl." + format);
            REQUIRE(run_lektion({format, "export", w.course().string(), "--lang", "pl", "-o", file.string()})
                        .status == 0);
            const std::map<std::string, std::string> title = {
                {"course.title", "Planowanie kariery i dobrostan w pracy"}};
            REQUIRE((format == "po" ? fill_po(file, title) : fill_xliff(file, title)) == 1);
            write_file(file, bom + read_file(file));
            const Ran r = run_lektion({format, "import", w.course().string(), file.string()});
            INFO(r.err);
            CHECK(r.status == 0);
            CHECK(r.err.find("pl: 1 new") != std::string::npos);
        }
    }
}
