#include "xml/xml_file.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "base/characters.hpp"
#include "diag/codes.hpp"

namespace lektion {

namespace {

// Depth of the element tree, without recursion, so that a hostile file cannot
// exhaust the stack of the code that measures it.
int depth_of(pugi::xml_node root, int stop_at) {
    int depth = 0, max = 0;
    pugi::xml_node node = root;
    while (node) {
        if (node.first_child()) {
            node = node.first_child();
            if (++depth > max && (max = depth) > stop_at) return max;
            continue;
        }
        while (node && !node.next_sibling() && node != root) {
            node = node.parent();
            --depth;
        }
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return max;
}

// One problem with a character or a reference, and where it starts.
struct CharacterProblem {
    std::size_t offset = 0;
    std::string message;
    std::string_view code = diag_code::bad_reference;
};

std::optional<CharacterProblem> forbidden_in(std::string_view text, std::size_t from, std::size_t to) {
    if (auto bad = find_control_character(text.substr(from, to - from)))
        return CharacterProblem{
            from + bad->offset,
            fmt::format("control character {} is not allowed", code_point_name(bad->code)),
            diag_code::forbidden_character};
    return std::nullopt;
}

// The reference starting at text[at] == '&': one of XML's five entities, or
// a character reference to a character text may hold. pugixml would pass an
// undefined entity or a bare & through as text, and expand &#0; to a NUL
// that silently ends the string.
std::optional<CharacterProblem> check_reference(std::string_view text, std::size_t at) {
    constexpr std::size_t longest = 40;  // "&#x0000000000000000000000000000041;" is still a reference
    const std::size_t semi = text.find(';', at);
    const std::string_view ref = semi == std::string_view::npos || semi - at > longest
                                     ? std::string_view()
                                     : text.substr(at, semi - at + 1);
    auto bare = [&] { return CharacterProblem{at, "a bare & is not allowed; write &amp; for an ampersand"}; };
    if (ref.size() < 3) return bare();
    if (ref[1] == '#') {
        const bool hex = ref[2] == 'x' || ref[2] == 'X';
        const std::string_view digits = ref.substr(hex ? 3 : 2, ref.size() - (hex ? 4 : 3));
        if (digits.empty()) return bare();
        char32_t code = 0;
        for (char c : digits) {
            int v = -1;
            if (c >= '0' && c <= '9') v = c - '0';
            else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
            if (v < 0) return bare();
            code = code > 0x10FFFF ? code : code * (hex ? 16 : 10) + static_cast<char32_t>(v);
        }
        if (is_forbidden_character(code))
            return CharacterProblem{
                at, fmt::format("{} names {}, a character that is not allowed in text", std::string(ref),
                                code > 0x10FFFF ? std::string("no character") : code_point_name(code))};
        return std::nullopt;
    }
    const std::string_view name = ref.substr(1, ref.size() - 2);
    if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos")
        return std::nullopt;
    const bool name_like = std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':';
    });
    if (!name_like) return bare();
    return CharacterProblem{at, fmt::format("{} is not defined; XML has only &lt; &gt; &amp; &quot; &apos;, "
                                            "so write the character itself",
                                            std::string(ref))};
}

// The first character or reference no authored text may hold, anywhere in
// the file. Comments, CDATA and processing instructions are not markup for
// references, but they may not hold control characters either.
std::optional<CharacterProblem> check_characters(std::string_view text) {
    // Control characters are forbidden everywhere, comments and CDATA too.
    if (auto bad = forbidden_in(text, 0, text.size())) return bad;
    // References: every '&' outside comments, CDATA and processing
    // instructions, whose text is not markup. '&' is rare: sections are
    // looked for only up to the '&'s there are.
    static constexpr std::pair<std::string_view, std::string_view> verbatim[] = {
        {"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};
    // The next verbatim section at or after `from`: where it starts and ends.
    // One pass over the '<'s (memchr), looking at the byte after each.
    std::size_t section = 0, end = 0;  // 0, 0: not looked for yet
    auto next_section = [&](std::size_t from) {
        for (std::size_t at = text.find('<', from); at != std::string_view::npos;
             at = text.find('<', at + 1)) {
            if (at + 1 >= text.size() || (text[at + 1] != '!' && text[at + 1] != '?')) continue;
            for (const auto& [open, close] : verbatim) {
                if (text.compare(at, open.size(), open) != 0) continue;
                const std::size_t c = text.find(close, at + open.size());
                section = at;
                end = c == std::string_view::npos ? text.size() : c + close.size();
                return;
            }
        }
        section = end = std::string_view::npos;
    };
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
        while (section < amp && end <= amp) next_section(end);
        if (section < amp) {  // inside a section: text, not a reference
            amp = end - 1;
            continue;
        }
        if (auto bad = check_reference(text, amp)) return bad;
    }
    return std::nullopt;
}

}  // namespace

XmlFile::XmlFile(const std::filesystem::path& path, std::string shown_path, const XmlLimits& limits,
                 Diagnostics& diags)
    : shown_path_(std::move(shown_path)), diags_(&diags) {
    std::string error;
    ReadFailure why = ReadFailure::none;
    std::optional<std::string> text = read_bounded(path, limits.max_bytes, error, &why);
    if (!text) {
        diags.add(Severity::error, shown_path_, 0, 0, error,
                  why == ReadFailure::too_large    ? diag_code::file_too_large
                  : why == ReadFailure::unreadable ? diag_code::file_unreadable
                                                   : diag_code::file_missing);
        return;
    }
    text_ = std::move(*text);
    parse(limits);
}

XmlFile::XmlFile(std::string text, std::string shown_path, const XmlLimits& limits, Diagnostics& diags)
    : shown_path_(std::move(shown_path)), text_(std::move(text)), diags_(&diags) {
    if (text_.size() > limits.max_bytes) {
        diags.add(Severity::error, shown_path_, 0, 0,
                  fmt::format("file is larger than the limit of {} bytes", limits.max_bytes),
                  diag_code::file_too_large);
        return;
    }
    parse(limits);
}

void XmlFile::parse(const XmlLimits& limits) {
    if (auto bad = find_invalid_utf8(text_)) {
        auto [line, col] = locate(*bad);
        diags_->add(Severity::error, shown_path_, line, col, "invalid UTF-8", diag_code::invalid_utf8);
        return;
    }
    if (auto bad = check_characters(text_)) {
        auto [line, col] = locate(bad->offset);
        diags_->add(Severity::error, shown_path_, line, col, bad->message, bad->code);
        return;
    }
    // parse_ws_pcdata keeps the space in "<b>a</b> <i>b</i>"; no DOCTYPE and no
    // entities beyond XML's five, so there is nothing to expand.
    const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result result =
        doc_.load_buffer(text_.data(), text_.size(), flags, pugi::encoding_utf8);
    if (!result) {
        auto [line, col] = locate(static_cast<std::size_t>(result.offset));
        diags_->add(Severity::error, shown_path_, line, col,
                    fmt::format("malformed XML: {}", result.description()), diag_code::malformed_xml);
        return;
    }
    if (depth_of(doc_, limits.max_depth) > limits.max_depth) {
        diags_->add(Severity::error, shown_path_, 0, 0,
                    fmt::format("elements nest deeper than {} levels", limits.max_depth),
                    diag_code::too_deep);
        return;
    }
    if (!root()) {
        diags_->add(Severity::error, shown_path_, 0, 0, "no root element", diag_code::no_root);
        return;
    }
    ok_ = true;
}

std::pair<int, int> XmlFile::where(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return {0, 0};
    // For an element, offset_debug points at its name; the tag starts one before.
    const bool element = node.type() == pugi::node_element;
    return locate(static_cast<std::size_t>(offset - (element && offset > 0 ? 1 : 0)));
}

std::pair<int, int> XmlFile::where(pugi::xml_attribute attr, pugi::xml_node owner) const {
    // pugixml keeps no offsets for attributes: find the name inside the start
    // tag.
    const std::ptrdiff_t start = owner.offset_debug();
    if (start < 0) return where(owner);
    const std::size_t tag_end = text_.find('>', static_cast<std::size_t>(start));
    const std::string name = std::string(attr.name());
    std::size_t at = static_cast<std::size_t>(start);
    while ((at = text_.find(name, at)) != std::string::npos && at < tag_end) {
        const char before = text_[at - 1];
        const char after = at + name.size() < text_.size() ? text_[at + name.size()] : '\0';
        if ((before == ' ' || before == '\t' || before == '\n' || before == '\r') &&
            (after == '=' || after == ' ' || after == '\t' || after == '\n'))
            return locate(at);
        at += name.size();
    }
    return where(owner);
}

std::pair<int, int> XmlFile::locate(std::size_t offset) const {
    // Most files never report anything: index their lines only when asked.
    if (!lines_) lines_ = std::make_unique<LineMap>(text_);
    return lines_->locate(offset);
}

Site XmlFile::site(pugi::xml_node node) const {
    auto [line, column] = where(node);
    return {line, column};
}

void XmlFile::error(pugi::xml_node node, const std::string& message, std::string_view code) const {
    auto [line, col] = where(node);
    diags_->add(Severity::error, shown_path_, line, col, message, code);
}

void XmlFile::warning(pugi::xml_node node, const std::string& message, std::string_view code) const {
    auto [line, col] = where(node);
    diags_->add(Severity::warning, shown_path_, line, col, message, code);
}

void XmlFile::error(pugi::xml_attribute attr, pugi::xml_node owner, const std::string& message,
                    std::string_view code) const {
    auto [line, col] = where(attr, owner);
    diags_->add(Severity::error, shown_path_, line, col, message, code);
}

}  // namespace lektion
