// The background around the panels (see ui_backdrop.h).
#include "app/studio/views/ui_backdrop.h"

#include <algorithm>
#include <cmath>

namespace studio {
namespace {

constexpr float kPi = 3.14159265358979f;

// The part of a rounded corner's square outside its arc: a fan from the square's outer corner along the
// quarter arc (the two panel edges are the arc's tangents from that corner, so the fan never folds).
void corner(ImDrawList* dl, ImVec2 outer, ImVec2 centre, float r, float a0, ImU32 color) {
    constexpr int kSteps = 8;
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(3 * kSteps, kSteps + 2);
    const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    dl->PrimWriteVtx(outer, uv, color);
    for (int k = 0; k <= kSteps; ++k) {
        const float a = a0 + static_cast<float>(k) * (kPi / 2) / kSteps;
        dl->PrimWriteVtx(ImVec2(centre.x + r * std::cos(a), centre.y + r * std::sin(a)), uv, color);
    }
    for (int k = 0; k < kSteps; ++k) {
        dl->PrimWriteIdx(base);
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 1 + k));
        dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 2 + k));
    }
}

}  // namespace

void paint_backdrop(ImDrawList* dl, const Box& window, const std::vector<Box>& panels, float rounding, ImU32 color) {
    // Bands between every panel's top and bottom edge; in each, the gaps between the panels spanning it.
    std::vector<float> ys = {window.y, window.y + window.h};
    for (const Box& p : panels) ys.insert(ys.end(), {p.y, p.y + p.h});
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    std::vector<std::pair<float, float>> spans;
    for (std::size_t i = 0; i + 1 < ys.size(); ++i) {
        const float y0 = std::max(ys[i], window.y), y1 = std::min(ys[i + 1], window.y + window.h);
        if (y1 <= y0) continue;
        spans.clear();
        for (const Box& p : panels)
            if (p.y <= y0 && p.y + p.h >= y1) spans.emplace_back(p.x, p.x + p.w);
        std::sort(spans.begin(), spans.end());
        float x = window.x;
        for (const auto& [x0, x1] : spans) {
            if (x0 > x) dl->AddRectFilled(ImVec2(x, y0), ImVec2(x0, y1), color);
            x = std::max(x, x1);
        }
        if (x < window.x + window.w) dl->AddRectFilled(ImVec2(x, y0), ImVec2(window.x + window.w, y1), color);
    }
    if (rounding <= 0) return;
    for (const Box& p : panels) {
        const float k = std::min(rounding, 0.5f * std::min(p.w, p.h));
        const float x0 = p.x, y0 = p.y, x1 = p.x + p.w, y1 = p.y + p.h;
        corner(dl, ImVec2(x0, y0), ImVec2(x0 + k, y0 + k), k, kPi, color);
        corner(dl, ImVec2(x1, y0), ImVec2(x1 - k, y0 + k), k, 1.5f * kPi, color);
        corner(dl, ImVec2(x1, y1), ImVec2(x1 - k, y1 - k), k, 0, color);
        corner(dl, ImVec2(x0, y1), ImVec2(x0 + k, y1 - k), k, 0.5f * kPi, color);
    }
}

}  // namespace studio
