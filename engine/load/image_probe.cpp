#include "load/image_probe.hpp"

#include <cstdint>
#include <cstring>

#include <fmt/format.h>
#include <stb_image.h>

#include "base/read_bounded.hpp"

namespace lektion {

ImageProbe probe_image(const std::filesystem::path& file, const ImageLimits& limits) {
    ImageProbe p;
    std::string error;
    // read_bounded refuses folders, FIFOs and devices without waiting on them.
    const std::optional<std::string> bytes = read_bounded(file, limits.max_bytes, error);
    if (!bytes) {
        p.error = error;
        return p;
    }
    const std::string& b = *bytes;
    if (b.size() >= 8 && std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) == 0) p.format = "PNG";
    else if (b.size() >= 3 && std::memcmp(b.data(), "\xFF\xD8\xFF", 3) == 0) p.format = "JPEG";
    else {
        p.error = "is not a PNG or JPEG image";
        return p;
    }
    // stb_image's probe refuses a PNG over 2^30 bytes decoded as "unknown
    // image type": read the size from IHDR first to say what is wrong.
    if (p.format == "PNG" && b.size() >= 24 && b.compare(12, 4, "IHDR") == 0) {
        auto be32 = [&](std::size_t at) {
            std::uint32_t v = 0;
            for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
            return v;
        };
        const std::uint32_t w = be32(16), h = be32(20);
        if (w > static_cast<std::uint32_t>(limits.max_side) ||
            h > static_cast<std::uint32_t>(limits.max_side)) {
            p.error = fmt::format("is {}×{} pixels; figures may be at most {}×{}", w, h, limits.max_side,
                                  limits.max_side);
            return p;
        }
    }
    int components = 0;
    if (!stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(b.data()), static_cast<int>(b.size()),
                               &p.width, &p.height, &components)) {
        p.error = fmt::format("is a damaged {} image ({})", p.format, stbi_failure_reason());
        return p;
    }
    if (p.width <= 0 || p.height <= 0 || p.width > limits.max_side || p.height > limits.max_side) {
        p.error = fmt::format("is {}×{} pixels; figures may be at most {}×{}", p.width, p.height,
                              limits.max_side, limits.max_side);
        return p;
    }
    p.ok = true;
    return p;
}

}  // namespace lektion
