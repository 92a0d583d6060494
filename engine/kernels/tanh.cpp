// The vectorised loop of tanh.h: every lane does exactly tanh_value's operations, so a value gets the
// same bits here as from tanh_value alone.
#include "engine/kernels/tanh.h"

#include "engine/kernels/vector_clones.h"

namespace bp {

BP_VECTOR_CLONES void tanh_values(const double* __restrict z, double* __restrict a, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) a[i] = tanh_value(z[i]);
}

BP_VECTOR_CLONES void tanh_values_and_derivatives(const double* __restrict z, double* __restrict a,
                                                 double* __restrict fprime, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = tanh_value(z[i]);
        fprime[i] = tanh_derivative_value(z[i]);
    }
}

}  // namespace bp
