// XLIFF 1.2 inline content: the inside of a <source> or <target>. One set of
// rules, read and written here only, for everything that meets it: the
// player's translation overlay, and the import, export, status and lint of
// the exchange. A CAT tool's target that one of them takes, all of them take,
// and what one refuses, all refuse with the same words.
//
// A course unit is characters with bold and italic. Accepted:
//   - text and CDATA;
//   - <mrk> of any mtype (segments, comments, terms, protected text): a
//     marker around text, never a code, so it is transparent;
//   - <g ctype="bold"> and <g ctype="italic">, nested as the emphasis is;
//   - <bx ctype="bold|italic"/> … <ex/>, paired by rid, else by id: the same
//     emphasis, as some tools split a <g> into its two ends;
//   - <bpt> … <ept> whose native code is <b> or <strong> (bold), <i> or <em>
//     (italic), in any letter case, or whose ctype says bold or italic;
//     paired by rid, else by id. The native code is never text.
// Refused, each with a message naming the element and what to write instead:
//   - <g> and <bx/> without ctype or with another one (underlined, link, …):
//     lektion has bold and italic only, and cannot guess which was meant;
//   - <bpt> whose code is anything else, and halves without their partner;
//   - <x/>, <ph> (a standalone code such as a line break or an image) and
//     <it> (half of a pair split across segments): nothing in a unit of
//     lektion's is such a code;
//   - any other element.
// A refused unit is not a translation: the import refuses it (error), lint
// reports it (error), and the player shows the source, marked untranslated
// (warning), never the text with a piece left out.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "course/model.hpp"

namespace lektion {

// A course unit's <source> or <target>, by the rules above. Whitespace
// collapsed, NFC. Every problem is appended to `problems`; when there is
// one, the text returned must not be shown or stored.
Text read_xliff_inline(pugi::xml_node node, std::vector<std::string>& problems);

// The markup of a course unit: "a <g id="1" ctype="bold">b</g>", the tags
// numbered from 1, the inner one first. A space at the edge of an emphasised
// span goes outside its tags ("navn <g>On</g>", not "navn<g> On</g>").
std::string to_xliff_inline(const Text& text);

// An interface message's <source> or <target>: its characters, verbatim, and
// those of <mrk> markers. A message is a plain ICU pattern: any other element
// is a problem.
std::string read_xliff_plain(pugi::xml_node node, std::vector<std::string>& problems);

}  // namespace lektion
