// The losses' lookups and the vector loops of sigmoid + binary cross-entropy (see losses.h).
#include "engine/core/losses.h"

#include <vector>

#include "engine/kernels/logistic.h"
#include "engine/kernels/vector_clones.h"

namespace bp {

// ---- binary cross-entropy ----
namespace {
// Binary cross-entropy of an output σ(z): −[y log σ(z) + (1 − y) log(1 − σ(z))] = y·softplus(−z) +
// (1 − y)·softplus(z), and the two softplus share their logarithm log(1 + e^(−|z|)).
inline double bce_of_logit(double z, double y) {
    const double tail = softplus_tail_value(z);
    return y * (std::max(-z, 0.0) + tail) + (1.0 - y) * (std::max(z, 0.0) + tail);
}
}  // namespace

double bce_sample_loss(Activation out, const double* z, const double* a, const double* y, int K) {
    double sum = 0.0;
    for (int j = 0; j < K; ++j) {
        if (out == Activation::sigmoid)  // from z: no log of 0 when σ saturates
            sum += bce_of_logit(z[j], y[j]);
        else
            sum -= y[j] * std::log(a[j]) + (1.0 - y[j]) * std::log1p(-a[j]);
    }
    return sum;
}

BP_VECTOR_CLONES void bce_sample_losses(Activation out, const double* z, const double* a, const double* y, int N,
                                        int K, double* losses) {
    if (out == Activation::sigmoid && K == 1) {
        for (int n = 0; n < N; ++n) losses[n] = 0.0 + bce_of_logit(z[n], y[n]);  // the sum of one term
        return;
    }
    if (out == Activation::sigmoid) {
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
        losses[n] = bce_sample_loss(out, z + row, a + row, y + row, K);
    }
}

BP_VECTOR_CLONES void bce_fused_deltas(const double* a, const double* y, int N, int K, double inv_n, double* delta) {
    const std::size_t n = static_cast<std::size_t>(N) * K;
    for (std::size_t i = 0; i < n; ++i) delta[i] = (a[i] - y[i]) * inv_n;  // sigmoid_bce_delta, every row at once
}

// ---- lookups ----
std::optional<Loss> parse_loss(std::string_view name) {
    for (const LossInfo& e : kLosses)
        if (e.name == name) return e.id;
    return std::nullopt;
}

std::string_view to_string(Loss loss) { return loss_info(loss).name; }

std::string loss_names() {
    std::string s;
    for (std::size_t i = 0; i < std::size(kLosses); ++i)
        s.append(i == 0 ? "" : i + 1 == std::size(kLosses) ? " or " : ", ").append(kLosses[i].name);
    return s;
}

bool loss_allows(Loss loss, Activation out) {
    const auto& needs = loss_info(loss).needs_output;
    return !needs || *needs == out;
}

bool fused_output(Loss loss, Activation out) {
    const auto& with = loss_info(loss).fused_with;
    return with && *with == out;
}

// ---- the passes' calls ----
double sample_loss(Loss loss, Activation out, const double* z, const double* a, const double* y, int K) {
    return loss_info(loss).sample_loss(out, z, a, y, K);
}

void sample_losses(Loss loss, Activation out, const double* z, const double* a, const double* y, int N, int K,
                   double* losses) {
    const LossInfo& e = loss_info(loss);
    if (e.sample_losses) return e.sample_losses(out, z, a, y, N, K, losses);
    for (int n = 0; n < N; ++n) {
        const std::size_t row = static_cast<std::size_t>(n) * K;
        losses[n] = e.sample_loss(out, z + row, a + row, y + row, K);
    }
}

double loss_derivative(Loss loss, const double* a, const double* y, int K, int i) {
    return loss_info(loss).gradient(a, y, K, i);
}

}  // namespace bp
