// Divergence detection and checkpoints: the chance-level loss derived by hand for each loss, the watch's
// smoothed loss (s ← s + 0.1(loss − s)) crossing 5 × the baseline, NaN and overflow, the message, and
// which checkpoint a rewind goes to.
#include <gtest/gtest.h>

#include <cmath>

#include "app/studio/state/divergence.h"
#include "engine/core/network.h"

using namespace studio;

namespace {

bp::Dataset targets(int N, int K, std::vector<double> y) {
    bp::Dataset d{bp::Matrix(N, 1), bp::Matrix(N, K)};
    d.Y.v = std::move(y);
    return d;
}

bp::Network tiny(double w) {
    bp::Network net = bp::make_network({1, 1}, {bp::Activation::linear}, bp::Loss::mse_half, bp::InitScheme::xavier, 1);
    net.layers[1].W(0, 0) = w;
    return net;
}

}  // namespace

TEST(Divergence, ChanceLossIsTheLossOfTheMeanTarget) {
    // BCE, y = 1, 1, 1, 0: ȳ = 0.75, L = −(3 log 0.75 + log 0.25) / 4 = 0.562335145
    EXPECT_NEAR(chance_loss(bp::Loss::binary_cross_entropy, targets(4, 1, {1, 1, 1, 0})), 0.562335145, 1e-9);
    // cross-entropy on the same classes one-hot: ȳ = (0.75, 0.25), the same number
    EXPECT_NEAR(chance_loss(bp::Loss::cross_entropy, targets(4, 2, {1, 0, 1, 0, 1, 0, 0, 1})), 0.562335145, 1e-9);
    // ½-squared error, y = 0, 2: ȳ = 1, each sample ½·1² → 0.5
    EXPECT_DOUBLE_EQ(chance_loss(bp::Loss::mse_half, targets(2, 1, {0, 2})), 0.5);
    // mse with K = 2, rows (0, 0), (2, 4): ȳ = (1, 2), each sample (1 + 4) / 2 = 2.5
    EXPECT_DOUBLE_EQ(chance_loss(bp::Loss::mse, targets(2, 2, {0, 0, 2, 4})), 2.5);
    // all one class: BCE with ȳ kept at 1 − 1e-6: −log(1 − 1e-6) ≈ 1e-6
    EXPECT_NEAR(chance_loss(bp::Loss::binary_cross_entropy, targets(3, 1, {1, 1, 1})), 1e-6, 1e-9);
}

TEST(Divergence, SmoothedLossExplodingPastFiveTimesTheBaseline) {
    DivergenceWatch w;
    w.start(1.0);
    for (long t = 0; t < 20; ++t) EXPECT_FALSE(w.observe(t, 1.0, false, 0.1)) << t;
    EXPECT_DOUBLE_EQ(w.smoothed(), 1.0);
    EXPECT_FALSE(w.observe(20, 30.0, false, 0.1)) << "one spike: s = 1 + 0.1·29 = 3.9 < 5";
    EXPECT_NEAR(w.smoothed(), 3.9, 1e-12);
    const auto d = w.observe(21, 20.0, false, 8.0);  // s = 3.9 + 0.1·16.1 = 5.51 > 5
    ASSERT_TRUE(d);
    EXPECT_EQ(d->kind, DivergenceKind::exploded);
    EXPECT_EQ(d->step, 21);
    EXPECT_NEAR(d->smoothed, 5.51, 1e-12);
    EXPECT_DOUBLE_EQ(d->baseline, 1.0);
    EXPECT_DOUBLE_EQ(d->learning_rate, 8.0);
}

TEST(Divergence, NotANumberAndOverflowAreCaughtAtOnce) {
    DivergenceWatch w;
    w.start(0.7);
    EXPECT_FALSE(w.observe(0, 0.7, false, 1));
    auto d = w.observe(1, std::nan(""), false, 1);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->kind, DivergenceKind::not_finite);
    d = w.observe(2, INFINITY, false, 1);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->kind, DivergenceKind::not_finite);
    d = w.observe(3, 0.6, true, 1);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->kind, DivergenceKind::overflow);
    EXPECT_DOUBLE_EQ(w.smoothed(), 0.7) << "a bad step does not enter the smoothed loss";
}

TEST(Divergence, MessageNamesTheStepAndTheLearningRate) {
    Divergence d;
    d.kind = DivergenceKind::exploded, d.step = 812, d.learning_rate = 8.0, d.smoothed = 7.3, d.baseline = 0.69;
    const std::string m = divergence_message(d);
    EXPECT_NE(m.find("exploded at step 812"), std::string::npos) << m;
    EXPECT_NE(m.find("learning rate 8 is probably too high"), std::string::npos) << m;
    d.kind = DivergenceKind::not_finite;
    EXPECT_NE(divergence_message(d).find("stopped being a number at step 812"), std::string::npos);
}

TEST(Divergence, RewindGoesToTheLowestLossKept) {
    Checkpoints c(50, 3);
    EXPECT_EQ(c.rewind_target(), nullptr);
    EXPECT_TRUE(c.due(0));
    const double loss[] = {1.0, 0.5, 0.4, 3.0, 9.0};
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(c.due(i * 50));
        c.add(i * 50, loss[i], tiny(i));
        EXPECT_FALSE(c.due(i * 50 + 49));
    }
    EXPECT_EQ(c.size(), 3u);  // steps 100, 150, 200
    ASSERT_NE(c.rewind_target(), nullptr);
    EXPECT_EQ(c.rewind_target()->step, 100);
    EXPECT_DOUBLE_EQ(c.rewind_target()->net.layers[1].W(0, 0), 2.0) << "the copy taken at step 100";
}

TEST(Divergence, TheBestEverOutlivesTheRecentOnes) {
    Checkpoints c(10, 2);
    const double loss[] = {1.0, 0.2, 0.5, 0.6, 0.7};
    for (int i = 0; i < 5; ++i) c.add(i * 10, loss[i], tiny(i));
    c.add(50, std::nan(""), tiny(99));  // never kept
    ASSERT_NE(c.rewind_target(), nullptr);
    EXPECT_EQ(c.rewind_target()->step, 10);
    c.forget_after(35);  // drops 40 (the recent ones were 30, 40)
    EXPECT_EQ(c.size(), 1u);
    EXPECT_EQ(c.rewind_target()->step, 10);
    c.forget_after(5);
    EXPECT_EQ(c.rewind_target(), nullptr) << "nothing at or before step 5 is left";
    c.add(60, 0.3, tiny(6));
    c.add(70, 0.3, tiny(7));
    EXPECT_EQ(c.rewind_target()->step, 70) << "the newest of equals";
}
