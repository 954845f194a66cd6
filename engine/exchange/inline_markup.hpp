// Text with emphasis in the forms the exchange formats carry it: XLIFF inline
// <g ctype="bold|italic">, and in PO the literal tags <b>…</b> and <i>…</i>.
// Interface messages are plain ICU patterns and travel verbatim.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "course/model.hpp"
#include "course/text.hpp"  // same_text, count_words

namespace lektion {

std::string xml_escape(std::string_view text);       // & < >
std::string xml_escape_attr(std::string_view text);  // & < > "

// A course unit's <source>/<target>: characters, <g ctype="bold|italic">,
// and <mrk> (segment markers CAT tools add), which is transparent. Anything
// else is reported in `problems` and left out. Whitespace collapsed, NFC.
Text read_xliff_text(pugi::xml_node node, std::vector<std::string>& problems);

// The markup of a unit: "a <g id="1" ctype="bold">b</g>". A space at the
// edge of an emphasised span goes outside its tags ("navn <g>On</g>", not
// "navn<g> On</g>"): the same text, and what translators and the stored
// files expect.
std::string to_xliff_markup(const Text& text);

// An interface message's <source>/<target>: its characters, verbatim.
// Elements are reported (a pattern has no markup) and left out.
std::string read_xliff_plain(pugi::xml_node node, std::vector<std::string>& problems);

// The children of `node` as they would be written back: keeps what a reader
// did not understand when a file is rewritten for other reasons.
std::string inner_xml(pugi::xml_node node);

// A plain string as a Text of one span (interface messages).
Text plain_text(std::string s);

// "<b>bold</b> and <i>italic</i>"; a literal '<' becomes "&lt;", and '&'
// becomes "&amp;" only where it would read as an entity.
std::string to_po_markup(const Text& text);

// The inverse of to_po_markup: <b>, <i> and their closing tags, and the
// entities &lt; &gt; &amp; &quot; &apos;. A '<' that starts no tag is a
// literal character. Unknown or unbalanced tags go to `problems`.
Text from_po_markup(std::string_view markup, std::vector<std::string>& problems);

// How many separate bold and italic passages a text has: the tags a
// translation must keep, however it reorders them.
struct EmphasisRuns {
    int bold = 0, italic = 0;
    bool operator==(const EmphasisRuns&) const = default;
};
EmphasisRuns emphasis_runs(const Text& text);

// What the difference means for a translator, "" when there is none:
// "the source has 1 bold passage (<g ctype="bold">), the translation 0".
std::string describe_tag_mismatch(const EmphasisRuns& source, const EmphasisRuns& target, bool po_tags);

}  // namespace lektion
