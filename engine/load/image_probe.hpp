// What lint and the loader may know of a figure without decoding it: that it
// is a regular file of bounded size whose header is a PNG or JPEG of bounded
// dimensions (stb_image's header probe, from Debian's libstb).
#pragma once

#include <filesystem>
#include <string>

#include "base/limits.hpp"

namespace lektion {

struct ImageLimits {
    std::size_t max_bytes = limits::figure_bytes;
    int max_side = 8192;  // pixels; 8192² RGBA is 256 MiB decoded
};

struct ImageProbe {
    bool ok = false;
    int width = 0, height = 0;
    std::string format;  // "PNG", "JPEG"
    std::string error;   // when !ok: why, in words for a file:line:col message
};

ImageProbe probe_image(const std::filesystem::path& file, const ImageLimits& limits = {});

}  // namespace lektion
