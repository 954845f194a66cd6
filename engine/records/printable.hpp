// Text from the records on its way to a terminal. Names are checked when they
// are stored, but a database written by an older lektion, or edited by hand,
// may hold anything; an escape sequence in a name must not reach the
// terminal, and a line break must not split a one-line message.
#pragma once

#include <string>
#include <string_view>

namespace lektion {

// `text` with every control character (C0, DEL, C1, tab and line breaks
// included), line and paragraph separator and bidirectional control written
// as "<U+XXXX>", and each byte that is not UTF-8 as "<0xXX>". Everything else,
// letters of every script included, passes unchanged.
std::string printable(std::string_view text);

// Whether printable(text) == text: UTF-8 without anything printable() escapes.
// What an import stores must pass it, so nothing from a file reaches the
// database, and from there a terminal, as a control character.
bool shows_as_is(std::string_view text);

}  // namespace lektion
