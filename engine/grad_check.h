// Finite-difference gradient check: central differences (L(θ+h) − L(θ−h)) / 2h for every parameter,
// compared with backprop's gradient; reports the worst relative error.
#pragma once
#include <vector>

#include "engine/chain_rule.h"
#include "engine/passes.h"

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

GradCheckReport gradient_check(const Network& net, const Matrix& X, const Matrix& Y, double h = 1e-6);

}  // namespace bp
