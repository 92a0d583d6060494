// Architecture edits as plain functions on a network: add or remove a hidden layer or a neuron. New
// parameters are drawn from a seeded generator with the scheme's scale; parameters that do not change
// shape are kept. Every function leaves a network that bp::validate accepts, or throws bp::Error.
#pragma once
#include <cstdint>

#include "engine/core/network.h"

namespace studio {

// Inserts a hidden layer of `size` neurons with activation f between layers `after` and after+1
// (0 <= after < L). The new W and the next layer's W (whose input size changes) are re-drawn.
void insert_layer(bp::Network& net, int after, int size, bp::Activation f, bp::InitScheme scheme,
                  std::uint64_t seed);
// Removes hidden layer l (0 < l < L); the next layer's W is re-drawn for its new input size.
void remove_layer(bp::Network& net, int l, bp::InitScheme scheme, std::uint64_t seed);
// Appends a neuron to hidden layer l: a new row of W^l, a new b^l_j, a new column of W^(l+1).
void add_neuron(bp::Network& net, int l, bp::InitScheme scheme, std::uint64_t seed);
// Removes neuron j of hidden layer l (the layer keeps at least one neuron).
void remove_neuron(bp::Network& net, int l, int j);

}  // namespace studio
