// A smooth colour field (see ui_smooth_grid.h).
#include "app/studio/views/ui_smooth_grid.h"

#include <algorithm>

#include "app/studio/views/ui_textures.h"

namespace studio {

void draw_smooth_grid(ImDrawList* dl, ImVec2 p0, ImVec2 p1, int n, const std::vector<ImU32>& colors, GridTextures* textures) {
    if (n <= 0 || colors.size() != static_cast<std::size_t>(n) * n) return;
    if (const ImTextureID texture = textures ? textures->upload(n, colors.data()) : ImTextureID{}) {
        dl->AddImage(texture, p0, p1);  // texel centres at the cells' centres, clamped beyond them
        return;
    }
    // Vertex lines: the field's edges and every cell centre, n + 2 across and down; line k takes the
    // colour of sample k − 1 (clamped at the edges).
    const int m = n + 2;
    const float cw = (p1.x - p0.x) / n, ch = (p1.y - p0.y) / n;
    const auto x_at = [&](int k) { return k == 0 ? p0.x : k == m - 1 ? p1.x : p0.x + (k - 0.5f) * cw; };
    const auto y_at = [&](int k) { return k == 0 ? p0.y : k == m - 1 ? p1.y : p0.y + (k - 0.5f) * ch; };
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(6 * (m - 1) * (m - 1), m * m);
    const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (int r = 0; r < m; ++r) {
        const int row = std::clamp(r - 1, 0, n - 1);
        for (int i = 0; i < m; ++i)
            dl->PrimWriteVtx(ImVec2(x_at(i), y_at(r)), uv, colors[static_cast<std::size_t>(row) * n + std::clamp(i - 1, 0, n - 1)]);
    }
    for (int r = 0; r + 1 < m; ++r)
        for (int i = 0; i + 1 < m; ++i) {
            const ImDrawIdx a = static_cast<ImDrawIdx>(base + r * m + i), b = static_cast<ImDrawIdx>(a + 1),
                            c = static_cast<ImDrawIdx>(a + m), d = static_cast<ImDrawIdx>(a + m + 1);
            dl->PrimWriteIdx(a), dl->PrimWriteIdx(b), dl->PrimWriteIdx(d);
            dl->PrimWriteIdx(a), dl->PrimWriteIdx(d), dl->PrimWriteIdx(c);
        }
}

}  // namespace studio
