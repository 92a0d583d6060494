// The views' colour grids as OpenGL textures (ui_textures.h): a pool of textures handed out in order
// during a frame and reused the next frame, so a field redrawn every frame costs one small upload.
#pragma once
#include <vector>

#include "app/studio/views/ui_textures.h"

namespace studio {

class GlGridTextures final : public GridTextures {
public:
    GlGridTextures() = default;
    ~GlGridTextures() override;  // needs the GL context still current
    GlGridTextures(const GlGridTextures&) = delete;
    GlGridTextures& operator=(const GlGridTextures&) = delete;

    void begin_frame() { used_ = 0; }  // the last frame's textures were drawn: hand them out again
    ImTextureID upload(int n, const ImU32* colors) override;

private:
    struct Slot {
        unsigned name = 0;  // GL texture name
        int n = 0;          // its size now
    };
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
};

}  // namespace studio
