// Wrapped text with emphasis. Dear ImGui wraps one font at a time; a
// paragraph mixes regular, bold and italic faces, so it is laid out here:
// first into positioned runs (pure data, testable), then drawn.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "course/model.hpp"
#include "player/fonts.hpp"

namespace lektion::ui {

struct Run {
    ImFont* font = nullptr;
    std::string_view text;
    ImVec2 pos;  // top-left, relative to the paragraph's origin
};

struct Layout {
    std::shared_ptr<const std::string> source;  // what the runs view; on the heap so moves keep it
    std::vector<Run> runs;
    ImVec2 size;      // width used and total height
    float width = 0;  // the column it was laid out for
};

// Breaks at spaces (never at a no-break space, so "85 %" holds); a word wider
// than the column is broken between characters. `font` overrides the faces
// of the spans (for headings); null picks the face by emphasis.
Layout layout_text(const Fonts& fonts, const Text& text, float width, float line_height,
                   ImFont* font = nullptr);

// Layouts of the texts a screen drew in recent frames: a learner reading a
// page redraws the same paragraphs at the same width, and ICU's line breaking
// need not run again for them. Keyed by content (the words, their emphasis,
// the faces, the width, the interface language), never by where a text lives:
// a text changed in place, or a temporary built anew each frame, finds its
// own layout. Each screen owns one (player/screen_state.hpp).
class LayoutCache {
public:
    // What layout_text() makes of these arguments. The reference holds until
    // the cache is cleared, which its bound may do on any later call: copy it
    // to keep it across calls.
    const Layout& get(const Fonts& fonts, const Text& text, float width, float line_height,
                      ImFont* font = nullptr);
    void clear() { layouts_.clear(); }
    std::size_t size() const { return layouts_.size(); }

private:
    std::unordered_map<std::string, Layout> layouts_;
    std::string key_;  // reused, so that a lookup allocates nothing
};

// Lays out (through the cache) and draws at the cursor, then advances the cursor past it.
void draw_text(LayoutCache& cache, const Fonts& fonts, const Text& text, float width, ImFont* font = nullptr,
               ImU32 color = 0, float line_spacing = 1.5f);
void draw_plain(LayoutCache& cache, ImFont* font, std::string_view text, float width, ImU32 color = 0,
                float line_spacing = 1.5f);
void draw_layout(const Layout& layout, float size, float line_spacing, ImU32 color);
// Draws at `origin` (screen coordinates) and leaves the cursor where it is.
void paint_layout(const Layout& layout, ImVec2 origin, float size, float line_spacing, ImU32 color);

// For tests: every run drawn from now on is appended to `sink` (null: none),
// with its text and where it went on the screen, visible or not.
struct DrawnRun {
    std::string text;
    ImVec2 min, max;
};
void record_drawn_runs(std::vector<DrawnRun>* sink);

// Read aloud's sentence: the bytes [begin, end) of the text whose id is
// `text_id` get `color` behind them wherever draw_text() draws that text.
// An empty id: nothing is highlighted.
void highlight_text(std::string text_id, std::size_t begin, std::size_t end, ImU32 color);

}  // namespace lektion::ui
