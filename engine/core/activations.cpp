// The activations' functions and lookups (see activations.h): σ, tanh and softplus from our own kernels
// (engine/kernels), the names, and the calls the passes make through the entries.
#include "engine/core/activations.h"

#include <algorithm>
#include <cmath>

#include "engine/kernels/logistic.h"
#include "engine/kernels/tanh.h"

namespace bp {

// ---- the entries' functions ----
double sigmoid(double z) { return sigmoid_value(z); }
double sigmoid_derivative(double z) { return sigmoid_derivative_value(z); }  // σ′(z) = σ(z)σ(−z)
double tanh_activation(double z) { return tanh_value(z); }
double tanh_derivative(double z) { return tanh_derivative_value(z); }        // tanh′(z) = sech²(z)
double softplus_tail(double z) { return softplus_tail_value(z); }

double softplus(double z) {
    return std::max(z, 0.0) + softplus_tail(z);  // log(1 + e^z) = max(z, 0) + log1p(e^(-|z|))
}

long double sigmoid_extended(long double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }
long double softplus_extended(long double z) { return std::max(z, 0.0L) + std::log1p(std::exp(-std::fabs(z))); }

// ---- names ----
std::optional<Activation> parse_activation(std::string_view name) {
    for (const ActivationInfo& e : kActivations)
        if (e.fn.name == name) return e.id;
    return std::nullopt;
}

std::string_view to_string(Activation f) { return activation_info(f).fn.name; }
std::string_view symbol(Activation f) { return activation_info(f).fn.symbol; }

std::string activation_names() {
    std::string s;
    for (std::size_t i = 0; i < std::size(kActivations); ++i)
        s.append(i == 0 ? "" : i + 1 == std::size(kActivations) ? " or " : ", ").append(kActivations[i].fn.name);
    return s;
}

std::string fill_in(std::string_view pattern, std::initializer_list<Placeholder> values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        const Placeholder* hit = nullptr;
        if (pattern[i] == '$')
            for (const Placeholder& p : values)
                if (pattern.compare(i, p.name.size(), p.name) == 0) hit = &p;
        if (hit) {
            out.append(hit->value);
            i += hit->name.size();
        } else {
            out.push_back(pattern[i++]);
        }
    }
    return out;
}

// ---- the passes' calls ----
double activate(Activation f, double z) {
    const auto fn = activation_info(f).fn.f;
    return fn ? fn(z) : z;  // softmax is a layer function: activate_layer computes it
}

double activation_derivative(Activation f, double z) {
    const auto fprime = activation_info(f).fn.fprime;
    return fprime ? fprime(z) : 1.0;
}

void activate_with_derivatives(Activation f, const double* z, double* a, double* fprime, std::size_t n) {
    activation_info(f).values_and_derivatives(z, a, fprime, n);
}

void activate_values(Activation f, const double* z, double* a, std::size_t n) { activation_info(f).values(z, a, n); }

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
