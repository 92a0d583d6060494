// An n × n grid of colours (a decision field, a neuron's heatmap) drawn as a linearly filtered texture
// is: each colour at its cell's centre, blended linearly towards its neighbours (the GPU interpolates
// the vertex colours), and held constant over the outer half cell (as a clamped texture). One vertex per
// sample and two triangles per gap in a single reserve: fewer vertices than a rectangle per cell.
#pragma once
#include <vector>

#include <imgui.h>

namespace studio {

// colors: n·n colours, row r (top to bottom) then column i (left to right), at [r·n + i].
void draw_smooth_grid(ImDrawList* dl, ImVec2 p0, ImVec2 p1, int n, const std::vector<ImU32>& colors);

}  // namespace studio
