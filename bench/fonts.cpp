// The font atlas: the time to build it as the player does (build_fonts, then
// GetTexDataAsRGBA32, which the OpenGL backend uploads) and the texture's
// size, at the default and the largest text size. Baseline: one face
// (Noto Sans Regular) at the same size with Dear ImGui's default ranges
// (Basic Latin and Latin-1).
//   bench_fonts [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>

#include "player/fonts.hpp"

using namespace lektion;
using Clock = std::chrono::steady_clock;

namespace {

struct Result {
    double ms = 0;
    int w = 0, h = 0;
    int glyphs = 0;
};

template <class Build>
Result measure(int runs, Build&& build) {
    std::vector<double> ms;
    Result r;
    for (int i = 0; i <= runs; ++i) {
        ImFontAtlas atlas;
        const auto t0 = Clock::now();
        build(atlas);
        unsigned char* pixels = nullptr;
        atlas.GetTexDataAsRGBA32(&pixels, &r.w, &r.h);
        if (i > 0) ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        r.glyphs = 0;
        for (ImFont* f : atlas.Fonts) r.glyphs += f->Glyphs.Size;
    }
    std::sort(ms.begin(), ms.end());
    r.ms = ms[ms.size() / 2];
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    ImGui::CreateContext();  // ImGui allocates through the context's allocator
    const std::string regular = ui::font_path("NotoSans-Regular.ttf");
    for (const float size : {ui::default_text_size, ui::max_text_size}) {
        const Result full = measure(runs, [&](ImFontAtlas& atlas) {
            ui::Fonts fonts;
            std::string error;
            if (!ui::build_fonts(atlas, size, fonts, error)) {
                std::fprintf(stderr, "bench_fonts: %s\n", error.c_str());
                std::exit(1);
            }
        });
        const Result base = measure(runs, [&](ImFontAtlas& atlas) {
            if (!atlas.AddFontFromFileTTF(regular.c_str(), size)) {
                std::fprintf(stderr, "bench_fonts: cannot open %s\n", regular.c_str());
                std::exit(1);
            }
        });
        std::printf(
            "size %.0f ms %.1f tex %dx%d mib %.1f glyphs %d base_ms %.1f base_tex %dx%d base_mib %.2f "
            "base_glyphs %d\n",
            size, full.ms, full.w, full.h, full.w * full.h * 4 / 1048576.0, full.glyphs, base.ms, base.w,
            base.h, base.w * base.h * 4 / 1048576.0, base.glyphs);
    }
    ImGui::DestroyContext();
    return 0;
}
