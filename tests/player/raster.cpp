#include "raster.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <stb_image_write.h>

namespace lektion::test {

namespace {

struct Rgba {
    float r, g, b, a;
};

Rgba unpack(ImU32 c) {
    return {static_cast<float>((c >> IM_COL32_R_SHIFT) & 0xff) / 255,
            static_cast<float>((c >> IM_COL32_G_SHIFT) & 0xff) / 255,
            static_cast<float>((c >> IM_COL32_B_SHIFT) & 0xff) / 255,
            static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xff) / 255};
}

float edge(const ImVec2& a, const ImVec2& b, float x, float y) {
    return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
}

}  // namespace

void write_frame_png(const ImDrawData& data, const std::filesystem::path& file) {
    const int w = static_cast<int>(data.DisplaySize.x), h = static_cast<int>(data.DisplaySize.y);
    std::vector<float> frame(static_cast<std::size_t>(w) * h * 3, 0.0f);
    unsigned char* atlas = nullptr;
    int aw = 0, ah = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&atlas, &aw, &ah);
    const ImTextureID atlas_id = ImGui::GetIO().Fonts->TexID;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const bool textured = cmd.TextureId == atlas_id;
            const int cx0 = std::max(0, static_cast<int>(cmd.ClipRect.x - data.DisplayPos.x));
            const int cy0 = std::max(0, static_cast<int>(cmd.ClipRect.y - data.DisplayPos.y));
            const int cx1 = std::min(w, static_cast<int>(std::ceil(cmd.ClipRect.z - data.DisplayPos.x)));
            const int cy1 = std::min(h, static_cast<int>(std::ceil(cmd.ClipRect.w - data.DisplayPos.y)));
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k)
                    v[k] = &list->VtxBuffer[static_cast<int>(
                        cmd.VtxOffset +
                        list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + static_cast<unsigned>(k))])];
                const float area = edge(v[0]->pos, v[1]->pos, v[2]->pos.x, v[2]->pos.y);
                if (area == 0) continue;
                const int x0 = std::max(
                    cx0, static_cast<int>(std::floor(std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}))));
                const int x1 = std::min(
                    cx1, static_cast<int>(std::ceil(std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}))));
                const int y0 = std::max(
                    cy0, static_cast<int>(std::floor(std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}))));
                const int y1 = std::min(
                    cy1, static_cast<int>(std::ceil(std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}))));
                const Rgba c[3] = {unpack(v[0]->col), unpack(v[1]->col), unpack(v[2]->col)};
                for (int y = y0; y < y1; ++y)
                    for (int x = x0; x < x1; ++x) {
                        const float px = static_cast<float>(x) + 0.5f, py = static_cast<float>(y) + 0.5f;
                        const float w0 = edge(v[1]->pos, v[2]->pos, px, py) / area;
                        const float w1 = edge(v[2]->pos, v[0]->pos, px, py) / area;
                        const float w2 = 1 - w0 - w1;
                        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                        Rgba col{
                            c[0].r * w0 + c[1].r * w1 + c[2].r * w2, c[0].g * w0 + c[1].g * w1 + c[2].g * w2,
                            c[0].b * w0 + c[1].b * w1 + c[2].b * w2, c[0].a * w0 + c[1].a * w1 + c[2].a * w2};
                        if (textured) {
                            const float u = v[0]->uv.x * w0 + v[1]->uv.x * w1 + v[2]->uv.x * w2;
                            const float t = v[0]->uv.y * w0 + v[1]->uv.y * w1 + v[2]->uv.y * w2;
                            const int tx =
                                std::clamp(static_cast<int>(u * static_cast<float>(aw)), 0, aw - 1);
                            const int ty =
                                std::clamp(static_cast<int>(t * static_cast<float>(ah)), 0, ah - 1);
                            const unsigned char* texel = atlas + (static_cast<std::size_t>(ty) * aw + tx) * 4;
                            col.r *= texel[0] / 255.0f, col.g *= texel[1] / 255.0f,
                                col.b *= texel[2] / 255.0f;
                            col.a *= texel[3] / 255.0f;
                        }
                        float* p = &frame[(static_cast<std::size_t>(y) * w + x) * 3];
                        p[0] = p[0] * (1 - col.a) + col.r * col.a;
                        p[1] = p[1] * (1 - col.a) + col.g * col.a;
                        p[2] = p[2] * (1 - col.a) + col.b * col.a;
                    }
            }
        }
    }
    std::vector<unsigned char> bytes(frame.size());
    for (std::size_t i = 0; i < frame.size(); ++i)
        bytes[i] = static_cast<unsigned char>(std::clamp(frame[i], 0.0f, 1.0f) * 255.0f + 0.5f);
    std::filesystem::create_directories(file.parent_path());
    if (!stbi_write_png(file.c_str(), w, h, 3, bytes.data(), w * 3))
        throw std::runtime_error("could not write " + file.string());
}

}  // namespace lektion::test
