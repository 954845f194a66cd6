#include "sample_course.hpp"

#include <fstream>
#include <random>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <stb_image_write.h>

namespace lektion::test {

namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// A single-choice question whose first option is right, or a multiple-response one whose first and third are.
std::string question(const std::string& id, const std::string& prompt, bool multiple = false) {
    return fmt::format(R"(
    <question id="{0}" type="{2}">
      <prompt id="{0}.prompt">{1}</prompt>
      <option id="{0}.a" correct="true"><label id="{0}.a.label">Rigtigt svar</label></option>
      <option id="{0}.b"><label id="{0}.b.label">Forkert svar</label></option>
      <option id="{0}.c"{3}><label id="{0}.c.label">Tredje svar</label></option>
      <explanation id="{0}.explanation">Forklaringen.</explanation>
    </question>)",
                       id, prompt, multiple ? "multiple" : "single", multiple ? R"( correct="true")" : "");
}

}  // namespace

std::string SampleCourse::long_heading() {
    std::string h = "Et meget langt afsnit";
    while (h.size() < 190) h += " om figurer og farver";
    h += " ";
    h += long_heading_last_word;
    return h;
}

void SampleCourse::write_png(const fs::path& file, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const Rgb c = x < width / 2 ? figure_left : figure_right;
            unsigned char* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 3];
            p[0] = static_cast<unsigned char>(c.r), p[1] = static_cast<unsigned char>(c.g),
            p[2] = static_cast<unsigned char>(c.b);
        }
    fs::create_directories(file.parent_path());
    if (!stbi_write_png(file.c_str(), width, height, 3, pixels.data(), width * 3))
        throw std::runtime_error("could not write " + file.string());
}

SampleCourse::SampleCourse() {
    dir_ = fs::temp_directory_path() / fmt::format("lektion-sample-{:x}", std::random_device{}());
    write(dir_ / "course.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<course id="figurkursus" version="2.1" lang="da" ordered="false" quiz-after-lessons="false">
  <title id="course.title">Figurer og citater</title>
  <description id="course.description">Et lille kursus til afprøvning.</description>
  <start>
    <section id="start.s1">
      <heading id="start.s1.h">Velkommen</heading>
      <p id="start.s1.p1">Startsidens tekst.</p>
    </section>
  </start>
  <credits><p id="credits.p1">Skrevet til afprøvning.</p></credits>
  <disclaimer><p id="disclaimer.p1">Ansvarsfraskrivelsen.</p></disclaimer>
  <lessons>
    <lesson href="l1.xml"/>
    <lesson href="l2.xml"/>
  </lessons>
  <quiz href="quiz.xml"/>
</course>
)");
    write(dir_ / "l1.xml", fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<lesson id="l1">
  <title id="l1.title">Lektion 1: Figurer</title>
  <section id="l1.s1">
    <heading id="l1.s1.h">Et billede</heading>
    <p id="l1.s1.p1">Her er et billede.</p>
    <figure src="img/figur.png">
      <alt id="l1.s1.f1.alt">En lyserød og en blågrøn flade side om side</alt>
      <caption id="l1.s1.f1.caption">Figur 1: To farver.</caption>
    </figure>
  </section>
  <section id="l1.s2">
    <heading id="l1.s2.h">{}</heading>
    <p id="l1.s2.p1">Et afsnit med en lang overskrift.</p>
  </section>
  <check>{}
  </check>
</lesson>
)",
                                       long_heading(), question("l1.check", "Hvad viser billedet?")));
    write(dir_ / "l2.xml", fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<lesson id="l2">
  <title id="l2.title">Lektion 2: Citater</title>
  <section id="l2.s1">
    <heading id="l2.s1.h">Et citat</heading>
    <quote id="l2.s1.q1">»Arbejdsglæde smitter.«</quote>
  </section>
  <section id="l2.s2">
    <heading id="l2.s2.h">Endnu et billede</heading>
    <figure src="img/figur.png">
      <alt id="l2.s2.f1.alt">De samme to flader</alt>
      <caption id="l2.s2.f1.caption">Figur 2: Igen.</caption>
    </figure>
  </section>
  <check>{}
  </check>
</lesson>
)",
                                       question("l2.check", "Hvad smitter?")));
    write(dir_ / "quiz.xml", fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz id="quiz" pass-mark="50" attempts="1" shuffle="false">
  <title id="quiz.title">Slutquiz</title>
  <p id="quiz.p1">Quizzens introduktion.</p>{}{}
</quiz>
)",
                                         question("quiz.q1", "Første spørgsmål?"),
                                         question("quiz.q2", "Andet spørgsmål, med flere svar?", true)));
    write_png(figure(), figure_width, figure_height);
}

SampleCourse::~SampleCourse() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

}  // namespace lektion::test
