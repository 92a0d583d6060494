// Forward and backward passes over a batch: the per-neuron and per-layer kernels, the one layer walk that
// the batch passes, the stepper and the mistake passes share (one arithmetic kernel, so the same bits from
// each), and the whole passes.
#pragma once
#include <vector>

#include "engine/core/network.h"

namespace bp {

struct LayerTrace {
    Matrix z;                // (N, n_l)   z^l = W^l a^(l-1) + b^l   (empty for layer 0)
    Matrix a;                // (N, n_l)   a^l = f(z^l); a^0 = x
    Matrix fprime;           // (N, n_l)   f'(z^l) of a hidden layer, for delta^l (empty for the output layer)
    Matrix delta;            // (N, n_l)   delta^l = dL/dz^l of the batch-averaged loss (carries 1/N)
    Matrix dW;               // (n_l, n_(l-1))  dL/dW^l = sum_n delta^l_n (a^(l-1)_n)^T
    std::vector<double> db;  // (n_l)      dL/db^l = sum_n delta^l_n
};

struct Trace {
    std::vector<LayerTrace> layers;  // index l as in Network::layers
    std::vector<double> sample_losses;  // (N) loss of each sample
    double loss = 0.0;               // batch-averaged data loss
    int N() const { return layers.empty() ? 0 : layers[0].a.rows; }
};

// ---- Kernels (one neuron / one sample): shared by passes, stepper and trainer ----
// z^l_j = sum_k w^l_jk a^(l-1)_k + b^l_j   (summed k = 0..n-1, then + b)
double weighted_input(const Layer& layer, int j, const double* a_prev);
// delta^L of one sample: dL/dz^L = J_f^T dL/da (full softmax Jacobian; fused a - y for the stable
// pairs softmax+cross_entropy and sigmoid+binary_cross_entropy). inv_n = 1/N.
void output_delta(const Network& net, const double* z, const double* a, const double* y, double inv_n,
                  double* delta);
// delta^l_j = (sum_k w^(l+1)_kj delta^(l+1)_k) * f'(z^l_j)   for a hidden layer (never softmax)
double hidden_delta(const Layer& next, int j, const double* delta_next, Activation f, double z_j);
// dL/da^l_j of one sample below the output: sum_k w^(l+1)_kj delta^(l+1)_k, the sum hidden_delta multiplies
// by f'(z^l_j) (so delta^l_j = activation_gradient(...) * f'(z^l_j) to the bit).
double activation_gradient(const Layer& next, int j, const double* delta_next);
// dL/da^l (N x n_l) of a complete pass t of net over targets Y, for 0 <= l <= L: (W^(l+1))^T delta^(l+1) of
// each sample below the output; at the output the loss's derivative dL/da^L of each sample times 1/N (L is
// the batch mean). The derivation notation's delta (notes 003) is this; throws bp::Error for another l.
Matrix activation_gradients(const Network& net, const Trace& t, const Matrix& Y, int l);
// dW^l_jk = sum_n delta^l_nj a^(l-1)_nk  (summed n = 0..N-1)
double weight_gradient(const Matrix& delta, const Matrix& a_prev, int j, int k);
double bias_gradient(const Matrix& delta, int j);

// ---- Layer kernels: the same sums, in the same order, with the loops turned so memory is read in rows ----
// z^l of every sample, each z_j exactly as weighted_input computes it (sum over k ascending, then + b_j).
void weighted_inputs(const Layer& layer, const Matrix& a_prev, Matrix& z);
// delta^L of every sample (rows of z, a, y), each as output_delta computes it; the fused sigmoid + binary
// cross-entropy delta runs as one vectorised loop.
void output_deltas(const Network& net, const Matrix& z, const Matrix& a, const Matrix& y, double inv_n, Matrix& delta);
// delta^l of `samples` consecutive samples (rows of n values) of a hidden layer: every delta_j as
// hidden_delta computes it (the sum over k ascending, then times f'(z_j) from the layer's fprime), but
// W^(l+1) read row by row.
void hidden_deltas(const Layer& next, const double* delta_next, const double* fprime, int n, double* delta,
                   int samples = 1);
// dW^l = sum_n delta^l_n (a^(l-1)_n)^T and db^l = sum_n delta^l_n, every entry summed over n ascending as
// weight_gradient and bias_gradient do (so bit-identical to them), sample by sample.
void layer_gradients(const Matrix& delta, const Matrix& a_prev, Matrix& dW, std::vector<double>& db);

// ---- The layer walk ----
// One forward pass (z^l and a^l for l = 1 … L) and one backward pass (δ^l for l = L … 1, then ∂L/∂W^l and
// ∂L/∂b^l for l = 1 … L), shared by the batch passes, the stepper and the mistake passes. Each step of a layer
// is a hook whose default is the layer kernel above, so a walk that changes nothing gives forward's and
// backward's bits: the stepper watches each layer as it is done and records its events; a mistake pass
// makes its mistake in the step where a student makes it and leaves the other steps to the kernels.
class LayerWalk {
public:
    // X (N, n_0): fills every layer's z and a, and f′(z) of the hidden layers.
    void forward(const Network& net, const Matrix& X, Trace& t);
    // Y (N, n_L), after forward: every δ (each carrying inv_n, the batch mean's 1/N), then every dW and db.
    void backward(const Network& net, const Matrix& Y, double inv_n, Trace& t);

protected:
    ~LayerWalk() = default;
    virtual void weighted_inputs(const Network& net, int l, const Matrix& a_prev, Matrix& z);  // z^l
    virtual void forward_done(const Network&, int /*l*/, const Trace&) {}
    virtual void output_deltas(const Network& net, const Matrix& Y, double inv_n, Trace& t);  // δ^L
    virtual void hidden_deltas(const Network& net, int l, Trace& t);                          // δ^l, l < L
    virtual void delta_done(const Network&, int /*l*/, const Trace&) {}
    virtual void gradients(const Network& net, int l, Trace& t);  // dW^l, db^l
    virtual void gradients_done(const Network&, int /*l*/, const Trace&) {}
};

// ---- Whole passes ----
// X (N, n_0); Y (N, n_L). forward fills z and a (and f'(z) of the hidden layers, computed with a: tanh and
// sigmoid share their exponential); compute_loss the loss; backward delta, dW, db.
void forward(const Network& net, const Matrix& X, Trace& t);
void compute_loss(const Network& net, const Matrix& Y, Trace& t);
void backward(const Network& net, const Matrix& Y, Trace& t);
Trace run_pass(const Network& net, const Matrix& X, const Matrix& Y);  // forward + loss + backward

// Rows [first, first + count) of m, wrapping around the end (for mini-batches in file order).
Matrix take_rows(const Matrix& m, int first, int count);
Matrix take_rows(const Matrix& m, const std::vector<int>& indices);

}  // namespace bp
