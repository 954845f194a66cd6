#include "textplayer/writer.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "base/terminal_text.hpp"
#include "l10n/strings.hpp"
#include "session/status_words.hpp"

namespace lektion {

std::size_t width_of(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Writer& Writer::operator<<(std::string_view s) {
    out_ << terminal_safe(s, ControlStyle::replaced);
    return *this;
}

std::vector<std::string> Writer::lines(const std::string& text, const std::string& indent,
                                       const std::string& first) const {
    std::vector<std::string> out;
    std::string line = first.empty() ? indent : first;
    std::size_t used = width_of(line);
    const std::size_t limit = static_cast<std::size_t>(columns_);
    std::istringstream words(text);
    std::string word;
    bool line_has_word = false;
    while (words >> word) {
        if (line_has_word && used + 1 + width_of(word) > limit) {
            out.push_back(line);
            line = indent;
            used = width_of(indent);
            line_has_word = false;
        }
        if (line_has_word) line += ' ', ++used;
        line += word;
        used += width_of(word);
        line_has_word = true;
    }
    out.push_back(line);
    return out;
}

void Writer::wrap(const std::string& text, const std::string& indent, const std::string& first) {
    for (const std::string& line : lines(text, indent, first)) *this << line << "\n";
}

void Writer::entry(int number, const std::string& text) {
    const std::string mark = fmt::format("{}) ", number);
    wrap(text, std::string(width_of(mark), ' '), mark);
}

void Writer::blocks(const std::vector<Block>& list, const std::string& indent) {
    for (const Block& b : list) {
        switch (b.kind) {
            case BlockKind::paragraph:
            case BlockKind::subheading:
                wrap(b.text.plain(), indent);
                *this << "\n";
                break;
            case BlockKind::quote:
                // The author writes the quotation marks their language uses (FORMAT.md): none added here.
                wrap(b.text.plain(), indent + "  ");
                *this << "\n";
                break;
            case BlockKind::list: {
                int n = 0;
                for (const Text& item : b.items) {
                    const std::string mark =
                        b.list_kind == ListKind::numbered ? fmt::format("{}. ", ++n) : "- ";
                    wrap(item.plain(), indent + std::string(width_of(mark), ' '), indent + mark);
                }
                *this << "\n";
                break;
            }
            case BlockKind::callout: {
                // The label the window shows too (session/status_words.hpp).
                wrap("[" + callout_label(b) + "]", indent);
                blocks(b.children, indent + "  ");
                *this << indent << "[/" << callout_kind_words(b.callout_kind) << "]\n\n";
                break;
            }
            case BlockKind::figure:
                // What the picture shows, in the author's words, and what the window prints under it.
                wrap("[" + tr("figure.missing", {{"alt", b.alt.plain()}}) + "]", indent);
                if (b.caption) wrap(b.caption->plain(), indent);
                *this << "\n";
                break;
        }
    }
}

}  // namespace lektion
