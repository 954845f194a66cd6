#include "player/rich_text.hpp"

#include <cfloat>
#include <memory>
#include <string>
#include <unordered_map>

#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "l10n/strings.hpp"

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
// Places a piece of a segment, breaking it between characters only if it
// cannot fit a line of its own (a URL, a very long compound).
void place_word(Layout& out, Cursor& c, ImFont* font, std::string_view word) {
    float w = measure(font, word);
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
    if (!word.empty()) out.runs.push_back({font, word, {c.x, c.y}});
    c.x += w;
    c.line_empty = false;
}

}  // namespace

namespace {

// Line-break opportunities of the paragraph, from ICU's rules for the
// interface language: a no-break space holds ("85 %"), a hyphenated compound
// breaks after its hyphen, and punctuation stays with its word.
std::vector<std::size_t> break_points(const std::string& text) {
    static thread_local std::string language;
    static thread_local std::unique_ptr<icu::BreakIterator> breaker;
    UErrorCode status = U_ZERO_ERROR;
    if (!breaker || language != ui_language()) {
        language = ui_language();
        breaker.reset(icu::BreakIterator::createLineInstance(icu::Locale(language.c_str()), status));
        if (U_FAILURE(status)) breaker.reset();
    }
    std::vector<std::size_t> points;
    if (!breaker) {
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == ' ') points.push_back(i + 1);
        points.push_back(text.size());
        return points;
    }
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    breaker->setText(ut, status);
    for (int32_t p = breaker->next(); p != icu::BreakIterator::DONE; p = breaker->next())
        points.push_back(static_cast<std::size_t>(p));  // UTF-8 offsets: the UText is native UTF-8
    utext_close(ut);
    return points;
}

}  // namespace

Layout layout_text(const Fonts& fonts, const Text& text, float width, float line_height, ImFont* font) {
    // The paragraph as one string, with the emphasis of each byte range.
    auto source = std::make_shared<std::string>();
    std::string& all = *source;
    std::vector<std::pair<std::size_t, ImFont*>> faces;  // start offset, face
    for (const Span& span : text.spans) {
        faces.emplace_back(all.size(), font ? font : fonts.face(span.emphasis));
        all += span.text;
    }
    Layout out;
    out.source = source;
    out.width = width;
    Cursor c{0, 0, width, line_height};
    auto face_at = [&](std::size_t offset) {
        ImFont* f = faces.empty() ? fonts.regular : faces.front().second;
        for (const auto& [start, face] : faces)
            if (start <= offset) f = face;
        return f;
    };
    // Pieces of [from, to) split where the face changes, each measured alone.
    auto pieces = [&](std::size_t from, std::size_t to) {
        std::vector<std::pair<ImFont*, std::string_view>> out_pieces;
        while (from < to) {
            std::size_t next = to;
            for (const auto& [start, face] : faces)
                if (start > from && start < next) next = start;
            out_pieces.emplace_back(face_at(from), std::string_view(all).substr(from, next - from));
            from = next;
        }
        return out_pieces;
    };
    std::size_t from = 0;
    for (std::size_t to : break_points(all)) {
        // The segment's trailing spaces hang past the margin: they never wrap a line.
        std::size_t ink = to;
        while (ink > from && all[ink - 1] == ' ') --ink;
        float w = 0;
        for (auto& [f, piece] : pieces(from, ink)) w += measure(f, piece);
        if (c.x + w > c.width && !c.line_empty) c.new_line();
        for (auto& [f, piece] : pieces(from, ink)) place_word(out, c, f, piece);
        for (auto& [f, piece] : pieces(ink, to)) c.x += measure(f, piece);
        from = to;
    }
    float used = 0;
    for (const Run& r : out.runs) used = std::max(used, r.pos.x + measure(r.font, r.text));
    out.size = {used, out.runs.empty() ? 0.0f : c.y + line_height};
    return out;
}

namespace {

// A bound, not a policy: a screen draws a few hundred texts; a cache past this many is cleared.
constexpr std::size_t max_cached_layouts = 4096;

template <typename T>
void append_bytes(std::string& key, const T& value) {
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace

const Layout& LayoutCache::get(const Fonts& fonts, const Text& text, float width, float line_height,
                               ImFont* font) {
    // Everything layout_text() reads: the faces and sizes, the column, the language whose line
    // breaking rules apply, and each span's emphasis and words (a span's length first, so that
    // two different splits of the same bytes differ).
    key_.clear();
    for (const ImFont* face : {font, fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic})
        append_bytes(key_, face);
    for (const float f : {fonts.size, width, line_height}) append_bytes(key_, f);
    key_ += ui_language();
    key_ += '\0';
    for (const Span& span : text.spans) {
        append_bytes(key_, span.emphasis);
        append_bytes(key_, span.text.size());
        key_ += span.text;
    }
    auto it = layouts_.find(key_);
    if (it != layouts_.end()) return it->second;
    if (layouts_.size() >= max_cached_layouts) layouts_.clear();
    return layouts_.emplace(key_, layout_text(fonts, text, width, line_height, font)).first->second;
}

namespace {
std::vector<DrawnRun>* drawn_runs = nullptr;
}  // namespace

void record_drawn_runs(std::vector<DrawnRun>* sink) { drawn_runs = sink; }

namespace {

struct Highlight {
    std::string id;
    std::size_t begin = 0, end = 0;
    ImU32 color = 0;
} highlight;

// Behind the runs of [begin, end), joined across the spaces between them on a line.
void paint_highlight(const Layout& layout, ImVec2 origin, float size, float line_spacing) {
    const char* base = layout.source->data();
    const auto in_range = [&](const Run& r) {
        const auto at = static_cast<std::size_t>(r.text.data() - base);
        return at < highlight.end && at + r.text.size() > highlight.begin;
    };
    const float pad = size * 0.1f;
    for (std::size_t i = 0; i < layout.runs.size(); ++i) {
        const Run& r = layout.runs[i];
        if (!in_range(r)) continue;
        float right = r.pos.x + measure(r.font, r.text);
        if (i + 1 < layout.runs.size() && layout.runs[i + 1].pos.y == r.pos.y && in_range(layout.runs[i + 1]))
            right = layout.runs[i + 1].pos.x;
        ImGui::GetWindowDrawList()->AddRectFilled(
            {origin.x + r.pos.x - pad, origin.y + r.pos.y},
            {origin.x + right + pad, origin.y + r.pos.y + size * line_spacing}, highlight.color, pad);
    }
}

}  // namespace

void highlight_text(std::string text_id, std::size_t begin, std::size_t end, ImU32 color) {
    highlight = {std::move(text_id), begin, end, color};
}

void draw_text(LayoutCache& cache, const Fonts& fonts, const Text& text, float width, ImFont* font,
               ImU32 color, float line_spacing) {
    const float size = font ? font->FontSize : fonts.size;
    const Layout& layout = cache.get(fonts, text, width, size * line_spacing, font);
    if (!highlight.id.empty() && text.id == highlight.id)
        paint_highlight(layout, ImGui::GetCursorScreenPos(), size, line_spacing);
    draw_layout(layout, size, line_spacing, color);
}

void draw_layout(const Layout& layout, float size, float line_spacing, ImU32 color) {
    paint_layout(layout, ImGui::GetCursorScreenPos(), size, line_spacing, color);
    ImGui::Dummy({std::max(layout.size.x, layout.width), layout.size.y});
}

void paint_layout(const Layout& layout, ImVec2 origin, float size, float line_spacing, ImU32 color) {
    if (color == 0) color = ImGui::GetColorU32(ImGuiCol_Text);
    // Centre the glyphs in the taller line box.
    const float lead = size * (line_spacing - 1.0f) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 clip = draw->GetClipRectMax().y > 0
                            ? ImVec4(draw->GetClipRectMin().x, draw->GetClipRectMin().y,
                                     draw->GetClipRectMax().x, draw->GetClipRectMax().y)
                            : ImVec4(0, 0, FLT_MAX, FLT_MAX);
    for (const Run& r : layout.runs) {
        const float y = origin.y + r.pos.y + lead;
        if (drawn_runs)
            drawn_runs->push_back({std::string(r.text),
                                   {origin.x + r.pos.x, y},
                                   {origin.x + r.pos.x + measure(r.font, r.text), y + r.font->FontSize}});
        if (y > clip.w || y + size < clip.y) continue;  // off screen: skip the vertices
        draw->AddText(r.font, r.font->FontSize, {origin.x + r.pos.x, y}, color, r.text.data(),
                      r.text.data() + r.text.size());
    }
}

void draw_plain(LayoutCache& cache, ImFont* font, std::string_view text, float width, ImU32 color,
                float line_spacing) {
    Fonts one;
    one.regular = one.bold = one.italic = one.bold_italic = font;
    one.size = font->FontSize;
    Text t;
    t.spans.push_back({std::string(text), plain});
    draw_layout(cache.get(one, t, width, font->FontSize * line_spacing, font), font->FontSize, line_spacing,
                color);
}

}  // namespace lektion::ui
