// Per-sample losses and their derivatives (see losses.h).
#include "engine/core/losses.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "engine/kernels/logistic.h"
#include "engine/kernels/vector_clones.h"

namespace bp {
namespace {
// Binary cross-entropy of an output σ(z): −[y log σ(z) + (1 − y) log(1 − σ(z))] = y·softplus(−z) +
// (1 − y)·softplus(z), and the two softplus share their logarithm log(1 + e^(−|z|)).
inline double bce_of_logit(double z, double y) {
    const double tail = softplus_tail_value(z);
    return y * (std::max(-z, 0.0) + tail) + (1.0 - y) * (std::max(z, 0.0) + tail);
}
}  // namespace

double sample_loss(Loss loss, Activation out, const double* z, const double* a, const double* y, int K) {
    double sum = 0.0;
    switch (loss) {
        case Loss::mse_half:
            for (int j = 0; j < K; ++j) sum += 0.5 * (a[j] - y[j]) * (a[j] - y[j]);  // ½ Σ (a − y)²
            return sum;
        case Loss::mse:
            for (int j = 0; j < K; ++j) sum += (a[j] - y[j]) * (a[j] - y[j]);
            return sum / K;  // (1/K) Σ (a − y)²
        case Loss::cross_entropy: {
            // −Σ y_j log a_j with log a_j = z_j − logsumexp(z) (log-softmax: no log of 0).
            if (out != Activation::softmax) {
                for (int j = 0; j < K; ++j)
                    if (y[j] != 0.0) sum -= y[j] * std::log(a[j]);
                return sum;
            }
            double zmax = z[0];
            for (int j = 1; j < K; ++j) zmax = std::max(zmax, z[j]);
            double s = 0.0;
            for (int j = 0; j < K; ++j) s += std::exp(z[j] - zmax);
            const double lse = zmax + std::log(s);
            for (int j = 0; j < K; ++j)
                if (y[j] != 0.0) sum -= y[j] * (z[j] - lse);
            return sum;
        }
        case Loss::binary_cross_entropy:
            for (int j = 0; j < K; ++j) {
                if (out == Activation::sigmoid) {  // from z: no log of 0 when σ saturates
                    sum += bce_of_logit(z[j], y[j]);
                } else {
                    sum -= y[j] * std::log(a[j]) + (1.0 - y[j]) * std::log1p(-a[j]);
                }
            }
            return sum;
    }
    return sum;
}

BP_VECTOR_CLONES void sample_losses(Loss loss, Activation out, const double* z, const double* a, const double* y,
                                    int N, int K, double* losses) {
    if (loss == Loss::binary_cross_entropy && out == Activation::sigmoid && K == 1) {
        for (int n = 0; n < N; ++n) losses[n] = 0.0 + bce_of_logit(z[n], y[n]);  // sample_loss's sum of one term
        return;
    }
    if (loss == Loss::binary_cross_entropy && out == Activation::sigmoid) {
        // Every output's term in one loop (it vectorises), then each sample's sum in sample_loss's order.
        thread_local std::vector<double> terms;
        terms.resize(static_cast<std::size_t>(N) * K);
        for (std::size_t i = 0; i < terms.size(); ++i) terms[i] = bce_of_logit(z[i], y[i]);
        for (int n = 0; n < N; ++n) {
            double sum = 0.0;
            for (int j = 0; j < K; ++j) sum += terms[static_cast<std::size_t>(n) * K + j];
            losses[n] = sum;
        }
        return;
    }
    for (int n = 0; n < N; ++n) {
        const std::size_t row = static_cast<std::size_t>(n) * K;
        losses[n] = sample_loss(loss, out, z + row, a + row, y + row, K);
    }
}

double loss_derivative(Loss loss, const double* a, const double* y, int K, int i) {
    switch (loss) {
        case Loss::mse_half: return a[i] - y[i];                    // ∂/∂a_i ½Σ(a − y)² = a_i − y_i
        case Loss::mse: return 2.0 * (a[i] - y[i]) / K;             // ∂/∂a_i (1/K)Σ(a − y)² = 2(a_i − y_i)/K
        case Loss::cross_entropy: return -y[i] / a[i];              // ∂/∂a_i −Σ y log a = −y_i / a_i
        case Loss::binary_cross_entropy:
            return (a[i] - y[i]) / (a[i] * (1.0 - a[i]));           // −y/a + (1 − y)/(1 − a)
    }
    return 0.0;
}

const char* loss_formula(Loss loss) {
    switch (loss) {
        case Loss::mse_half: return "L = ½ Σⱼ (aⱼ − yⱼ)²";
        case Loss::mse: return "L = (1/K) Σⱼ (aⱼ − yⱼ)²";
        case Loss::cross_entropy: return "L = −Σⱼ yⱼ log aⱼ";
        case Loss::binary_cross_entropy: return "L = −Σⱼ [yⱼ log aⱼ + (1 − yⱼ) log(1 − aⱼ)]";
    }
    return "";
}

}  // namespace bp
