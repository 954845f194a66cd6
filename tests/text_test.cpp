// Text hygiene: UTF-8 validation, NFC, and white-space collapsing.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "course/text.hpp"

using namespace lektion;

namespace {

Text text_of(std::initializer_list<Span> spans) {
    Text t;
    t.spans = spans;
    return t;
}

}  // namespace

TEST_CASE("every code point the NFC fast path lets through is NFC by itself and never combines") {
    int checked = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (!stays_nfc_for_test(c)) continue;
        ++checked;
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        REQUIRE(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) == UNORM_YES);
        REQUIRE(u_getCombiningClass(static_cast<UChar32>(c)) == 0);
    }
    CHECK(checked == 0x300 + (0x20CF - 0x2002 + 1));
    CHECK_FALSE(stays_nfc_for_test(0x2000));  // canonical singleton: U+2002
    CHECK_FALSE(stays_nfc_for_test(0x0301));  // combining acute
}

TEST_CASE("normalize_nfc composes what the fast path cannot vouch for") {
    std::string decomposed = "a\xCC\x8A";  // a + combining ring above
    normalize_nfc(decomposed);
    CHECK(decomposed == "\xC3\xA5");    // å
    std::string quad = "\xE2\x80\x80";  // U+2000 EN QUAD -> U+2002 EN SPACE
    normalize_nfc(quad);
    CHECK(quad == "\xE2\x80\x82");
    std::string danish = "Kære “læser” – 85\xC2\xA0%";
    const std::string before = danish;
    normalize_nfc(danish);
    CHECK(danish == before);
}

TEST_CASE("tidy collapses white space across spans, trims, merges equal emphasis") {
    Text t = text_of({{"  Et \n\t godt ", plain}, {" råd ", bold}, {" til", plain}, {"  dig  ", plain}});
    tidy(t);
    REQUIRE(t.spans.size() == 3);
    CHECK(t.spans[0].text == "Et godt");  // a space goes with the word after it
    CHECK(t.spans[1].text == " råd");
    CHECK(t.spans[1].emphasis == bold);
    CHECK(t.spans[2].text == " til dig");
    CHECK(t.plain() == "Et godt råd til dig");
}

TEST_CASE("tidy makes room for a space carried into a span that starts with a word") {
    Text t = text_of({{"Bå ", plain}, {"fed", bold}, {" og", plain}});
    tidy(t);
    REQUIRE(t.spans.size() == 3);
    CHECK(t.spans[1].text == " fed");
    CHECK(t.plain() == "Bå fed og");
}

TEST_CASE("tidy keeps a no-break space and drops spans that hold only space") {
    Text t = text_of({{"85\xC2\xA0%", plain}, {"   ", italic}, {" mere", plain}});
    tidy(t);
    REQUIRE(t.spans.size() == 1);
    CHECK(t.spans[0].text == "85\xC2\xA0% mere");
    Text blank = text_of({{" \n ", plain}});
    tidy(blank);
    CHECK(blank.spans.empty());
}

TEST_CASE("find_invalid_utf8 points at the first bad byte") {
    CHECK_FALSE(find_invalid_utf8("plain ASCII text that is longer than eight bytes"));
    CHECK_FALSE(find_invalid_utf8("æøå – “”"));
    CHECK(find_invalid_utf8("abcdefghij\xC3") == 10u);        // truncated
    CHECK(find_invalid_utf8("ab\xC0\xAF") == 2u);             // overlong '/'
    CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2u);         // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);       // past U+10FFFF
    CHECK(find_invalid_utf8("0123456789abcdef\xFF") == 16u);  // stray byte after the fast path
}
