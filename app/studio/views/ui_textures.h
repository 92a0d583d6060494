// Colour grids handed to the graphics card as textures: a decision field or a neuron's heatmap of n × n
// colours becomes one quad the GPU filters, instead of n² small triangles. Under software GL (llvmpipe:
// a classroom VM, a remote desktop, the benchmark machine) those triangles cost a frame more than all
// the rest of the Lab together. The platform implements this with GL; without one (the no-GL smoke
// test) the views draw the grid as triangles, the same picture.
#pragma once
#include <imgui.h>

namespace studio {

class GridTextures {
public:
    virtual ~GridTextures() = default;
    // A texture holding `colors` (n × n, row r top to bottom then column i, at [r·n + i]), filtered
    // linearly and clamped at its edges, valid for drawing in this frame. ImTextureID{} when none can
    // be made (the caller draws the grid itself).
    virtual ImTextureID upload(int n, const ImU32* colors) = 0;
};

}  // namespace studio
