// Where the nodes of a computation graph go on the canvas, window-free: left to right from the
// variables to the output, one column per depth (an operation one right of its deepest input), each
// column's nodes spread evenly top to bottom in forward order. A variable or constant sits one column
// left of the first operation that reads it, so its edges stay short. When the columns do not fit the
// width at `min_column` pixels each, they continue on a second band below (and a third, …), read like
// lines of text, as long as each row keeps room for a circle of `min_radius` and its words; beyond that
// the layout is wider (or taller) than the area, and the canvas scrolls. Also the hit test for the pointer.
#pragma once
#include <vector>

#include "app/studio/figures/layout.h"
#include "engine/graph/expression_graph.h"

namespace studio {

struct GraphLayout {
    Box area;                   // the area asked for, or wider or taller when the nodes need more
    float radius = 0;           // every node's circle
    float column_w = 0;         // the width of one column
    std::vector<Vec2> center;   // (nodes)
    std::vector<int> column;    // (nodes) the column of the whole graph
    std::vector<int> band;      // (nodes) the band it is drawn in (0: the top one)
    int columns = 0, bands = 1;
};

// `radius` is the largest wanted; it shrinks so that columns and rows keep at least a radius of air
// between nodes, and the words under each node (`below` pixels) and above it (`above`) keep their room.
GraphLayout layout_graph(const bp::ExpressionGraph& g, Box area, float radius, float above, float below, float min_column,
                         float min_radius = 8);

// The node under point p (within its circle), or −1.
int graph_node_at(const GraphLayout& lay, Vec2 p);

}  // namespace studio
