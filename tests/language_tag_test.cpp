// Language tags as users and files give them: only well-formed BCP 47 passes.
#include <catch2/catch.hpp>

#include "l10n/language_tag.hpp"

using namespace lektion;

TEST_CASE("well-formed BCP 47 tags pass") {
    for (const char* tag : {"da", "en", "pt-BR", "sr-Latn", "sr-Latn-RS", "zh-Hant-TW", "de-CH-1901", "gsw",
                            "es-419", "en-GB-oxendict"})
        CHECK(valid_language_tag(tag));
}

TEST_CASE("anything else is refused") {
    for (const char* tag :
         {"", "x", "en_US", "../da", "da-", "-da", "da--DK", "d a", "da\x1b", "dansk-DK-x", "en-a", "123",
          "english", "dansk", "toolongsubtag-DK", "da-DK-DK-DK-DK-DK-DK-DK-DK-DK-DK-DK-DK-DK"})
        CHECK_FALSE(valid_language_tag(tag));
    CHECK_FALSE(valid_language_tag(std::string(100, 'a')));
}

TEST_CASE("tags are normalised to BCP 47 case") {
    CHECK(normalize_language_tag("PT_br") == "pt-BR");
    CHECK(normalize_language_tag("sr-latn") == "sr-Latn");
    CHECK(same_language("pt-BR", "PT-br"));
}

TEST_CASE("a wrong tag gets the one that was probably meant") {
    CHECK(suggest_language_tag("english") == "en");
    CHECK(suggest_language_tag("Dansk") == "da");
    CHECK(suggest_language_tag("danish") == "da");
    CHECK(suggest_language_tag("polski") == "pl");
    CHECK(suggest_language_tag("pt_BR") == "pt-BR");
    CHECK(suggest_language_tag("klingonish").empty());
    CHECK(suggest_language_tag("").empty());
}
