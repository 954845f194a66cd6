#include "l10n/language_tag.hpp"

#include <algorithm>
#include <cctype>

#include <unicode/uloc.h>
#include <unicode/unistr.h>

namespace lektion {

namespace {

// The shape BCP 47 gives every tag: a language, then subtags of 1-8 letters
// or digits, separated by hyphens. BCP 47 also allows languages of 5-8
// letters, but none is registered, and allowing them would take "english"
// or "dansk" for a tag; ISO 639's codes of two and three letters are all there is.
bool well_shaped(std::string_view tag) {
    std::size_t start = 0;
    for (int part = 0; start <= tag.size(); ++part) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        const std::string_view sub = tag.substr(start, end - start);
        if (sub.empty() || sub.size() > 8) return false;
        for (char c : sub) {
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool digit = c >= '0' && c <= '9';
            if (part == 0 ? !letter : !(letter || digit)) return false;
        }
        if (part == 0 && (sub.size() < 2 || sub.size() > 3)) return false;
        if (end == tag.size()) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

bool valid_language_tag(std::string_view tag) {
    constexpr std::size_t max_tag = 64;  // far beyond any real tag; RFC 5646 suggests 35
    if (tag.empty() || tag.size() > max_tag || !well_shaped(tag)) return false;
    // ICU checks what the shape cannot: the order and kind of the subtags
    // ("da-DK-DK" repeats a region, "en-a" is an extension with no value).
    const std::string copy(tag);
    char locale[ULOC_FULLNAME_CAPACITY * 2];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(copy.c_str(), locale, sizeof locale, &parsed, &status);
    return U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING &&
           parsed == static_cast<int32_t>(copy.size());
}

std::string normalize_language_tag(std::string tag) {
    std::replace(tag.begin(), tag.end(), '_', '-');
    // BCP 47 case conventions: "pl", "pt-BR", "sr-Latn".
    std::size_t start = 0;
    for (int part = 0; start < tag.size(); ++part) {
        std::size_t end = tag.find('-', start);
        if (end == std::string::npos) end = tag.size();
        for (std::size_t i = start; i < end; ++i) {
            const auto c = static_cast<unsigned char>(tag[i]);
            const bool upper = part > 0 && ((end - start == 2) || (end - start == 4 && i == start));
            tag[i] = static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
        }
        start = end + 1;
    }
    return tag;
}

std::string suggest_language_tag(std::string_view wrong) {
    const std::string normalized = normalize_language_tag(std::string(wrong));
    if (valid_language_tag(normalized)) return normalized;
    const icu::UnicodeString wanted =
        icu::UnicodeString::fromUTF8(icu::StringPiece(wrong.data(), static_cast<int32_t>(wrong.size())))
            .trim()
            .foldCase();
    if (wanted.isEmpty()) return {};
    for (int32_t i = 0, n = uloc_countAvailable(); i < n; ++i) {
        const char* locale = uloc_getAvailable(i);
        char language[ULOC_LANG_CAPACITY];
        UErrorCode status = U_ZERO_ERROR;
        uloc_getLanguage(locale, language, sizeof language, &status);
        if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) continue;
        for (const char* in : {"en", static_cast<const char*>(language)}) {
            UChar name[128];
            status = U_ZERO_ERROR;
            const int32_t length = uloc_getDisplayLanguage(language, in, name, 128, &status);
            if (U_FAILURE(status) || length <= 0 || length >= 128) continue;
            if (icu::UnicodeString(name, length).foldCase() == wanted) return language;
        }
    }
    return {};
}

bool same_language(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace lektion
