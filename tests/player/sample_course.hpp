// A small course for the players' tests, written into a temporary folder:
// a figure (a PNG made at test time with stb_image_write, so that no binary
// is committed), a quotation, a 200-character heading, two lessons and a
// quiz of two questions (the second a multiple-response one, whose first and
// third options are right; the first option is right everywhere else) with one attempt.
#pragma once

#include <filesystem>
#include <string>

namespace lektion::test {

// The figure: 360×180 pixels, its left half magenta and its right half teal,
// colours no theme uses, so that a screenshot shows where it was drawn.
struct Rgb {
    int r, g, b;
};
inline constexpr int figure_width = 360, figure_height = 180;
inline constexpr Rgb figure_left{255, 0, 200}, figure_right{0, 160, 160};

// The last word of the long heading of lesson 1's second section.
inline constexpr const char* long_heading_last_word = "Slutordet";

class SampleCourse {
public:
    SampleCourse();
    ~SampleCourse();
    SampleCourse(const SampleCourse&) = delete;
    SampleCourse& operator=(const SampleCourse&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path figure() const { return dir_ / "img" / "figur.png"; }
    static std::string long_heading();

    // Writes a PNG of the given size in the figure's two colours.
    static void write_png(const std::filesystem::path& file, int width, int height);

private:
    std::filesystem::path dir_;
};

}  // namespace lektion::test
