// The loss over training steps, what the loss curve draws and File ▸ Export writes, in bounded memory:
// every step until kCapacity points are stored, then fewer and fewer (a million steps take the same
// few hundred kilobytes as ten thousand). Every stored point is a real step with its real losses.
// Window-free.
//
// How it thins: steps fall into buckets of `stride` consecutive steps (stride 1, 2, 4, …). Of each
// bucket only the steps with the lowest and the highest training loss stay (a loss that is not a finite
// number counts as the highest), so a spike or a divergence survives any amount of thinning, and the
// band between the two is the band the batch loss wandered in. Step 0 and the newest step always stay
// too (the curve starts where training started and ends at the current loss). When a new point would
// pass the capacity, the stride doubles and neighbouring buckets merge pairwise, keeping the extremes of
// the four; that is exact, since the extremes of a union are among the extremes of its parts. The test
// loss rides along with the training loss of the same step (it is measured on the whole test set, so it
// is smooth and is not thinned on its own).
#pragma once
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

namespace studio {

struct LossPoint {
    long step = 0;      // 0-based, as AppState::steps_done counts the steps
    double train = 0;   // the loss of that step's batch, before its update
    double test = std::numeric_limits<double>::quiet_NaN();  // the test-set loss before it; NaN: no test data
};

class LossHistory {
public:
    // 16384 points of 24 bytes: 384 KiB at most. After a thinning between 4096 and 8192 buckets remain
    // (two points each), so even a curve spanning a 4K screen keeps at least one bucket per pixel column.
    static constexpr std::size_t kCapacity = 16384;
    // Edit marks beyond this many drop the oldest (a mark is drawn as a line: thousands would be a wall).
    static constexpr std::size_t kMaxEdits = 1024;

    // Records step steps(): its batch loss and, when there is test data, the test loss.
    void append(double train, std::optional<double> test = std::nullopt);
    // Keeps the first `steps` steps (step numbers below it) and their edit marks at or before `steps`
    // (the Lab's rewind). Cutting into the thinned past cannot bring back thinned steps:
    // the last kept point is then the last one stored before the cut. New steps are kept one by one again
    // until the capacity calls for thinning.
    void truncate(long steps);
    void clear() { *this = LossHistory{}; }
    // The user edited the network when `step` steps were done (one mark per step, ascending).
    void mark_edit(long step);

    long steps() const { return steps_; }  // steps recorded: the number the next append gets
    std::size_t size() const { return points_.size(); }
    bool empty() const { return points_.empty(); }
    const std::vector<LossPoint>& points() const { return points_; }  // ascending, unique steps
    const LossPoint& last() const { return points_.back(); }           // the newest step; not when empty()
    const std::vector<long>& edits() const { return edits_; }
    long stride() const { return stride_; }  // steps per bucket of the newest points
    // The index of the stored point whose step is nearest to `step` (the earlier of two as near);
    // not when empty().
    std::size_t nearest(long step) const;

private:
    void thin_newest_bucket(bool keep_newest);
    void compact();

    std::vector<LossPoint> points_;
    std::vector<long> edits_;
    long steps_ = 0;
    long stride_ = 1;
};

}  // namespace studio
