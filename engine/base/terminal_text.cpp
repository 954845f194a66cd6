#include "base/terminal_text.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "course/text.hpp"

namespace lektion {

namespace {

// Valid UTF-8 with its control characters escaped. A carriage return is
// escaped too: it sends the cursor back over what was printed.
void escape_controls(std::string_view text, std::string& out) {
    while (!text.empty()) {
        const std::optional<ForbiddenChar> c = find_control_character(text);
        const std::size_t cr = text.find('\r');
        std::size_t at = c ? c->offset : text.size();
        char32_t code = c ? c->code : 0;
        if (cr < at) at = cr, code = '\r';
        out.append(text.substr(0, at));
        if (at == text.size()) return;
        out += fmt::format("\\x{:02x}", static_cast<unsigned>(code));
        text.remove_prefix(at + (code >= 0x80 ? 2 : 1));  // U+0080-U+009F take two bytes
    }
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::optional<std::size_t> bad = find_invalid_utf8(text);
        escape_controls(text.substr(0, bad.value_or(text.size())), out);
        if (!bad) break;
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[*bad]));
        text.remove_prefix(*bad + 1);
    }
    return out;
}

void say(std::string_view text) { std::fprintf(stderr, "%s\n", terminal_safe(text).c_str()); }

}  // namespace lektion
