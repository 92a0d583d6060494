// Forward and backward passes over a batch, built from per-neuron kernels (see passes.h).
#include "engine/core/passes.h"

#include <algorithm>

#include "engine/core/activations.h"
#include "engine/core/error.h"
#include "engine/core/losses.h"
#include "engine/kernels/blocked_sums.h"

namespace bp {
namespace {
// Samples per block of the layer kernels (blocked_sums.cpp): a smaller batch does not repay a copy of Wᵀ or
// ∂Wᵀ, so its z come from dot_rows and its dW from rows of a^(l−1) (the same sums, so the same bits).
constexpr int kFewSamples = 4;
}  // namespace

// ---- kernels ----
double weighted_input(const Layer& layer, int j, const double* a_prev) {
    const double* w = layer.W.row(j);
    double z = 0.0;
    for (int k = 0; k < layer.W.cols; ++k) z += w[k] * a_prev[k];  // Σ_k w^l_jk a^(l−1)_k
    return z + layer.b[j];                                          // + b^l_j
}

void output_delta(const Network& net, const double* z, const double* a, const double* y, double inv_n,
                  double* delta) {
    const Layer& out = net.layers.back();
    const int K = out.size;
    if (fused_output(net.loss, out.activation)) {  // softmax + cross-entropy, sigmoid + BCE: from a and y
        loss_info(net.loss).fused_delta(a, y, K, inv_n, delta);
        return;
    }
    if (out.activation == Activation::softmax) {
        // Full Jacobian: δ_m = Σ_i ∂L/∂a_i · a_i (1[i=m] − a_m), never the diagonal shortcut.
        for (int m = 0; m < K; ++m) {
            double s = 0.0;
            for (int i = 0; i < K; ++i) s += loss_derivative(net.loss, a, y, K, i) * activation_jacobian(out.activation, z, a, i, m);
            delta[m] = s * inv_n;
        }
        return;
    }
    for (int j = 0; j < K; ++j)  // δ^L_j = ∂L/∂a^L_j · f′(z^L_j) / N
        delta[j] = loss_derivative(net.loss, a, y, K, j) * activation_derivative(out.activation, z[j]) * inv_n;
}

double activation_gradient(const Layer& next, int j, const double* delta_next) {
    double s = 0.0;
    for (int k = 0; k < next.size; ++k) s += next.W(k, j) * delta_next[k];  // Σ_k w^(l+1)_kj δ^(l+1)_k
    return s;
}

double hidden_delta(const Layer& next, int j, const double* delta_next, Activation f, double z_j) {
    return activation_gradient(next, j, delta_next) * activation_derivative(f, z_j);  // · f′(z^l_j)
}

Matrix activation_gradients(const Network& net, const Trace& t, const Matrix& Y, int l) {
    const int L = net.L();
    if (l < 0 || l > L || static_cast<int>(t.layers.size()) != L + 1)
        throw Error("∂L/∂a of layer " + std::to_string(l) + ": the network has layers 0.." + std::to_string(L));
    const int N = t.N(), n = net.layers[l].size;
    Matrix g(N, n);
    if (l == L) {
        const double inv_n = 1.0 / N;
        for (int s = 0; s < N; ++s)
            for (int j = 0; j < n; ++j) g(s, j) = loss_derivative(net.loss, t.layers[L].a.row(s), Y.row(s), n, j) * inv_n;
        return g;
    }
    for (int s = 0; s < N; ++s)
        for (int j = 0; j < n; ++j) g(s, j) = activation_gradient(net.layers[l + 1], j, t.layers[l + 1].delta.row(s));
    return g;
}

double weight_gradient(const Matrix& delta, const Matrix& a_prev, int j, int k) {
    double s = 0.0;
    for (int n = 0; n < delta.rows; ++n) s += delta(n, j) * a_prev(n, k);  // Σ_n δ^l_nj a^(l−1)_nk
    return s;
}

double bias_gradient(const Matrix& delta, int j) {
    double s = 0.0;
    for (int n = 0; n < delta.rows; ++n) s += delta(n, j);  // Σ_n δ^l_nj
    return s;
}

// ---- layer kernels ----
void weighted_inputs(const Layer& layer, const Matrix& a_prev, Matrix& z) {
    const int J = layer.size, K = layer.W.cols, N = a_prev.rows;
    if (N < kFewSamples) {  // too few samples to repay a copy of Wᵀ: the columns of Wᵀ gathered from W
        dot_rows(layer.W.v.data(), J, K, a_prev.v.data(), N, layer.b.data(), z.v.data());
        return;
    }
    // Wᵀ, so that column k of W (the weights out of input k) is one contiguous row of J values.
    thread_local std::vector<double> wt;
    wt.resize(static_cast<std::size_t>(K) * J);
    for (int j = 0; j < J; ++j)
        for (int k = 0; k < K; ++k) wt[static_cast<std::size_t>(k) * J + j] = layer.W(j, k);
    combine_rows(wt.data(), K, J, a_prev.v.data(), N, layer.b.data(), nullptr, z.v.data());  // Σ_k w_jk a_k + b_j
}

void output_deltas(const Network& net, const Matrix& z, const Matrix& a, const Matrix& y, double inv_n,
                   Matrix& delta) {
    const int N = a.rows;
    ensure_shape(delta, N, a.cols);
    if (fused_output(net.loss, net.layers.back().activation)) {  // every row at once (sigmoid + BCE vectorised)
        loss_info(net.loss).fused_deltas(a.v.data(), y.v.data(), N, a.cols, inv_n, delta.v.data());
        return;
    }
    for (int n = 0; n < N; ++n) output_delta(net, z.row(n), a.row(n), y.row(n), inv_n, delta.row(n));
}

void hidden_deltas(const Layer& next, const double* delta_next, const double* fprime, int n, double* delta,
                   int samples) {
    // (Σ_k w^(l+1)_kj δ^(l+1)_k) · f′(z^l_j), each δ stored once
    combine_rows(next.W.v.data(), next.size, n, delta_next, samples, nullptr, fprime, delta);
}

void layer_gradients(const Matrix& delta, const Matrix& a_prev, Matrix& dW, std::vector<double>& db) {
    const int J = delta.cols, K = a_prev.cols, N = delta.rows;
    ensure_shape(dW, J, K);
    db.resize(static_cast<std::size_t>(J));
    sum_rows(delta.v.data(), J, N, db.data());  // db_j = Σ_n δ_nj
    if (K < kLanes && J > K && N >= kFewSamples) {  // rows of W too short to fill a vector: lanes along j, into ∂Wᵀ
        thread_local std::vector<double> dwt;
        dwt.resize(static_cast<std::size_t>(K) * J);
        accumulate_outer(delta.v.data(), J, a_prev.v.data(), K, N, dwt.data());
        for (int j = 0; j < J; ++j)
            for (int k = 0; k < K; ++k) dW(j, k) = dwt[static_cast<std::size_t>(k) * J + j];
    } else {
        accumulate_outer(a_prev.v.data(), K, delta.v.data(), J, N, dW.v.data());  // dW_jk = Σ_n δ_nj a_nk
    }
}

// ---- the layer walk ----
void LayerWalk::weighted_inputs(const Network& net, int l, const Matrix& a_prev, Matrix& z) {
    bp::weighted_inputs(net.layers[l], a_prev, z);
}

void LayerWalk::output_deltas(const Network& net, const Matrix& Y, double inv_n, Trace& t) {
    LayerTrace& out = t.layers.back();
    bp::output_deltas(net, out.z, out.a, Y, inv_n, out.delta);
}

void LayerWalk::hidden_deltas(const Network& net, int l, Trace& t) {
    LayerTrace& cur = t.layers[l];
    if (cur.fprime.rows != t.N() || cur.fprime.cols != net.layers[l].size)
        throw Error("backward: layer " + std::to_string(l) + " has no f′(z) of this batch (run forward first)");
    bp::hidden_deltas(net.layers[l + 1], t.layers[l + 1].delta.v.data(), cur.fprime.v.data(), net.layers[l].size,
                      cur.delta.v.data(), t.N());
}

void LayerWalk::gradients(const Network&, int l, Trace& t) {
    layer_gradients(t.layers[l].delta, t.layers[l - 1].a, t.layers[l].dW, t.layers[l].db);
}

void LayerWalk::forward(const Network& net, const Matrix& X, Trace& t) {
    const int N = X.rows, L = net.L();
    t.layers.resize(L + 1);
    t.layers[0].a = X;  // a^0 = x
    for (int l = 1; l <= L; ++l) {
        const Layer& layer = net.layers[l];
        LayerTrace& cur = t.layers[l];
        ensure_shape(cur.z, N, layer.size);
        ensure_shape(cur.a, N, layer.size);
        weighted_inputs(net, l, t.layers[l - 1].a, cur.z);
        if (l < L) {  // a^l = f(z^l) and f′(z^l) for δ^l: the whole batch in one call, which vectorises
            ensure_shape(cur.fprime, N, layer.size);
            activate_with_derivatives(layer.activation, cur.z.v.data(), cur.a.v.data(), cur.fprime.v.data(),
                                      cur.z.v.size());
        } else {
            ensure_shape(cur.fprime, 0, 0);  // the output layer's δ comes from the loss (output_deltas)
            if (layer.activation == Activation::softmax)
                for (int n = 0; n < N; ++n) activate_layer(layer.activation, cur.z.row(n), cur.a.row(n), layer.size);
            else
                activate_values(layer.activation, cur.z.v.data(), cur.a.v.data(), cur.z.v.size());
        }
        forward_done(net, l, t);
    }
}

void LayerWalk::backward(const Network& net, const Matrix& Y, double inv_n, Trace& t) {
    const int L = net.L(), N = t.N();
    ensure_shape(t.layers[0].delta, 0, 0);
    for (int l = L; l >= 1; --l) {
        ensure_shape(t.layers[l].delta, N, net.layers[l].size);
        if (l == L) output_deltas(net, Y, inv_n, t);
        else hidden_deltas(net, l, t);
        delta_done(net, l, t);
    }
    for (int l = 1; l <= L; ++l) {
        gradients(net, l, t);
        gradients_done(net, l, t);
    }
}

namespace {
struct KernelWalk final : LayerWalk {};  // every step by the kernels
}  // namespace

// ---- whole passes ----
void forward(const Network& net, const Matrix& X, Trace& t) { KernelWalk().forward(net, X, t); }

void compute_loss(const Network& net, const Matrix& Y, Trace& t) {
    const LayerTrace& out = t.layers.back();
    const int N = out.a.rows, K = out.a.cols;
    t.sample_losses.resize(N);
    sample_losses(net.loss, net.layers.back().activation, out.z.v.data(), out.a.v.data(), Y.v.data(), N, K,
                  t.sample_losses.data());
    double sum = 0.0;
    for (int n = 0; n < N; ++n) sum += t.sample_losses[n];
    t.loss = N > 1 ? sum / N : sum;  // L = (1/N) Σ_n L_n (N = 1: the sum itself, exactly; N = 0: 0)
}

void backward(const Network& net, const Matrix& Y, Trace& t) { KernelWalk().backward(net, Y, 1.0 / t.N(), t); }

Trace run_pass(const Network& net, const Matrix& X, const Matrix& Y) {
    Trace t;
    forward(net, X, t);
    compute_loss(net, Y, t);
    backward(net, Y, t);
    return t;
}

Matrix take_rows(const Matrix& m, int first, int count) {
    Matrix out(count, m.cols);
    for (int r = 0; r < count; ++r) {
        const double* src = m.row((first + r) % m.rows);
        std::copy(src, src + m.cols, out.row(r));
    }
    return out;
}

Matrix take_rows(const Matrix& m, const std::vector<int>& indices) {
    Matrix out(static_cast<int>(indices.size()), m.cols);
    for (std::size_t r = 0; r < indices.size(); ++r) {
        const double* src = m.row(indices[r]);
        std::copy(src, src + m.cols, out.row(static_cast<int>(r)));
    }
    return out;
}

}  // namespace bp
