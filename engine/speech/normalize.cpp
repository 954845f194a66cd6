#include "speech/normalize.hpp"

#include <algorithm>
#include <array>

namespace lektion::speech {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

std::string_view primary(std::string_view lang) { return lang.substr(0, lang.find_first_of("-_")); }

}  // namespace

std::string_view range_word(std::string_view lang) {
    // The 24 official EU languages, the interface's: the word for "from A to B" between numbers.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> words{{
        {"bg", "до"}, {"cs", "až"},   {"da", "til"}, {"de", "bis"},  {"el", "έως"}, {"en", "to"},
        {"es", "a"},  {"et", "kuni"}, {"fi", "–"},   {"fr", "à"},    {"ga", "go"},  {"hr", "do"},
        {"hu", "–"},  {"it", "a"},    {"lt", "iki"}, {"lv", "līdz"}, {"mt", "sa"},  {"nl", "tot"},
        {"pl", "do"}, {"pt", "a"},    {"ro", "la"},  {"sk", "až"},   {"sl", "do"},  {"sv", "till"},
    }};
    const std::string_view p = primary(lang);
    for (const auto& [code, word] : words)
        // Finnish and Hungarian say the range with case endings on the numbers
        // ("2016–2022" is "2016:sta 2022:een"): no word to put between, leave the dash.
        if (code == p) return word == "–" ? std::string_view() : word;
    return {};
}

std::size_t Speakable::source_offset(std::size_t spoken) const {
    std::size_t text_at = 0, source_at = 0;
    for (const Replacement& r : replacements) {
        if (spoken < r.text_begin) break;
        if (spoken < r.text_end) return r.source_begin;
        text_at = r.text_end, source_at = r.source_end;
    }
    return source_at + (spoken - text_at);
}

Speakable speakable(std::string_view text, std::string_view lang) {
    static constexpr std::string_view en_dash = "\u2013";
    const std::string_view word = range_word(lang);
    Speakable out;
    out.text.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        // A number, spaces, an en dash, spaces, a number: a range.
        if (!word.empty() && text.compare(i, en_dash.size(), en_dash) == 0) {
            std::size_t before = i;
            while (before > 0 && text[before - 1] == ' ') --before;
            std::size_t after = i + en_dash.size();
            while (after < text.size() && text[after] == ' ') ++after;
            if (before > 0 && digit(text[before - 1]) && after < text.size() && digit(text[after])) {
                // Drop the spaces already copied, then " word ".
                out.text.resize(out.text.size() - (i - before));
                const std::size_t text_begin = out.text.size();
                out.text += ' ';
                out.text += word;
                out.text += ' ';
                out.replacements.push_back({text_begin, out.text.size(), before, after});
                i = after;
                continue;
            }
        }
        out.text += text[i++];
    }
    return out;
}

}  // namespace lektion::speech
