#include "base/characters.hpp"

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

}  // namespace lektion
