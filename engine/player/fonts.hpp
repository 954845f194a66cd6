// The font atlas: four faces of one family for body text and emphasis, and
// bold faces at heading sizes, covering every script the interface and the
// courses use. Rebuilt (not scaled) when the text size changes.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

namespace lektion::ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* bold_italic = nullptr;
    ImFont* heading = nullptr;  // section headings
    ImFont* title = nullptr;    // page titles
    float size = 0;             // body size in pixels

    ImFont* face(unsigned emphasis) const;  // Emphasis flags -> face
};

inline constexpr float default_text_size = 19.0f;
inline constexpr float min_text_size = 13.0f;
inline constexpr float max_text_size = 34.0f;

// The code point ranges the atlas holds (l10n/glyphs.hpp), zero-terminated
// as ImGui wants. ImGui 1.86 has no Greek helper, hence an explicit list.
const ImWchar* glyph_ranges();

// The font files used, from Debian's font packages; empty when not installed.
std::string font_path(const char* face_file);

// Clears `atlas` and adds the faces at `size` pixels. Returns false, with a
// reason, when the font files are missing.
bool build_fonts(ImFontAtlas& atlas, float size, Fonts& out, std::string& error);

// Code points of `utf8` the atlas cannot draw.
std::vector<char32_t> missing_glyphs(const ImFont& font, const std::string& utf8);

}  // namespace lektion::ui
