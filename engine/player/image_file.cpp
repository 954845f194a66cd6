#include "player/image_file.hpp"

#include <cstring>

#include <stb_image.h>

#include "base/read_bounded.hpp"
#include "load/image_probe.hpp"  // ImageLimits

namespace lektion::ui {

std::optional<Image> load_image(const std::filesystem::path& file, std::string& error) {
    const ImageLimits limits;  // image_probe's, which lint applied
    // read_bounded refuses folders, FIFOs and devices, and files over the limit, without reading them.
    const std::optional<std::string> bytes = read_bounded(file, limits.max_bytes, error);
    if (!bytes) return std::nullopt;
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes->data());
    const int size = static_cast<int>(bytes->size());
    const bool png = bytes->size() >= 8 && std::memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0;
    const bool jpeg = bytes->size() >= 3 && std::memcmp(data, "\xFF\xD8\xFF", 3) == 0;
    if (!png && !jpeg) {
        error = "is not a PNG or JPEG image";
        return std::nullopt;
    }
    // The dimensions from the header before decoding: a changed file must not make the decoder
    // allocate gigabytes.
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, size, &w, &h, &channels) || w <= 0 || h <= 0 || w > limits.max_side ||
        h > limits.max_side) {
        error = "is damaged or larger than a figure may be";
        return std::nullopt;
    }
    stbi_uc* pixels = stbi_load_from_memory(data, size, &w, &h, &channels, 4);
    if (!pixels) {
        error = std::string("could not be decoded (") + stbi_failure_reason() + ")";
        return std::nullopt;
    }
    Image image;
    image.width = w;
    image.height = h;
    image.rgba.assign(pixels, pixels + static_cast<std::size_t>(w) * h * 4);
    stbi_image_free(pixels);
    return image;
}

Image halve(const Image& in) {
    Image out;
    out.width = (in.width + 1) / 2;
    out.height = (in.height + 1) / 2;
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            for (int c = 0; c < 4; ++c) {
                unsigned sum = 0, n = 0;
                for (int dy = 0; dy < 2; ++dy)
                    for (int dx = 0; dx < 2; ++dx) {
                        const int sx = 2 * x + dx, sy = 2 * y + dy;
                        if (sx >= in.width || sy >= in.height) continue;
                        sum += in.rgba[(static_cast<std::size_t>(sy) * in.width + sx) * 4 + c];
                        ++n;
                    }
                out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4 + c] =
                    static_cast<unsigned char>((sum + n / 2) / n);
            }
    return out;
}

}  // namespace lektion::ui
