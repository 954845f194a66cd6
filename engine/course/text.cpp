#include "course/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace lektion {

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
