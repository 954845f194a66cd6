// Read aloud's core: what is handed to eSpeak NG, in which language and
// order, what eSpeak NG makes of it, and that stopping leaks nothing.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "load/translation.hpp"
#include "speech/normalize.hpp"
#include "speech/speech.hpp"

using namespace lektion;
using namespace lektion::speech;

namespace {

const std::filesystem::path bundled =
    std::filesystem::path(LEKTION_SOURCE_DIR) / "content/karriereplanlaegning";

// One Speech at a time in a process: this one, which the stop test replaces.
std::unique_ptr<Speech>& shared() {
    static std::unique_ptr<Speech> s;
    return s;
}
Speech& engine() {
    if (!shared()) shared() = std::make_unique<Speech>();
    return *shared();
}

}  // namespace

TEST_CASE("a range between numbers is read with the language's word", "[speech]") {
    CHECK(speakable("2016–2022", "da").text == "2016 til 2022");
    CHECK(speakable("fra 2016 – 2022.", "da").text == "fra 2016 til 2022.");
    CHECK(speakable("2016–2022", "en-GB").text == "2016 to 2022");
    CHECK(speakable("2016–2022", "de").text == "2016 bis 2022");
    // Not between numbers: a dash, left alone.
    CHECK(speakable("Rigtigt – det er", "da").text == "Rigtigt – det er");
    CHECK(speakable("2016-05-01", "da").text == "2016-05-01");
    // eSpeak NG reads a percent sign right: left alone.
    CHECK(speakable("85\u00a0%", "da").text == "85\u00a0%");
    // Finnish has no word for it (case endings): the dash stays.
    CHECK(speakable("2016–2022", "fi").text == "2016–2022");
    // Offsets after the replacement lead back into the source.
    const Speakable s = speakable("år 2016–2022 og 85 %", "da");
    const std::size_t og = s.text.find("og");
    CHECK(s.source_offset(og) == std::string("år 2016–2022 og 85 %").find("og"));
    CHECK(s.source_offset(0) == 0);
    // Inside the word put in: where the dash (and its spaces) were.
    CHECK(s.source_offset(s.text.find("til")) == std::string("år 2016").size());
}

TEST_CASE("eSpeak NG says the Danish and English numbers as they are meant", "[speech]") {
    // eSpeak NG's phonemes: "procent" pRos'End, "til" t?el; "percent" p3s'Ent, "to" t@.
    CHECK_THAT(engine().phonemes(speakable("85\u00a0%", "da").text, "da"), Catch::Contains("pRos'End"));
    const std::string range = engine().phonemes(speakable("2016–2022", "da").text, "da");
    CHECK_THAT(range, Catch::Contains("t?el"));
    // Without the word eSpeak NG says "2016 2022": what the normalisation is for.
    CHECK_THAT(engine().phonemes("2016–2022", "da"), !Catch::Contains("t?el"));
    CHECK_THAT(engine().phonemes(speakable("85 %", "en").text, "en"), Catch::Contains("p3s'Ent"));
    CHECK_THAT(engine().phonemes(speakable("2016–2022", "en").text, "en"), Catch::Contains(" t@ "));
}

TEST_CASE("a voice for each of the 24 interface languages, or the missing ones listed", "[speech]") {
    // The interface's languages are its catalogs.
    std::vector<std::string> languages;
    for (const auto& f :
         std::filesystem::directory_iterator(std::filesystem::path(LEKTION_SOURCE_DIR) / "locales"))
        if (f.path().extension() == ".xlf") languages.push_back(f.path().stem().string());
    std::sort(languages.begin(), languages.end());
    REQUIRE(languages.size() == 24);
    // What the data package holds, read from its files: lang/<family>/<code>[-<region>].
    std::vector<std::string> in_package;
    for (const auto& f :
         std::filesystem::recursive_directory_iterator(std::filesystem::path(ESPEAK_DATA) / "lang"))
        if (f.is_regular_file()) {
            std::string name = f.path().filename().string();
            in_package.push_back(name.substr(0, name.find('-')));
        }
    std::vector<std::string> missing, lacking;
    for (const std::string& l : languages) {
        if (engine().voice_for(l).empty()) missing.push_back(l);
        if (std::find(in_package.begin(), in_package.end(), l) == in_package.end()) lacking.push_back(l);
    }
    INFO("interface languages without a voice: " << Catch::Detail::stringify(missing));
    CHECK(missing == lacking);
    CHECK(engine().voice_for("xx").empty());
    CHECK_FALSE(engine().voice_for("en-GB").empty());
}

TEST_CASE("an untranslated text is read in the course's language", "[speech]") {
    const LoadResult loaded = load_course(bundled, "en");
    REQUIRE(loaded.course);
    Section section = loaded.course->lessons.at(0).sections.at(0);
    section.heading.untranslated = true;  // as the loader marks a unit the translation lacks
    const auto utterances = section_utterances(section, *loaded.course, "en");
    REQUIRE(utterances.size() >= 2);
    CHECK(utterances[0].lang == "da");
    CHECK(utterances[1].lang == "en");
    CHECK(utterances[0].key == section.heading.id);
}

TEST_CASE("a question is read with its options in the order shown", "[speech]") {
    const LoadResult loaded = load_course(bundled, "");
    REQUIRE(loaded.course);
    const Question* q = loaded.course->question("l1.check");
    REQUIRE(q);
    REQUIRE(q->options.size() >= 3);
    // Shuffled as the quiz may show them: that order, not the authored one.
    const std::vector<std::string> order{q->options[2].id, q->options[0].id, q->options[1].id};
    const auto utterances = question_utterances(*q, *loaded.course, "da", order);
    REQUIRE(utterances.size() == 1 + q->options.size());
    CHECK(utterances[0].text == q->prompt.plain());
    CHECK(utterances[1].text == q->options[2].label.plain());
    CHECK(utterances[2].text == q->options[0].label.plain());
    CHECK(utterances[3].text == q->options[1].label.plain());
    const Audio audio = engine().render(utterances, default_rate);
    // What the synthesiser was handed, in that order.
    REQUIRE(audio.spoken.size() == utterances.size());
    for (std::size_t i = 0; i < utterances.size(); ++i) CHECK(audio.spoken[i] == utterances[i].text);
    // Its sentences come in that order, each later in the audio than the one before.
    std::vector<std::size_t> order_spoken;
    std::size_t last_sample = 0;
    for (const Event& e : audio.events) {
        if (e.kind != Event::Kind::sentence) continue;
        if (order_spoken.empty() || order_spoken.back() != e.utterance) order_spoken.push_back(e.utterance);
        CHECK(e.sample >= last_sample);
        last_sample = e.sample;
        CHECK(e.end > e.begin);
        CHECK(e.end <= utterances[e.utterance].text.size());
    }
    CHECK(order_spoken == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(last_sample < audio.samples.size());
}

TEST_CASE("sentence events give the sentence's bytes", "[speech]") {
    const std::string text = "Første sætning om 85 % af SMV’erne. Anden sætning, 2016–2022. Tredje.";
    const Audio audio = engine().render({{"k", text, "da"}}, default_rate);
    std::vector<std::string> sentences;
    for (const Event& e : audio.events)
        if (e.kind == Event::Kind::sentence) sentences.push_back(text.substr(e.begin, e.end - e.begin));
    CHECK(sentences == std::vector<std::string>{"Første sætning om 85 % af SMV’erne.",
                                                "Anden sætning, 2016–2022.", "Tredje."});
}

TEST_CASE("stopping and starting again, many times, leaves nothing behind", "[speech]") {
    const LoadResult loaded = load_course(bundled, "");
    REQUIRE(loaded.course);
    const auto utterances =
        section_utterances(loaded.course->lessons.at(0).sections.at(1), *loaded.course, "da");
    engine();                // one reader (when this case runs alone, as ctest runs it)
    CHECK_THROWS(Speech());  // eSpeak NG is one per process: a second is refused, not corrupted
    for (int round = 0; round < 3; ++round) {
        shared().reset();  // the thread joined; a new Speech below starts another
        Speech& s = engine();
        s.set_null_output(true);
        for (int i = 0; i < 6; ++i) {
            s.speak(utterances, max_rate);
            // Mid-sentence: once a sentence is being read.
            for (int wait = 0; wait < 1000 && s.status().end == 0; ++wait)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            CHECK(s.status().state == State::speaking);
            CHECK(s.status().key == utterances[0].key);
            s.stop();
            CHECK(s.status().state == State::idle);
        }
        s.speak(utterances, max_rate);  // destroyed while reading, on the next round
    }
}
