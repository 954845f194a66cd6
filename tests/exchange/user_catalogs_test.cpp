// Interface catalogs a translator imports without --locales go to their own
// data folder and overlay the shipped catalogs, which stay as they were
// (installed, they belong to root; in a source tree, to its developers).
// play, lint and status take --locales DIR to use one folder alone.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace lektion::test;

TEST_CASE("an interface import without --locales writes the user's overlay, which the player reads") {
    Workspace w;
    const fs::path data = w.root() / "data";
    const std::vector<std::string> env{"LEKTION_RESOURCES=" + w.root().string(),
                                       "LEKTION_DATA_DIR=" + data.string()};
    const auto shipped = snapshot(w.locales());

    Ran r = run_lektion_with_env(
        env, {"xliff", "export", "--ui", "--lang", "da", "-o", w.file("da.xlf").string()});
    REQUIRE(r.status == 0);
    REQUIRE(fill_xliff(w.file("da.xlf"), {{"text.who", "Dit fulde navn"}}) == 1);

    // A dry run makes nothing, not even the folder.
    r = run_lektion_with_env(env, {"xliff", "import", "--ui", "--dry-run", w.file("da.xlf").string()});
    CHECK(r.status == 0);
    CHECK_FALSE(fs::exists(data));

    r = run_lektion_with_env(env, {"xliff", "import", "--ui", w.file("da.xlf").string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains("wrote " + (data / "locales" / "da.xlf").generic_string()));
    CHECK(read_file(data / "locales" / "da.xlf").find("Dit fulde navn") != std::string::npos);
    CHECK(snapshot(w.locales()) == shipped);  // the shipped catalogs untouched

    // The player shows the overlay; with --locales the shipped folder alone.
    const std::vector<std::string> play{
        "play", w.course().string(), "--text", "--lang", "da", "--data-dir", (w.root() / "records").string()};
    r = run_lektion_with_env(env, play);
    CHECK_THAT(r.out, Catch::Contains("Dit fulde navn"));
    std::vector<std::string> alone = play;
    alone.insert(alone.end(), {"--locales", w.locales().string()});
    r = run_lektion_with_env(env, alone);
    CHECK_THAT(r.out, Catch::Contains("Dit navn"));
    CHECK_THAT(r.out, !Catch::Contains("Dit fulde navn"));

    // A message the overlay lacks comes from the shipped catalog: the overlay
    // shrunk to the one unit, the player still speaks Danish elsewhere.
    std::string overlay = read_file(data / "locales" / "da.xlf");
    const auto first = overlay.find("<trans-unit");
    const auto who = overlay.find("<trans-unit id=\"text.who\"");
    const auto body_end = overlay.find("</body>");
    REQUIRE((first != std::string::npos && who != std::string::npos && body_end != std::string::npos));
    const auto who_end = overlay.find("</trans-unit>", who) + std::string("</trans-unit>").size();
    overlay =
        overlay.substr(0, first) + overlay.substr(who, who_end - who) + "\n    " + overlay.substr(body_end);
    write_file(data / "locales" / "da.xlf", overlay);
    r = run_lektion_with_env(env, play);
    CHECK_THAT(r.out, Catch::Contains("Dit fulde navn"));
    std::vector<std::string> home = play;
    home.insert(home.end(), {"--learner", "Ane"});
    r = run_lektion_with_env(env, home);
    CHECK_THAT(r.out, Catch::Contains("q: gem og afslut"));  // text.commands, from the shipped catalog

    // status reads the overlay too; lint --locales checks the folder it is given.
    r = run_lektion_with_env(env, {"lint", w.course().string(), "--locales", w.locales().string()});
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains("24 interface catalogs"));
}
