#include "player/rich_text.hpp"

#include <cfloat>

#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace lektion::ui {

namespace {

float measure(ImFont* font, std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

// Byte length of the UTF-8 sequence starting at `s`.
int char_length(const char* s, const char* end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, s, end);
    return n > 0 ? n : 1;
}

struct Cursor {
    float x = 0, y = 0;
    float width, line_height;
    bool line_empty = true;
    void new_line() {
        x = 0;
        y += line_height;
        line_empty = true;
    }
};

// Places one word (without its trailing space), breaking it if it cannot fit a line.
void place_word(Layout& out, Cursor& c, ImFont* font, std::string_view word) {
    float w = measure(font, word);
    if (c.x + w > c.width && !c.line_empty) c.new_line();
    while (w > c.width && word.size() > 1) {
        // Longest prefix that fits; at least one character so that we progress.
        std::size_t cut = 0;
        const char* end = word.data() + word.size();
        while (cut < word.size()) {
            const std::size_t next = cut + static_cast<std::size_t>(char_length(word.data() + cut, end));
            if (measure(font, word.substr(0, next)) > c.width && cut > 0) break;
            cut = next;
        }
        out.runs.push_back({font, word.substr(0, cut), {c.x, c.y}});
        word = word.substr(cut);
        c.new_line();
        w = measure(font, word);
    }
    out.runs.push_back({font, word, {c.x, c.y}});
    c.x += w;
    c.line_empty = false;
}

}  // namespace

Layout layout_text(const Fonts& fonts, const Text& text, float width, float line_height,
                   ImFont* font) {
    Layout out;
    Cursor c{0, 0, width, line_height};
    for (const Span& span : text.spans) {
        ImFont* face = font ? font : fonts.face(span.emphasis);
        const float space = measure(face, " ");
        std::string_view rest = span.text;
        while (!rest.empty()) {
            const std::size_t gap = rest.find(' ');
            const std::string_view word = rest.substr(0, gap);
            if (!word.empty()) place_word(out, c, face, word);
            if (gap == std::string_view::npos) break;
            if (!c.line_empty) c.x += space;
            rest = rest.substr(gap + 1);
        }
    }
    float used = 0;
    for (const Run& r : out.runs) used = std::max(used, r.pos.x + measure(r.font, r.text));
    out.size = {used, out.runs.empty() ? 0.0f : c.y + line_height};
    return out;
}

void draw_text(const Fonts& fonts, const Text& text, float width, ImFont* font, ImU32 color,
               float line_spacing) {
    const float size = font ? font->FontSize : fonts.size;
    const Layout layout = layout_text(fonts, text, width, size * line_spacing, font);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (color == 0) color = ImGui::GetColorU32(ImGuiCol_Text);
    // Centre the glyphs in the taller line box.
    const float lead = size * (line_spacing - 1.0f) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 clip = draw->GetClipRectMax().y > 0 ? ImVec4(draw->GetClipRectMin().x,
                                                              draw->GetClipRectMin().y,
                                                              draw->GetClipRectMax().x,
                                                              draw->GetClipRectMax().y)
                                                     : ImVec4(0, 0, FLT_MAX, FLT_MAX);
    for (const Run& r : layout.runs) {
        const float y = origin.y + r.pos.y + lead;
        if (y > clip.w || y + size < clip.y) continue;  // off screen: skip the vertices
        draw->AddText(r.font, r.font->FontSize, {origin.x + r.pos.x, y}, color, r.text.data(),
                      r.text.data() + r.text.size());
    }
    ImGui::Dummy({width, layout.size.y});
}

void draw_plain(ImFont* font, std::string_view text, float width, ImU32 color, float line_spacing) {
    Fonts one;
    one.regular = one.bold = one.italic = one.bold_italic = font;
    one.size = font->FontSize;
    Text t;
    t.spans.push_back({std::string(text), plain});
    draw_text(one, t, width, font, color, line_spacing);
}

}  // namespace lektion::ui
