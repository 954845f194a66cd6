// Runs the real lektion binary's screenshot tour (in the X server that
// tools/check starts) and checks that every screen was drawn: the right
// size, and more than a blank fill.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>

#include <stb_image.h>

namespace fs = std::filesystem;

TEST_CASE("the screenshot tour draws every screen, none blank") {
    if (!std::getenv("DISPLAY")) FAIL("no X display: run the suite through tools/check (xvfb-run)");
    const fs::path out = fs::path(LEKTION_BUILD_DIR) / "screenshots";
    const fs::path data = fs::path(LEKTION_BUILD_DIR) / "screenshots-data";
    fs::remove_all(out);
    fs::remove_all(data);
    // Appended, not added up: GCC 12 warns falsely on a chain of + (-Warray-bounds).
    std::string cmd = LEKTION_BINARY;
    cmd.append(" play --lang da --learner Skærmbillede --data-dir ").append(data.string());
    cmd.append(" --screenshot ").append(out.string()).append(" > /dev/null");
    REQUIRE(std::system(cmd.c_str()) == 0);
    int shots = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
        INFO(entry.path());
        int w = 0, h = 0, n = 0;
        unsigned char* pixels = stbi_load(entry.path().c_str(), &w, &h, &n, 3);
        REQUIRE(pixels);
        CHECK(w >= 800);
        CHECK(h >= 600);
        // A drawn screen has text: many distinct colours from anti-aliasing.
        std::set<unsigned> colours;
        for (int i = 0; i < w * h; i += 7)
            colours.insert(pixels[3 * i] << 16 | pixels[3 * i + 1] << 8 | pixels[3 * i + 2]);
        CHECK(colours.size() > 20);
        stbi_image_free(pixels);
        ++shots;
    }
    CHECK(shots >= 14);
}
