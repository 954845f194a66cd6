#include "course/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace lektion {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
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
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(text);
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfc->normalize(source, status);
    if (U_FAILURE(status)) return std::string(text);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

static bool is_xml_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void tidy(Text& text) {
    // Collapse across span boundaries: "a <b> b</b>" must not become "a  b".
    bool pending_space = false;
    bool at_start = true;
    for (Span& span : text.spans) {
        std::string out;
        out.reserve(span.text.size());
        for (char c : span.text) {
            if (is_xml_space(c)) {
                pending_space = !at_start;
                continue;
            }
            if (pending_space) out += ' ';
            pending_space = false;
            at_start = false;
            out += c;
        }
        span.text = to_nfc(out);
    }
    std::vector<Span> merged;
    for (Span& span : text.spans) {
        if (span.text.empty()) continue;
        if (!merged.empty() && merged.back().emphasis == span.emphasis)
            merged.back().text += span.text;
        else
            merged.push_back(std::move(span));
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
