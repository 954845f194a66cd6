#include "course/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace lektion {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        // Eight ASCII bytes at a time: most of a course is ASCII.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        const auto c = static_cast<unsigned char>(text[i]);
        int length = 0;
        char32_t min = 0;
        if (c < 0x80) length = 1;
        else if ((c & 0xE0) == 0xC0) length = 2, min = 0x80;
        else if ((c & 0xF0) == 0xE0) length = 3, min = 0x800;
        else if ((c & 0xF8) == 0xF0) length = 4, min = 0x10000;
        else return i;
        if (i + length > n) return i;
        char32_t cp = length == 1 ? c : c & (0x7F >> length);
        for (int k = 1; k < length; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
        i += length;
    }
    return std::nullopt;
}

bool is_forbidden_character(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) ||
           (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF;
}

std::optional<ForbiddenChar> find_control_character(std::string_view utf8) {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    // Sixteen bytes at a time (GCC's and clang's vector extensions: SSE2 on
    // x86-64, NEON on arm64) while none is a control other than tab and
    // line breaks, DEL or 0xC2 (the lead byte of U+0080–U+00BF); a course
    // is letters, spaces and line breaks, so nearly every block passes.
    using Bytes = unsigned char __attribute__((vector_size(16)));
    std::size_t i = 0;
    while (i < n) {
        for (; i + 16 <= n; i += 16) {
            Bytes v;
            std::memcpy(&v, p + i, 16);
            const auto flagged =
                ((v < 0x20) & (v != '\t') & (v != '\n') & (v != '\r')) | (v == 0x7F) | (v == 0xC2);
            std::uint64_t half[2];
            std::memcpy(half, &flagged, 16);
            if (half[0] | half[1]) break;
        }
        const std::size_t stop = std::min(n, i + 16);
        for (; i < stop; ++i) {
            const unsigned char c = p[i];
            if (c < 0x20 || c == 0x7F) {
                if (c != '\t' && c != '\n' && c != '\r') return ForbiddenChar{i, c};
            } else if (c == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
                return ForbiddenChar{i, static_cast<char32_t>(p[i + 1])};  // U+0080–U+009F
            }
        }
    }
    return std::nullopt;
}

std::string code_point_name(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

namespace {

// True when every code point of valid UTF-8 `text` stays_nfc. Only a lead
// byte from 0xCC on starts a code point from U+0300 on; every other byte
// (ASCII, continuation bytes, the leads of U+0080–U+02FF) needs no look, so
// eight bytes at a time pass while none of them is 0xCC or more.
bool all_stay_nfc(std::string_view text) {
    constexpr std::uint64_t lows = 0x7F7F7F7F7F7F7F7Full, highs = 0x8080808080808080ull;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    while (p < end) {
        std::uint64_t w;
        // (b & 0x7F) + 0x34 reaches 0x80 exactly when b >= 0xCC, with no carry between bytes.
        while (end - p >= 8 &&
               (std::memcpy(&w, p, 8), (((w & lows) + 0x3434343434343434ull) & w & highs) == 0))
            p += 8;
        if (p >= end) break;
        const unsigned char c = *p;
        if (c < 0xCC) {
            ++p;
        } else if (c == 0xE2 && end - p >= 3) {  // U+2000–U+2FFF
            const char32_t cp = 0x2000 | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            if (!stays_nfc(cp)) return false;
            p += 3;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

bool stays_nfc(char32_t c) { return c < 0x300 || (c >= 0x2002 && c <= 0x20CF); }

void normalize_nfc(std::string& text) {
    if (all_stay_nfc(text)) return;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return;
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return;
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(piece), status);
    if (U_FAILURE(status)) return;
    text.clear();
    normalized.toUTF8String(text);
}

static bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The end of the run from `i` that needs no collapsing: text whose only white
// space is single ' ' between words. Eight bytes at a time while they hold no
// byte below 0x20 (tab, newline, return) and no two spaces in a row.
static std::size_t end_of_run(const std::string& s, std::size_t i) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const std::size_t n = s.size();
    while (true) {
        for (std::uint64_t w; i + 9 <= n; i += 8) {
            std::memcpy(&w, s.data() + i, 8);
            const std::uint64_t controls = (w - ones * 0x20) & ~w & highs;
            const std::uint64_t x = w ^ (ones * ' ');
            const std::uint64_t blanks = (x - ones) & ~x & highs;  // now and then a false alarm: harmless
            if (controls | (blanks & (blanks >> 8))) break;
            if (s[i + 7] == ' ' && is_xml_space(s[i + 8])) break;
        }
        while (i < n && !is_xml_space(s[i])) ++i;
        if (i + 1 < n && s[i] == ' ' && !is_xml_space(s[i + 1])) ++i;
        else return i;
    }
}

void tidy(Text& text) {
    // Collapse across span boundaries: "a <b> b</b>" must not become "a  b".
    // In place: the text only shrinks, but for a space carried into a span.
    bool pending_space = false;
    bool at_start = true;
    for (Span& span : text.spans) {
        std::string& s = span.text;
        std::size_t out = 0;
        for (std::size_t i = 0; i < s.size();) {
            if (is_xml_space(s[i])) {
                pending_space = !at_start;
                ++i;
                continue;
            }
            std::size_t word = i;
            i = end_of_run(s, i);
            if (pending_space) {
                if (out == word) {  // a space carried over from the span before: no room for it
                    s.insert(word, 1, ' ');
                    ++word, ++i;
                }
                s[out++] = ' ';
            }
            pending_space = false;
            at_start = false;
            if (out != word) std::memmove(&s[out], &s[word], i - word);
            out += i - word;
        }
        s.resize(out);
        normalize_nfc(s);
    }
    // Merge neighbours of equal emphasis, dropping empty spans, in place.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < text.spans.size(); ++i) {
        Span& span = text.spans[i];
        if (span.text.empty()) continue;
        if (kept > 0 && text.spans[kept - 1].emphasis == span.emphasis)
            text.spans[kept - 1].text += span.text;
        else if (kept++ != i) text.spans[kept - 1] = std::move(span);
    }
    text.spans.resize(kept);
}

bool same_text(const Text& a, const Text& b) {
    if (a.spans.size() != b.spans.size()) return false;
    for (std::size_t i = 0; i < a.spans.size(); ++i)
        if (a.spans[i].text != b.spans[i].text || a.spans[i].emphasis != b.spans[i].emphasis) return false;
    return true;
}

int count_words(const Text& text) {
    int n = 0;
    bool in_word = false;
    for (const Span& s : text.spans)
        for (char c : s.text) {
            const bool space = c == ' ' || c == '\n' || c == '\t';
            if (!space && !in_word) ++n;
            in_word = !space;
        }
    return n;
}

}  // namespace lektion
