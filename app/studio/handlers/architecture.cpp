// Adding and removing layers and neurons (see architecture.h).
#include "app/studio/handlers/architecture.h"

#include <cmath>
#include <string>

#include "engine/core/error.h"
#include "engine/core/rng.h"

namespace studio {
namespace {

// One weight drawn like bp::initialize draws it, for a layer with the given fan-in and fan-out.
double draw_weight(bp::Rng& rng, bp::InitScheme scheme, int fan_in, int fan_out) {
    switch (scheme) {
        case bp::InitScheme::uniform: {
            const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));  // torch.nn.Linear
            return rng.uniform(-bound, bound);
        }
        case bp::InitScheme::xavier: {
            const double bound = std::sqrt(6.0 / (fan_in + fan_out));  // Glorot uniform
            return rng.uniform(-bound, bound);
        }
        case bp::InitScheme::he: return rng.normal() * std::sqrt(2.0 / fan_in);  // He normal
    }
    return 0.0;
}

void redraw_weights(bp::Network& net, int l, bp::Rng& rng, bp::InitScheme scheme) {
    bp::Layer& layer = net.layers[l];
    const int fan_in = net.layers[l - 1].size;
    layer.W = bp::Matrix(layer.size, fan_in);
    for (double& w : layer.W.v) w = draw_weight(rng, scheme, fan_in, layer.size);
    layer.b.assign(layer.size, 0.0);
}

void require_hidden(const bp::Network& net, int l, const char* what) {
    if (l <= 0 || l >= net.L())
        throw bp::Error(std::string(what) + ": layer " + std::to_string(l) + " is not a hidden layer");
}

}  // namespace

void insert_layer(bp::Network& net, int after, int size, bp::Activation f, bp::InitScheme scheme,
                  std::uint64_t seed) {
    if (after < 0 || after >= net.L()) throw bp::Error("add layer: no place after layer " + std::to_string(after));
    if (net.L() + 1 > bp::kMaxLayers)
        throw bp::Error("add layer: the limit is " + std::to_string(bp::kMaxLayers) + " layers after the input");
    if (bp::activation_info(f).output_only)
        throw bp::Error("add layer: " + std::string(bp::to_string(f)) + " is only allowed on the output layer");
    bp::Layer layer;
    layer.size = size;
    layer.activation = f;
    layer.bias = net.layers[after + 1].bias;
    net.layers.insert(net.layers.begin() + after + 1, layer);
    bp::Rng rng(seed);
    redraw_weights(net, after + 1, rng, scheme);
    const std::vector<double> next_b = net.layers[after + 2].b;  // the next layer keeps its biases
    redraw_weights(net, after + 2, rng, scheme);
    net.layers[after + 2].b = next_b;
    bp::validate(net);
}

void remove_layer(bp::Network& net, int l, bp::InitScheme scheme, std::uint64_t seed) {
    require_hidden(net, l, "remove layer");
    net.layers.erase(net.layers.begin() + l);
    bp::Rng rng(seed);
    const std::vector<double> next_b = net.layers[l].b;
    redraw_weights(net, l, rng, scheme);
    net.layers[l].b = next_b;
    bp::validate(net);
}

void add_neuron(bp::Network& net, int l, bp::InitScheme scheme, std::uint64_t seed) {
    require_hidden(net, l, "add neuron");
    if (net.layers[l].size + 1 > bp::kMaxNeurons)
        throw bp::Error("add neuron: the limit is " + std::to_string(bp::kMaxNeurons) + " neurons per layer");
    bp::Rng rng(seed);
    bp::Layer& layer = net.layers[l];
    bp::Layer& next = net.layers[l + 1];
    const int n_prev = net.layers[l - 1].size, n = layer.size, n_next = next.size;
    bp::Matrix W(n + 1, n_prev);  // W^l gets a row: the new neuron's incoming weights
    for (int j = 0; j < n; ++j)
        for (int k = 0; k < n_prev; ++k) W(j, k) = layer.W(j, k);
    for (int k = 0; k < n_prev; ++k) W(n, k) = draw_weight(rng, scheme, n_prev, n + 1);
    layer.W = W;
    layer.b.push_back(0.0);
    layer.size = n + 1;
    bp::Matrix V(n_next, n + 1);  // W^(l+1) gets a column: the new neuron's outgoing weights
    for (int i = 0; i < n_next; ++i) {
        for (int j = 0; j < n; ++j) V(i, j) = next.W(i, j);
        V(i, n) = draw_weight(rng, scheme, n + 1, n_next);
    }
    next.W = V;
    bp::validate(net);
}

void remove_neuron(bp::Network& net, int l, int j) {
    require_hidden(net, l, "remove neuron");
    bp::Layer& layer = net.layers[l];
    bp::Layer& next = net.layers[l + 1];
    if (j < 0 || j >= layer.size) throw bp::Error("remove neuron: layer " + std::to_string(l) + " has no neuron " + std::to_string(j));
    if (layer.size == 1) throw bp::Error("remove neuron: a layer keeps at least one neuron (remove the layer instead)");
    const int n_prev = net.layers[l - 1].size, n = layer.size, n_next = next.size;
    bp::Matrix W(n - 1, n_prev);
    for (int r = 0, out = 0; r < n; ++r) {
        if (r == j) continue;
        for (int k = 0; k < n_prev; ++k) W(out, k) = layer.W(r, k);
        ++out;
    }
    layer.W = W;
    layer.b.erase(layer.b.begin() + j);
    layer.size = n - 1;
    bp::Matrix V(n_next, n - 1);
    for (int i = 0; i < n_next; ++i)
        for (int c = 0, out = 0; c < n; ++c) {
            if (c == j) continue;
            V(i, out++) = next.W(i, c);
        }
    next.W = V;
    bp::validate(net);
}

}  // namespace studio
