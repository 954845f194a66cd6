#include "base/terminal_text.hpp"

#include <cstdio>
#include <utility>

#include <fmt/format.h>

namespace lektion {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// The code point at `i` and its length in bytes; length 0 for a byte that
// does not start valid UTF-8 (overlong forms, surrogates and code points
// past U+10FFFF included).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return {c, 1};
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > s.size()) return {0, 0};
    char32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(k) & 0xC0) != 0x80) return {0, 0};
        cp = cp << 6 | (b(k) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return {0, 0};
    return {cp, n};
}

bool is_control(char32_t cp) { return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F); }

// What follows an ESC, CSI or string introducer that began at `i`: the
// offset just past the whole sequence. A terminal would swallow it all.
std::size_t end_of_sequence(std::string_view s, std::size_t i, char32_t introducer) {
    // A control string (OSC, DCS, SOS, PM, APC) runs to BEL, ST or ESC backslash.
    auto string_end = [&](std::size_t at) {
        while (at < s.size()) {
            const auto [cp, n] = decode(s, at);
            at += n ? n : 1;
            if (cp == 0x07 || cp == 0x9C) return at;
            if (cp == 0x1B && at < s.size() && s[at] == '\\') return at + 1;
        }
        return at;
    };
    // A CSI's parameters and intermediates, then its final byte.
    auto csi_end = [&](std::size_t at) {
        while (at < s.size() && static_cast<unsigned char>(s[at]) >= 0x20 &&
               static_cast<unsigned char>(s[at]) < 0x40)
            ++at;
        if (at < s.size() && static_cast<unsigned char>(s[at]) >= 0x40 &&
            static_cast<unsigned char>(s[at]) < 0x7F)
            ++at;
        return at;
    };
    if (introducer == 0x9B) return csi_end(i);
    if (introducer == 0x9D || introducer == 0x90 || introducer == 0x98 || introducer == 0x9E ||
        introducer == 0x9F)
        return string_end(i);
    if (introducer != 0x1B || i >= s.size()) return i;
    const char next = s[i];
    if (next == '[') return csi_end(i + 1);
    if (next == ']' || next == 'P' || next == 'X' || next == '^' || next == '_') return string_end(i + 1);
    // nF sequences: intermediates, then a final byte; Fp, Fe and Fs: one byte.
    while (i < s.size() && s[i] >= 0x20 && s[i] < 0x30) ++i;
    if (i < s.size() && s[i] >= 0x30 && s[i] < 0x7F) ++i;
    return i;
}

}  // namespace

std::string terminal_safe(std::string_view s, ControlStyle style) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto [cp, n] = decode(s, i);
        if (n == 0) {
            if (style == ControlStyle::escaped)
                out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
            else out += replacement;
            ++i;
            continue;
        }
        if (!is_control(cp)) {
            out.append(s, i, n);
            i += n;
            continue;
        }
        i += n;
        if (style == ControlStyle::escaped) {
            // The rest of a sequence is printable once its introducer is escaped: the author sees it all.
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
            continue;
        }
        out += replacement;
        i = end_of_sequence(s, i, cp);
    }
    return out;
}

void say(std::string_view text) { std::fprintf(stderr, "%s\n", terminal_safe(text).c_str()); }

}  // namespace lektion
