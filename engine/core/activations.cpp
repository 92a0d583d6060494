// Activation functions and derivatives (see activations.h).
#include "engine/core/activations.h"

#include <algorithm>
#include <cmath>

#include "engine/kernels/logistic.h"
#include "engine/kernels/tanh.h"
#include "engine/kernels/vector_clones.h"

namespace bp {

double sigmoid(double z) { return sigmoid_value(z); }

double softplus_tail(double z) { return softplus_tail_value(z); }

double softplus(double z) {
    return std::max(z, 0.0) + softplus_tail(z);  // log(1 + e^z) = max(z, 0) + log1p(e^(-|z|))
}

double activate(Activation f, double z) {
    switch (f) {
        case Activation::sigmoid: return sigmoid_value(z);
        case Activation::tanh: return tanh_value(z);
        case Activation::relu: return z > 0 ? z : 0.0;
        case Activation::leaky_relu: return z > 0 ? z : kLeakySlope * z;
        case Activation::linear: return z;
        case Activation::softmax: break;
    }
    return z;  // softmax is a layer function: activate_layer handles it
}

double activation_derivative(Activation f, double z) {
    switch (f) {
        case Activation::sigmoid: return sigmoid_derivative_value(z);  // σ′(z) = σ(z)σ(−z)
        case Activation::tanh: return tanh_derivative_value(z);        // tanh′(z) = sech²(z)
        case Activation::relu: return z > 0 ? 1.0 : 0.0;                // relu′(0) = 0
        case Activation::leaky_relu: return z > 0 ? 1.0 : kLeakySlope;  // leaky_relu′(0) = 0.01
        case Activation::linear: return 1.0;
        case Activation::softmax: break;
    }
    return 1.0;
}

void activate_with_derivatives(Activation f, const double* z, double* a, double* fprime, std::size_t n) {
    if (f == Activation::tanh) return tanh_values_and_derivatives(z, a, fprime, n);
    if (f == Activation::sigmoid) return sigmoid_values_and_derivatives(z, a, fprime, n);
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = activate(f, z[i]);
        fprime[i] = activation_derivative(f, z[i]);
    }
}

void activate_values(Activation f, const double* z, double* a, std::size_t n) {
    if (f == Activation::tanh) return tanh_values(z, a, n);  // the common layers, vectorised
    if (f == Activation::sigmoid) return sigmoid_values(z, a, n);
    for (std::size_t i = 0; i < n; ++i) a[i] = activate(f, z[i]);
}

void activate_layer(Activation f, const double* z, double* a, int n) {
    if (f != Activation::softmax) return activate_values(f, z, a, static_cast<std::size_t>(n));
    // softmax(z)_i = e^(z_i − max z) / Σ_m e^(z_m − max z): the shift keeps every exponent ≤ 0.
    double zmax = z[0];
    for (int i = 1; i < n; ++i) zmax = std::max(zmax, z[i]);
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        a[i] = std::exp(z[i] - zmax);
        sum += a[i];
    }
    for (int i = 0; i < n; ++i) a[i] /= sum;
}

double activation_jacobian(Activation f, const double* z, const double* a, int i, int m) {
    if (f == Activation::softmax) return a[i] * ((i == m ? 1.0 : 0.0) - a[m]);  // a_i (1[i=m] − a_m)
    return i == m ? activation_derivative(f, z[i]) : 0.0;
}

}  // namespace bp
