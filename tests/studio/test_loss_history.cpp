// The bounded loss history: every step while it fits; a million steps stay within the capacity with
// the first and the newest step exact, real (step, loss) pairs only, and of every bucket of the final
// stride its true lowest and highest training loss (a spike, a NaN) kept; truncation into the thinned
// past, edit marks, the nearest point for the hover readout.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <vector>

#include "app/studio/state/loss_history.h"
#include "engine/core/rng.h"

using namespace studio;

namespace {

constexpr std::size_t kCap = LossHistory::kCapacity;

// What was appended: a noisy falling batch loss with a spike, a dip and a NaN, and a smooth test loss.
struct Losses {
    std::vector<double> train, test;
    explicit Losses(long steps) {
        bp::Rng rng(11);
        for (long t = 0; t < steps; ++t) {
            train.push_back(1.0 / (1.0 + 1e-4 * static_cast<double>(t)) + 0.05 * rng.uniform(0, 1));
            test.push_back(0.5 / (1.0 + 1e-4 * static_cast<double>(t)));
        }
    }
    void play(LossHistory& h, long from = 0) const {
        for (long t = from; t < static_cast<long>(train.size()); ++t) h.append(train[t], test[t]);
    }
};

// Every stored point is a real step with exactly the losses appended at that step, steps ascending.
void expect_real_points(const LossHistory& h, const Losses& run) {
    long prev = -1;
    for (const LossPoint& p : h.points()) {
        ASSERT_GT(p.step, prev) << "steps strictly increasing";
        ASSERT_LT(p.step, h.steps());
        if (std::isnan(run.train[p.step])) EXPECT_TRUE(std::isnan(p.train)) << p.step;
        else EXPECT_EQ(p.train, run.train[p.step]) << p.step;
        EXPECT_EQ(p.test, run.test[p.step]) << p.step;
        prev = p.step;
    }
}

bool has_step(const LossHistory& h, long step) {
    const auto it = std::lower_bound(h.points().begin(), h.points().end(), step,
                                     [](const LossPoint& p, long s) { return p.step < s; });
    return it != h.points().end() && it->step == step;
}

}  // namespace

TEST(LossHistory, KeepsEveryStepWhileItFits) {
    const Losses run(static_cast<long>(kCap));
    LossHistory h;
    EXPECT_TRUE(h.empty());
    h.append(run.train[0]);  // no test data at step 0
    EXPECT_TRUE(std::isnan(h.last().test));
    for (long t = 1; t < static_cast<long>(kCap); ++t) h.append(run.train[t], run.test[t]);
    ASSERT_EQ(h.size(), kCap);
    EXPECT_EQ(h.steps(), static_cast<long>(kCap));
    EXPECT_EQ(h.stride(), 1);
    for (std::size_t i = 1; i < kCap; ++i) {
        ASSERT_EQ(h.points()[i].step, static_cast<long>(i));
        EXPECT_EQ(h.points()[i].train, run.train[i]);
        EXPECT_EQ(h.points()[i].test, run.test[i]);
    }
}

TEST(LossHistory, AMillionStepsStayWithinTheCapacity) {
    constexpr long kSteps = 1'000'000;
    Losses run(kSteps);
    run.train[123'457] = 40.0;   // a spike
    run.train[333'333] = 1e-9;   // a dip
    run.train[654'321] = NAN;    // a step whose loss was not a number
    LossHistory h;
    run.play(h);
    EXPECT_EQ(h.steps(), kSteps);
    EXPECT_LE(h.size(), kCap);
    EXPECT_GE(h.size(), kCap / 4) << "thinned no more than the capacity needs";
    EXPECT_LE(h.points().capacity(), kCap + 1) << "the memory itself is bounded, not only the size";
    expect_real_points(h, run);
    EXPECT_EQ(h.points().front().step, 0) << "the first step stays";
    EXPECT_EQ(h.last().step, kSteps - 1) << "the newest step stays: the curve ends at the current loss";
    EXPECT_EQ(h.last().train, run.train[kSteps - 1]);
    EXPECT_TRUE(has_step(h, 123'457)) << "the spike";
    EXPECT_TRUE(has_step(h, 333'333)) << "the dip";
    EXPECT_TRUE(has_step(h, 654'321)) << "the NaN";
    EXPECT_GT(h.stride(), 1);
    EXPECT_EQ(h.stride() & (h.stride() - 1), 0) << "a power of two";
}

TEST(LossHistory, EveryBucketKeepsItsTrueLowestAndHighest) {
    constexpr long kSteps = 300'000;
    Losses run(kSteps);
    run.train[200'001] = INFINITY;
    LossHistory h;
    run.play(h);
    const long S = h.stride();
    ASSERT_GT(S, 1);
    std::map<long, int> per_bucket;
    for (const LossPoint& p : h.points()) ++per_bucket[p.step / S];
    const long newest = (kSteps - 1) / S;
    for (const auto& [b, n] : per_bucket)
        EXPECT_LE(n, b == 0 || b == newest ? 3 : 2) << "bucket " << b << ": lowest and highest (first, newest)";
    for (long b = 0; b < newest; ++b) {  // brute force over what was appended
        long lo = b * S, hi = b * S;
        for (long t = b * S; t < (b + 1) * S; ++t) {
            if (run.train[t] < run.train[lo]) lo = t;
            if (run.train[t] > run.train[hi]) hi = t;
        }
        EXPECT_TRUE(has_step(h, lo)) << "bucket " << b << " lowest at step " << lo;
        EXPECT_TRUE(has_step(h, hi)) << "bucket " << b << " highest at step " << hi;
    }
}

TEST(LossHistory, TruncateIntoTheThinnedPastThenTrainOn) {
    constexpr long kSteps = 1'000'000;
    const Losses run(kSteps);
    LossHistory h;
    run.play(h);
    h.truncate(500'000);
    EXPECT_EQ(h.steps(), 500'000);
    ASSERT_FALSE(h.empty());
    EXPECT_LT(h.last().step, 500'000);
    EXPECT_EQ(h.points().front().step, 0);
    for (long t = 500'000; t < 501'000; ++t) h.append(run.train[t], run.test[t]);
    EXPECT_EQ(h.stride(), 1) << "after a cut, new steps are kept one by one while they fit";
    for (long t = 500'000; t < 501'000; ++t) EXPECT_TRUE(has_step(h, t)) << t;
    run.play(h, 501'000);
    EXPECT_EQ(h.steps(), kSteps);
    EXPECT_LE(h.size(), kCap);
    EXPECT_EQ(h.last().step, kSteps - 1);
    expect_real_points(h, run);

    h.truncate(kSteps + 5);  // beyond the end: nothing to cut
    EXPECT_EQ(h.steps(), kSteps);
    h.truncate(0);
    EXPECT_TRUE(h.empty());
    EXPECT_EQ(h.steps(), 0);
    h.append(0.25);
    EXPECT_EQ(h.last().step, 0);
}

TEST(LossHistory, EditMarksAreAscendingUniqueAndBounded) {
    LossHistory h;
    h.mark_edit(0);
    h.mark_edit(0);
    h.mark_edit(3);
    h.mark_edit(2);  // out of order: ignored, the marks stay sorted for the readout's binary search
    EXPECT_EQ(h.edits(), (std::vector<long>{0, 3}));
    for (long t = 4; t < 4 + 3 * static_cast<long>(LossHistory::kMaxEdits); ++t) h.mark_edit(t);
    ASSERT_EQ(h.edits().size(), LossHistory::kMaxEdits);
    EXPECT_EQ(h.edits().back(), 3 + 3 * static_cast<long>(LossHistory::kMaxEdits)) << "the oldest go first";
    for (int t = 0; t < 5000; ++t) h.append(1.0);
    h.truncate(3000);
    EXPECT_EQ(h.edits().back(), 3000) << "a mark at the cut stays, later ones go";
    EXPECT_EQ(h.edits().front(), 4 + 2 * static_cast<long>(LossHistory::kMaxEdits));
    h.clear();
    EXPECT_TRUE(h.edits().empty());
}

TEST(LossHistory, NearestPointToAStep) {
    LossHistory h;
    for (int t = 0; t < 10; ++t) h.append(t);
    h.truncate(3);
    for (int t = 3; t < 10; ++t) h.append(t);
    EXPECT_EQ(h.nearest(-4), 0u);
    EXPECT_EQ(h.nearest(4), 4u);
    EXPECT_EQ(h.nearest(99), h.size() - 1);
    LossHistory thinned;
    const Losses run(200'000);
    run.play(thinned);
    for (long step : {0L, 777L, 123'456L, 199'999L}) {
        const LossPoint& p = thinned.points()[thinned.nearest(step)];
        for (const LossPoint& q : thinned.points()) ASSERT_LE(std::labs(p.step - step), std::labs(q.step - step)) << step;
    }
}
