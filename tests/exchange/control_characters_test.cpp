// No control character reaches a stored translation: a PO file holding one
// (raw, or as an escape such as \000 or \033) or invalid UTF-8 is refused at
// the line and column of the character or escape; merge refuses such a
// translation whatever format brought it; and the store refuses to write
// one, or anything that does not parse back as XML.
#include <catch2/catch.hpp>

#include "course/text.hpp"
#include "exchange/merge.hpp"
#include "exchange/store.hpp"
#include "load/loader.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// A PO file for the course whose msgstr of course.title is "Tytuł" and then
// `tail`, on line 11 (the tail starts at column 14).
std::string po_with(const std::string& tail, const std::string& context = "course.title") {
    return "msgid \"\"\n"
           "msgstr \"\"\n"
           "\"Project-Id-Version: karriereplanlaegning 1.0.0\\n\"\n"
           "\"Language: pl\\n\"\n"
           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
           "\"X-Source-Language: da\\n\"\n"
           "\n"
           "#: course.xml\n"
           "msgctxt \"" +
           context +
           "\"\n"
           "msgid \"Karriereplanlægning og trivsel på arbejdspladsen\"\n"
           "msgstr \"Tytuł" +
           tail + "\"\n";
}

}  // namespace

TEST_CASE("a PO file with a control character or invalid UTF-8, raw or escaped, is refused at its column") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"\\000", "U+0000"},        {"\\0", "U+0000"},          {"\\0 i dalej", "U+0000"},
        {"\\a", "U+0007"},          {"\\b", "U+0008"},          {"\\v", "U+000B"},
        {"\\f", "U+000C"},          {"\\x1b[31m", "U+001B"},    {"\\033[2J", "U+001B"},
        {"\\x1F", "U+001F"},        {"\\177", "U+007F"},        {"\\x7f", "U+007F"},
        {"\\302\\205", "U+0085"},   {"\\xc2\\x9b", "U+009B"},   {"\x1b[31m", "U+001B"},
        {"\x01", "U+0001"},         {"\x7f", "U+007F"},         {"\xc2\x9b", "U+009B"},
        {"\\377", "invalid UTF-8"}, {"\\x80", "invalid UTF-8"}, {"\\303", "invalid UTF-8"},
        {"\xff", "invalid UTF-8"},
    };
    Workspace w;
    const fs::path po = w.file("control.po");
    const auto before = snapshot(w.course());
    for (const auto& [tail, message] : cases) {
        write_file(po, po_with(tail));
        const Ran r = run_lektion({"po", "import", w.course().string(), po.string()});
        INFO(tail << "\n" << r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find(po.string() + ":11:14: error: ") != std::string::npos);
        CHECK(r.err.find(message) != std::string::npos);
        CHECK(r.err.find("refused; nothing was written") != std::string::npos);
        CHECK(snapshot(w.course()) == before);
    }
}

TEST_CASE("a control character in msgctxt or a continuation line is reported where it is") {
    Workspace w;
    const fs::path po = w.file("control.po");
    write_file(po, po_with("", "course.title\\033"));
    Ran r = run_lektion({"po", "import", w.course().string(), po.string()});
    CHECK(r.status == 1);
    CHECK(r.err.find(po.string() + ":9:22: error: ") != std::string::npos);

    std::string text = po_with("");
    const std::string msgstr = "msgstr \"Tytuł\"";
    text.replace(text.rfind(msgstr), msgstr.size(), "msgstr \"\"\n\"Tytuł\\a\"");
    write_file(po, text);
    r = run_lektion({"po", "import", w.course().string(), po.string()});
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find(po.string() + ":12:7: error: ") != std::string::npos);
    CHECK(r.err.find("U+0007") != std::string::npos);
}

TEST_CASE("tabs and line breaks, as escapes, are text a PO file may hold") {
    Workspace w;
    const fs::path po = w.file("fine.po");
    write_file(po, po_with("\\tdalej\\nkoniec"));
    const Ran r = run_lektion({"po", "import", w.course().string(), po.string()});
    INFO(r.err);
    CHECK(r.status == 0);
    const std::string stored = read_file(w.course() / "translations" / "pl" / "course.xlf");
    CHECK(stored.find("Tytuł dalej koniec") != std::string::npos);
    CHECK_FALSE(find_control_character(stored));
}

TEST_CASE("merge refuses a translation holding a control character, whatever format brought it") {
    Workspace w;
    const LoadResult loaded = load_course(w.course());
    REQUIRE(loaded.course);
    Diagnostics source_diags;
    const std::optional<Source> ui = interface_source(w.locales(), source_diags);
    REQUIRE(ui);
    const Source course = course_source(*loaded.course);
    for (const Source* source : {&course, &*ui}) {
        const bool is_course = source->domain == Domain::course;
        const std::string id = is_course ? "course.title" : "learners.title";
        for (const std::string& bad :
             std::vector<std::string>{"\x1b[31m", "\x7f", "\xc2\x85", std::string(1, '\0'), "\x08"}) {
            Incoming in;
            in.path = "in.xlf";
            in.domain = source->domain;
            in.target_lang = "pl";
            in.sections.push_back({source->originals.front(), {1, 1}});
            IncomingUnit u;
            u.id = id;
            u.target = plain_text("Tytuł " + bad + " dalej");
            u.state = "translated";
            u.site = u.target_site = {7, 9};
            in.units.push_back(u);
            Diagnostics diags;
            TranslationStore store = is_course ? read_course_store(w.course(), "pl", diags)
                                               : read_interface_store(w.locales(), "pl", diags);
            const ImportCounts counts = merge_incoming(*source, in, store, diags);
            INFO(id << " " << bad);
            CHECK(counts.refused == 1);
            CHECK(counts.added + counts.changed == 0);
            REQUIRE(diags.items.size() == 1);
            CHECK(
                format(diags.items[0]).starts_with("in.xlf:7:9: error: '" + id + "': control character U+"));
            CHECK_FALSE(find_control_character(format(diags.items[0])));
        }
    }
}

TEST_CASE("the store writes no control character, no invalid UTF-8 and nothing that is not XML") {
    Workspace w;
    const fs::path pl = w.course() / "translations" / "pl";
    struct Bad {
        const char* what;
        std::string target, source_xml;
    };
    const std::vector<Bad> cases = {
        {"ESC", "a\x1b[2Jb", ""},
        {"NUL", std::string("a\0b", 3), ""},
        {"C1",
         "a\xc2\x9b"
         "b",
         ""},
        {"invalid UTF-8", "a\xff", ""},
        {"kept source markup that is not XML", "", "<g ctype=\"bold\">a"},
        {"kept source markup with a reference to ESC", "", "a&#27;b"},
    };
    for (const Bad& bad : cases) {
        INFO(bad.what);
        for (Domain domain : {Domain::course, Domain::interface}) {
            const bool is_course = domain == Domain::course;
            const std::string lang = is_course ? "pl" : "is";  // neither is stored yet
            Diagnostics diags;
            TranslationStore store = is_course ? read_course_store(w.course(), lang, diags)
                                               : read_interface_store(w.locales(), lang, diags);
            REQUIRE(diags.items.empty());
            REQUIRE(store.files.empty());
            StoredUnit u;
            u.id = "course.title";
            if (bad.source_xml.empty()) {
                u.source = plain_text("Karriereplanlægning");
                u.target = plain_text(bad.target);
                u.state = "translated";
                u.has_target = u.modified = true;
            } else {
                u.source_xml = bad.source_xml;  // as read from a stored file, written back unchanged
            }
            const fs::path path = is_course ? pl / "course.xlf" : w.locales() / "is.xlf";
            store.files.push_back({path, path.string(), {{"course.xml", "da", lang, "xml", {}, {u}}}, true});
            const auto before = snapshot(w.root());
            const std::vector<fs::path> written = write_store(store, diags);
            CHECK(written.empty());
            CHECK(diags.has_errors());
            CHECK(snapshot(w.root()) == before);
            CHECK_FALSE(fs::exists(path));
        }
    }
}
