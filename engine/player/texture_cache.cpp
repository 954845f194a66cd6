#include "player/texture_cache.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>

#include <fmt/format.h>

namespace lektion::ui {

FigureTextures::FigureTextures(std::unique_ptr<TextureBackend> backend) : backend_(std::move(backend)) {
    IM_ASSERT(backend_ && "FigureTextures needs a backend");
}

FigureTextures::~FigureTextures() {
    for (auto& [key, e] : entries_) release(e);
    for (Entry& e : forgotten_) release(e);
}

void FigureTextures::release(Entry& e) {
    if (e.texture.id) backend_->release(e.texture.id);
    e.texture.id = nullptr;
}

const FigureTexture& FigureTextures::get(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    const auto time = std::filesystem::last_write_time(file, ec);
    const std::string key =
        fmt::format("{}\n{}\n{}", file.string(), ec ? 0 : size, ec ? 0 : time.time_since_epoch().count());
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        Entry e;
        std::string error;
        if (std::optional<Image> image = load_image(file, error)) {
            e.texture.width = image->width;
            e.texture.height = image->height;
            e.texture.id = backend_->upload(*image);
            if (!e.texture.id) e.texture.error = "could not be uploaded to the graphics card";
        } else {
            // Kept, failed, while shown: the file is not read again every frame.
            e.texture.error = error;
        }
        it = entries_.emplace(key, std::move(e)).first;
    }
    it->second.used = frame_;
    return it->second.texture;
}

void FigureTextures::end_frame() {
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->second.used == frame_) {
            ++it;
            continue;
        }
        release(it->second);
        it = entries_.erase(it);
    }
    // Forgotten textures the frame built now still uses go after the next one.
    std::erase_if(forgotten_, [&](Entry& e) {
        if (e.used == frame_) return false;
        release(e);
        return true;
    });
    ++frame_;
}

void FigureTextures::forget_all() {
    for (auto& [key, e] : entries_) forgotten_.push_back(std::move(e));
    entries_.clear();
}

std::size_t FigureTextures::live() const {
    std::size_t n = 0;
    for (const Entry& e : forgotten_) n += e.texture.id ? 1 : 0;
    for (const auto& [key, e] : entries_) n += e.texture.id ? 1 : 0;
    return n;
}

ImVec2 fit_figure(int width, int height, float column, float max_height, float content_scale) {
    IM_ASSERT(width > 0 && height > 0 && "fit_figure: an image has pixels");
    const float aspect = static_cast<float>(height) / static_cast<float>(width);
    float w = std::min(column, static_cast<float>(width) * std::max(content_scale, 1.0f) * max_upscale);
    if (max_height > 0 && w * aspect > max_height) w = max_height / aspect;
    w = std::max(1.0f, std::floor(w));
    return {w, std::max(1.0f, std::round(w * aspect))};
}

}  // namespace lektion::ui
