// Finite-difference gradient check: for every weight and bias (biases of layers without bias skipped)
// the central difference of the batch loss, in its fourth-order form
//   ∂L/∂θ ≈ (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h      (error O(h⁴)),
// compared with backprop's gradient; reports every entry and the worst relative error. The loss of the
// numeric side is evaluated in extended precision (long double, where the platform has it), so its
// rounding stays far below the differences even for gradients near 1e-8.
#pragma once
#include <vector>

#include "engine/teaching/chain_rule.h"
#include "engine/core/passes.h"

namespace bp {

struct GradCheckEntry {
    ParameterRef parameter;
    double analytic = 0.0;
    double numeric = 0.0;
    double relative_error = 0.0;  // |a − n| / max(1e-8, |a| + |n|)
};

struct GradCheckReport {
    std::vector<GradCheckEntry> entries;
    double max_relative_error = 0.0;
    int worst = -1;  // index into entries
};

// Entries in network order: layer by layer, the weights row by row, then the layer's biases.
GradCheckReport gradient_check(const Network& net, const Matrix& X, const Matrix& Y, double h = 1e-4);

}  // namespace bp
