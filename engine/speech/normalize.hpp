// What eSpeak NG is handed instead of the text on screen, where it would read
// the text wrong. Checked against eSpeak NG 1.51 (Debian 12): "85 %" and
// "85%" are read as "85 procent"/"85 percent" in every language tested, so a
// percent sign is left alone; an en dash between numbers ("2016–2022") is
// read as nothing at all ("2016 2022"), so it becomes the language's word
// for a range ("2016 til 2022").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lektion::speech {

struct Speakable {
    std::string text;  // what is synthesised
    // Each replacement: bytes [text_begin, text_end) of `text` stand for
    // [source_begin, source_end) of the source. Ascending.
    struct Replacement {
        std::size_t text_begin, text_end, source_begin, source_end;
    };
    std::vector<Replacement> replacements;

    // The byte in the source that byte `spoken` of `text` came from; inside
    // a replacement, where the replaced text starts.
    std::size_t source_offset(std::size_t spoken) const;
};

// The word a range "A–B" is read with in `lang` (BCP 47; its primary
// subtag counts): "til" in Danish, "to" in English. Empty when unknown.
std::string_view range_word(std::string_view lang);

Speakable speakable(std::string_view text, std::string_view lang);

}  // namespace lektion::speech
