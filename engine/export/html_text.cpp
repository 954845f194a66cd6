#include "export/html_text.hpp"

#include "xliff/escape.hpp"

namespace lektion::web {

// Every attribute the export writes is double-quoted, so the XML escaping
// of attribute values serves text and attributes alike.
std::string escape(std::string_view text) { return xml_escape_attr(text); }

std::string text_attributes(const Text& text, const Languages& langs, std::string_view classes) {
    std::string cls(classes);
    std::string attrs;
    // A screen reader switches its voice on lang: Danish text read with an
    // English voice is noise.
    if (text.untranslated && langs.page != langs.source) {
        attrs += " lang=\"" + escape(langs.source) + "\"";
        cls += cls.empty() ? "untranslated" : " untranslated";
    }
    if (!cls.empty()) attrs += " class=\"" + cls + "\"";
    return attrs;
}

std::string spans_html(const Text& text) {
    std::string out;
    for (const Span& s : text.spans) {
        // The spaces around an emphasised span stay outside its tags ("med <strong>fed</strong>").
        const std::string_view v = s.text;
        const auto first = v.find_first_not_of(' ');
        if (s.emphasis == plain || first == std::string_view::npos) {
            out += escape(v);
            continue;
        }
        const auto last = v.find_last_not_of(' ');
        std::string t = escape(v.substr(first, last - first + 1));
        if (s.emphasis & italic) t = "<em>" + t + "</em>";
        if (s.emphasis & bold) t = "<strong>" + t + "</strong>";
        out += std::string(first, ' ') + t + std::string(v.size() - last - 1, ' ');
    }
    return out;
}

std::string element(std::string_view tag, const Text& text, const Languages& langs,
                    std::string_view classes) {
    std::string out = "<";
    out += tag;
    out += text_attributes(text, langs, classes);
    out += ">" + spans_html(text) + "</";
    out += tag;
    out += ">";
    return out;
}

}  // namespace lektion::web
