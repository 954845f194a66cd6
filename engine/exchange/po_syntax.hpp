// The gettext PO syntax: writing quoted strings, and reading a file into
// entries with the line each starts on. Only what lektion's PO files use is
// interpreted; other comments are read and ignored, obsolete entries skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"

namespace lektion {

// `keyword "value"`, split after each "\n" as gettext does, without a final newline.
std::string po_field(std::string_view keyword, std::string_view value);

struct PoEntry {
    int line = 0;  // of msgctxt, or msgid when there is none
    int msgstr_line = 0;
    std::vector<std::string> extracted;   // "#." comments
    std::vector<std::string> references;  // "#:" words
    std::vector<std::string> flags;       // "#," words
    std::optional<std::string> msgctxt;
    std::string msgid;
    std::optional<std::string> msgid_plural;
    std::string msgstr;  // msgstr, or msgstr[0] of a plural entry
    bool has_msgstr = false;

    bool fuzzy() const;
    bool is_header() const { return !msgctxt && msgid.empty(); }
};

// Every entry of a PO file; nullopt, with an error at its line, when the text
// is not valid PO. A UTF-8 byte order mark at the start is skipped. Text that is not UTF-8, and control
// characters other than tab and line breaks, raw or made by escapes (\000, \033, \x7f, \302\205), are errors
// at the line and column of the character or escape: no string read from a PO file holds one.
std::optional<std::vector<PoEntry>> parse_po(std::string_view text, const std::string& shown,
                                             Diagnostics& diags);

// "Language: pl\n..." -> the value of one header field, "" when absent.
std::string po_header_field(const std::string& header, std::string_view name);

}  // namespace lektion
