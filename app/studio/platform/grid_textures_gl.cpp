// Colour grids as OpenGL textures (see grid_textures_gl.h).
#include "app/studio/platform/grid_textures_gl.h"

#include <cstdint>

#include <glad/gl.h>

namespace studio {
namespace {

// More grids than this in one frame (a network with hundreds of neurons showing maps) are drawn as
// triangles: the pool never grows without bound.
constexpr std::size_t kMaxTextures = 512;
constexpr int kMaxSide = 1024;

}  // namespace

GlGridTextures::~GlGridTextures() {
    for (const Slot& s : slots_) {
        const GLuint name = s.name;
        glDeleteTextures(1, &name);
    }
}

ImTextureID GlGridTextures::upload(int n, const ImU32* colors) {
    if (n <= 0 || n > kMaxSide || used_ >= kMaxTextures) return ImTextureID{};
    if (used_ == slots_.size()) {
        GLuint name = 0;
        glGenTextures(1, &name);
        if (name == 0) return ImTextureID{};
        slots_.push_back({name, 0});
    }
    Slot& slot = slots_[used_++];
    glBindTexture(GL_TEXTURE_2D, slot.name);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    // ImU32 holds R, G, B, A in its bytes from the lowest: GL_RGBA bytes in memory on every target ImGui runs on.
    if (slot.n != n) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, n, n, 0, GL_RGBA, GL_UNSIGNED_BYTE, colors);
        slot.n = n;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, n, n, GL_RGBA, GL_UNSIGNED_BYTE, colors);
    }
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(slot.name));
}

}  // namespace studio
