// Text hygiene: UTF-8 validation, NFC, and white-space collapsing.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <random>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
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
        if (!stays_nfc(c)) continue;
        ++checked;
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        REQUIRE(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) == UNORM_YES);
        REQUIRE(u_getCombiningClass(static_cast<UChar32>(c)) == 0);
    }
    CHECK(checked == 0x300 + (0x20CF - 0x2002 + 1));
    CHECK_FALSE(stays_nfc(0x2000));  // canonical singleton: U+2002
    CHECK_FALSE(stays_nfc(0x0301));  // combining acute
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

namespace {

// tidy written the plain way, a character at a time, with ICU for NFC.
Text reference_tidy(Text text) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    bool pending = false, at_start = true;
    std::vector<Span> kept;
    for (Span& span : text.spans) {
        std::string out;
        for (char c : span.text) {
            if (space(c)) {
                pending = !at_start;
                continue;
            }
            if (pending) out += ' ';
            pending = false;
            at_start = false;
            out += c;
        }
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString nfc =
            icu::Normalizer2::getNFCInstance(status)->normalize(icu::UnicodeString::fromUTF8(out), status);
        out.clear();
        nfc.toUTF8String(out);
        if (out.empty()) continue;
        if (!kept.empty() && kept.back().emphasis == span.emphasis) kept.back().text += out;
        else kept.push_back({out, span.emphasis});
    }
    text.spans = kept;
    return text;
}

}  // namespace

TEST_CASE("tidy agrees with a plain reference on 20 000 random texts") {
    // Pieces that exercise the eight-byte runs, spaces carried between spans,
    // letters that are NFC, and ones that need composing.
    const std::vector<std::string> pieces = {
        " ",   "  ", "\n      ", "\t",      "\r\n",    "a",      "ord",       "karriere",
        "æøå", "’",  "–",        "a\u030A", "e\u0301", "\u2000", "85\u00A0%", "abcdefghijklmnop"};
    std::mt19937 rng(20261127);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
    std::uniform_int_distribution<int> count(0, 12), spans(1, 4), emphasis(0, 3);
    for (int round = 0; round < 20'000; ++round) {
        Text t;
        for (int s = spans(rng); s > 0; --s) {
            Span span{std::string(), static_cast<std::uint8_t>(emphasis(rng))};
            for (int n = count(rng); n > 0; --n) span.text += pieces[piece(rng)];
            t.spans.push_back(span);
        }
        const Text expected = reference_tidy(t);
        tidy(t);
        INFO("round " << round);
        REQUIRE(same_text(t, expected));
    }
}

TEST_CASE("find_control_character agrees with a byte-by-byte reference on 20 000 random texts") {
    // The vector loop takes sixteen bytes at a time: controls at every offset
    // around its edges, and 0xC2 leads split across them.
    auto reference = [](std::string_view s) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
            if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                static_cast<unsigned char>(s[i + 1]) <= 0x9F)
                return i;
        }
        return std::nullopt;
    };
    const char alphabet[] = {'a',    ' ',    '\n',   '\t',   '\r',   '\x01', '\x1b',
                             '\x7f', '\xc2', '\x85', '\xa0', '\x9f', '\0'};
    std::mt19937 rng(20261130);
    for (int round = 0; round < 20000; ++round) {
        std::string s(rng() % 70, 'a');
        // Mostly letters, a few of the others: the vector loop must run.
        for (char& c : s)
            if (rng() % 8 == 0) c = alphabet[rng() % sizeof alphabet];
        INFO("round " << round);
        const auto found = find_control_character(s);
        const auto want = reference(s);
        REQUIRE(found.has_value() == want.has_value());
        if (found) CHECK(found->offset == *want);
    }
}
