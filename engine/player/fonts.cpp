#include "player/fonts.hpp"

#include <filesystem>
#include <vector>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "exchange/glyphs.hpp"

namespace lektion::ui {

ImFont* Fonts::face(unsigned emphasis) const {
    switch (emphasis & 3u) {
        case 1:
            return bold;
        case 2:
            return italic;
        case 3:
            return bold_italic;
        default:
            return regular;
    }
}

const ImWchar* glyph_ranges() {
    // One list for the atlas and for lint's check of what the atlas can draw.
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> out;
        for (const GlyphRange& r : atlas_glyph_ranges()) {
            out.push_back(static_cast<ImWchar>(r.first));
            out.push_back(static_cast<ImWchar>(r.last));
        }
        out.push_back(0);
        return out;
    }();
    return ranges.data();
}

std::string font_path(const char* face_file) {
    for (const char* dir : {"/usr/share/fonts/truetype/noto/", "/usr/share/fonts/truetype/dejavu/"}) {
        const std::string path = std::string(dir) + face_file;
        if (std::filesystem::exists(path)) return path;
    }
    return {};
}

bool build_fonts(ImFontAtlas& atlas, float size, Fonts& out, std::string& error) {
    atlas.Clear();
    const std::string regular = font_path("NotoSans-Regular.ttf");
    const std::string bold = font_path("NotoSans-Bold.ttf");
    const std::string italic = font_path("NotoSans-Italic.ttf");
    const std::string bold_italic = font_path("NotoSans-BoldItalic.ttf");
    const std::string symbols = font_path("DejaVuSans.ttf");
    if (regular.empty() || bold.empty() || italic.empty() || bold_italic.empty()) {
        error = "Noto Sans not found in /usr/share/fonts/truetype/noto (install fonts-noto-core)";
        return false;
    }
    ImFontConfig config;
    config.OversampleH = 2;  // sharper text at small sizes; 3 costs atlas space for no visible gain
    config.OversampleV = 1;
    auto add = [&](const std::string& path, float px) {
        ImFont* font = atlas.AddFontFromFileTTF(path.c_str(), px, &config, glyph_ranges());
        // Noto Sans lacks arrows, the minus sign and the check and cross marks: merge them from DejaVu.
        if (font && !symbols.empty()) {
            static const ImWchar marks[] = {0x2190, 0x2193, 0x2212, 0x2212, 0x2713, 0x2717, 0};
            ImFontConfig merge = config;
            merge.MergeMode = true;
            atlas.AddFontFromFileTTF(symbols.c_str(), px, &merge, marks);
        }
        return font;
    };
    out.size = size;
    out.regular = add(regular, size);
    out.bold = add(bold, size);
    out.italic = add(italic, size);
    out.bold_italic = add(bold_italic, size);
    out.heading = add(bold, size * 1.35f);
    out.title = add(bold, size * 1.75f);
    if (!out.regular || !out.bold || !out.italic || !out.bold_italic || !out.heading || !out.title) {
        error = "could not load the font files";
        return false;
    }
    if (!atlas.Build()) {
        error = "could not build the font atlas";
        return false;
    }
    return true;
}

std::vector<char32_t> missing_glyphs(const ImFont& font, const std::string& utf8) {
    std::vector<char32_t> missing;
    const char* s = utf8.c_str();
    const char* end = s + utf8.size();
    while (s < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, s, end);
        if (n <= 0) break;
        s += n;
        if (c < 0x20) continue;
        if (!font.FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
    }
    return missing;
}

}  // namespace lektion::ui
