// What the user points at on the network: a neuron, a weight (edge) or a bias, with 0-based indices
// as in files (l = layer, j = neuron of layer l, k = neuron of layer l-1). Shared by state and layout.
#pragma once

namespace studio {

struct Selection {
    enum class Kind { none, neuron, weight, bias } kind = Kind::none;
    int l = 0, j = 0, k = 0;  // k only for a weight

    static Selection neuron(int l, int j) { return {Kind::neuron, l, j, 0}; }
    static Selection weight(int l, int j, int k) { return {Kind::weight, l, j, k}; }
    static Selection bias(int l, int j) { return {Kind::bias, l, j, 0}; }
    bool empty() const { return kind == Kind::none; }
    bool is_parameter() const { return kind == Kind::weight || kind == Kind::bias; }
    bool operator==(const Selection&) const = default;
};

}  // namespace studio
