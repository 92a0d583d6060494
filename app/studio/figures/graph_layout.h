// Where the nodes of a computation graph go on the canvas, window-free: left to right from the
// variables to the output, one column per depth (an operation one right of its deepest input), each
// column's nodes spread evenly top to bottom in forward order; a constant sits one column left of the
// operation that reads it, so it never crowds the variables. Also the hit test for the pointer.
#pragma once
#include <vector>

#include "app/studio/figures/layout.h"
#include "engine/graph/expression_graph.h"

namespace studio {

struct GraphLayout {
    Box area;
    float radius = 0;           // every node's circle
    std::vector<Vec2> center;   // (nodes)
    std::vector<int> column;    // (nodes) the column drawn in
    int columns = 0;
};

// `radius` is the largest wanted; it shrinks so that columns and rows keep at least a radius between
// nodes, and the labels under each node (`below` pixels) keep their room.
GraphLayout layout_graph(const bp::ExpressionGraph& g, Box area, float radius, float below);

// The node under point p (within its circle), or −1.
int graph_node_at(const GraphLayout& lay, Vec2 p);

}  // namespace studio
