#include "l10n/catalog.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <unicode/msgfmt.h>
#include <unicode/parseerr.h>

#include "xliff/inline.hpp"
#include "xml/xml_file.hpp"

namespace lektion {

struct Catalog::Message {
    std::string pattern;
    std::unique_ptr<icu::MessageFormat> format;
};

Catalog::Catalog() = default;
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

namespace {

// Where in `pattern` (in code points) the trouble ICU reports starts. ICU
// gives offset 0 for unmatched braces and a missing 'other': find them here.
int32_t trouble_at(UErrorCode status, const UParseError& where, const icu::UnicodeString& u) {
    if (status == U_UNMATCHED_BRACES) {
        std::vector<int32_t> open;
        bool quoted = false;
        for (int32_t i = 0; i < u.length(); ++i) {
            const char16_t c = u.charAt(i);
            if (c == u'\'') quoted = !quoted;  // '' is an apostrophe: two toggles
            else if (!quoted && c == u'{') open.push_back(i);
            else if (!quoted && c == u'}') {
                if (open.empty()) return i;
                open.pop_back();
            }
        }
        return open.empty() ? -1 : open.front();
    }
    if (status == U_DEFAULT_KEYWORD_MISSING) {
        for (const char16_t* kind : {u"plural", u"select"}) {
            const int32_t at = u.indexOf(kind);
            if (at >= 0) return std::max(0, u.lastIndexOf(u'{', 0, at));
        }
        return -1;
    }
    return where.offset > 0 ? std::min(where.offset, u.length()) : -1;
}

// What ICU's error means to a translator, and where in the pattern it is.
std::string explain(UErrorCode status, const UParseError& where, const std::string& pattern) {
    const char* what = nullptr;
    switch (status) {
        case U_UNMATCHED_BRACES: what = "a brace { is not closed, or a } has no {"; break;
        case U_DEFAULT_KEYWORD_MISSING:
            what = "a plural or select has no 'other' case; every plural and select needs one";
            break;
        case U_DUPLICATE_KEYWORD: what = "a plural or select has the same case twice"; break;
        case U_UNDEFINED_KEYWORD:
            what = "a plural case is not one of zero, one, two, few, many, other or =N";
            break;
        case U_ARGUMENT_TYPE_MISMATCH: what = "an argument is used with two different types"; break;
        case U_ILLEGAL_ARGUMENT_ERROR:
        case U_PATTERN_SYNTAX_ERROR:
            what =
                "the pattern is not valid ICU MessageFormat syntax (write {name}, "
                "{count, plural, one {…} other {…}}, and '' for an apostrophe)";
            break;
        default: break;
    }
    const std::string words = what ? what : fmt::format("ICU cannot read it ({})", u_errorName(status));
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(pattern);
    const int32_t at = trouble_at(status, where, u);
    if (at < 0) return words;
    // ICU counts UTF-16 units; the translator counts characters.
    return fmt::format("{}, at character {} of the pattern", words, u.countChar32(0, at) + 1);
}

}  // namespace

std::string message_pattern_problem(const std::string& pattern, const std::string& lang) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(lang.c_str()), where,
                              status);
    return U_SUCCESS(status) ? std::string() : explain(status, where, pattern);
}

Catalog Catalog::load(const std::filesystem::path& path, Diagnostics& diags) {
    Catalog catalog;
    const std::string shown = path.generic_string();
    XmlFile file(path, shown, XmlLimits{}, diags);
    if (!file.ok()) return catalog;
    pugi::xml_node xliff = file.root();
    pugi::xml_node xfile = xliff.child("file");
    if (std::string_view(xliff.name()) != "xliff" || !xfile) {
        file.error(xliff, "not an XLIFF 1.2 catalog: expected <xliff><file>");
        return catalog;
    }
    catalog.language_ = xfile.attribute("target-language").value();
    const icu::Locale locale(catalog.language_.c_str());
    for (pugi::xml_node unit : xfile.child("body").children("trans-unit")) {
        const std::string id = unit.attribute("id").value();
        pugi::xml_node target = unit.child("target");
        // The one reader of XLIFF inline content: <mrk> as CAT tools write it is transparent.
        std::vector<std::string> problems;
        const std::string pattern = read_xliff_plain(target ? target : unit.child("source"), problems);
        for (const std::string& p : problems)
            file.error(target ? target : unit, fmt::format("'{}': {}", id, p));
        if (id.empty()) {
            file.error(unit, "trans-unit without an id");
            continue;
        }
        if (pattern.empty()) {
            file.warning(unit, fmt::format("'{}' has no translation; the source is used", id));
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        UParseError where{};
        auto message = std::make_unique<Message>();
        message->pattern = pattern;
        message->format = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(pattern), locale,
                                                               where, status);
        if (U_FAILURE(status)) {
            file.error(target ? target : unit, fmt::format("'{}': broken message pattern: {}; the source "
                                                           "is used instead",
                                                           id, explain(status, where, pattern)));
            continue;
        }
        catalog.messages_[id] = std::move(message);
    }
    return catalog;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    for (const auto& [key, _] : messages_) out.push_back(key);
    return out;
}

std::string Catalog::pattern(const std::string& key) const {
    auto it = messages_.find(key);
    return it == messages_.end() ? std::string() : it->second->pattern;
}

std::string Catalog::format(const std::string& key, const std::vector<NamedArg>& args) const {
    auto it = messages_.find(key);
    if (it == messages_.end()) return {};
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const NamedArg& a : args) {
        names.push_back(icu::UnicodeString::fromUTF8(a.name));
        if (auto* i = std::get_if<std::int64_t>(&a.value)) values.emplace_back(static_cast<int64_t>(*i));
        else if (auto* d = std::get_if<double>(&a.value)) values.emplace_back(*d);
        else values.emplace_back(icu::UnicodeString::fromUTF8(std::get<std::string>(a.value)));
    }
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    it->second->format->format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
    if (U_FAILURE(status)) return it->second->pattern;
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

std::vector<std::string> argument_names(const std::string& pattern) {
    // Top-level and nested "{name" openings, skipping quoted text ('{...}').
    std::set<std::string> names;
    bool quoted = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\'') {
            if (i + 1 < pattern.size() && pattern[i + 1] == '\'') ++i;
            else quoted = !quoted;
            continue;
        }
        if (quoted || c != '{') continue;
        std::size_t j = i + 1;
        while (j < pattern.size() && pattern[j] == ' ') ++j;
        std::size_t k = j;
        while (k < pattern.size() &&
               (std::isalnum(static_cast<unsigned char>(pattern[k])) || pattern[k] == '_'))
            ++k;
        // A name is followed by '}' or ','; plural branch bodies ("{# items}") are not names.
        std::size_t after = k;
        while (after < pattern.size() && pattern[after] == ' ') ++after;
        if (k > j && after < pattern.size() && (pattern[after] == '}' || pattern[after] == ','))
            names.insert(pattern.substr(j, k - j));
    }
    return {names.begin(), names.end()};
}

}  // namespace lektion
