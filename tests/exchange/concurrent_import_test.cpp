// Two imports into one course at the same time, as two translators (or two
// CI jobs) may start them: the second waits for the first, and every unit of
// both is stored. Real processes, started together, several rounds.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "exchange/source_units.hpp"
#include "exchange/store.hpp"
#include "support.hpp"
#include "xliff/escape.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

enum class Units { all, even, odd };  // by position in reading order: every file has some of each

// Exports `lang`, fills `which` units with English text and a marker naming
// the file, and returns the file and the ids filled.
std::pair<fs::path, std::set<std::string>> translated_file(const Workspace& w, const std::string& lang,
                                                           Units which, const std::string& name) {
    const fs::path file = w.file(name);
    REQUIRE(
        run_lektion({"xliff", "export", w.course().string(), "--lang", lang, "-o", file.string()}).status ==
        0);
    auto targets = english_targets(w.course(), {}, " [" + name + "]");
    int position = 0;
    std::erase_if(targets, [&](const auto&) {
        const bool even = position++ % 2 == 0;
        return which == Units::even ? !even : which == Units::odd ? even : false;
    });
    REQUIRE(fill_xliff(file, targets) == static_cast<int>(targets.size()));
    std::set<std::string> ids;
    for (const auto& [id, _] : targets) ids.insert(id);
    return {file, ids};
}

// Ids whose stored target ends with the marker of `name`.
std::set<std::string> stored_from(const Workspace& w, const std::string& lang, const std::string& name) {
    Diagnostics diags;
    const TranslationStore store = read_course_store(w.course(), lang, diags);
    std::set<std::string> ids;
    for (const StoredFile& f : store.files)
        for (const StoredSection& s : f.sections)
            for (const StoredUnit& u : s.units)
                if (u.target.plain().ends_with("[" + name + "]")) ids.insert(u.id);
    return ids;
}

// Starts both imports at once and waits for both.
void import_together(const Workspace& w, const fs::path& a, const fs::path& b) {
    const pid_t first = start_lektion({"xliff", "import", w.course().string(), a.string()}, w.file("a.log"));
    const pid_t second = start_lektion({"xliff", "import", w.course().string(), b.string()}, w.file("b.log"));
    REQUIRE(first > 0);
    REQUIRE(second > 0);
    const int first_status = wait_lektion(first), second_status = wait_lektion(second);
    INFO(read_file(w.file("a.log")) + read_file(w.file("b.log")));
    CHECK(first_status == 0);
    CHECK(second_status == 0);
}

}  // namespace

TEST_CASE("two imports of one language at once: the second waits, and every unit of both is stored") {
    for (int round = 0; round < 6; ++round) {
        Workspace w;
        const auto [a, a_ids] = translated_file(w, "pl", Units::even, "a.xlf");
        const auto [b, b_ids] = translated_file(w, "pl", Units::odd, "b.xlf");
        import_together(w, a, b);
        CHECK(stored_from(w, "pl", "a.xlf") == a_ids);
        CHECK(stored_from(w, "pl", "b.xlf") == b_ids);
    }
}

TEST_CASE("two imports of different languages at once both end up stored whole") {
    for (int round = 0; round < 4; ++round) {
        Workspace w;
        const auto [a, a_ids] = translated_file(w, "pl", Units::all, "pl.xlf");
        const auto [b, b_ids] = translated_file(w, "de", Units::all, "de.xlf");
        REQUIRE(a_ids.size() == 556);
        import_together(w, a, b);
        CHECK(stored_from(w, "pl", "pl.xlf") == a_ids);
        CHECK(stored_from(w, "de", "de.xlf") == b_ids);
    }
}

TEST_CASE("two interface imports of one language at once: both halves stored in locales/<lang>.xlf") {
    for (int round = 0; round < 3; ++round) {
        Workspace w;
        Diagnostics diags;
        const std::optional<Source> ui = interface_source(w.locales(), diags);
        REQUIRE(ui);
        std::map<std::string, std::string> halves[2];
        for (std::size_t i = 0; i < ui->units.size(); ++i)
            halves[i % 2][ui->units[i].id] = xml_escape(ui->units[i].source.plain()) + " [is]";
        fs::path files[2];
        pid_t pids[2];
        for (int h = 0; h < 2; ++h) {
            files[h] = w.file("ui" + std::to_string(h) + ".xlf");
            REQUIRE(run_lektion({"xliff", "export", "--ui", "--locales", w.locales().string(), "--lang", "is",
                                 "-o", files[h].string()})
                        .status == 0);
            REQUIRE(fill_xliff(files[h], halves[h]) == static_cast<int>(halves[h].size()));
        }
        for (int h = 0; h < 2; ++h)
            pids[h] = start_lektion(
                {"xliff", "import", "--ui", "--locales", w.locales().string(), files[h].string()},
                w.file("ui" + std::to_string(h) + ".log"));
        for (int h = 0; h < 2; ++h) {
            INFO(read_file(w.file("ui" + std::to_string(h) + ".log")));
            CHECK(wait_lektion(pids[h]) == 0);
        }
        const TranslationStore stored = read_interface_store(w.locales(), "is", diags);
        for (const auto& half : halves)
            for (const auto& [id, _] : half) {
                INFO(id);
                const StoredUnit* u = stored.find(id);
                CHECK((u && u->target.plain().ends_with(" [is]")));
            }
    }
}
