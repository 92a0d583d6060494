// Finite-difference gradient check (see grad_check.h). The numeric side evaluates the batch loss in
// extended precision (long double), with each activation's and loss's own long double form (their
// entries in activations.h and losses.h), written independently of the double forms the passes use:
// rounding in L is then far below what the differences measure, so even gradients of 1e-8 check to a
// relative 1e-6.
// Each nudge recomputes only the layers from the parameter's own layer on.
#include "engine/teaching/grad_check.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bp {
namespace {

using Real = long double;

// One parameter moved by `offset` while the loss is evaluated.
struct Nudge {
    ParameterRef p{false, -1, 0, 0};  // none
    Real offset = 0;
};

// z and a of every layer for the whole batch, (N, n_l) row-major per layer.
struct ExtendedPass {
    std::vector<std::vector<Real>> z, a;
};

// z^l = W^l a^(l−1) + b^l and a^l = f(z^l) for layers m..L (the layers below are already in `pass`).
void forward_from(const Network& net, int m, int N, const Nudge& nudge, ExtendedPass& pass) {
    for (int l = m; l <= net.L(); ++l) {
        const Layer& layer = net.layers[l];
        const int n = layer.size, n_prev = net.layers[l - 1].size;
        for (int s = 0; s < N; ++s) {
            const Real* a_prev = &pass.a[l - 1][static_cast<std::size_t>(s) * n_prev];
            Real* z = &pass.z[l][static_cast<std::size_t>(s) * n];
            Real* a = &pass.a[l][static_cast<std::size_t>(s) * n];
            for (int j = 0; j < n; ++j) {
                Real sum = 0;
                for (int k = 0; k < n_prev; ++k) {
                    Real w = layer.W(j, k);
                    if (!nudge.p.bias && nudge.p.l == l && nudge.p.j == j && nudge.p.k == k) w += nudge.offset;
                    sum += w * a_prev[k];
                }
                Real b = layer.b.empty() ? 0 : layer.b[j];
                if (nudge.p.bias && nudge.p.l == l && nudge.p.j == j) b += nudge.offset;
                z[j] = sum + b;
            }
            if (layer.activation != Activation::softmax) {
                for (int j = 0; j < n; ++j) a[j] = activation_info(layer.activation).f_extended(z[j]);
                continue;
            }
            const Real zmax = *std::max_element(z, z + n);  // softmax(z)_j = e^(z_j − max) / Σ e^(z_i − max)
            Real total = 0;
            for (int j = 0; j < n; ++j) total += a[j] = std::exp(z[j] - zmax);
            for (int j = 0; j < n; ++j) a[j] /= total;
        }
    }
}

// The batch loss L = (1/N) Σ_n L_n, each L_n as losses.h defines it (stable forms from z).
Real batch_loss(const Network& net, const Matrix& Y, int N, const ExtendedPass& pass) {
    const int L = net.L(), K = net.output_size();
    const Activation out = net.layers[L].activation;
    Real total = 0;
    for (int s = 0; s < N; ++s) {
        const Real* z = &pass.z[L][static_cast<std::size_t>(s) * K];
        const Real* a = &pass.a[L][static_cast<std::size_t>(s) * K];
        const double* y = Y.row(s);
        total += loss_info(net.loss).sample_loss_extended(out, z, a, y, K);
    }
    return total / N;
}

}  // namespace

GradCheckReport gradient_check(const Network& net, const Matrix& X, const Matrix& Y, double h) {
    const Trace base = run_pass(net, X, Y);  // the analytic side
    const int N = X.rows, L = net.L();
    ExtendedPass pass;
    pass.z.resize(net.layers.size());
    pass.a.resize(net.layers.size());
    for (int l = 0; l <= L; ++l) {
        pass.z[l].resize(static_cast<std::size_t>(N) * net.layers[l].size);
        pass.a[l].resize(pass.z[l].size());
    }
    std::copy(X.v.begin(), X.v.end(), pass.a[0].begin());  // a^0 = x
    forward_from(net, 1, N, Nudge{}, pass);

    // ∂L/∂θ ≈ (8[L(θ+h) − L(θ−h)] − [L(θ+2h) − L(θ−2h)]) / 12h, the fourth-order central difference
    // (error O(h⁴)). Layers are probed from the output down, so that the layers below the one being
    // nudged always hold the unnudged pass.
    const auto numeric = [&](const ParameterRef& p) {
        const auto loss_at = [&](Real offset) {
            forward_from(net, p.l, N, Nudge{p, offset}, pass);
            return batch_loss(net, Y, N, pass);
        };
        const Real hh = h;
        const Real d1 = loss_at(hh) - loss_at(-hh), d2 = loss_at(2 * hh) - loss_at(-2 * hh);
        return static_cast<double>((8 * d1 - d2) / (12 * hh));
    };

    // Entries in network order: layer by layer, the weights row by row, then the biases.
    std::vector<std::size_t> first(net.layers.size() + 1, 0);
    for (int l = 1; l <= L; ++l)
        first[l + 1] = first[l] + static_cast<std::size_t>(net.layers[l].size) * net.layers[l - 1].size +
                       (net.layers[l].bias ? net.layers[l].size : 0);
    GradCheckReport r;
    r.entries.resize(first[L + 1]);
    for (int l = L; l >= 1; --l) {
        const Layer& layer = net.layers[l];
        std::size_t i = first[l];
        for (int j = 0; j < layer.size; ++j)
            for (int k = 0; k < layer.W.cols; ++k, ++i) {
                const ParameterRef p{false, l, j, k};
                r.entries[i] = {p, base.layers[l].dW(j, k), numeric(p), 0.0};
            }
        if (!layer.bias) continue;  // a layer without bias has no bias to check
        for (int j = 0; j < layer.size; ++j, ++i) {
            const ParameterRef p{true, l, j, 0};
            r.entries[i] = {p, base.layers[l].db[j], numeric(p), 0.0};
        }
    }
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        GradCheckEntry& e = r.entries[i];
        e.relative_error = std::fabs(e.analytic - e.numeric) / std::max(1e-8, std::fabs(e.analytic) + std::fabs(e.numeric));
        if (r.worst < 0 || e.relative_error > r.max_relative_error || std::isnan(e.relative_error)) {
            r.max_relative_error = e.relative_error;
            r.worst = static_cast<int>(i);
        }
    }
    return r;
}

}  // namespace bp
