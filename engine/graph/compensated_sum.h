// Neumaier's compensated sum: millions of path products added without losing the small ones. Shared by
// the chain-rule paths of networks (chain_rule.cpp) and of expression graphs (graph_paths.cpp).
#pragma once
#include <cmath>

namespace bp {

struct CompensatedSum {
    double sum = 0.0, c = 0.0;
    void add(double x) {
        const double t = sum + x;
        c += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }
    double value() const { return sum + c; }
};

}  // namespace bp
