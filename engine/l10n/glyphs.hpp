// The code points the player's font atlas holds. The player builds its atlas
// from this list and the command line checks text against it, so that lint
// can tell which characters would show as '?' without linking ImGui.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lektion {

struct GlyphRange {
    char32_t first, last;  // inclusive
};

// Latin-1, Latin Extended-A and -B, Greek, Cyrillic, Latin Extended
// Additional, punctuation, the euro sign, arrows, the minus sign, check marks.
std::span<const GlyphRange> atlas_glyph_ranges();

bool atlas_can_draw(char32_t c);

// Code points of `utf8` outside the atlas, each once, in order of appearance.
// Control characters are not drawn and are not reported.
std::vector<char32_t> undrawable(std::string_view utf8);

// "U+4E2D 中" for messages.
std::string describe_code_point(char32_t c);

}  // namespace lektion
