// Neumaier's compensated sum: millions of path products added without losing the small ones; and the
// last step of a path listing. Shared by the chain-rule paths of networks (chain_rule.cpp) and of
// expression graphs (graph_paths.cpp).
#pragma once
#include <algorithm>
#include <cmath>
#include <vector>

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

// Sorts the listed paths by |product|, largest first (ties keep their order), and returns what the paths
// not listed add up to: `total` (the sum over every path) minus the listed products.
template <class Path>
double sort_listed_paths(std::vector<Path>& listed, double total) {
    std::stable_sort(listed.begin(), listed.end(),
                     [](const Path& a, const Path& b) { return std::fabs(a.product) > std::fabs(b.product); });
    CompensatedSum sum;
    for (const Path& p : listed) sum.add(p.product);
    return total - sum.value();
}

}  // namespace bp
