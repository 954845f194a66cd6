#include "xliff/escape.hpp"

namespace lektion {

namespace {

std::string escaped(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
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
    return out;
}

}  // namespace

std::string xml_escape(std::string_view text) { return escaped(text, false); }

std::string xml_escape_attr(std::string_view text) { return escaped(text, true); }

}  // namespace lektion
