// An n × n grid of colours (a decision field, a neuron's heatmap) drawn as a linearly filtered texture
// is: each colour at its cell's centre, blended linearly towards its neighbours, and held constant over
// the outer half cell (as a clamped texture). With the platform's textures (ui_textures.h) it is exactly
// that, one quad; without, the GPU interpolates vertex colours: one vertex per sample and two triangles
// per gap in a single reserve.
#pragma once
#include <vector>

#include <imgui.h>

namespace studio {

class GridTextures;

// colors: n·n colours, row r (top to bottom) then column i (left to right), at [r·n + i].
void draw_smooth_grid(ImDrawList* dl, ImVec2 p0, ImVec2 p1, int n, const std::vector<ImU32>& colors, GridTextures* textures);

}  // namespace studio
