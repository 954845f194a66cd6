#include "exchange/po_markup.hpp"

#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "course/text.hpp"

namespace lektion {

namespace {

// "&name;" or "&#123;" starting at `at`: the length of the entity, else 0.
std::size_t entity_length(std::string_view s, std::size_t at) {
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '#') ++i;
    const std::size_t name_start = i;
    while (i < s.size() && i - name_start < 32 && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i == name_start || i >= s.size() || s[i] != ';') return 0;
    return i + 1 - at;
}

// The tag at `at` when it is one of ours: 'b', 'i', 'B' (</b>), 'I' (</i>), with its length.
std::pair<char, std::size_t> po_tag(std::string_view s, std::size_t at) {
    for (auto [tag, code] : {std::pair{"<b>", 'b'}, {"<i>", 'i'}, {"</b>", 'B'}, {"</i>", 'I'}})
        if (s.substr(at, std::string_view(tag).size()) == tag) return {code, std::string_view(tag).size()};
    return {0, 0};
}

bool looks_like_tag(std::string_view s, std::size_t at) {
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '/') ++i;
    return i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]));
}

std::string po_escape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '<') out += "&lt;";
        else if (s[i] == '&' && entity_length(s, i) > 0) out += "&amp;";
        else out += s[i];
    }
    return out;
}

// Emphasised text with its opening and closing tags, the edge spaces outside.
std::string wrap(std::string_view text, std::uint8_t emphasis, const std::string& open,
                 const std::string& close) {
    if (emphasis == plain) return po_escape(text);
    std::string_view core = text;
    const bool lead = core.starts_with(' '), trail = core.size() > 1 && core.ends_with(' ');
    if (lead) core.remove_prefix(1);
    if (trail) core.remove_suffix(1);
    return (lead ? " " : "") + open + po_escape(core) + close + (trail ? " " : "");
}

}  // namespace

std::string to_po_markup(const Text& text) {
    std::string out;
    for (const Span& span : text.spans) {
        const std::string open =
            std::string(span.emphasis & bold ? "<b>" : "") + (span.emphasis & italic ? "<i>" : "");
        const std::string close =
            std::string(span.emphasis & italic ? "</i>" : "") + (span.emphasis & bold ? "</b>" : "");
        out += wrap(span.text, span.emphasis, open, close);
    }
    return out;
}

Text from_po_markup(std::string_view s, std::vector<std::string>& problems) {
    Text t;
    int bold_depth = 0, italic_depth = 0;
    std::string pending;
    auto flush = [&] {
        if (pending.empty()) return;
        const std::uint8_t e = (bold_depth > 0 ? bold : plain) | (italic_depth > 0 ? italic : plain);
        t.spans.push_back({std::move(pending), e});
        pending.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '&') {
            const std::size_t n = entity_length(s, i);
            const std::string_view entity = s.substr(i, n);
            const char* decoded = entity == "&lt;"     ? "<"
                                  : entity == "&gt;"   ? ">"
                                  : entity == "&amp;"  ? "&"
                                  : entity == "&quot;" ? "\""
                                  : entity == "&apos;" ? "'"
                                                       : nullptr;
            if (decoded) {
                pending += decoded;
                i += n;
                continue;
            }
        } else if (s[i] == '<') {
            const auto [tag, n] = po_tag(s, i);
            if (tag) {
                flush();
                int& depth = (tag == 'b' || tag == 'B') ? bold_depth : italic_depth;
                if (tag == 'b' || tag == 'i') ++depth;
                else if (depth > 0) --depth;
                else
                    problems.push_back(
                        fmt::format("</{}> closes a tag that is not open", tag == 'B' ? 'b' : 'i'));
                i += n;
                continue;
            }
            if (looks_like_tag(s, i)) {
                const std::size_t end = s.find('>', i);
                problems.push_back(
                    fmt::format("tag {} is not supported; use <b>…</b> or <i>…</i>, and "
                                "&lt; for a literal '<'",
                                s.substr(i, end == std::string_view::npos ? 12 : end + 1 - i)));
                if (end != std::string_view::npos) {
                    i = end + 1;
                    continue;
                }
            }
        }
        pending += s[i++];
    }
    flush();
    if (bold_depth > 0) problems.push_back("<b> is not closed");
    if (italic_depth > 0) problems.push_back("<i> is not closed");
    tidy(t);
    return t;
}

}  // namespace lektion
