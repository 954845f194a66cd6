// lektion speak as an author runs it: a WAV of a Danish and an English
// section, as long as its words take at the rate asked, and not silence.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "course/text.hpp"
#include "load/translation.hpp"
#include "speech/course_text.hpp"

using namespace lektion;

namespace {

struct Wav {
    int channels = 0, rate = 0, bits = 0;
    std::vector<std::int16_t> samples;
};

std::uint32_t le(const std::string& b, std::size_t at, int n) {
    std::uint32_t v = 0;
    for (int i = n - 1; i >= 0; --i)
        v = v << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}

Wav read_wav(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string b = ss.str();
    REQUIRE(b.size() >= 44);
    REQUIRE(b.substr(0, 4) == "RIFF");
    REQUIRE(b.substr(8, 8) == "WAVEfmt ");
    REQUIRE(le(b, 20, 2) == 1);  // PCM
    Wav w;
    w.channels = static_cast<int>(le(b, 22, 2));
    w.rate = static_cast<int>(le(b, 24, 4));
    w.bits = static_cast<int>(le(b, 34, 2));
    REQUIRE(b.substr(36, 4) == "data");
    const std::size_t size = le(b, 40, 4);
    REQUIRE(b.size() == 44 + size);
    for (std::size_t i = 44; i + 1 < b.size(); i += 2)
        w.samples.push_back(static_cast<std::int16_t>(le(b, i, 2)));
    return w;
}

int words(const std::vector<speech::Utterance>& utterances) {
    int n = 0;
    for (const auto& u : utterances) n += count_words(Text{"", {{u.text, plain}}, false});
    return n;
}

void check_section(const std::string& lang, const std::string& section, int rate) {
    const std::filesystem::path course =
        std::filesystem::path(LEKTION_SOURCE_DIR) / "content/karriereplanlaegning";
    const std::filesystem::path out = std::filesystem::path(WORK_DIR) / ("speak-" + lang + ".wav");
    std::filesystem::remove(out);
    const std::string command = std::string(LEKTION_BINARY) + " speak '" + course.string() + "' --section " +
                                section + " --lang " + lang + " --rate " + std::to_string(rate) + " -o '" +
                                out.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    const Wav w = read_wav(out);
    CHECK(w.channels == 1);
    CHECK(w.bits == 16);
    CHECK(w.rate == 22050);  // eSpeak NG's
    const LoadResult loaded = load_course(course, lang);
    REQUIRE(loaded.course);
    const Section* s = nullptr;
    for (const Section& candidate : loaded.course->lessons.at(0).sections)
        if (candidate.id == section) s = &candidate;
    REQUIRE(s);
    const int n = words(speech::section_utterances(*s, *loaded.course, lang));
    const double seconds = static_cast<double>(w.samples.size()) / w.rate;
    const double expected = n * 60.0 / rate;
    INFO(lang << ": " << n << " words at " << rate << " a minute: " << seconds << " s, expected "
              << expected);
    CHECK(seconds > expected * 0.7);
    CHECK(seconds < expected * 1.3);
    double sum = 0;
    for (std::int16_t v : w.samples) sum += static_cast<double>(v) * v;
    const double rms = std::sqrt(sum / static_cast<double>(w.samples.size()));
    INFO("RMS " << rms);
    CHECK(rms > 500);  // of 32767: speech, not silence (eSpeak NG's speech is around 2000–4000)
}

}  // namespace

TEST_CASE("lektion speak writes a Danish section as WAV", "[speech][cli]") {
    check_section("da", "l1.s1", 175);
}

TEST_CASE("lektion speak writes an English section as WAV, at another rate", "[speech][cli]") {
    check_section("en", "l1.s1", 220);
}
