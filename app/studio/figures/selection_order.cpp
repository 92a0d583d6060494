// The keyboard's walk through the network's neurons and parameters (see selection_order.h).
#include "app/studio/figures/selection_order.h"

#include <vector>

namespace studio {
namespace {

std::vector<Selection> reading_order(const bp::Network& net) {
    std::vector<Selection> order;
    for (int l = 0; l <= net.L(); ++l)
        for (int j = 0; j < net.layers[l].size; ++j) {
            order.push_back(Selection::neuron(l, j));
            if (l == 0) continue;
            for (int k = 0; k < net.layers[l - 1].size; ++k) order.push_back(Selection::weight(l, j, k));
            if (net.layers[l].bias) order.push_back(Selection::bias(l, j));
        }
    return order;
}

}  // namespace

Selection next_selection(const bp::Network& net, const Selection& from, SelectionStride stride, int direction) {
    const std::vector<Selection> order = reading_order(net);
    const int n = static_cast<int>(order.size());
    if (n == 0) return from;
    const int dir = direction < 0 ? -1 : 1;
    int at = dir > 0 ? -1 : n;  // from nothing: the first one forwards, the last one backwards
    for (int i = 0; i < n; ++i)
        if (order[i] == from) at = i;
    for (int step = 1; step <= n; ++step) {
        const Selection& x = order[((at + dir * step) % n + n) % n];
        if ((stride == SelectionStride::neuron) == (x.kind == Selection::Kind::neuron)) return x;
    }
    return from;
}

}  // namespace studio
