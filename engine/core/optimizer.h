// Optimisers (SGD, SGD with momentum, Adam) and the training loop on mini-batches.
// The loop, in the words of the notes: take a batch, forward, loss, backward, then w <- w - eta dL/dw.
#pragma once
#include <cstdint>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/passes.h"

namespace bp {

// Optimiser state for every parameter (velocity / Adam moments), shaped like the network.
struct OptimizerState {
    std::vector<Matrix> mW, vW;               // per layer (n_l, n_(l-1))
    std::vector<std::vector<double>> mb, vb;  // per layer (n_l)
    long t = 0;                               // Adam's step count
};

// The plain SGD update of one weight, shared with the stepper: w − η(∂L/∂w + λw) (λ = 0: w − η ∂L/∂w).
inline double sgd_update(double w, double grad, double learning_rate, double l2) {
    return l2 != 0.0 ? w - learning_rate * (grad + l2 * w) : w - learning_rate * grad;
}

// Applies one update from the gradients in `t` (dW, db) to the network; l2 adds l2*w to dW.
// Biases are left alone when a layer has no bias or config.freeze_biases is set. Returns false when a
// parameter it wrote is not finite (the update overflowed).
bool apply_update(Network& net, const Trace& t, const TrainingConfig& config, OptimizerState& state);

// The samples per step: training.batch_size, or all N when it is 0; never more than N (a bigger batch
// would only repeat samples, and cost memory in proportion; the loader and the CLI refuse it).
int effective_batch_size(const TrainingConfig& c, int N);
// training.shuffle's order for epoch `epoch` (counted from 0): `order`, the previous epoch's order
// (0 … N−1 before the first), shuffled in place (Fisher–Yates) by a generator seeded from seed and epoch.
// The Trainer calls it at the start of every epoch; the exported scripts write its result out.
void shuffle_epoch(std::vector<int>& order, std::uint64_t seed, long epoch);

// Steps through the data: step s uses samples s*B .. s*B+B-1 (mod N) in file order,
// or a seeded shuffle per epoch when config.shuffle. Reuses its buffers: no allocation per step.
class Trainer {
public:
    Trainer(const Dataset& data, const TrainingConfig& config);
    // One step: forward + backward on the next batch, update. Returns that batch's loss before the update.
    double step(Network& net);
    long steps_done() const { return step_; }
    int batch_size() const { return batch_; }
    const Trace& last_trace() const { return trace_; }
    void set_config(const TrainingConfig& c);  // takes effect from the next step, no reset
    const TrainingConfig& config() const { return config_; }
    // True when the last step's loss or gradients were not finite, the update overflowed a parameter,
    // or a gradient was too large for Adam's second moment (|g| > ~1.3e154, g² overflows): that step's
    // update was not made or was undone, so the network holds the last good parameters.
    bool diverged() const { return diverged_; }

private:
    void next_batch();
    const Dataset* data_;
    TrainingConfig config_;
    int batch_;
    long step_ = 0;
    std::vector<int> order_;
    Matrix Xb_, Yb_;
    Trace trace_;
    OptimizerState state_;
    std::vector<double> backup_;
    bool diverged_ = false;
};

// Mean loss of the network on a whole data set (no gradients).
double evaluate_loss(const Network& net, const Dataset& d);
// Fraction of samples classified right (argmax for several outputs, threshold 0.5 for one).
double accuracy(const Network& net, const Dataset& d);

}  // namespace bp
