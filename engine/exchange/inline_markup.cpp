#include "exchange/inline_markup.hpp"

#include <sstream>

#include <fmt/format.h>

#include "course/text.hpp"

namespace lektion {

namespace {

void append_escaped(std::string& out, std::string_view text, bool attribute) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out += c;
                break;
            default: out += c;
        }
    }
}

void read_spans(pugi::xml_node node, std::uint8_t emphasis, Text& out, std::vector<std::string>& problems,
                int depth) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out.spans.push_back({c.value(), emphasis});
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        if (depth > 16) {
            problems.push_back("inline tags nest too deeply");
            continue;
        }
        const std::string_view name = c.name();
        const std::string_view ctype = c.attribute("ctype").value();
        if (name == "mrk") {
            read_spans(c, emphasis, out, problems, depth + 1);
        } else if (name == "g" && (ctype == "bold" || ctype == "italic")) {
            read_spans(c, emphasis | (ctype == "bold" ? bold : italic), out, problems, depth + 1);
        } else {
            problems.push_back(
                fmt::format("inline <{}{}> is not supported; use <g ctype=\"bold\"> or "
                            "<g ctype=\"italic\">",
                            name, ctype.empty() ? "" : fmt::format(" ctype=\"{}\"", ctype)));
        }
    }
}

void read_plain(pugi::xml_node node, std::string& out, std::vector<std::string>& problems, int depth) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += c.value();
        } else if (c.type() == pugi::node_element) {
            if (std::string_view(c.name()) == "mrk" && depth < 16) read_plain(c, out, problems, depth + 1);
            else
                problems.push_back(
                    fmt::format("<{}> in an interface message; a message is plain text", c.name()));
        }
    }
}

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

// Emphasised text with its opening and closing tags, the edge spaces outside.
std::string wrap(std::string_view text, std::uint8_t emphasis, const std::string& open,
                 const std::string& close, auto&& escape) {
    if (emphasis == plain) return escape(text);
    std::string_view core = text;
    const bool lead = core.starts_with(' '), trail = core.size() > 1 && core.ends_with(' ');
    if (lead) core.remove_prefix(1);
    if (trail) core.remove_suffix(1);
    return (lead ? " " : "") + open + escape(core) + close + (trail ? " " : "");
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

}  // namespace

std::string to_xliff_markup(const Text& text) {
    std::string out;
    int id = 0;
    for (const Span& span : text.spans) {
        std::string open, close;
        // Numbered as the core's to_xliff_inline numbers them: the inner tag first.
        if (span.emphasis & italic) {
            open = fmt::format("<g id=\"{}\" ctype=\"italic\">", ++id);
            close = "</g>";
        }
        if (span.emphasis & bold) {
            open = fmt::format("<g id=\"{}\" ctype=\"bold\">", ++id) + open;
            close += "</g>";
        }
        out += wrap(span.text, span.emphasis, open, close, [](std::string_view t) { return xml_escape(t); });
    }
    return out;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    append_escaped(out, text, false);
    return out;
}

std::string xml_escape_attr(std::string_view text) {
    std::string out;
    append_escaped(out, text, true);
    return out;
}

Text read_xliff_text(pugi::xml_node node, std::vector<std::string>& problems) {
    Text t;
    read_spans(node, plain, t, problems, 0);
    tidy(t);
    return t;
}

std::string read_xliff_plain(pugi::xml_node node, std::vector<std::string>& problems) {
    std::string s;
    read_plain(node, s, problems, 0);
    return s;
}

std::string inner_xml(pugi::xml_node node) {
    std::ostringstream out;
    for (pugi::xml_node c : node.children()) c.print(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

Text plain_text(std::string s) {
    Text t;
    if (!s.empty()) t.spans.push_back({std::move(s), plain});
    return t;
}

std::string to_po_markup(const Text& text) {
    std::string out;
    for (const Span& span : text.spans) {
        const std::string open =
            std::string(span.emphasis & bold ? "<b>" : "") + (span.emphasis & italic ? "<i>" : "");
        const std::string close =
            std::string(span.emphasis & italic ? "</i>" : "") + (span.emphasis & bold ? "</b>" : "");
        out += wrap(span.text, span.emphasis, open, close, po_escape);
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

EmphasisRuns emphasis_runs(const Text& text) {
    EmphasisRuns runs;
    std::uint8_t before = plain;
    for (const Span& s : text.spans) {
        if ((s.emphasis & bold) && !(before & bold)) ++runs.bold;
        if ((s.emphasis & italic) && !(before & italic)) ++runs.italic;
        before = s.emphasis;
    }
    return runs;
}

std::string describe_tag_mismatch(const EmphasisRuns& source, const EmphasisRuns& target, bool po_tags) {
    std::vector<std::string> parts;
    auto compare = [&](int s, int t, const char* what, const char* xliff_tag, const char* po_tag) {
        if (s == t) return;
        parts.push_back(fmt::format("{} {} ({}): {} in the source, {} in the translation",
                                    s < t ? "extra" : "missing", what, po_tags ? po_tag : xliff_tag, s, t));
    };
    compare(source.bold, target.bold, "bold", "<g ctype=\"bold\">", "<b>");
    compare(source.italic, target.italic, "italic", "<g ctype=\"italic\">", "<i>");
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

}  // namespace lektion
