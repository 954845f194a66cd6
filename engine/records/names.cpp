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
    if (U_FAILURE(status)) throw RecordsError("lektion: ICU has no NFC data; names cannot be compared");
    icu::UnicodeString out = n->normalize(s, status);
    if (U_FAILURE(status)) throw RecordsError("lektion: ICU could not normalize a name");
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

}  // namespace

std::string tidy_name(std::string_view name) {
    if (name.size() > 4 * max_name_length + 64 || find_invalid_utf8(name))
        throw RecordsError("lektion: a learner name must be valid UTF-8 text of at most 100 characters");
    icu::UnicodeString s = nfc(from_utf8(name));
    int32_t begin = 0;
    int32_t end = s.length();
    while (begin < end && u_isUWhiteSpace(s.char32At(begin))) begin = s.moveIndex32(begin, 1);
    while (end > begin && u_isUWhiteSpace(s.char32At(s.moveIndex32(end, -1)))) end = s.moveIndex32(end, -1);
    s = icu::UnicodeString(s, begin, end - begin);
    if (s.isEmpty()) throw RecordsError("lektion: a learner name cannot be empty");
    if (s.countChar32() > max_name_length)
        throw RecordsError(fmt::format("lektion: a learner name has at most {} characters", max_name_length));
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1))
        if (u_charType(s.char32At(i)) == U_CONTROL_CHAR)
            throw RecordsError("lektion: a learner name cannot hold control characters (tabs, line breaks)");
    return to_utf8(s);
}

std::string name_key(std::string_view tidy) {
    icu::UnicodeString s = nfc(from_utf8(tidy));
    s.foldCase(U_FOLD_CASE_DEFAULT);
    return to_utf8(nfc(s));
}

}  // namespace lektion
