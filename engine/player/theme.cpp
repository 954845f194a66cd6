#include "player/theme.hpp"

namespace lektion::ui {

Theme theme_from(const std::string& name) {
    if (name == "dark") return Theme::dark;
    if (name == "contrast") return Theme::contrast;
    return Theme::light;
}

const char* theme_name(Theme theme) {
    switch (theme) {
        case Theme::dark: return "dark";
        case Theme::contrast: return "contrast";
        default: return "light";
    }
}

const Palette& palette(Theme theme) {
    static const Palette light{
        IM_COL32(28, 30, 33, 255),    IM_COL32(96, 102, 110, 255),  IM_COL32(20, 52, 96, 255),
        IM_COL32(30, 94, 170, 255),   IM_COL32(232, 242, 252, 255), IM_COL32(238, 246, 236, 255),
        IM_COL32(252, 244, 228, 255), IM_COL32(242, 242, 245, 255), IM_COL32(190, 198, 210, 255),
        IM_COL32(24, 120, 60, 255),   IM_COL32(178, 40, 40, 255)};
    static const Palette dark{
        IM_COL32(226, 228, 232, 255), IM_COL32(160, 166, 176, 255), IM_COL32(160, 200, 255, 255),
        IM_COL32(110, 170, 250, 255), IM_COL32(30, 44, 62, 255),    IM_COL32(30, 50, 36, 255),
        IM_COL32(58, 46, 28, 255),    IM_COL32(42, 44, 50, 255),    IM_COL32(80, 88, 100, 255),
        IM_COL32(110, 210, 140, 255), IM_COL32(255, 130, 130, 255)};
    static const Palette contrast{
        IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 0, 255),
        IM_COL32(0, 255, 255, 255),   IM_COL32(0, 0, 0, 255),       IM_COL32(0, 0, 0, 255),
        IM_COL32(0, 0, 0, 255),       IM_COL32(0, 0, 0, 255),       IM_COL32(255, 255, 255, 255),
        IM_COL32(0, 255, 0, 255),     IM_COL32(255, 100, 100, 255)};
    switch (theme) {
        case Theme::dark: return dark;
        case Theme::contrast: return contrast;
        default: return light;
    }
}

void apply_theme(Theme theme, float text_size) {
    ImGuiStyle style;
    switch (theme) {
        case Theme::light: ImGui::StyleColorsLight(&style); break;
        case Theme::dark: ImGui::StyleColorsDark(&style); break;
        case Theme::contrast:
            ImGui::StyleColorsDark(&style);
            style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
            style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 1);
            style.Colors[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
            style.Colors[ImGuiCol_Button] = ImVec4(0, 0, 0, 1);
            style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.2f, 0.2f, 0.2f, 1);
            style.Colors[ImGuiCol_ButtonActive] = ImVec4(0.35f, 0.35f, 0.0f, 1);
            style.Colors[ImGuiCol_Border] = ImVec4(1, 1, 1, 1);
            style.Colors[ImGuiCol_FrameBg] = ImVec4(0, 0, 0, 1);
            style.Colors[ImGuiCol_CheckMark] = ImVec4(1, 1, 0, 1);
            style.Colors[ImGuiCol_NavHighlight] = ImVec4(1, 1, 0, 1);
            // Deep blue: the bar's words, in white, stay readable on it (cyan left them at 1.3:1).
            style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.0f, 0.35f, 0.75f, 1);
            style.FrameBorderSize = 1.5f;
            style.ChildBorderSize = 1.5f;
            break;
    }
    if (theme == Theme::light) {
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.982f, 0.975f, 1);  // warm paper
        style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
        style.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.20f, 0.48f, 0.82f, 1);  // 4.5:1 under black words
        style.FrameBorderSize = 1.0f;  // radio buttons and fields need an edge on white
    }
    if (theme == Theme::dark)
        style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.20f, 0.42f, 0.75f, 1);  // 4.5:1 under white words
    // Spacing grows with the text so that large text does not crowd.
    const float k = text_size / 19.0f;
    style.WindowPadding = ImVec2(16 * k, 14 * k);
    style.FramePadding = ImVec2(12 * k, 7 * k);
    style.ItemSpacing = ImVec2(10 * k, 10 * k);
    style.ItemInnerSpacing = ImVec2(8 * k, 6 * k);
    style.ScrollbarSize = 16 * k;
    style.GrabMinSize = 12 * k;
    style.FrameRounding = 5 * k;
    style.ChildRounding = 6 * k;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    ImGui::GetStyle() = style;
}

}  // namespace lektion::ui
