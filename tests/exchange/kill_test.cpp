// The import killed (SIGKILL, as a power cut or the OOM killer would) at
// random moments of a large import, thirty times: each time the stored
// language is the old translation or the new one, whole; lint finds no error;
// and the next import leaves no temporary file or folder behind.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <random>
#include <thread>

#include "support.hpp"

using namespace lektion;
using namespace lektion::test;

namespace {

// The translation files of a language folder, by name: what the player and
// lint read. Hidden names (an import's leftovers) are checked separately.
std::map<std::string, std::string> stored_files(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& [name, bytes] : snapshot(folder))
        if (!name.starts_with(".")) files[name] = bytes;
    return files;
}

void restore(const fs::path& folder, const std::map<std::string, std::string>& files) {
    fs::remove_all(folder);
    for (const auto& [name, bytes] : files) write_file(folder / name, bytes);
}

// Names starting with "." anywhere under translations/: staging folders and temporaries.
std::vector<std::string> leftovers(const fs::path& translations) {
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(translations))
        if (e.path().filename().string().starts_with(".")) found.push_back(e.path().string());
    return found;
}

}  // namespace

TEST_CASE("an import killed at random moments leaves the old or the new translation whole") {
    Workspace w;
    const fs::path pl = w.course() / "translations" / "pl";
    const fs::path old_file = w.file("old.xlf"), new_file = w.file("new.xlf");
    for (const fs::path& f : {old_file, new_file})
        REQUIRE(
            run_lektion({"xliff", "export", w.course().string(), "--lang", "pl", "-o", f.string()}).status ==
            0);
    REQUIRE(fill_xliff(old_file, english_targets(w.course(), {}, " (stara)")) == 556);
    REQUIRE(fill_xliff(new_file, english_targets(w.course(), {}, " (nowa)")) == 556);

    // The two states a kill may leave: the old translation, and the new one
    // as an import that is not interrupted stores it.
    REQUIRE(run_lektion({"xliff", "import", w.course().string(), old_file.string()}).status == 0);
    const auto old_state = stored_files(pl);
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(run_lektion({"xliff", "import", w.course().string(), new_file.string()}).status == 0);
    const auto took = std::chrono::steady_clock::now() - started;
    const auto new_state = stored_files(pl);
    REQUIRE(old_state.size() == 7);
    REQUIRE(new_state.size() == 7);
    REQUIRE(old_state != new_state);

    std::mt19937 rng(20250117);
    const auto span = std::chrono::duration_cast<std::chrono::microseconds>(took).count() * 11 / 10;
    int old_whole = 0, new_whole = 0, cleaned = 0;
    for (int round = 0; round < 30; ++round) {
        restore(pl, old_state);
        const pid_t pid = start_lektion({"xliff", "import", w.course().string(), new_file.string()},
                                        w.file("kill.log"), Ending::killed_on_purpose);
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % span));
        ::kill(pid, SIGKILL);
        wait_lektion(pid);

        INFO("round " << round);
        const auto state = stored_files(pl);
        CHECK((state == old_state || state == new_state));
        old_whole += state == old_state;
        new_whole += state == new_state;
        const Ran lint = run_lektion({"lint", w.course().string()}, w.root());
        INFO(lint.err);
        CHECK(lint.status == 0);

        const bool left = !leftovers(w.course() / "translations").empty();
        const Ran next = run_lektion({"xliff", "import", w.course().string(), new_file.string()});
        INFO(next.err);
        CHECK(next.status == 0);
        CHECK(leftovers(w.course() / "translations").empty());
        CHECK(stored_files(pl) == new_state);
        if (left) {
            CHECK(next.err.find("removed ") != std::string::npos);
            ++cleaned;
        }
    }
    // Not a requirement, a sign that the kills landed all over the import.
    WARN("killed 30 imports: " << old_whole << " left the old translation, " << new_whole << " the new one; "
                               << cleaned << " left files the next import removed");
}
