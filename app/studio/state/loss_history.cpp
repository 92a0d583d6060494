// The bounded loss history (see loss_history.h for how it thins).
#include "app/studio/state/loss_history.h"

#include <algorithm>
#include <cmath>

namespace studio {
namespace {

// Whether training loss a ranks above b for "the highest of a bucket": anything above a finite loss is
// higher, and a loss that is not a finite number (the divergence itself) is above every finite one.
bool ranks_above(double a, double b) { return std::isfinite(b) && (!std::isfinite(a) || a > b); }

// Moves the points of one bucket, [begin, end), down to `out` (≤ begin): the lowest and the highest
// training loss (the earliest of equals), the first step of all and, when asked, the newest point.
// Returns the end of what was kept.
std::size_t thin(std::vector<LossPoint>& p, std::size_t begin, std::size_t end, bool keep_newest, std::size_t out) {
    std::size_t lo = begin, hi = begin;
    for (std::size_t i = begin + 1; i < end; ++i) {
        if (ranks_above(p[lo].train, p[i].train)) lo = i;
        if (ranks_above(p[i].train, p[hi].train)) hi = i;
    }
    for (std::size_t i = begin; i < end; ++i)  // reads i before anything is written there (out ≤ i)
        if (i == lo || i == hi || i == 0 || (keep_newest && i + 1 == end)) p[out++] = p[i];
    return out;
}

}  // namespace

void LossHistory::append(double train, std::optional<double> test) {
    // compact() runs as soon as the size passes kCapacity: with this, the points never reallocate.
    if (points_.capacity() < kCapacity + 1) points_.reserve(kCapacity + 1);
    const LossPoint p{steps_++, train, test.value_or(LossPoint{}.test)};
    if (!points_.empty() && points_.back().step / stride_ != p.step / stride_)
        thin_newest_bucket(false);  // that bucket is complete: its newest step no longer needs to stay
    points_.push_back(p);
    thin_newest_bucket(true);
    if (points_.size() > kCapacity) compact();
}

void LossHistory::thin_newest_bucket(bool keep_newest) {
    const long bucket = points_.back().step / stride_;
    std::size_t begin = points_.size() - 1;  // a bucket holds at most four points: this loop is short
    while (begin > 0 && points_[begin - 1].step / stride_ == bucket) --begin;
    points_.resize(thin(points_, begin, points_.size(), keep_newest, begin));
}

// Doubles the stride until the points fit, merging neighbouring buckets (the newest step stays).
void LossHistory::compact() {
    while (points_.size() > kCapacity) {
        stride_ *= 2;
        std::size_t out = 0, end = 0;
        for (std::size_t begin = 0; begin < points_.size(); begin = end) {
            const long bucket = points_[begin].step / stride_;
            for (end = begin + 1; end < points_.size() && points_[end].step / stride_ == bucket;) ++end;
            out = thin(points_, begin, end, end == points_.size(), out);
        }
        points_.resize(out);
    }
}

void LossHistory::truncate(long steps) {
    steps = std::max(0L, steps);
    if (steps >= steps_) return;
    const auto cut = std::lower_bound(points_.begin(), points_.end(), steps,
                                      [](const LossPoint& p, long s) { return p.step < s; });
    points_.erase(cut, points_.end());
    edits_.erase(std::upper_bound(edits_.begin(), edits_.end(), steps), edits_.end());
    steps_ = steps;
    // New steps are kept one by one again; compact() coarsens only as far as the capacity needs (the
    // points thinned before stay as they are until a stride that coarse comes round again).
    stride_ = 1;
}

void LossHistory::mark_edit(long step) {
    if (!edits_.empty() && edits_.back() >= step) return;  // one mark per step, ascending
    edits_.push_back(step);
    if (edits_.size() > kMaxEdits) edits_.erase(edits_.begin());
}

std::size_t LossHistory::nearest(long step) const {
    const auto it = std::lower_bound(points_.begin(), points_.end(), step,
                                     [](const LossPoint& p, long s) { return p.step < s; });
    if (it == points_.begin()) return 0;
    const std::size_t i = static_cast<std::size_t>(it - points_.begin());
    if (it == points_.end() || step - points_[i - 1].step <= it->step - step) return i - 1;
    return i;
}

}  // namespace studio
