// Figures' textures in the window's OpenGL 3.3 context.
#pragma once

#include <memory>

#include "player/texture_cache.hpp"

namespace lektion::ui {

// With the context current; so must it be whenever a texture is released.
std::unique_ptr<TextureBackend> make_gl_textures();

}  // namespace lektion::ui
