#include "records/printable.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "course/text.hpp"

namespace lektion {

namespace {

bool shown_as_code_point(UChar32 c) {
    const auto type = static_cast<UCharCategory>(u_charType(c));
    return type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR ||
           u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL);
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            for (int32_t j = start; j < i; ++j) out += fmt::format("<0x{:02X}>", s[j]);
        } else if (shown_as_code_point(c)) {
            out += "<" + code_point_name(static_cast<char32_t>(c)) + ">";
        } else {
            out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
    }
    return out;
}

bool shows_as_is(std::string_view text) {
    // Most of what is checked is ASCII ids and timestamps: no ICU for them.
    bool ascii = true;
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7F) return false;
        ascii = ascii && c < 0x80;
    }
    return ascii || printable(text) == text;
}

}  // namespace lektion
