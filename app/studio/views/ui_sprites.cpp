// Circle sprites in the font atlas (see ui_sprites.h).
#include "app/studio/views/ui_sprites.h"

#include <algorithm>
#include <cmath>

#include "app/studio/views/view_lab_parts.h"

namespace studio {
namespace {

// Room around the shape: its anti-aliased half pixel and a transparent texel for the linear filter (the
// quads' area is what costs under software GL: no more).
constexpr float kPad = 1;

int sprite_side(float radius, float width) { return static_cast<int>(std::ceil(2 * (radius + width / 2 + kPad))); }

// Coverage of the pixel at distance d from the centre: a disc's edge or a ring's two edges, each
// blended over one pixel (as ImGui's anti-aliased fill fringe).
float coverage(float d, float radius, float width) {
    if (width <= 0) return std::clamp(radius + 0.5f - d, 0.0f, 1.0f);
    return std::clamp(width / 2 + 0.5f - std::fabs(d - radius), 0.0f, 1.0f);
}

const CircleSprite* find(const std::vector<CircleSprite>& sprites, float radius, float width) {
    for (const CircleSprite& s : sprites)
        if (s.rect >= 0 && std::fabs(s.radius - radius) < 1e-3f && std::fabs(s.width - width) < 1e-3f) return &s;
    return nullptr;
}

void draw_sprite(ImDrawList* dl, const CircleSprite& s, ImVec2 centre, ImU32 col) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(s.rect);
    ImVec2 uv0, uv1;
    atlas->CalcCustomRectUV(r, &uv0, &uv1);
    const float half = r->Width / 2.0f;
    dl->PushTextureID(atlas->TexID);  // the atlas: merges with the text and shapes around it
    dl->PrimReserve(6, 4);
    dl->PrimRectUV(ImVec2(centre.x - half, centre.y - half), ImVec2(centre.x + half, centre.y + half), uv0, uv1, col);
    dl->PopTextureID();
}

}  // namespace

std::vector<CircleSprite> add_circle_sprites(ImFontAtlas* atlas, float scale) {
    std::vector<CircleSprite> sprites;
    const auto add = [&](float radius, float width) {
        if (find(sprites, radius, width)) return;
        const int side = sprite_side(radius, width);
        sprites.push_back({radius, width, atlas->AddCustomRectRegular(side, side)});
    };
    // The Lab's data points at each size, and under the pointer (view_lab_parts.h point_circles).
    for (const float size : lab_view::kPointSizes)
        for (const bool hot : {false, true}) {
            const lab_view::PointCircles c = lab_view::point_circles(size, scale, hot);
            add(c.radius, 0);
            add(c.radius, c.rim_width);
            add(c.halo_radius, c.halo_width);
            add(c.radius, c.ring_width);
        }
    return sprites;
}

void rasterize_circle_sprites(ImFontAtlas* atlas, const std::vector<CircleSprite>& sprites) {
    unsigned char* pixels = nullptr;
    int tex_w = 0, tex_h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &tex_w, &tex_h);
    if (!pixels) return;
    for (const CircleSprite& s : sprites) {
        const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(s.rect);
        if (!r->IsPacked()) continue;
        const float c = r->Width / 2.0f;  // the centre, in texels from the rect's corner
        for (int y = 0; y < r->Height; ++y)
            for (int x = 0; x < r->Width; ++x) {
                const float d = std::hypot(x + 0.5f - c, y + 0.5f - c);
                pixels[static_cast<std::size_t>(r->Y + y) * tex_w + r->X + x] =
                    static_cast<unsigned char>(std::lround(255 * coverage(d, s.radius, s.width)));
            }
    }
}

void draw_disc(ImDrawList* dl, const std::vector<CircleSprite>& sprites, ImVec2 centre, float radius, ImU32 col) {
    if (const CircleSprite* s = find(sprites, radius, 0)) return draw_sprite(dl, *s, centre, col);
    dl->AddCircleFilled(centre, radius, col);
}

void draw_ring(ImDrawList* dl, const std::vector<CircleSprite>& sprites, ImVec2 centre, float radius, float width, ImU32 col) {
    if (const CircleSprite* s = find(sprites, radius, width)) return draw_sprite(dl, *s, centre, col);
    dl->AddCircle(centre, radius, col, 0, width);
}

}  // namespace studio
