// Placing the canvas's words (see label_place.h).
#include "app/studio/figures/label_place.h"

#include <algorithm>
#include <cmath>

namespace studio {

bool touches_circle(const Rect& q, Vec2 c, float r) {
    const float dx = std::max({q.x0 - c.x, 0.0f, c.x - q.x1}), dy = std::max({q.y0 - c.y, 0.0f, c.y - q.y1});
    return dx * dx + dy * dy < r * r;
}

Rect centred(float x, float y, float w, float h) { return {x - w / 2, y - h / 2, x + w / 2, y + h / 2}; }

bool LabelPlacer::free(const Rect& r, int own_l, int own_j) const {
    if (!r.inside(area_)) return false;
    for (const Rect& t : taken_)
        if (r.overlaps(t)) return false;
    for (int l = 0; l < static_cast<int>(lay_.neurons.size()); ++l) {
        const float x = l < static_cast<int>(lay_.column_x.size()) ? lay_.column_x[l] : 0;
        const bool near = lay_.column_x.empty() || (x + lay_.radius > r.x0 && x - lay_.radius < r.x1);
        for (int j = 0; near && j < static_cast<int>(lay_.neurons[l].size()); ++j)  // a column far off: no neuron of it
            if (!(l == own_l && j == own_j) && touches_circle(r, lay_.neurons[l][j], lay_.radius)) return false;
        if (l >= 1 && l < static_cast<int>(lay_.has_bias.size()) && lay_.has_bias[l]) {
            const Vec2 b = lay_.bias[l];
            const float h = lay_.bias_radius;
            if (r.overlaps({b.x - h, b.y - h, b.x + h, b.y + h})) return false;
        }
    }
    return true;
}

std::optional<Rect> LabelPlacer::place(const std::vector<Rect>& candidates, int own_l, int own_j) {
    for (const Rect& r : candidates)
        if (free(r, own_l, own_j)) {
            taken_.push_back(r);
            return r;
        }
    return std::nullopt;
}

std::vector<Rect> beside_neuron(float x, float y, float r, float w, float h, float gap) {
    const float d = r * 0.72f + gap * 0.5f;  // a corner of the box just off the circle, on a diagonal
    return {{x - w / 2, y + r + gap, x + w / 2, y + r + gap + h},  // below
            {x - w / 2, y - r - gap - h, x + w / 2, y - r - gap},  // above
            {x + r + gap, y - h / 2, x + r + gap + w, y + h / 2},  // right
            {x - r - gap - w, y - h / 2, x - r - gap, y + h / 2},  // left
            {x + d, y - d - h, x + d + w, y - d},                  // above right
            {x + d, y + d, x + d + w, y + d + h},                  // below right
            {x - d - w, y - d - h, x - d, y - d},                  // above left
            {x - d - w, y + d, x - d, y + d + h}};                 // below left
}

}  // namespace studio
