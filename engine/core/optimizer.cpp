// Optimisers and the training loop (see optimizer.h). Update rules follow torch.optim:
//   sgd       w ← w − η g
//   momentum  v ← μ v + g;  w ← w − η v
//   adam      m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  w ← w − η m̂ / (√v̂ + ε)
// where g = ∂L/∂w + λw for weights (L2 applies to weights only, not biases).
#include "engine/core/optimizer.h"

#include <algorithm>
#include <cmath>

#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/kernels/vector_clones.h"

namespace bp {
namespace {

void ensure_state(const Network& net, OptimizerState& s) {
    if (static_cast<int>(s.mW.size()) == net.L() + 1) return;
    s.mW.assign(net.L() + 1, Matrix());
    s.vW.assign(net.L() + 1, Matrix());
    s.mb.assign(net.L() + 1, {});
    s.vb.assign(net.L() + 1, {});
    for (int l = 1; l <= net.L(); ++l) {
        s.mW[l] = s.vW[l] = Matrix(net.layers[l].size, net.layers[l - 1].size);
        s.mb[l] = s.vb[l] = std::vector<double>(net.layers[l].size, 0.0);
    }
    s.t = 0;
}

struct UpdateRule {  // one optimiser rule applied to one parameter
    const TrainingConfig& c;
    double bias1, bias2;  // Adam's bias corrections 1 − β^t
    double operator()(double w, double g, double& m, double& v) const {
        switch (c.optimizer) {
            case OptimizerKind::sgd: return w - c.learning_rate * g;
            case OptimizerKind::momentum:
                m = c.momentum * m + g;
                return w - c.learning_rate * m;
            case OptimizerKind::adam: {
                m = c.beta1 * m + (1.0 - c.beta1) * g;
                v = c.beta2 * v + (1.0 - c.beta2) * g * g;
                return w - c.learning_rate * (m / bias1) / (std::sqrt(v / bias2) + c.epsilon);
            }
        }
        return w;
    }
};

// Adam squares each gradient into its second moment: a gradient above ~1.3e154 overflows it to ∞, and
// every later update of that parameter would be m̂/∞ = 0 — training would stop without a word.
bool adam_moment_overflows(const Network& net, const Trace& t, const TrainingConfig& c) {
    const auto overflows = [](double g) { return !std::isfinite(g * g); };
    for (int l = 1; l <= net.L(); ++l) {
        const Layer& layer = net.layers[l];
        const LayerTrace& g = t.layers[l];
        for (std::size_t i = 0; i < layer.W.v.size(); ++i)
            if (overflows(c.l2 != 0.0 ? g.dW.v[i] + c.l2 * layer.W.v[i] : g.dW.v[i])) return true;
        if (!layer.bias || c.freeze_biases) continue;
        for (double gb : g.db)
            if (overflows(gb)) return true;
    }
    return false;
}

// w ← w − η(g + λw) (λ = 0: w − η g) for n parameters: sgd_update in a loop that vectorises (the rates
// are copies, so no store into w can change them). Returns the non_finite_bits of the new values, OR-ed.
[[gnu::always_inline]] inline std::uint64_t sgd_update_all(double* __restrict w, const double* __restrict g,
                                                           std::size_t n, double learning_rate, double l2) {
    std::uint64_t bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        w[i] = sgd_update(w[i], g[i], learning_rate, l2);
        bad |= non_finite_bits(w[i]);
    }
    return bad;
}

// One layer's SGD step, W and (when update_bias) b, in one call.
BP_VECTOR_CLONES std::uint64_t sgd_update_layer(Layer& layer, const LayerTrace& g, double learning_rate, double l2,
                                                bool update_bias) {
    std::uint64_t bad = sgd_update_all(layer.W.v.data(), g.dW.v.data(), layer.W.v.size(), learning_rate, l2);
    if (update_bias) bad |= sgd_update_all(layer.b.data(), g.db.data(), layer.b.size(), learning_rate, 0.0);
    return bad;
}

}  // namespace

bool apply_update(Network& net, const Trace& t, const TrainingConfig& c, OptimizerState& s) {
    ensure_state(net, s);
    ++s.t;
    // Only Adam reads the bias corrections; pow of an underflowing β^t takes glibc's slow path, which
    // was 8 % of a per-sample SGD step.
    const bool adam = c.optimizer == OptimizerKind::adam;
    const UpdateRule rule{c, adam ? 1.0 - std::pow(c.beta1, static_cast<double>(s.t)) : 1.0,
                          adam ? 1.0 - std::pow(c.beta2, static_cast<double>(s.t)) : 1.0};
    std::uint64_t bad = 0;  // non_finite_bits of every new value, OR-ed
    for (int l = 1; l <= net.L(); ++l) {
        Layer& layer = net.layers[l];
        const LayerTrace& g = t.layers[l];
        const bool update_bias = layer.bias && !c.freeze_biases;
        if (c.optimizer == OptimizerKind::sgd) {
            bad |= sgd_update_layer(layer, g, c.learning_rate, c.l2, update_bias);
            continue;
        }
        for (std::size_t i = 0; i < layer.W.v.size(); ++i) {
            const double grad = c.l2 != 0.0 ? g.dW.v[i] + c.l2 * layer.W.v[i] : g.dW.v[i];
            layer.W.v[i] = rule(layer.W.v[i], grad, s.mW[l].v[i], s.vW[l].v[i]);
            bad |= non_finite_bits(layer.W.v[i]);
        }
        if (!update_bias) continue;
        for (int j = 0; j < layer.size; ++j) {
            layer.b[j] = rule(layer.b[j], g.db[j], s.mb[l][j], s.vb[l][j]);
            bad |= non_finite_bits(layer.b[j]);
        }
    }
    return bad == 0;
}

int effective_batch_size(const TrainingConfig& c, int N) { return c.batch_size > 0 ? std::min(c.batch_size, N) : N; }

void shuffle_epoch(std::vector<int>& order, std::uint64_t seed, long epoch) {
    Rng rng(seed * 1000003ull + static_cast<std::uint64_t>(epoch));
    for (int a = static_cast<int>(order.size()) - 1; a > 0; --a) std::swap(order[a], order[rng.below(a + 1)]);
}

Trainer::Trainer(const Dataset& data, const TrainingConfig& config) : data_(&data), config_(config) {
    if (data.size() == 0) throw Error("training needs at least one sample");
    batch_ = effective_batch_size(config, data.size());
    order_.resize(data.size());
    for (int i = 0; i < data.size(); ++i) order_[i] = i;
}

void Trainer::set_config(const TrainingConfig& c) {
    if (c.optimizer != config_.optimizer) state_ = OptimizerState{};
    config_ = c;
    batch_ = effective_batch_size(c, data_->size());
}

void Trainer::next_batch() {
    const int N = data_->size();
    if (Xb_.rows != batch_ || Xb_.cols != data_->X.cols) Xb_ = Matrix(batch_, data_->X.cols);
    if (Yb_.rows != batch_ || Yb_.cols != data_->Y.cols) Yb_ = Matrix(batch_, data_->Y.cols);
    // Step s takes samples s·B … s·B+B−1 (mod N): in file order, or in this epoch's shuffled order.
    for (int i = 0; i < batch_;) {
        const long pos = (step_ * batch_ + i) % N;
        // In file order the rows up to the end of the data are one block: copied at once.
        const int run = config_.shuffle ? 1 : static_cast<int>(std::min<long>(batch_ - i, N - pos));
        if (config_.shuffle && pos == 0) shuffle_epoch(order_, config_.seed, (step_ * batch_ + i) / N);
        const int n = config_.shuffle ? order_[pos] : static_cast<int>(pos);
        std::copy(data_->X.row(n), data_->X.row(n) + run * Xb_.cols, Xb_.row(i));
        std::copy(data_->Y.row(n), data_->Y.row(n) + run * Yb_.cols, Yb_.row(i));
        i += run;
    }
}

double Trainer::step(Network& net) {
    next_batch();
    ++step_;
    forward(net, Xb_, trace_);
    compute_loss(net, Yb_, trace_);
    diverged_ = !std::isfinite(trace_.loss);
    if (diverged_) return trace_.loss;
    backward(net, Yb_, trace_);
    if (config_.optimizer == OptimizerKind::adam && adam_moment_overflows(net, trace_, config_)) {
        diverged_ = true;  // no update: the parameters and Adam's moments stay as they were
        return trace_.loss;
    }
    std::size_t parameters = 0;
    for (int l = 1; l <= net.L(); ++l) parameters += net.layers[l].W.v.size() + net.layers[l].b.size();
    backup_.resize(parameters);
    double* saved = backup_.data();
    for (int l = 1; l <= net.L(); ++l) {
        saved = std::copy(net.layers[l].W.v.begin(), net.layers[l].W.v.end(), saved);
        saved = std::copy(net.layers[l].b.begin(), net.layers[l].b.end(), saved);
    }
    if (!apply_update(net, trace_, config_, state_)) {  // the update overflowed: put the last good parameters back
        diverged_ = true;
        std::size_t i = 0;
        for (int l = 1; l <= net.L(); ++l) {
            for (double& w : net.layers[l].W.v) w = backup_[i++];
            for (double& b : net.layers[l].b) b = backup_[i++];
        }
    }
    return trace_.loss;
}

double evaluate_loss(const Network& net, const Dataset& d) {
    Trace t;
    forward(net, d.X, t);
    compute_loss(net, d.Y, t);
    return t.loss;
}

double accuracy(const Network& net, const Dataset& d) {
    if (d.size() == 0) return 0.0;
    Trace t;
    forward(net, d.X, t);
    const Matrix& a = t.layers.back().a;
    int right = 0;
    for (int n = 0; n < d.size(); ++n) {
        if (a.cols == 1) {
            right += (a(n, 0) >= 0.5) == (d.Y(n, 0) >= 0.5);
        } else {
            int pa = 0, py = 0;
            for (int k = 1; k < a.cols; ++k) {
                if (a(n, k) > a(n, pa)) pa = k;
                if (d.Y(n, k) > d.Y(n, py)) py = k;
            }
            right += pa == py;
        }
    }
    return static_cast<double>(right) / d.size();
}

}  // namespace bp
