// Chain-rule paths in a computation graph: ∂y/∂node is the sum, over every path of edges from the node to
// y, of the product of the local derivatives along it. A variable used twice is one node with two
// outgoing edges, so x·x + e^x has three paths from x (two through the product, one through e^x).
// Factors are listed from y back to the node, as on the board (∂y/∂h₂ · ∂h₂/∂h₁ · ∂h₁/∂x), and
// multiplied in that order; the route (nodes) runs from the node forward to y.
//
// Listing (as chain_rule.h for networks): up to list_all paths are all listed. Beyond that, the top `top`
// by |product| come from an exact best-first search (guided by the best |product| from the node to each
// node), never by walking every path; the rest is given as a count and a sum. The count is a long double,
// so a huge count (2^4000 paths through 4000 nodes) never saturates. `sum` is the walked total while the
// walk is affordable (count × path length ≤ kMaxWalkedSteps), else the adjoint (the chain rule's sum).
#pragma once
#include <string>
#include <vector>

#include "engine/graph/expression_graph.h"
#include "engine/graph/graph_pass.h"

namespace bp {

inline constexpr long long kListAllPaths = 10000;     // every path is listed up to this many
inline constexpr int kTopPaths = 200;                 // beyond it, the top paths by |product|
inline constexpr double kMaxListedFactors = 4e6;      // and only while count × length stays below this
inline constexpr double kMaxWalkedSteps = 4e7;        // paths are walked (summed) up to count × length

struct GraphPath {
    std::vector<int> nodes;       // from the start node forward to y
    std::vector<int> slots;       // slots[i]: the input of nodes[i + 1] that nodes[i] is
    std::vector<double> factors;  // from y back: factors[0] = ∂nodes[k]/∂nodes[k−1], …, last ∂nodes[1]/∂nodes[0]
    double product = 0.0;         // the factors multiplied left to right
};

struct GraphPathListing {
    int from = -1;
    std::vector<GraphPath> paths;  // by |product|, largest first: all of them, or the top ones
    long double count = 0;         // paths from the node to y in all
    long double rest_count = 0;    // paths not listed
    double rest_sum = 0.0;         // the sum of their products (sum − the listed products)
    double sum = 0.0;              // the sum of all products
    bool walked = false;           // every path was walked: sum is their summed products, not the adjoint
    double adjoint = 0.0;          // ∂y/∂node from the backward pass
};

// The paths from node `from` (usually a variable) to the output, with the pass's local derivatives.
// A node without an adjoint (a constant) has no paths. Throws bp::Error when `from` does not exist;
// DomainError when a path's product overflows.
GraphPathListing enumerate_graph_paths(const ExpressionGraph& g, const GraphPass& pass, int from,
                                       long long list_all = kListAllPaths, int top = kTopPaths);

// "x → h₁ → h₃ → y" (the output by its symbol).
std::string path_route(const ExpressionGraph& g, const GraphPath& path);
// The label of factor i of a path: "∂h₃/∂h₁".
std::string factor_label(const ExpressionGraph& g, const GraphPath& path, int i);
// The number of paths as text: exact below 2^53 ("12"), else in scientific form ("1.2e+1204").
std::string count_text(long double count);

}  // namespace bp
