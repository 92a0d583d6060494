// The vectorised loop of logistic.h: every lane does exactly sigmoid_value's operations.
#include "engine/kernels/logistic.h"

#include "engine/kernels/vector_clones.h"

namespace bp {

BP_VECTOR_CLONES void sigmoid_values(const double* __restrict z, double* __restrict a, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) a[i] = sigmoid_value(z[i]);
}

BP_VECTOR_CLONES void sigmoid_values_and_derivatives(const double* __restrict z, double* __restrict a,
                                                    double* __restrict fprime, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = sigmoid_value(z[i]);
        fprime[i] = sigmoid_derivative_value(z[i]);
    }
}

}  // namespace bp
