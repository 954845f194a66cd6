#include "exchange/po_syntax.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/line_map.hpp"
#include "course/text.hpp"

namespace lektion {

namespace {

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '"': out += "\\\""; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20)
                    out += fmt::format("\\{:03o}", static_cast<unsigned char>(c));
                else out += c;
        }
    }
    return out + "\"";
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string> words(std::string_view s, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(separator, start);
        if (end == std::string_view::npos) end = s.size();
        const std::string_view w = trim(s.substr(start, end - start));
        if (!w.empty()) out.emplace_back(w);
        start = end + 1;
    }
    return out;
}

// A quoted string read back: its bytes, and for each byte where in the file
// the character or escape that made it starts, so that a problem found in
// the bytes is reported where the translator wrote it.
struct Unquoted {
    std::string text;
    std::vector<const char*> from;  // one per byte of `text`
    const char* close = nullptr;    // the closing quote
};

// Reads a C-style quoted string that is the whole of `s`; on failure sets `error`.
Unquoted unquote(std::string_view s, std::string& error) {
    s = trim(s);
    Unquoted u;
    if (s.size() < 2 || s.front() != '"') {
        error = "expected a string in double quotes";
        return u;
    }
    std::string& out = u.text;
    std::size_t i = 1;
    for (; i < s.size() && s[i] != '"'; ++i) {
        const char* at = s.data() + i;
        if (s[i] != '\\') {
            out += s[i];
            u.from.push_back(at);
            continue;
        }
        if (++i >= s.size()) break;
        const char c = s[i];
        switch (c) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            case '\\':
            case '"':
            case '\'':
            case '?': out += c; break;
            default:
                if (c >= '0' && c <= '7') {
                    int v = 0, n = 0;
                    for (; n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++n, ++i)
                        v = v * 8 + (s[i] - '0');
                    --i;
                    out += static_cast<char>(v & 0xFF);
                } else if (c == 'x') {
                    int v = 0, n = 0;
                    for (++i; i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i])); ++n, ++i)
                        v = (v * 16 + (std::isdigit(static_cast<unsigned char>(s[i]))
                                           ? s[i] - '0'
                                           : (s[i] | 0x20) - 'a' + 10)) &
                            0xFF;
                    --i;
                    if (n == 0) error = "\\x without hexadecimal digits";
                    out += static_cast<char>(v);
                } else {
                    error = fmt::format("unknown escape \\{}", c);
                }
        }
        u.from.resize(out.size(), at);
    }
    u.close = s.data() + std::min(i, s.size());
    if (i >= s.size()) error = "the string has no closing quote";
    else if (i + 1 != s.size()) error = "text after the closing quote";
    return u;
}

// What an escape may make that no text may hold: a control character other
// than tab and line breaks (NUL cuts strings short, ESC starts terminal
// sequences), or bytes that are not UTF-8. The raw file is checked before,
// so only escapes are left. Returns the message and where the escape starts.
std::optional<std::pair<const char*, std::string>> forbidden_escape(const Unquoted& u) {
    // The escapes that made bytes [first, first + count).
    auto written = [&](std::size_t first, std::size_t count) {
        const char* end = first + count < u.from.size() ? u.from[first + count] : u.close;
        return std::string_view(u.from[first], static_cast<std::size_t>(end - u.from[first]));
    };
    if (const std::optional<std::size_t> bad = find_invalid_utf8(u.text))
        return std::pair{u.from[*bad],
                         fmt::format("{} makes invalid UTF-8; write the character itself", written(*bad, 1))};
    if (const std::optional<ForbiddenChar> c = find_control_character(u.text))
        return std::pair{u.from[c->offset],
                         fmt::format("{} is control character {}, which no text may hold",
                                     written(c->offset, c->code < 0x80 ? 1 : 2), code_point_name(c->code))};
    return std::nullopt;
}

}  // namespace

std::string po_field(std::string_view keyword, std::string_view value) {
    const std::size_t newline = value.find('\n');
    if (newline == std::string_view::npos || newline + 1 == value.size())
        return fmt::format("{} {}", keyword, quote(value));
    std::string out = fmt::format("{} \"\"", keyword);
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find('\n', start);
        end = end == std::string_view::npos ? value.size() : end + 1;
        out += "\n" + quote(value.substr(start, end - start));
        start = end;
    }
    return out;
}

bool PoEntry::fuzzy() const { return std::find(flags.begin(), flags.end(), "fuzzy") != flags.end(); }

std::optional<std::vector<PoEntry>> parse_po(std::string_view text, const std::string& shown,
                                             Diagnostics& diags) {
    std::vector<PoEntry> entries;
    PoEntry entry;
    std::string* field = nullptr;  // where a continuation line goes
    bool started = false;          // the entry has a keyword
    bool failed = false;
    std::string other_plural_forms;  // msgstr[1] and up: lektion exports no plural entries
    auto error = [&](int line, int column, const std::string& message) {
        diags.add(Severity::error, shown, line, column, message);
        failed = true;
    };
    // At the character itself, for problems found in the bytes.
    auto error_at = [&](const char* where, const std::string& message) {
        const auto [line, column] = LineMap(text).locate(static_cast<std::size_t>(where - text.data()));
        error(line, column, message);
    };
    // Notepad and some web tools start UTF-8 with a byte order mark; it is
    // not part of the first line. (Positions count from after it, as an
    // editor that hides it shows them.)
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    // The whole file first, comments too: what the escapes make is checked as each string is read.
    if (const std::optional<std::size_t> bad = find_invalid_utf8(text)) {
        error_at(text.data() + *bad, "invalid UTF-8: PO files must be saved as UTF-8");
        return std::nullopt;
    }
    if (const std::optional<ForbiddenChar> c = find_control_character(text)) {
        error_at(text.data() + c->offset,
                 fmt::format("control character {}, which no text may hold", code_point_name(c->code)));
        return std::nullopt;
    }
    // The string of a keyword or continuation line, checked for what its escapes make.
    auto read_string = [&](std::string_view quoted, std::string& problem) -> std::string {
        Unquoted u = unquote(quoted, problem);
        if (problem.empty())
            if (auto bad = forbidden_escape(u)) {
                error_at(bad->first, bad->second);
                return {};
            }
        return std::move(u.text);
    };
    auto finish = [&] {
        if (started) {
            if (!entry.has_msgstr) error(entry.line, 1, "entry without msgstr");
            entries.push_back(std::move(entry));
        }
        entry = PoEntry{};
        field = nullptr;
        started = false;
    };

    int number = 0;
    for (std::size_t start = 0; start < text.size() && !failed;) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        ++number;
        if (line.empty()) {
            finish();
            continue;
        }
        if (line[0] == '#') {
            if (entry.has_msgstr) finish();  // comments start the next entry
            const std::string_view rest = line.size() > 2 ? trim(line.substr(2)) : std::string_view();
            if (line.starts_with("#~")) continue;  // obsolete entry: not ours to import
            if (line.starts_with("#.")) entry.extracted.emplace_back(rest);
            else if (line.starts_with("#:"))
                for (auto& w : words(rest, ' ')) entry.references.push_back(w);
            else if (line.starts_with("#,"))
                for (auto& w : words(rest, ',')) entry.flags.push_back(w);
            field = nullptr;
            continue;
        }
        if (line[0] == '"') {
            if (!field) {
                error(number, 1, "a string continues nothing: expected msgctxt, msgid or msgstr before it");
                break;
            }
            std::string problem;
            *field += read_string(line, problem);
            if (!problem.empty()) error(number, 1, problem);
            continue;
        }
        const std::size_t space = line.find_first_of(" \t\"");
        const std::string_view keyword = line.substr(0, space);
        const std::string_view value =
            space == std::string_view::npos ? std::string_view() : line.substr(space);
        std::string problem;
        std::string s = read_string(value, problem);
        if (!problem.empty()) {
            error(number, static_cast<int>(keyword.size()) + 2, fmt::format("{}: {}", keyword, problem));
            break;
        }
        if (failed) break;
        if (keyword == "msgctxt" || (keyword == "msgid" && !entry.msgctxt)) {
            if (started) finish();
        }
        if (keyword == "msgctxt") {
            entry.msgctxt = std::move(s), field = &*entry.msgctxt;
        } else if (keyword == "msgid") {
            if (entry.has_msgstr) finish();
            entry.msgid = std::move(s), field = &entry.msgid;
        } else if (keyword == "msgid_plural") {
            entry.msgid_plural = std::move(s), field = &*entry.msgid_plural;
        } else if (keyword == "msgstr" || keyword == "msgstr[0]") {
            entry.msgstr = std::move(s), field = &entry.msgstr, entry.has_msgstr = true;
            entry.msgstr_line = number;
        } else if (keyword.starts_with("msgstr[")) {
            entry.has_msgstr = true;
            other_plural_forms = std::move(s);
            field = &other_plural_forms;
        } else {
            error(number, 1,
                  fmt::format("expected msgctxt, msgid, msgstr or a comment, not '{}'",
                              std::string(keyword.substr(0, 40))));
            break;
        }
        if (!started) entry.line = number;
        started = true;
    }
    if (!failed) finish();
    if (failed) return std::nullopt;
    return entries;
}

std::string po_header_field(const std::string& header, std::string_view name) {
    std::size_t start = 0;
    while (start < header.size()) {
        std::size_t end = header.find('\n', start);
        if (end == std::string::npos) end = header.size();
        const std::string_view line(header.data() + start, end - start);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos && trim(line.substr(0, colon)) == name)
            return std::string(trim(line.substr(colon + 1)));
        start = end + 1;
    }
    return {};
}

}  // namespace lektion
