// The computation graph's geometry (see graph_layout.h).
#include "app/studio/figures/graph_layout.h"

#include <algorithm>

namespace studio {

GraphLayout layout_graph(const bp::ExpressionGraph& g, Box area, float radius, float below) {
    GraphLayout lay;
    lay.area = area;
    const int n = g.size();
    lay.column.assign(static_cast<std::size_t>(n), 0);
    // An operation one right of its deepest input; a constant one left of its first reader.
    for (int i = 0; i < n; ++i) {
        const bp::GraphNode& node = g.node(i);
        int c = 0;
        for (const int in : node.inputs)
            if (g.node(in).op != bp::Op::constant) c = std::max(c, lay.column[static_cast<std::size_t>(in)] + 1);
        lay.column[static_cast<std::size_t>(i)] = node.op == bp::Op::constant ? 0 : std::max(c, node.inputs.empty() ? 0 : 1);
    }
    for (int i = 0; i < n; ++i) {
        if (g.node(i).op != bp::Op::constant || g.outgoing[static_cast<std::size_t>(i)].empty()) continue;
        int first = n;
        for (const bp::GraphEdge& e : g.outgoing[static_cast<std::size_t>(i)]) first = std::min(first, lay.column[static_cast<std::size_t>(e.to)]);
        lay.column[static_cast<std::size_t>(i)] = std::max(0, first - 1);
    }
    for (const int c : lay.column) lay.columns = std::max(lay.columns, c + 1);
    std::vector<std::vector<int>> rows(static_cast<std::size_t>(std::max(lay.columns, 1)));
    for (int i = 0; i < n; ++i) rows[static_cast<std::size_t>(lay.column[static_cast<std::size_t>(i)])].push_back(i);
    std::size_t tallest = 1;
    for (const auto& r : rows) tallest = std::max(tallest, r.size());

    // Room per column and per row: a node's circle, its labels below, and a radius of air.
    const float col_w = area.w / static_cast<float>(std::max(lay.columns, 1));
    const float row_h = area.h / static_cast<float>(tallest);
    lay.radius = std::max(2.0f, std::min({radius, col_w / 3.0f, (row_h - below) / 2.6f}));
    lay.center.assign(static_cast<std::size_t>(n), Vec2{});
    for (int c = 0; c < lay.columns; ++c) {
        const auto& r = rows[static_cast<std::size_t>(c)];
        const float x = area.x + col_w * (static_cast<float>(c) + 0.5f);
        const float h = area.h / static_cast<float>(r.size());
        for (std::size_t k = 0; k < r.size(); ++k)
            lay.center[static_cast<std::size_t>(r[k])] = {x, area.y + h * (static_cast<float>(k) + 0.5f) - below / 2};
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
