// Canvas geometry and hit testing (see layout.h).
#include "app/studio/figures/layout.h"

#include <algorithm>
#include <cmath>

namespace studio {

NetworkLayout layout_network(const std::vector<int>& sizes, const std::vector<bool>& bias, Box canvas,
                             float label_height, float max_radius) {
    NetworkLayout out;
    const int C = static_cast<int>(sizes.size());
    out.area = {canvas.x, canvas.y + label_height, canvas.w, std::max(1.0f, canvas.h - label_height)};
    out.label_y = canvas.y;
    if (C == 0) return out;
    out.has_bias.assign(C, false);
    for (int l = 1; l < C; ++l) out.has_bias[l] = l < static_cast<int>(bias.size()) && bias[l];

    // Nodes per column: the layer's neurons plus the bias node of the next layer, if any.
    const auto column_count = [&](int c) { return sizes[c] + (c + 1 < C && out.has_bias[c + 1] ? 1 : 0); };
    int max_count = 1;
    for (int c = 0; c < C; ++c) max_count = std::max(max_count, column_count(c));

    constexpr float kLossSlice = 0.8f;  // the loss column is 0.8 of a layer column
    const float col_spacing = out.area.w / (C + kLossSlice);  // column centres at (c + 1/2) of equal slices
    const float row_room = out.area.h / max_count;
    out.radius = std::max(1.5f, std::min({row_room * 0.36f, col_spacing * 0.2f, max_radius}));
    out.bias_radius = std::max(1.5f, out.radius * 0.55f);
    const float spacing = std::min(row_room, out.radius * 3.0f);

    out.column_x.resize(C);
    out.neurons.resize(C);
    out.bias.assign(C, Vec2{});
    for (int c = 0; c < C; ++c) {
        const float x = out.area.x + (c + 0.5f) * col_spacing;
        out.column_x[c] = x;
        const int count = column_count(c);
        const float y0 = out.area.y + out.area.h * 0.5f - (count - 1) * spacing * 0.5f;
        out.neurons[c].resize(sizes[c]);
        for (int j = 0; j < sizes[c]; ++j) out.neurons[c][j] = {x, y0 + j * spacing};
        if (count > sizes[c]) out.bias[c + 1] = {x, y0 + sizes[c] * spacing};
    }
    out.loss_column_w = kLossSlice * col_spacing;
    out.loss = {out.area.x + C * col_spacing + out.loss_column_w * 0.5f, out.area.y + out.area.h * 0.5f};
    return out;
}

float distance_to_segment(Vec2 p, Vec2 a, Vec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

Selection hit_test(const NetworkLayout& layout, Vec2 p, float tolerance) {
    const int C = static_cast<int>(layout.neurons.size());
    for (int l = 0; l < C; ++l) {
        if (std::fabs(p.x - layout.column_x[l]) > layout.radius + 3) continue;
        for (int j = 0; j < static_cast<int>(layout.neurons[l].size()); ++j) {
            const Vec2 c = layout.neurons[l][j];
            if (std::hypot(p.x - c.x, p.y - c.y) <= layout.radius + 3) return Selection::neuron(l, j);
        }
    }
    Selection best;
    float best_d = tolerance;
    for (int l = 1; l < C; ++l) {
        if (p.x < layout.column_x[l - 1] || p.x > layout.column_x[l]) continue;  // edges span these columns
        for (int j = 0; j < static_cast<int>(layout.neurons[l].size()); ++j) {
            const Vec2 to = layout.neurons[l][j];
            for (int k = 0; k < static_cast<int>(layout.neurons[l - 1].size()); ++k) {
                const float d = distance_to_segment(p, layout.neurons[l - 1][k], to);
                if (d <= best_d) best_d = d, best = Selection::weight(l, j, k);
            }
            if (layout.has_bias[l]) {
                const float d = distance_to_segment(p, layout.bias[l], to);
                if (d <= best_d) best_d = d, best = Selection::bias(l, j);
            }
        }
    }
    return best;
}

std::optional<Vec2> grab_point(const NetworkLayout& layout, const Selection& parameter, float tolerance) {
    if (!parameter.is_parameter() || parameter.l < 1 || parameter.l >= static_cast<int>(layout.neurons.size())) return {};
    const int l = parameter.l;
    if (parameter.j >= static_cast<int>(layout.neurons[l].size())) return {};
    const bool bias = parameter.kind == Selection::Kind::bias;
    if (bias && !layout.has_bias[l]) return {};
    if (!bias && parameter.k >= static_cast<int>(layout.neurons[l - 1].size())) return {};
    const Vec2 from = bias ? layout.bias[l] : layout.neurons[l - 1][parameter.k], to = layout.neurons[l][parameter.j];
    // From the middle outwards: 0.5, 0.52, 0.48, 0.54, ... (the ends are inside the neurons).
    for (int i = 0; i <= 40; ++i) {
        const float t = 0.5f + (i % 2 ? 1.0f : -1.0f) * 0.01f * static_cast<float>((i + 1) / 2);
        const Vec2 p{from.x + t * (to.x - from.x), from.y + t * (to.y - from.y)};
        // Unique: the edge itself, and no other edge within the tolerance either.
        if (!(hit_test(layout, p, tolerance) == parameter)) continue;
        bool alone = true;
        for (int jj = 0; jj < static_cast<int>(layout.neurons[l].size()) && alone; ++jj) {
            const Vec2 other_to = layout.neurons[l][jj];
            for (int k = 0; k < static_cast<int>(layout.neurons[l - 1].size()) && alone; ++k)
                if (!(Selection::weight(l, jj, k) == parameter) &&
                    distance_to_segment(p, layout.neurons[l - 1][k], other_to) <= tolerance)
                    alone = false;
            if (alone && layout.has_bias[l] && !(Selection::bias(l, jj) == parameter) &&
                distance_to_segment(p, layout.bias[l], other_to) <= tolerance)
                alone = false;
        }
        if (alone) return p;
    }
    return {};
}

}  // namespace studio
