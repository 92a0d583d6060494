// The cheap ways of drawing that keep a frame fast under software GL, held to the picture they replace:
// the background painted around the panels covers every pixel outside them exactly once and none inside
// (ui_backdrop.h); the points' circle sprites hold the coverage of the circles they stand for and are one
// quad each (ui_sprites.h); a colour grid handed to the platform's textures is one quad, and without them
// the triangles (ui_smooth_grid.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "app/studio/program/startup.h"
#include "app/studio/views/ui_backdrop.h"
#include "app/studio/views/ui_smooth_grid.h"
#include "app/studio/views/ui_sprites.h"
#include "app/studio/views/view_lab_parts.h"
#include "tests/window/ui_harness.h"

using namespace studio;

namespace {

// How many of the list's triangles hold the point (x, y).
int covering(const ImDrawList& dl, float x, float y) {
    int n = 0;
    for (int i = 0; i + 2 < dl.IdxBuffer.Size; i += 3) {
        const ImVec2 a = dl.VtxBuffer[dl.IdxBuffer[i]].pos, b = dl.VtxBuffer[dl.IdxBuffer[i + 1]].pos,
                     c = dl.VtxBuffer[dl.IdxBuffer[i + 2]].pos;
        const auto side = [&](ImVec2 p, ImVec2 q) { return (q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x); };
        const float d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
        const bool neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
        n += !(neg && pos) ? 1 : 0;
    }
    return n;
}

bool near_corner_arc(const Box& p, float r, float x, float y, float margin) {
    const float cx = x < p.x + r ? p.x + r : x > p.x + p.w - r ? p.x + p.w - r : x;
    const float cy = y < p.y + r ? p.y + r : y > p.y + p.h - r ? p.y + p.h - r : y;
    if (cx == x || cy == y) return false;  // not in a corner square
    return std::fabs(std::hypot(x - cx, y - cy) - r) < margin;
}

bool outside_corner_arc(const Box& p, float r, float x, float y) {
    const float cx = x < p.x + r ? p.x + r : x > p.x + p.w - r ? p.x + p.w - r : x;
    const float cy = y < p.y + r ? p.y + r : y > p.y + p.h - r ? p.y + p.h - r : y;
    return cx != x && cy != y && std::hypot(x - cx, y - cy) > r;
}

}  // namespace

TEST(Drawing, TheBackdropCoversEveryPixelOutsideThePanelsOnceAndNoneInside) {
    for (const bool present : {false, true}) {
        Harness h(1280, 800);
        Options o;
        o.present = present;
        AppState s = initial_state(o);
        h.frame(s);
        const std::vector<Box> panels = h.ui.memory.panels;
        ASSERT_GE(panels.size(), 3u) << "the canvas, the formula and the loss at least";
        const ImDrawList& dl = *ImGui::GetBackgroundDrawList();
        const float r = ImGui::GetStyle().ChildRounding;
        int outside = 0, inside = 0;
        for (float y = 0.37f; y < 800; y += 3)  // never on a panel's edge (they lie on whole and half pixels)
            for (float x = 0.29f; x < 1280; x += 3) {
                const Box* in = nullptr;
                for (const Box& p : panels)
                    if (x > p.x && x < p.x + p.w && y > p.y && y < p.y + p.h) in = &p;
                if (in && near_corner_arc(*in, std::min(r, 0.5f * std::min(in->w, in->h)), x, y, 1.0f)) continue;
                const bool painted_here = !in || outside_corner_arc(*in, std::min(r, 0.5f * std::min(in->w, in->h)), x, y);
                ASSERT_EQ(covering(dl, x, y), painted_here ? 1 : 0) << "at (" << x << ", " << y << "), present " << present;
                (painted_here ? outside : inside) += 1;
            }
        EXPECT_GT(inside, outside) << "most of the window is panels";
        EXPECT_GT(outside, 1000);
    }
}

TEST(Drawing, CircleSpritesHoldTheCirclesCoverageAtEveryScale) {
    Harness h;
    for (const float scale : {1.0f, 1.5f, 2.0f, 3.0f}) {
        h.rebuild(scale, false);
        const std::vector<CircleSprite>& sprites = h.ui.fonts.circles;
        ASSERT_GE(sprites.size(), 12u);
        unsigned char* pixels = nullptr;
        int tw = 0, th = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &tw, &th);
        for (const CircleSprite& c : sprites) {
            const ImFontAtlasCustomRect* rect = ImGui::GetIO().Fonts->GetCustomRectByIndex(c.rect);
            ASSERT_TRUE(rect->IsPacked());
            double sum = 0;
            for (int y = 0; y < rect->Height; ++y)
                for (int x = 0; x < rect->Width; ++x) sum += pixels[(rect->Y + y) * tw + rect->X + x] / 255.0;
            const double area = c.width == 0 ? std::numbers::pi * c.radius * c.radius : 2 * std::numbers::pi * c.radius * c.width;
            EXPECT_NEAR(sum, area, 0.06 * area) << "radius " << c.radius << ", width " << c.width << ", scale " << scale;
            const int edge = pixels[rect->Y * tw + rect->X];  // the corner is outside every shape
            EXPECT_EQ(edge, 0);
        }
    }
}

TEST(Drawing, APointWithASpriteIsOneQuadAndAnyOtherCircleIsImGuis) {
    Harness h;
    AppState s = initial_state(Options{});
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const std::vector<CircleSprite>& sprites = h.ui.fonts.circles;
    ASSERT_FALSE(sprites.empty());
    const int before = dl->VtxBuffer.Size;
    draw_disc(dl, sprites, ImVec2(100.3f, 50.7f), sprites[0].radius, IM_COL32(200, 100, 0, 255));
    EXPECT_EQ(dl->VtxBuffer.Size - before, 4);
    const int middle = dl->VtxBuffer.Size;
    draw_disc(dl, sprites, ImVec2(100, 50), 17.25f, IM_COL32(200, 100, 0, 255));  // no sprite of that size
    EXPECT_GT(dl->VtxBuffer.Size - middle, 8);
    ImGui::EndFrame();
}

TEST(Drawing, EveryShapeOfEveryDataPointHasItsSprite) {
    Harness h;
    for (const float scale : {1.0f, 1.5f, 2.0f}) {
        h.rebuild(scale, false);
        ImGui::NewFrame();
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const std::vector<CircleSprite>& sprites = h.ui.fonts.circles;
        for (const float size : lab_view::kPointSizes)
            for (const bool hot : {false, true}) {
                const lab_view::PointCircles c = lab_view::point_circles(size, scale, hot);
                const int before = dl->VtxBuffer.Size;
                draw_disc(dl, sprites, ImVec2(50, 50), c.radius, IM_COL32_WHITE);
                draw_ring(dl, sprites, ImVec2(50, 50), c.radius, c.rim_width, IM_COL32_WHITE);
                draw_ring(dl, sprites, ImVec2(50, 50), c.halo_radius, c.halo_width, IM_COL32_WHITE);
                draw_ring(dl, sprites, ImVec2(50, 50), c.radius, c.ring_width, IM_COL32_WHITE);
                EXPECT_EQ(dl->VtxBuffer.Size - before, 16) << "size " << size << ", hot " << hot << ", scale " << scale;
            }
        ImGui::EndFrame();
    }
}

namespace {

class RecordingTextures final : public GridTextures {
public:
    ImTextureID upload(int n, const ImU32* colors) override {
        sizes.push_back(n);
        first = colors[0];
        return give ? reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(7)) : ImTextureID{};
    }
    bool give = true;
    std::vector<int> sizes;
    ImU32 first = 0;
};

}  // namespace

TEST(Drawing, AColourGridIsOneTexturedQuadOrItsTrianglesWithoutTextures) {
    Harness h;
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const std::vector<ImU32> colors(16 * 16, IM_COL32(10, 20, 30, 255));
    RecordingTextures textures;
    int before = dl->VtxBuffer.Size;
    draw_smooth_grid(dl, ImVec2(10, 10), ImVec2(170, 170), 16, colors, &textures);
    EXPECT_EQ(textures.sizes, std::vector<int>{16});
    EXPECT_EQ(textures.first, IM_COL32(10, 20, 30, 255));
    EXPECT_EQ(dl->VtxBuffer.Size - before, 4);
    const auto drawn_with = [&](ImTextureID id) {
        return std::any_of(dl->CmdBuffer.begin(), dl->CmdBuffer.end(), [&](const ImDrawCmd& c) { return c.TextureId == id && c.ElemCount == 6; });
    };
    EXPECT_TRUE(drawn_with(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(7))));

    textures.give = false;  // the platform has no texture to give: the same picture as triangles
    before = dl->VtxBuffer.Size;
    draw_smooth_grid(dl, ImVec2(10, 10), ImVec2(170, 170), 16, colors, &textures);
    EXPECT_EQ(dl->VtxBuffer.Size - before, 18 * 18);
    before = dl->VtxBuffer.Size;
    draw_smooth_grid(dl, ImVec2(10, 10), ImVec2(170, 170), 16, colors, nullptr);
    EXPECT_EQ(dl->VtxBuffer.Size - before, 18 * 18);
    ImGui::EndFrame();
}
