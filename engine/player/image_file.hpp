// A figure's pixels: a PNG or JPEG file decoded with stb_image (Debian's
// libstb) into 8-bit RGBA. Lint checked the file when the course loaded, but
// it may have changed since: everything is checked again here, and a file
// that fails is drawn as its alt text instead.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lektion::ui {

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;  // width * height * 4 bytes, rows top to bottom
};

// The image, or nullopt with a reason: not a regular file of at most 16 MiB,
// not a PNG or JPEG, damaged, or larger than 8192×8192 pixels (image_probe's limits).
std::optional<Image> load_image(const std::filesystem::path& file, std::string& error);

// Half the size each way (rounded up), each pixel the mean of the two by two
// it replaces: for a graphics card whose largest texture is smaller than the image.
Image halve(const Image& image);

}  // namespace lektion::ui
