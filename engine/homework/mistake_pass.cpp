// The pass with one classic mistake (see mistake_pass.h). Where no mistake is made each value comes from
// the same kernels as passes.h, so Mistake::none reproduces run_pass + apply_update bit for bit.
#include "engine/homework/mistake_pass.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/activations.h"
#include "engine/core/losses.h"
#include "engine/core/optimizer.h"

namespace bp {
namespace {

// ---- [SECTION] which mistakes can happen where ----------------------------------------------------------

constexpr Mistake kAllMistakes[] = {
    // update_sign before error_sign: for a weight after the step both flip it; the update is nearer.
    Mistake::forgot_derivative,   Mistake::derivative_of_a,      Mistake::update_sign,
    Mistake::error_sign,          Mistake::batch_mean_forgotten, Mistake::batch_mean_twice,
    Mistake::mse_factor,          Mistake::transposed_forward,   Mistake::transposed_backward,
    Mistake::transposed_gradient, Mistake::updated_weights_in_backward, Mistake::bias_forgotten_in_z,
    Mistake::bias_not_updated};

bool is_batch_mistake(Mistake m) { return m == Mistake::batch_mean_forgotten || m == Mistake::batch_mean_twice; }

// W^l is square with at least two neurons, so w^l_kj exists for every w^l_jk and differs from it.
bool square(const Network& net, int l) {
    return net.layers[l].size == net.layers[l - 1].size && net.layers[l].size >= 2;
}

bool applies_at(Mistake m, int l, const Network& net, const TrainingConfig& c) {
    const Layer& layer = net.layers[l];
    const bool steps = c.learning_rate != 0.0;
    switch (m) {
        case Mistake::forgot_derivative: return !activation_info(layer.activation).identity;
        case Mistake::derivative_of_a: return !activation_info(layer.activation).fprime_from_a.empty();
        case Mistake::error_sign: return l == net.L();
        case Mistake::update_sign: return steps;
        case Mistake::mse_factor: return l == net.L() && (net.loss == Loss::mse || net.loss == Loss::mse_half);
        case Mistake::transposed_forward: return square(net, l);
        case Mistake::transposed_backward: return l < net.L() && square(net, l + 1);
        case Mistake::transposed_gradient: return std::min(layer.size, net.layers[l - 1].size) >= 2;
        case Mistake::updated_weights_in_backward: return l < net.L() && steps;
        case Mistake::bias_forgotten_in_z:
            return layer.bias && std::any_of(layer.b.begin(), layer.b.end(), [](double b) { return b != 0.0; });
        case Mistake::bias_not_updated: return layer.bias && !c.freeze_biases && steps;
        case Mistake::none:
        case Mistake::batch_mean_forgotten:
        case Mistake::batch_mean_twice: return false;
    }
    return false;
}

// ---- [SECTION] the pass with a mistake --------------------------------------------------------------------

// One pass in which the mistake is made at the layers marked in `made_at`: the layer walk of passes.h, whose
// steps a student gets right come from the batch kernels; the step where the mistake is made is this
// class's own.
class MistakenPass final : public LayerWalk {
public:
    MistakenPass(const Network& net, const TrainingConfig& c, Mistake m, int layer, int N)
        : net_(net), c_(c), m_(m), N_(N), made_at_(net.L() + 1, false) {
        for (int l = 1; l <= net.L(); ++l)
            made_at_[l] = (layer == kEveryLayer || layer == l) && applies_at(m, l, net, c);
    }

    void loss(const Matrix& Y, Trace& t) const {
        const LayerTrace& out = t.layers.back();
        const int K = out.a.cols;
        t.sample_losses.assign(N_, 0.0);
        double sum = 0.0;
        for (int n = 0; n < N_; ++n) {
            const double* a = out.a.row(n);
            const double* y = Y.row(n);
            if (made(Mistake::mse_factor, net_.L())) {
                double s = 0.0;
                for (int j = 0; j < K; ++j) s += (a[j] - y[j]) * (a[j] - y[j]);
                t.sample_losses[n] = net_.loss == Loss::mse ? 0.5 * s : s;  // ½ put into MSE / ½ left out
            } else {
                t.sample_losses[n] = sample_loss(net_.loss, net_.layers.back().activation, out.z.row(n), a, y, K);
            }
            sum += t.sample_losses[n];
        }
        if (m_ == Mistake::batch_mean_forgotten) t.loss = sum;                       // Σ_n L_n
        else if (m_ == Mistake::batch_mean_twice) t.loss = sum / N_ / N_;            // (1/N²) Σ_n L_n
        else t.loss = sum / N_;                                                      // (1/N) Σ_n L_n
    }

    // The 1/N that every δ carries, as the student has it.
    double inv_n() const {
        if (m_ == Mistake::batch_mean_forgotten) return 1.0;
        if (m_ == Mistake::batch_mean_twice) return 1.0 / N_ / N_;
        return 1.0 / N_;
    }

    Network update(const Trace& t) const {
        Network after = net_;
        for (int l = 1; l <= net_.L(); ++l) after.layers[l] = updated(l, t);
        return after;
    }

private:
    bool made(Mistake which, int l) const { return m_ == which && made_at_[l]; }

    // z^l: the columns of W^l swapped, or the bias left out, where the mistake is made.
    void weighted_inputs(const Network& net, int l, const Matrix& a_prev, Matrix& z) override {
        if (!made(Mistake::transposed_forward, l) && !made(Mistake::bias_forgotten_in_z, l))
            return LayerWalk::weighted_inputs(net, l, a_prev, z);
        const Layer& layer = net_.layers[l];
        for (int n = 0; n < a_prev.rows; ++n)
            for (int j = 0; j < layer.size; ++j) {
                double s = 0.0;
                if (made(Mistake::transposed_forward, l)) {
                    for (int k = 0; k < layer.W.cols; ++k) s += layer.W(k, j) * a_prev(n, k);  // Σ_k w^l_kj a_k (swapped)
                    s += layer.b[j];
                } else {
                    for (int k = 0; k < layer.W.cols; ++k) s += layer.W(j, k) * a_prev(n, k);  // Σ_k w^l_jk a_k, no + b
                }
                z(n, j) = s;
            }
    }

    void output_deltas(const Network& net, const Matrix& Y, double inv_n, Trace& t) override {
        const int L = net_.L();
        LayerTrace& out = t.layers[L];
        if (!made(Mistake::forgot_derivative, L) && !made(Mistake::derivative_of_a, L) && !made(Mistake::mse_factor, L)) {
            LayerWalk::output_deltas(net, Y, inv_n, t);
            if (made(Mistake::error_sign, L))
                for (double& d : out.delta.v) d = -d;  // y − a in place of a − y
            return;
        }
        for (int n = 0; n < N_; ++n) output_delta_of(out, Y.row(n), inv_n, n);
    }

    void output_delta_of(LayerTrace& out, const double* y, double inv_n, int n) const {
        const int L = net_.L(), K = out.a.cols;
        const Activation f = net_.layers[L].activation;
        const double* z = out.z.row(n);
        const double* a = out.a.row(n);
        double* delta = out.delta.row(n);
        const bool forgot = made(Mistake::forgot_derivative, L), of_a = made(Mistake::derivative_of_a, L);
        const bool factor = made(Mistake::mse_factor, L);
        std::vector<double> g(K);  // ∂L/∂a as the student has it
        for (int j = 0; j < K; ++j) {
            if (!factor) g[j] = loss_derivative(net_.loss, a, y, K, j);
            else if (net_.loss == Loss::mse) g[j] = (a[j] - y[j]) / K;  // ½-MSE's (a − y), factor 2 missing
            else g[j] = 2.0 * (a[j] - y[j]);                             // MSE's 2(a − y) for ½-MSE
        }
        for (int m = 0; m < K; ++m) {
            if (forgot) delta[m] = g[m] * inv_n;                                              // ∂L/∂a, no f′
            else if (of_a) delta[m] = g[m] * activation_derivative(f, a[m]) * inv_n;         // f′(a)
            else if (f != Activation::softmax) delta[m] = g[m] * activation_derivative(f, z[m]) * inv_n;
            else {
                double s = 0.0;
                for (int i = 0; i < K; ++i) s += g[i] * activation_jacobian(f, z, a, i, m);  // Σ_i g_i ∂a_i/∂z_m
                delta[m] = s * inv_n;
            }
        }
    }

    void hidden_deltas(const Network& net, int l, Trace& t) override {
        if (!made(Mistake::transposed_backward, l) && !made(Mistake::forgot_derivative, l) &&
            !made(Mistake::derivative_of_a, l) && !made(Mistake::updated_weights_in_backward, l))
            return LayerWalk::hidden_deltas(net, l, t);
        // The student who updates as they go sends δ back through the already-updated W^(l+1).
        Layer next = net_.layers[l + 1];
        if (made(Mistake::updated_weights_in_backward, l)) {
            gradients(net, l + 1, t);
            next = updated(l + 1, t);
        }
        LayerTrace& cur = t.layers[l];
        for (int n = 0; n < N_; ++n)
            for (int j = 0; j < net_.layers[l].size; ++j)
                cur.delta(n, j) = hidden_delta_of(l, next, t.layers[l + 1].delta.row(n), cur, n, j);
    }

    double hidden_delta_of(int l, const Layer& next, const double* delta_next, const LayerTrace& cur, int n,
                           int j) const {
        const Activation f = net_.layers[l].activation;
        const double z = cur.z(n, j), a = cur.a(n, j);
        if (made(Mistake::transposed_backward, l)) {
            double s = 0.0;
            for (int k = 0; k < next.size; ++k) s += next.W(j, k) * delta_next[k];  // Σ_k w_jk δ_k (swapped)
            return s * activation_derivative(f, z);
        }
        if (made(Mistake::forgot_derivative, l)) return bp::hidden_delta(next, j, delta_next, Activation::linear, z);
        if (made(Mistake::derivative_of_a, l))
            return bp::hidden_delta(next, j, delta_next, Activation::linear, z) * activation_derivative(f, a);
        return bp::hidden_delta(next, j, delta_next, f, z);
    }

    // ∂L/∂W^l with δ_k a_j in place of δ_j a_k where the mistake is made.
    void gradients(const Network& net, int l, Trace& t) override {
        if (!made(Mistake::transposed_gradient, l)) return LayerWalk::gradients(net, l, t);
        LayerTrace& cur = t.layers[l];
        const Matrix& a_prev = t.layers[l - 1].a;
        const int rows = net_.layers[l].size, cols = net_.layers[l - 1].size;
        cur.dW = Matrix(rows, cols);
        cur.db.assign(rows, 0.0);
        for (int j = 0; j < rows; ++j) {
            for (int k = 0; k < cols; ++k) {
                if (k < rows && j < cols) cur.dW(j, k) = weight_gradient(cur.delta, a_prev, k, j);  // δ_k a_j
                else cur.dW(j, k) = std::numeric_limits<double>::quiet_NaN();  // w_kj does not exist
            }
            cur.db[j] = bias_gradient(cur.delta, j);
        }
    }

    // Layer l after one SGD step from the gradients in t.
    Layer updated(int l, const Trace& t) const {
        Layer layer = net_.layers[l];
        const LayerTrace& g = t.layers[l];
        const double eta = c_.learning_rate;
        const bool flipped = made(Mistake::update_sign, l);
        for (std::size_t i = 0; i < layer.W.v.size(); ++i) {
            const double w = layer.W.v[i];
            layer.W.v[i] = !flipped ? sgd_update(w, g.dW.v[i], eta, c_.l2)      // w − η(∂L/∂w + λw)
                                    : w + eta * (g.dW.v[i] + c_.l2 * w);        // w + η(∂L/∂w + λw)
        }
        if (!layer.bias || c_.freeze_biases || made(Mistake::bias_not_updated, l)) return layer;
        for (int j = 0; j < layer.size; ++j)
            layer.b[j] = !flipped ? sgd_update(layer.b[j], g.db[j], eta, 0.0) : layer.b[j] + eta * g.db[j];
        return layer;
    }

    const Network& net_;
    const TrainingConfig& c_;
    Mistake m_;
    int N_;
    std::vector<bool> made_at_;  // (L + 1): the mistake is made at layer l
};

}  // namespace

// ---- [SECTION] public functions -------------------------------------------------------------------------

std::string_view to_string(Mistake m) {
    switch (m) {
        case Mistake::none: return "none";
        case Mistake::forgot_derivative: return "forgot_derivative";
        case Mistake::derivative_of_a: return "derivative_of_a";
        case Mistake::error_sign: return "error_sign";
        case Mistake::update_sign: return "update_sign";
        case Mistake::batch_mean_forgotten: return "batch_mean_forgotten";
        case Mistake::batch_mean_twice: return "batch_mean_twice";
        case Mistake::mse_factor: return "mse_factor";
        case Mistake::transposed_forward: return "transposed_forward";
        case Mistake::transposed_backward: return "transposed_backward";
        case Mistake::transposed_gradient: return "transposed_gradient";
        case Mistake::updated_weights_in_backward: return "updated_weights_in_backward";
        case Mistake::bias_forgotten_in_z: return "bias_forgotten_in_z";
        case Mistake::bias_not_updated: return "bias_not_updated";
    }
    return "?";
}

bool mistake_applies(Mistake m, int layer, const Network& net, int batch_size, const TrainingConfig& config) {
    if (is_batch_mistake(m)) return layer == kEveryLayer && batch_size > 1;
    if (layer == kEveryLayer) {
        for (int l = 1; l <= net.L(); ++l)
            if (applies_at(m, l, net, config)) return true;
        return false;
    }
    return layer >= 1 && layer <= net.L() && applies_at(m, layer, net, config);
}

MistakeRun run_with_mistake(const Network& net, const Matrix& X, const Matrix& Y, const TrainingConfig& config,
                            Mistake m, int layer) {
    MistakeRun run;
    run.mistake = m;
    run.layer = layer;
    MistakenPass pass(net, config, m, layer, X.rows);
    pass.forward(net, X, run.trace);
    pass.loss(Y, run.trace);
    pass.backward(net, Y, pass.inv_n(), run.trace);
    run.after = pass.update(run.trace);
    return run;
}

std::vector<MistakeRun> run_all_mistakes(const Network& net, const Matrix& X, const Matrix& Y,
                                         const TrainingConfig& config) {
    std::vector<MistakeRun> runs;
    for (Mistake m : kAllMistakes) {
        if (is_batch_mistake(m)) {
            if (mistake_applies(m, kEveryLayer, net, X.rows, config))
                runs.push_back(run_with_mistake(net, X, Y, config, m, kEveryLayer));
            continue;
        }
        int layers = 0;
        for (int l = 1; l <= net.L(); ++l)
            if (applies_at(m, l, net, config)) {
                runs.push_back(run_with_mistake(net, X, Y, config, m, l));
                ++layers;
            }
        if (layers >= 2) runs.push_back(run_with_mistake(net, X, Y, config, m, kEveryLayer));
    }
    return runs;
}

}  // namespace bp
