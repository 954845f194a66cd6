#include "player/fonts.hpp"

#include <filesystem>
#include <vector>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "base/read_bounded.hpp"
#include "l10n/glyphs.hpp"

namespace lektion::ui {

ImFont* Fonts::face(unsigned emphasis) const {
    switch (emphasis & 3u) {
        case 1: return bold;
        case 2: return italic;
        case 3: return bold_italic;
        default: return regular;
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

namespace {

// The whole file, or empty when it is missing or unreadable.
std::string read_font(const std::string& path) {
    std::string error;
    constexpr std::size_t max_font = 64u << 20;  // Noto Sans is 0.5 MiB, DejaVu Sans 0.7 MiB
    return path.empty() ? std::string() : read_bounded(path, max_font, error).value_or(std::string());
}

}  // namespace

bool build_fonts(ImFontAtlas& atlas, float size, Fonts& out, std::string& error) {
    atlas.Clear();
    // Each file is read once, however many faces and sizes use it (the bold
    // face serves three sizes, DejaVu's marks all six). Dear ImGui 1.86 still
    // copies the data for each face it adds; ClearInputData below frees those
    // copies once the atlas is built, as the glyphs are in its pixels by then.
    std::string regular = read_font(font_path("NotoSans-Regular.ttf"));
    std::string bold = read_font(font_path("NotoSans-Bold.ttf"));
    std::string italic = read_font(font_path("NotoSans-Italic.ttf"));
    std::string bold_italic = read_font(font_path("NotoSans-BoldItalic.ttf"));
    std::string symbols = read_font(font_path("DejaVuSans.ttf"));
    if (regular.empty() || bold.empty() || italic.empty() || bold_italic.empty()) {
        error = "Noto Sans not found in /usr/share/fonts/truetype/noto (install fonts-noto-core)";
        return false;
    }
    ImFontConfig config;
    config.OversampleH = 2;  // sharper text at small sizes; 3 costs atlas space for no visible gain
    config.OversampleV = 1;
    config.FontDataOwnedByAtlas = false;
    auto add = [&](std::string& ttf, float px) {
        ImFont* font =
            atlas.AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), px, &config, glyph_ranges());
        // Noto Sans lacks arrows, the minus sign and the check and cross marks: merge them from DejaVu.
        if (font && !symbols.empty()) {
            static const ImWchar marks[] = {0x2190, 0x2193, 0x2212, 0x2212, 0x2713, 0x2717, 0};
            ImFontConfig merge = config;
            merge.MergeMode = true;
            atlas.AddFontFromMemoryTTF(symbols.data(), static_cast<int>(symbols.size()), px, &merge, marks);
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
    const bool built = atlas.Build();
    // The font data is about to go: the atlas must not keep pointers to it
    // (ImGui would read them should it ever build again on its own).
    atlas.ClearInputData();
    if (!built) {
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
