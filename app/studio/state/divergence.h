// Noticing that training has gone wrong, and the way back: a watch that flags a loss that is no longer
// a number or that explodes, and a small store of earlier parameters to rewind to. Window-free.
//
// "Explodes": the smoothed batch loss (an exponential moving average over about ten steps) rises above
// kExplodeFactor × the baseline, where the baseline is the larger of the loss when training started and
// the chance-level loss (predicting the mean target for every sample). A classifier that does worse
// than five coin flips, or a regression five times worse than where it started, has left the valley.
#pragma once
#include <cstddef>
#include <deque>
#include <optional>
#include <string>

#include "engine/core/document.h"

namespace studio {

enum class DivergenceKind {
    not_finite,  // the loss of a batch became NaN or ±∞
    overflow,    // the update overflowed a parameter (bp::Trainer undid it)
    exploded,    // the smoothed loss rose far above the baseline
};

struct Divergence {
    DivergenceKind kind = DivergenceKind::exploded;
    long step = 0;          // the step (0-based, as in the loss history) whose loss gave it away
    double loss = 0;        // that batch's loss (may be NaN)
    double smoothed = 0;    // the smoothed loss then
    double baseline = 0;    // what it was compared with
    double learning_rate = 0;
};

// One plain sentence for the user, e.g. "The loss exploded at step 812 — the learning rate 8 is
// probably too high."
std::string divergence_message(const Divergence& d);

// The loss of the best constant guess: every sample predicted as the mean target ȳ (for cross-entropy
// ȳ is a distribution over the classes; for binary cross-entropy each ȳ_k is kept inside [1e-6, 1 − 1e-6]).
double chance_loss(bp::Loss loss, const bp::Dataset& d);

class DivergenceWatch {
public:
    static constexpr double kExplodeFactor = 5.0;
    static constexpr double kSmoothing = 0.1;  // s ← s + 0.1·(loss − s)

    // A new run: compare with `baseline` (see above); forgets the smoothed loss.
    void start(double baseline);
    bool started() const { return started_; }
    // Feeds the loss of step `step`; `update_overflowed` is bp::Trainer::diverged(). Returns the
    // divergence when this step gives one away. The learning rate only goes into the report.
    std::optional<Divergence> observe(long step, double loss, bool update_overflowed, double learning_rate);
    double smoothed() const { return smoothed_; }
    double baseline() const { return baseline_; }

private:
    bool started_ = false, primed_ = false;
    double baseline_ = 0, smoothed_ = 0;
};

// A copy of the parameters at one step.
struct Checkpoint {
    long step = 0;     // steps done when it was taken
    double loss = 0;   // the training-set loss of these parameters
    bp::Network net;
};

// Checkpoints every `every` steps: the last `keep` of them, plus the best one ever taken (so a slow
// drift that outlasts the recent ones still has somewhere good to go back to).
class Checkpoints {
public:
    explicit Checkpoints(long every = 50, std::size_t keep = 16) : every_(every), keep_(keep) {}
    void clear();
    long every() const { return every_; }
    bool due(long step) const { return recent_.empty() || step - recent_.back().step >= every_; }
    // Takes a copy; a non-finite loss is never kept.
    void add(long step, double loss, const bp::Network& net);
    // Where "rewind" goes: the checkpoint with the lowest loss among those kept (the newest of equals),
    // or null when there is none.
    const Checkpoint* rewind_target() const;
    // Drops the checkpoints taken after `step` (after a rewind, or when the history is cut).
    void forget_after(long step);
    std::size_t size() const { return recent_.size(); }

private:
    long every_;
    std::size_t keep_;
    std::deque<Checkpoint> recent_;
    std::optional<Checkpoint> best_;
};

}  // namespace studio
