#include "course/text.hpp"

#include <algorithm>
#include <cstdint>
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

std::string to_nfc(std::string_view text) {
    // ASCII is NFC; so is most other text, which ICU checks in UTF-8 without
    // converting it to UTF-16 first.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(text);
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(piece);
    const icu::UnicodeString normalized = nfc->normalize(source, status);
    if (U_FAILURE(status)) return std::string(text);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

static bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void tidy(Text& text) {
    // Collapse across span boundaries: "a <b> b</b>" must not become "a  b".
    bool pending_space = false;
    bool at_start = true;
    for (Span& span : text.spans) {
        std::string out;
        out.reserve(span.text.size());
        const char* p = span.text.data();
        const char* const end = p + span.text.size();
        while (p < end) {
            if (is_xml_space(*p)) {
                pending_space = !at_start;
                ++p;
                continue;
            }
            const char* word = p;  // copied whole, not a character at a time
            while (p < end && !is_xml_space(*p)) ++p;
            if (pending_space) out += ' ';
            pending_space = false;
            at_start = false;
            out.append(word, p);
        }
        span.text = to_nfc(out);
    }
    std::vector<Span> merged;
    for (Span& span : text.spans) {
        if (span.text.empty()) continue;
        if (!merged.empty() && merged.back().emphasis == span.emphasis) merged.back().text += span.text;
        else merged.push_back(std::move(span));
    }
    text.spans = std::move(merged);
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
