#include "xliff/inline.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "base/limits.hpp"
#include "course/text.hpp"
#include "xliff/escape.hpp"

namespace lektion {

namespace {

constexpr int max_depth = limits::xliff_inline_depth;
constexpr const char* use_g = "use <g ctype=\"bold\"> or <g ctype=\"italic\">";

std::uint8_t emphasis_of_ctype(std::string_view ctype) {
    if (ctype == "bold") return bold;
    if (ctype == "italic") return italic;
    return plain;
}

// A name, value or code as a message quotes it: at most 40 bytes, cut
// between characters. (Messages reach terminals through say(), which
// escapes what a file may hold.)
std::string quoted(std::string_view value) {
    if (value.size() <= 40) return std::string(value);
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return std::string(value.substr(0, cut)) + "…";
}

// The element as the translator sees it in the file, with the attributes
// that tell one from another: <g id="1">, <x id="1"/>, <g ctype="link">.
std::string shown(pugi::xml_node node, std::initializer_list<const char*> names, bool empty_element) {
    std::string out = fmt::format("<{}", quoted(node.name()));
    for (const char* name : names)
        if (pugi::xml_attribute a = node.attribute(name))
            out += fmt::format(" {}=\"{}\"", name, quoted(a.value()));
    return out + (empty_element ? "/>" : ">");
}

// The native code a <bpt>, <ept>, <ph> or <it> carries: "<b>".
std::string native_code(pugi::xml_node node) {
    std::string code;
    for (pugi::xml_node c : node.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) code += c.value();
        else if (c.type() == pugi::node_element)
            code += fmt::format("<{}>", c.name());  // <sub>: shown, never read
    return code;
}

// Bold or italic when the code is one of HTML's tags for it, in any letter case.
std::uint8_t emphasis_of_code(std::string_view code) {
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    if (code.size() < 3 || code.front() != '<' || code.back() != '>') return plain;
    std::string name;
    for (std::size_t i = 1; i < code.size() && std::isalpha(static_cast<unsigned char>(code[i])); ++i)
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    const char after = code[1 + name.size()];
    if (after != '>' && after != ' ') return plain;  // "<br/>", "<b2>"
    if (name == "b" || name == "strong") return bold;
    if (name == "i" || name == "em") return italic;
    return plain;
}

std::string pair_key(pugi::xml_node node) {
    pugi::xml_attribute rid = node.attribute("rid");
    return rid ? std::string("rid:") + rid.value() : std::string("id:") + node.attribute("id").value();
}

class InlineReader {
public:
    explicit InlineReader(std::vector<std::string>& problems) : problems_(problems) {}

    Text read(pugi::xml_node node) {
        walk(node, plain, 0);
        for (const Open& o : open_)
            if (o.emphasis != plain)  // a refused start has been reported once already
                problem(
                    o.bpt ? fmt::format("inline {} is not closed by an <ept> in this text; keep both ends of "
                                        "the pair, or {}",
                                        o.shown, use_g)
                          : fmt::format("inline {} is not closed by an <ex/> in this text; keep both ends of "
                                        "the pair, or {}",
                                        o.shown, use_g));
        tidy(text_);
        return std::move(text_);
    }

private:
    // A <bx/> or <bpt> waiting for its <ex/> or <ept>. A refused one waits
    // with no emphasis, so that its end is not reported a second time.
    struct Open {
        bool bpt = false;
        std::string key;
        std::uint8_t emphasis = plain;
        std::string shown;
    };

    void problem(std::string message) { problems_.push_back(std::move(message)); }

    std::uint8_t paired() const {
        std::uint8_t e = plain;
        for (const Open& o : open_) e |= o.emphasis;
        return e;
    }

    void walk(pugi::xml_node node, std::uint8_t emphasis, int depth) {
        for (pugi::xml_node c : node.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
                text_.spans.push_back({c.value(), static_cast<std::uint8_t>(emphasis | paired())});
            else if (c.type() == pugi::node_element) element(c, emphasis, depth);
        }
    }

    void element(pugi::xml_node c, std::uint8_t emphasis, int depth) {
        if (depth >= max_depth) {
            problem("inline tags nest too deeply");
            return;
        }
        const std::string_view name = c.name();
        const std::string_view ctype = c.attribute("ctype").value();
        if (name == "mrk") {
            walk(c, emphasis, depth + 1);
        } else if (name == "g") {
            if (const std::uint8_t e = emphasis_of_ctype(ctype)) walk(c, emphasis | e, depth + 1);
            else no_emphasis(c, false);
        } else if (name == "bx") {
            const std::uint8_t e = emphasis_of_ctype(ctype);
            if (!e) no_emphasis(c, true);
            open_.push_back({false, pair_key(c), e, shown(c, {"id"}, true)});
        } else if (name == "ex") {
            if (!close(false, pair_key(c)))
                problem(
                    fmt::format("inline {} closes no <bx/> in this text; remove it", shown(c, {"id"}, true)));
        } else if (name == "bpt") {
            const std::string code = native_code(c);
            std::uint8_t e = emphasis_of_ctype(ctype);
            if (!e) e = emphasis_of_code(code);
            open_.push_back({true, pair_key(c), e, shown(c, {"id"}, false)});
            if (!e)
                problem(
                    fmt::format("inline {} holds the code {}, which is neither bold nor italic; {}, or "
                                "remove the pair",
                                shown(c, {"id"}, false), quoted(code), use_g));
        } else if (name == "ept") {
            if (!close(true, pair_key(c)))
                problem(fmt::format("inline {} closes no <bpt> in this text; remove it",
                                    shown(c, {"id"}, false)));
        } else if (name == "x") {
            problem(fmt::format("inline {} is a placeholder for a code, and lektion text has none; remove it",
                                shown(c, {"id"}, true)));
        } else if (name == "ph") {
            problem(fmt::format("inline {} holds the code {}, a code lektion text does not have; remove it",
                                shown(c, {"id"}, false), quoted(native_code(c))));
        } else if (name == "it") {
            problem(
                fmt::format("inline {} is half of a tag pair split across segments; keep bold and italic "
                            "inside the unit: {}",
                            shown(c, {"id"}, false), use_g));
        } else {
            problem(fmt::format("inline {} is not XLIFF 1.2 inline markup; {}", shown(c, {}, false), use_g));
        }
    }

    // A <g> or <bx/> that says nothing lektion can show.
    void no_emphasis(pugi::xml_node c, bool empty_element) {
        if (!c.attribute("ctype"))
            problem(fmt::format("inline {} has no ctype, so it is neither bold nor italic; {}",
                                shown(c, {"id"}, empty_element), use_g));
        else
            problem(
                fmt::format("inline {} is not supported: lektion has bold and italic only; {}, or remove "
                            "the tag and keep its text",
                            shown(c, {"ctype"}, empty_element), use_g));
    }

    bool close(bool bpt, const std::string& key) {
        auto it = std::find_if(open_.rbegin(), open_.rend(),
                               [&](const Open& o) { return o.bpt == bpt && o.key == key; });
        if (it == open_.rend()) return false;
        open_.erase(std::next(it).base());
        return true;
    }

    std::vector<std::string>& problems_;
    std::vector<Open> open_;
    Text text_;
};

void read_plain(pugi::xml_node node, std::string& out, std::vector<std::string>& problems, int depth) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += c.value();
        } else if (c.type() == pugi::node_element) {
            if (std::string_view(c.name()) == "mrk" && depth < max_depth)
                read_plain(c, out, problems, depth + 1);
            else
                problems.push_back(
                    fmt::format("<{}> in an interface message; a message is plain text", quoted(c.name())));
        }
    }
}

// Emphasised text with its tags, the spaces at its edges outside them.
std::string wrap(std::string_view text, const std::string& open, const std::string& close) {
    if (open.empty()) return xml_escape(text);
    std::string_view core = text;
    const bool lead = core.starts_with(' '), trail = core.size() > 1 && core.ends_with(' ');
    if (lead) core.remove_prefix(1);
    if (trail) core.remove_suffix(1);
    return (lead ? " " : "") + open + xml_escape(core) + close + (trail ? " " : "");
}

}  // namespace

Text read_xliff_inline(pugi::xml_node node, std::vector<std::string>& problems) {
    return InlineReader(problems).read(node);
}

std::string to_xliff_inline(const Text& text) {
    std::string out;
    int id = 0;
    for (const Span& span : text.spans) {
        std::string open, close;
        if (span.emphasis & italic) {
            open = fmt::format("<g id=\"{}\" ctype=\"italic\">", ++id);
            close = "</g>";
        }
        if (span.emphasis & bold) {
            open = fmt::format("<g id=\"{}\" ctype=\"bold\">", ++id) + open;
            close += "</g>";
        }
        out += wrap(span.text, open, close);
    }
    return out;
}

std::string read_xliff_plain(pugi::xml_node node, std::vector<std::string>& problems) {
    std::string s;
    read_plain(node, s, problems, 0);
    return s;
}

}  // namespace lektion
