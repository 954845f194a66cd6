#include "l10n/glyphs.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace lektion {

namespace {

// Keep in step with the scripts the interface catalogs and courses use; the
// player's atlas is built from this very list.
// Whole alphabets of the EU's languages, not whole Unicode blocks: the
// player rasterises every glyph in six faces and uploads them as RGBA.
constexpr std::array<GlyphRange, 19> ranges{{
    {0x0020, 0x00FF},  // Basic Latin, Latin-1 Supplement
    {0x0100, 0x017F},  // Latin Extended-A: Polish, Czech, Baltic, Maltese, Hungarian
    {0x0218, 0x021B},  // Latin Extended-B: Romanian Ș ș Ț ț
    {0x0384, 0x03CE},  // Greek (monotonic) with tonos
    {0x0400, 0x045F},  // Cyrillic: Bulgarian
    {0x1E02, 0x1E03}, {0x1E0A, 0x1E0B},
    {0x1E1E, 0x1E1F}, {0x1E40, 0x1E41},  // Irish dotted letters
    {0x1E56, 0x1E57}, {0x1E60, 0x1E61},
    {0x1E6A, 0x1E6B}, {0x2010, 0x2027},  // dashes, quotes, bullet, ellipsis
    {0x202F, 0x2030},                    // narrow no-break space (French), per mille
    {0x2039, 0x203A},                    // single guillemets
    {0x20AC, 0x20AC},                    // euro sign
    {0x2190, 0x2193},                    // arrows
    {0x2212, 0x2212},                    // minus sign
    {0x2713, 0x2717},                    // check and cross marks
}};

// Decodes one UTF-8 sequence at `s`; returns its length, 0 when malformed.
std::size_t decode(std::string_view s, std::size_t at, char32_t& out) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b = byte(at);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || at + n > s.size()) return 0;
    out = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t i = 1; i < n; ++i) {
        if ((byte(at + i) & 0xC0u) != 0x80u) return 0;
        out = (out << 6) | (byte(at + i) & 0x3Fu);
    }
    return n;
}

}  // namespace

std::span<const GlyphRange> atlas_glyph_ranges() { return ranges; }

bool atlas_can_draw(char32_t c) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [c](const GlyphRange& r) { return c >= r.first && c <= r.last; });
}

std::vector<char32_t> undrawable(std::string_view utf8) {
    std::vector<char32_t> out;
    for (std::size_t at = 0; at < utf8.size();) {
        char32_t c = 0;
        const std::size_t n = decode(utf8, at, c);
        if (n == 0) {  // not text the loader would have let through; skip the byte
            ++at;
            continue;
        }
        at += n;
        if (c < 0x20 || c == 0x7F) continue;
        if (!atlas_can_draw(c) && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

std::string describe_code_point(char32_t c) {
    std::string utf8;
    if (c < 0x80) {
        utf8 += static_cast<char>(c);
    } else if (c < 0x800) {
        utf8 += static_cast<char>(0xC0 | (c >> 6));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        utf8 += static_cast<char>(0xE0 | (c >> 12));
        utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        utf8 += static_cast<char>(0xF0 | (c >> 18));
        utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
    // Combining marks and format characters print badly alone: show the number only.
    const bool printable = c >= 0x20 && !(c >= 0x0300 && c <= 0x036F) && !(c >= 0x200B && c <= 0x200F);
    return printable ? fmt::format("U+{:04X} {}", static_cast<unsigned>(c), utf8)
                     : fmt::format("U+{:04X}", static_cast<unsigned>(c));
}

}  // namespace lektion
