// The computation graph's geometry (see graph_layout.h).
#include "app/studio/figures/graph_layout.h"

#include <algorithm>
#include <cmath>

namespace studio {
namespace {

// Operations one column right of their deepest input (leaves count 0 here); then each leaf one column
// left of its first reader (a leaf nobody reads stays at 0).
std::vector<int> columns_of(const bp::ExpressionGraph& g) {
    const auto n = static_cast<std::size_t>(g.size());
    std::vector<int> col(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const bp::GraphNode& node = g.nodes[i];
        if (node.inputs.empty()) continue;
        int c = 1;
        for (const int in : node.inputs) c = std::max(c, col[static_cast<std::size_t>(in)] + 1);
        col[i] = c;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!g.nodes[i].inputs.empty() || g.outgoing[i].empty()) continue;
        int first = static_cast<int>(n);
        for (const bp::GraphEdge& e : g.outgoing[i]) first = std::min(first, col[static_cast<std::size_t>(e.to)]);
        col[i] = std::max(0, first - 1);
    }
    return col;
}

}  // namespace

GraphLayout layout_graph(const bp::ExpressionGraph& g, Box area, float radius, float above, float below, float min_column,
                         float min_radius) {
    GraphLayout lay;
    const int n = g.size();
    lay.column = columns_of(g);
    for (const int c : lay.column) lay.columns = std::max(lay.columns, c + 1);
    lay.columns = std::max(lay.columns, 1);
    std::vector<std::vector<int>> rows(static_cast<std::size_t>(lay.columns));
    for (int i = 0; i < n; ++i) rows[static_cast<std::size_t>(lay.column[static_cast<std::size_t>(i)])].push_back(i);
    std::size_t tallest = 1;
    for (const auto& r : rows) tallest = std::max(tallest, r.size());

    // Bands: the fewest whose columns are at least min_column wide, while each row of each band keeps room
    // for a circle of min_radius and its words; when no count of bands fits both, as many bands as the
    // rows allow, wider than the area.
    min_column = std::max(min_column, 1.0f);
    const float row_need = above + below + 2.4f * min_radius;
    const int most_bands = std::max(1, static_cast<int>(std::floor(area.h / (row_need * static_cast<float>(tallest)))));
    lay.bands = 1;
    while (lay.bands < most_bands && area.w / static_cast<float>((lay.columns + lay.bands - 1) / lay.bands) < min_column) ++lay.bands;
    const int per_band = (lay.columns + lay.bands - 1) / lay.bands;
    lay.column_w = std::max(area.w / static_cast<float>(per_band), min_column);
    area.w = lay.column_w * static_cast<float>(per_band);
    area.h = std::max(area.h, row_need * static_cast<float>(tallest * static_cast<std::size_t>(lay.bands)));  // else taller
    lay.area = area;
    const float band_h = area.h / static_cast<float>(lay.bands);
    const float row_h = band_h / static_cast<float>(tallest);
    lay.radius = std::max(2.0f, std::min({radius, lay.column_w / 3.0f, (row_h - above - below) / 2.4f}));

    lay.center.assign(static_cast<std::size_t>(n), Vec2{});
    lay.band.assign(static_cast<std::size_t>(n), 0);
    for (int c = 0; c < lay.columns; ++c) {
        const auto& r = rows[static_cast<std::size_t>(c)];
        const int band = c / per_band;
        const float x = area.x + lay.column_w * (static_cast<float>(c % per_band) + 0.5f);
        const float top = area.y + band_h * static_cast<float>(band);
        const float h = band_h / static_cast<float>(std::max<std::size_t>(r.size(), 1));
        for (std::size_t k = 0; k < r.size(); ++k) {
            // The circle in the middle of what its row keeps for the words above and below it.
            const float y = top + h * static_cast<float>(k) + (h + above - below) / 2;
            lay.center[static_cast<std::size_t>(r[k])] = {x, y};
            lay.band[static_cast<std::size_t>(r[k])] = band;
        }
    }
    return lay;
}

int graph_node_at(const GraphLayout& lay, Vec2 p) {
    for (std::size_t i = 0; i < lay.center.size(); ++i) {
        const float dx = p.x - lay.center[i].x, dy = p.y - lay.center[i].y;
        if (dx * dx + dy * dy <= lay.radius * lay.radius) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace studio
