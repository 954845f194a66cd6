// Figures' textures: each image uploaded once while it is shown, and freed
// as soon as a frame no longer draws it (the learner turned the page, went
// home, or the course reloaded). The upload itself is behind TextureBackend:
// OpenGL in the window (gl_textures.hpp), a counting fake in the headless tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "player/image_file.hpp"

namespace lektion::ui {

class TextureBackend {
public:
    virtual ~TextureBackend() = default;
    // The texture of `image`'s pixels; null when it cannot be made (the figure then shows its alt text).
    virtual ImTextureID upload(const Image& image) = 0;
    virtual void release(ImTextureID texture) = 0;
};

struct FigureTexture {
    ImTextureID id = nullptr;  // null: the file could not be loaded or uploaded
    int width = 0, height = 0;
    std::string error;  // why not, when id is null
};

// One per graphics context: textures belong to the context that made them.
class FigureTextures {
public:
    explicit FigureTextures(std::unique_ptr<TextureBackend> backend);
    ~FigureTextures();  // releases every texture: the backend's context must still be current
    FigureTextures(const FigureTextures&) = delete;
    FigureTextures& operator=(const FigureTextures&) = delete;

    // The image in `file`, decoded and uploaded the first time it is asked
    // for since it was last shown; a file changed on disk is a new image.
    const FigureTexture& get(const std::filesystem::path& file);
    // After each frame is built (before it is rendered): what this frame did
    // not ask for is released; what it did ask for lives on.
    void end_frame();
    // The course reloaded: every texture goes once no frame draws it (the
    // one being built may still), and images are read again from their files.
    void forget_all();

    std::size_t live() const;  // textures held now

private:
    struct Entry {
        FigureTexture texture;
        std::uint64_t used = 0;  // the frame that last asked for it
    };
    void release(Entry& e);

    std::unique_ptr<TextureBackend> backend_;
    std::map<std::string, Entry> entries_;  // by path, modification time and size
    std::vector<Entry> forgotten_;
    std::uint64_t frame_ = 1;
};

// The size a figure is drawn at, in whole pixels: its own pixels at the
// monitor's content scale, grown at most `max_upscale` times to fill the
// column (beyond that a bitmap only blurs), never wider than the column nor
// taller than `max_height`, the aspect kept.
inline constexpr float max_upscale = 2.0f;
ImVec2 fit_figure(int width, int height, float column, float max_height, float content_scale);

}  // namespace lektion::ui
