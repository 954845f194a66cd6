// A frame of Dear ImGui drawn in software into a PNG: the headless tests'
// screenshots (no GPU there). Triangles with the font atlas, per-vertex
// colours and clip rectangles: what imgui_impl_opengl3 does, pixel for pixel
// near enough to look at. Other textures (figures) come out white.
#pragma once

#include <filesystem>

#include <imgui.h>

namespace lektion::test {

void write_frame_png(const ImDrawData& data, const std::filesystem::path& file);

}  // namespace lektion::test
