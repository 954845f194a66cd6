// Light, dark and high-contrast styles, with the colours the reader needs
// beyond ImGui's own (callout boxes, feedback).
#pragma once

#include <string>

#include <imgui.h>

namespace lektion::ui {

enum class Theme { light, dark, contrast };

struct Palette {
    ImU32 text, muted, heading, accent;
    ImU32 example_bg, data_bg, case_bg, note_bg, box_border;
    ImU32 good, bad;
};

Theme theme_from(const std::string& name);  // unknown: light
const char* theme_name(Theme theme);
void apply_theme(Theme theme, float text_size);  // ImGui style, scaled to the text size
const Palette& palette(Theme theme);

}  // namespace lektion::ui
