// A network is a graph too: one neuron (z = Σ_k w·a + b, a = f(z)), a layer, or the whole network with its
// loss, expanded into its scalar computation graph for one sample. The weights, biases and inputs become
// variables with ASCII names in the variable table (w1_2_1 is w¹₂₁ = layers[1].weights[1][0], b1_2 is b¹₂,
// x1 is the first input) and course labels on screen; each neuron's z and a are nodes labelled z¹₂, a¹₂.
// A neuron or a layer takes the previous layer's activations as variables (a1_2 is a¹₂; x1 for layer 1)
// with the values of a forward pass. Softmax expands as exp, a sum and a division; each loss as written in
// engine/core/losses.h (a cross-entropy term whose target is 0 is left out, as the engine leaves it out).
// The graph's values are the network's forward values and the adjoint of each weight its ∂L/∂w for the
// sample alone (a batch of one, no 1/N), up to rounding (the tests pin 1e-12 relative).
#pragma once
#include <optional>
#include <vector>

#include "engine/graph/expression_graph.h"
#include "engine/graph/graph_pass.h"
#include "engine/core/network.h"

namespace bp {

struct NetworkGraph {
    ExpressionGraph graph;  // output: the loss, or a of the expanded neuron (the first one of a layer)
    VariableValues values;  // every variable's value: the parameters, inputs or previous activations
    // Where each quantity sits in the graph (−1 where it is not part of it); indices as in the network.
    std::vector<std::vector<int>> z, a;            // [l][j]: z^l_j and a^l_j (a^0 are the inputs)
    std::vector<std::vector<std::vector<int>>> w;  // [l][j][k]: w^l_jk
    std::vector<std::vector<int>> b;               // [l][j]: b^l_j (no node when the layer has no bias)
    int loss = -1;
};

// Throws bp::Error when the layer or neuron does not exist, x is not one sample of the network, y is not
// one target row, or the graph would need more than kMaxGraphNodes nodes ("… needs 5123 nodes, more than
// the limit of 4000: expand one layer or one neuron instead").
NetworkGraph expand_neuron(const Network& net, const Matrix& x, int l, int j);
NetworkGraph expand_layer(const Network& net, const Matrix& x, int l);
// The whole network; with a target row y, the loss L too (the output), else the output layer (a^L_1).
NetworkGraph expand_network(const Network& net, const Matrix& x, const Matrix* y = nullptr);

// Nodes the expansion of layers [first, last] (and of the loss for the target row y, when given) needs,
// counted before building it.
long long network_graph_size(const Network& net, int first, int last, const Matrix* y = nullptr);

}  // namespace bp
