// Geometry of the network canvas as plain math: neurons in columns by layer, a small bias node per layer
// (drawn in the previous layer's column, below its neurons), and hit testing of neurons, edges and biases.
// Units are pixels in any coordinate frame; the tests check containment and non-overlap.
#pragma once
#include <optional>
#include <vector>

#include "app/studio/state/selection.h"

namespace studio {

struct Vec2 {
    float x = 0, y = 0;
};

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(Vec2 p) const { return p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h; }
};

struct NetworkLayout {
    Box area;                              // where nodes may go (the canvas minus the label band)
    float radius = 0;                      // neuron radius
    float bias_radius = 0;                 // bias node radius (half-size of its square)
    float label_y = 0;                     // baseline band of the layer labels, above the nodes
    std::vector<float> column_x;           // [l]
    std::vector<std::vector<Vec2>> neurons;  // [l][j]
    std::vector<Vec2> bias;                // [l] for l >= 1: node of b^l (in column l-1); [0] unused
    std::vector<bool> has_bias;            // [l]
    Vec2 loss;                             // centre of the loss node, right of the output layer
    float loss_column_w = 0;               // width of the loss column (targets and the loss)
};

// sizes[l] neurons per layer (sizes[0] = inputs); bias[l] whether layer l has a bias (bias[0] ignored).
// canvas is the whole drawing box; label_height is reserved at its top for layer labels.
// max_radius caps the neuron size for small networks (a scaled UI passes a scaled cap). A narrower last
// column, right of the output layer, holds the targets and the loss node.
NetworkLayout layout_network(const std::vector<int>& sizes, const std::vector<bool>& bias, Box canvas,
                             float label_height, float max_radius);

// Distance from p to the segment ab.
float distance_to_segment(Vec2 p, Vec2 a, Vec2 b);

// What lies under p: a neuron (within its radius + 3 px), else the nearest edge within `tolerance`
// pixels: a weight (neuron k of l-1 to neuron j of l) or a bias (bias node of l to neuron j).
Selection hit_test(const NetworkLayout& layout, Vec2 p, float tolerance);

// A point on a weight's or bias's edge where hit_test finds that parameter and nothing else (crossing
// edges and neurons avoided), nearest the middle of the edge; none when no such point exists.
std::optional<Vec2> grab_point(const NetworkLayout& layout, const Selection& parameter, float tolerance);

}  // namespace studio
