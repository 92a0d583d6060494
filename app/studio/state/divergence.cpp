// Divergence detection, chance-level loss and checkpoints (see divergence.h).
#include "app/studio/state/divergence.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/teaching/notation.h"

namespace studio {

std::string divergence_message(const Divergence& d) {
    const std::string at = " at step " + std::to_string(d.step);
    const std::string lr = " — the learning rate " + bp::format_number(d.learning_rate, 4, false) + " is probably too high.";
    switch (d.kind) {
        case DivergenceKind::not_finite: return "The loss stopped being a number" + at + lr;
        case DivergenceKind::overflow:
            return "The update" + at + " made a weight infinite (it was undone)" + lr;
        case DivergenceKind::exploded:
            return "The loss exploded" + at + " (" + bp::format_number(d.smoothed, 3, false) + ", over " +
                   bp::format_number(DivergenceWatch::kExplodeFactor, 2, false) + "× the " +
                   bp::format_number(d.baseline, 3, false) + " it started from)" + lr;
    }
    return "";
}

double chance_loss(bp::Loss loss, const bp::Dataset& d) {
    const int N = d.size(), K = d.Y.cols;
    if (N == 0 || K == 0) return 0.0;
    std::vector<double> mean(K, 0.0);  // ȳ_k = (1/N) Σ_n y_nk
    for (int n = 0; n < N; ++n)
        for (int k = 0; k < K; ++k) mean[k] += d.Y(n, k) / N;
    const auto term = bp::loss_info(loss).chance_term;
    double sum = 0.0;
    for (int n = 0; n < N; ++n)
        for (int k = 0; k < K; ++k) sum += term(mean[k], d.Y(n, k), K);  // the loss's own term for ȳ
    return sum / N;
}

void DivergenceWatch::start(double baseline) {
    started_ = true;
    primed_ = false;
    baseline_ = baseline;
    smoothed_ = 0;
}

std::optional<Divergence> DivergenceWatch::observe(long step, double loss, bool update_overflowed,
                                                   double learning_rate) {
    Divergence d;
    d.step = step;
    d.loss = loss;
    d.baseline = baseline_;
    d.learning_rate = learning_rate;
    if (!std::isfinite(loss)) {
        d.kind = DivergenceKind::not_finite;
        d.smoothed = smoothed_;
        return d;
    }
    if (update_overflowed) {
        d.kind = DivergenceKind::overflow;
        d.smoothed = smoothed_;
        return d;
    }
    smoothed_ = primed_ ? smoothed_ + kSmoothing * (loss - smoothed_) : loss;  // s ← s + α(loss − s)
    primed_ = true;
    d.smoothed = smoothed_;
    if (started_ && baseline_ > 0 && smoothed_ > kExplodeFactor * baseline_) {
        d.kind = DivergenceKind::exploded;
        return d;
    }
    return std::nullopt;
}

void Checkpoints::clear() {
    recent_.clear();
    best_.reset();
}

void Checkpoints::add(long step, double loss, const bp::Network& net) {
    if (!std::isfinite(loss)) return;
    recent_.push_back({step, loss, net});
    while (recent_.size() > keep_) recent_.pop_front();
    if (!best_ || loss <= best_->loss) best_ = recent_.back();
}

const Checkpoint* Checkpoints::rewind_target() const {
    const Checkpoint* best = best_ ? &*best_ : nullptr;
    for (const Checkpoint& c : recent_)  // ascending steps: "<=" keeps the newest of equals
        if (!best || c.loss < best->loss || (c.loss == best->loss && c.step >= best->step)) best = &c;
    return best;
}

void Checkpoints::forget_after(long step) {
    while (!recent_.empty() && recent_.back().step > step) recent_.pop_back();
    if (best_ && best_->step > step) {
        best_.reset();
        for (const Checkpoint& c : recent_)
            if (!best_ || c.loss <= best_->loss) best_ = c;
    }
}

}  // namespace studio
