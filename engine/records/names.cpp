#include "records/names.hpp"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "course/text.hpp"
#include "records/store.hpp"

namespace lektion {

namespace {

icu::UnicodeString nfc(const icu::UnicodeString& s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw RecordsError("ICU has no NFC data; names cannot be compared");
    icu::UnicodeString out = n->normalize(s, status);
    if (U_FAILURE(status)) throw RecordsError("ICU could not normalize a name");
    return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// NFC without surrounding white space.
icu::UnicodeString trimmed_nfc(std::string_view name) {
    // A bound on the bytes before ICU sees them: the longest name of
    // max_name_length code points, with room for white space around it.
    if (name.size() > 4 * max_name_length + 64 || find_invalid_utf8(name))
        throw RecordsError(
            fmt::format("a learner name must be valid UTF-8 text of at most {} characters", max_name_length));
    icu::UnicodeString s = nfc(from_utf8(name));
    int32_t begin = 0;
    int32_t end = s.length();
    while (begin < end && u_isUWhiteSpace(s.char32At(begin))) begin = s.moveIndex32(begin, 1);
    while (end > begin && u_isUWhiteSpace(s.char32At(s.moveIndex32(end, -1)))) end = s.moveIndex32(end, -1);
    return icu::UnicodeString(s, begin, end - begin);
}

// "U+202E RIGHT-TO-LEFT OVERRIDE", or just "U+E000" for a code point without a name.
std::string named(UChar32 c) {
    std::string out = code_point_name(static_cast<char32_t>(c));
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_SUCCESS(status) && n > 0 && n < static_cast<int32_t>(sizeof name))
        out += " " + std::string(name, static_cast<std::size_t>(n));
    return out;
}

// Why `c` may not be in a name, or nullptr. A name is read by people (in the
// player, in a trainer's report) and compared by its letters: what cannot be
// seen, or changes how the text around it is shown, would let two learners
// look the same or one name pass for another.
const char* why_not_in_name(UChar32 c) {
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_CONTROL_CHAR) return "control characters (tabs, line breaks, terminal escapes)";
    if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) return "characters that reorder the text around them";
    if (type == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        return "invisible characters (two names would look the same)";
    if (type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) return "line breaks";
    if (u_hasBinaryProperty(c, UCHAR_NONCHARACTER_CODE_POINT)) return "noncharacters";
    if (type == U_UNASSIGNED) return "code points Unicode has not assigned";
    if (type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) return "private-use characters";
    return nullptr;
}

bool is_mark(UChar32 c) {
    const auto type = static_cast<UCharCategory>(u_charType(c));
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

}  // namespace

std::string tidy_name(std::string_view name) {
    const icu::UnicodeString s = trimmed_nfc(name);
    if (s.isEmpty()) throw RecordsError("a learner name cannot be empty");
    if (s.countChar32() > max_name_length)
        throw RecordsError(fmt::format("a learner name has at most {} characters", max_name_length));
    if (is_mark(s.char32At(0)))
        throw RecordsError(
            fmt::format("a learner name cannot begin with {}, a mark that joins what is before it",
                        named(s.char32At(0))));
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const UChar32 c = s.char32At(i);
        if (const char* why = why_not_in_name(c))
            throw RecordsError(fmt::format("a learner name cannot hold {} ({} found)", why, named(c)));
    }
    return to_utf8(s);
}

std::string lookup_name(std::string_view name) { return to_utf8(trimmed_nfc(name)); }

std::string name_key(std::string_view tidy) {
    icu::UnicodeString s = nfc(from_utf8(tidy));
    s.foldCase(U_FOLD_CASE_DEFAULT);
    return to_utf8(nfc(s));
}

}  // namespace lektion
