#include "player/gl_textures.hpp"

#include <cstdint>

#include <glad/gl.h>

namespace lektion::ui {

namespace {

class GlTextures final : public TextureBackend {
public:
    ImTextureID upload(const Image& image) override {
        GLint max_side = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_side);
        // Figures may be 8192 pixels a side; some cards take less: halved until they fit.
        Image smaller;
        const Image* pixels = &image;
        while (max_side > 0 && (pixels->width > max_side || pixels->height > max_side)) {
            smaller = halve(*pixels);
            pixels = &smaller;
        }
        while (glGetError() != GL_NO_ERROR) {
        }
        GLint bound = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
        GLuint texture = 0;
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        // Mipmaps: a photograph drawn at a third of its size stays smooth instead of shimmering.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pixels->width, pixels->height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     pixels->rgba.data());
        glGenerateMipmap(GL_TEXTURE_2D);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
        if (glGetError() != GL_NO_ERROR) {  // out of memory, most likely
            glDeleteTextures(1, &texture);
            return nullptr;
        }
        return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture));
    }

    void release(ImTextureID id) override {
        const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(id));
        glDeleteTextures(1, &texture);
    }
};

}  // namespace

std::unique_ptr<TextureBackend> make_gl_textures() { return std::make_unique<GlTextures>(); }

}  // namespace lektion::ui
