// No input may crash an import: exported files mangled at random (bytes
// flipped, cut short, lines dropped) go through reading, checking and
// merging. They may be refused; they may not bring the program down.
#include <catch2/catch.hpp>

#include <random>

#include "exchange/merge.hpp"
#include "exchange/po.hpp"
#include "exchange/po_syntax.hpp"
#include "exchange/xliff.hpp"
#include "load/loader.hpp"
#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

std::string mangle(std::string text, std::mt19937& rng) {
    std::uniform_int_distribution<int> kind(0, 3);
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < edits && !text.empty(); ++i) {
        const std::size_t at = rng() % text.size();
        switch (kind(rng)) {
            case 0: text[at] = static_cast<char>(rng() % 256); break;  // any byte, also invalid UTF-8
            case 1: text.resize(at); break;
            case 2: text.erase(at, std::min<std::size_t>(rng() % 200, text.size() - at)); break;
            case 3: {
                static const char* pieces[] = {"<",    ">",   "\"",   "&",          "<g ctype=\"bold\">",
                                               "</g>", "<b>", "</i>", "msgstr \"",  "\\",
                                               "\n",   "{",   "}",    "#, fuzzy\n", "<mrk>"};
                text.insert(at, pieces[rng() % std::size(pieces)]);
            }
        }
    }
    return text;
}

// Reads, checks and merges `file` against `source` with the store in memory only.
void import_in_memory(const fs::path& file, bool po, const Source& source, const fs::path& course) {
    Diagnostics diags;
    const std::optional<Incoming> in =
        po ? read_po_exchange(file, Domain::course, diags) : read_xliff_exchange(file, Domain::course, diags);
    if (!in || !check_incoming_file(source, *in, diags)) return;
    TranslationStore store = read_course_store(course, in->target_lang, diags);
    merge_incoming(source, *in, store, diags);  // never written
}

}  // namespace

TEST_CASE("mangled XLIFF and PO files are refused or partly imported, never a crash") {
    Workspace w;
    const LoadResult loaded = load_course(w.course());
    REQUIRE(loaded.course);
    const Source source = course_source(*loaded.course);
    const auto before = snapshot(w.course());
    for (const char* format : {"xliff", "po"}) {
        const bool po = std::string(format) == "po";
        const fs::path exported = w.file(std::string("en.") + format);
        REQUIRE(run_lektion({format, "export", w.course().string(), "--lang", "en", "-o", exported.string()})
                    .status == 0);
        const std::string text = read_file(exported);
        std::mt19937 rng(20240611);
        const fs::path mangled = w.file(std::string("mangled.") + format);
        for (int i = 0; i < 150; ++i) {
            write_file(mangled, mangle(text, rng));
            import_in_memory(mangled, po, source, w.course());
        }
    }
    CHECK(snapshot(w.course()) == before);
}

TEST_CASE("the PO reader takes any bytes") {
    std::mt19937 rng(7);
    for (int i = 0; i < 2000; ++i) {
        std::string text(rng() % 300, '\0');
        for (char& c : text) c = "msgidtrx\" \\\n#,.:|[]0"[rng() % 21];
        Diagnostics diags;
        (void)parse_po(text, "x.po", diags);
    }
    SUCCEED();
}

TEST_CASE("the lektion program refuses an empty, a binary and a missing file with one clear message") {
    Workspace w;
    write_file(w.file("empty.xlf"), "");
    write_file(w.file("binary.po"), std::string("\x00\xff\xfe\x01", 4));
    for (const auto& [format, file] :
         {std::pair{"xliff", "empty.xlf"}, {"po", "binary.po"}, {"po", "absent.po"}}) {
        const Ran r = run_lektion({format, "import", w.course().string(), w.file(file).string()});
        CHECK(r.status == 1);
        CHECK(r.err.find(w.file(file).string() + ":") != std::string::npos);
        CHECK(r.err.find("refused; nothing was written") != std::string::npos);
    }
}
