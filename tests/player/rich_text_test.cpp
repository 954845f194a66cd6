// Line breaking: ICU's rules, the column's width, and a no-break space that holds.
#include <catch2/catch.hpp>

#include "l10n/strings.hpp"
#include "player/rich_text.hpp"

using namespace lektion;

namespace {

struct Atlas {
    ImGuiContext* context = ImGui::CreateContext();
    ui::Fonts fonts;
    Atlas() {
        std::string error;
        REQUIRE(ui::build_fonts(*ImGui::GetIO().Fonts, 19, fonts, error));
    }
    ~Atlas() { ImGui::DestroyContext(context); }
};

Text text_of(std::initializer_list<Span> spans) { return Text{std::string("t"), spans, false}; }

// The text of each line, in order.
std::vector<std::string> lines(const ui::Layout& l) {
    std::vector<std::string> out;
    float y = -1;
    for (const ui::Run& r : l.runs) {
        if (r.pos.y != y) out.emplace_back(), y = r.pos.y;
        out.back() += std::string(r.text) + "|";
    }
    return out;
}

}  // namespace

TEST_CASE("no line is wider than the column, whatever the words") {
    Atlas a;
    set_ui_language("da");
    const Text t = text_of({{"Karriereplanlægning er en strategisk proces, hvor en person identificerer "
                             "og definerer kort-, mellem- og langsigtede professionelle mål. ",
                             plain},
                            {"Supercalifragilisticexpialidociousagtigtlangtordudenbindestreger", bold},
                            {" og til sidst 85\u00A0% af alle.", italic}});
    for (float width : {120.0f, 200.0f, 333.0f, 640.0f}) {
        const ui::Layout l = ui::layout_text(a.fonts, t, width, 28);
        for (const ui::Run& r : l.runs) {
            const float w =
                r.font->CalcTextSizeA(r.font->FontSize, 1e9f, 0, r.text.data(), r.text.data() + r.text.size())
                    .x;
            CHECK(r.pos.x + w <= width + 0.5f);
        }
        CHECK(l.size.x <= width + 0.5f);
    }
}

TEST_CASE("a no-break space holds a number and its percent sign together") {
    Atlas a;
    set_ui_language("da");
    std::string words;
    for (int i = 0; i < 40; ++i) words += "ord ";
    const Text t = text_of({{words + "85\u00A0% af dem", plain}});
    for (float width = 100; width < 500; width += 7) {
        for (const std::string& line : lines(ui::layout_text(a.fonts, t, width, 28))) {
            INFO(line);
            CHECK(line.rfind("%", 0) != 0);  // never a line that starts with the % sign
        }
    }
}

TEST_CASE("a hyphenated compound breaks after its hyphen") {
    Atlas a;
    set_ui_language("da");
    const Text t = text_of({{"kort-, mellem- og langsigtede work-life-balance-initiativer", plain}});
    const float width =
        a.fonts.regular->CalcTextSizeA(19, 1e9f, 0, "kort-, mellem- og langsigtede work-").x + 2;
    const auto l = lines(ui::layout_text(a.fonts, t, width, 28));
    REQUIRE(l.size() >= 2);
    CHECK(l[0].find("work-") != std::string::npos);  // broken after the hyphen, not before the word
}

TEST_CASE("emphasis keeps its face across a line break") {
    Atlas a;
    const Text t = text_of({{"normal ", plain}, {"fed tekst over flere linjer her", bold}, {" slut", plain}});
    const ui::Layout l = ui::layout_text(a.fonts, t, 90, 28);
    int bold_runs = 0;
    for (const ui::Run& r : l.runs) bold_runs += r.font == a.fonts.bold;
    CHECK(bold_runs >= 2);
    CHECK(lines(l).size() >= 3);
}

TEST_CASE("a word of a hundred thousand letters is broken into lines that fit") {
    // The loader accepts it (limits_test); the player must draw it without
    // a line wider than the column and without hanging.
    Atlas a;
    set_ui_language("da");
    const std::string word(100'000, 'a');
    const ui::Layout l = ui::layout_text(a.fonts, text_of({{word, plain}}), 300, 28);
    std::size_t letters = 0;
    for (const ui::Run& r : l.runs) letters += r.text.size();
    CHECK(letters == word.size());
    CHECK(l.size.x <= 300.5f);
    CHECK(l.runs.size() > 100);
}

TEST_CASE("the layout cache is keyed by what a text says, not by where it lives") {
    Atlas a;
    set_ui_language("en");
    ui::LayoutCache cache;
    Text t = text_of({{"One two three", plain}});
    CHECK(lines(cache.get(a.fonts, t, 600, 28)) == std::vector<std::string>{"One|two|three|"});
    // Changed in place (a reload, a language): the same address, its own words.
    t.spans[0].text = "Four five";
    CHECK(lines(cache.get(a.fonts, t, 600, 28)) == std::vector<std::string>{"Four|five|"});
    // The same words elsewhere (a temporary built anew each frame) find the layout made before.
    const Text copy = t;
    const ui::Layout& again = cache.get(a.fonts, copy, 600, 28);
    CHECK(cache.size() == 2);
    CHECK(&again == &cache.get(a.fonts, t, 600, 28));
    // What the layout depends on besides the words makes another entry: the width, the emphasis,
    // the line breaking's language.
    cache.get(a.fonts, t, 300, 28);
    cache.get(a.fonts, text_of({{"Four five", bold}}), 600, 28);
    set_ui_language("da");
    cache.get(a.fonts, t, 600, 28);
    CHECK(cache.size() == 5);
    // The same bytes split into other spans are another text.
    cache.get(a.fonts, text_of({{"Four ", bold}, {"five", bold}}), 600, 28);
    CHECK(cache.size() == 6);
    cache.get(a.fonts, text_of({{"Four five", bold}}), 600, 28);
    CHECK(cache.size() == 7);
    cache.get(a.fonts, text_of({{"Four ", bold}, {"five", bold}}), 600, 28);
    CHECK(cache.size() == 7);
    cache.clear();
    CHECK(cache.size() == 0);
}
