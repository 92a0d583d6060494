// Discs and rings (the Lab's data points) drawn as one textured quad each, from sprites rasterised into
// the font atlas when the fonts are built for a UI scale. An anti-aliased circle and its rim are about a
// hundred tiny triangles; 300 points of them cost the Lab's frame a quarter of its time under software GL
// (llvmpipe), where a quad of the same pixels costs almost nothing. A shape with no sprite at this scale
// is drawn by ImGui's circles: the same picture.
#pragma once
#include <vector>

#include <imgui.h>

namespace studio {

struct CircleSprite {
    float radius = 0;  // of the disc, or of the ring's centre line (pixels)
    float width = 0;   // the ring's stroke; 0: a filled disc
    int rect = -1;     // ImFontAtlas custom rect
};

// Registers the shapes the views draw at this UI scale (call between atlas->Clear() and Build()).
std::vector<CircleSprite> add_circle_sprites(ImFontAtlas* atlas, float scale);
// Rasterises them into the built atlas's pixels (before the texture is made from them).
void rasterize_circle_sprites(ImFontAtlas* atlas, const std::vector<CircleSprite>& sprites);

// ImDrawList::AddCircleFilled / AddCircle, from a sprite when there is one for (radius, width).
void draw_disc(ImDrawList* dl, const std::vector<CircleSprite>& sprites, ImVec2 centre, float radius, ImU32 col);
void draw_ring(ImDrawList* dl, const std::vector<CircleSprite>& sprites, ImVec2 centre, float radius, float width, ImU32 col);

}  // namespace studio
