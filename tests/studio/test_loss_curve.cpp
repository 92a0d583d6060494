// Loss-curve math: min/max decimation by step keeps every point's extremes (a spike survives any zoom),
// ticks are 1/2/5 steps inside the range, and the axis mapping.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "app/studio/figures/loss_curve.h"
#include "engine/core/rng.h"

using namespace studio;

namespace {

// Points at the given steps with the given training losses (no test loss).
std::vector<LossPoint> points(const std::vector<long>& steps, const std::vector<double>& train) {
    std::vector<LossPoint> out;
    for (std::size_t i = 0; i < steps.size(); ++i) out.push_back({steps[i], train[i]});
    return out;
}

}  // namespace

TEST(LossCurve, DecimationCoversEveryPointOnceAndKeepsExtremes) {
    bp::Rng rng(7);
    std::vector<LossPoint> pts(1000003);
    for (std::size_t i = 0; i < pts.size(); ++i) pts[i] = {static_cast<long>(i), rng.uniform(0, 1)};
    pts[424242].train = 50.0;  // a spike
    pts[777].train = -3.0;     // a dip
    const int columns = 640;
    const double x_max = static_cast<double>(pts.size() - 1);
    const std::vector<ColumnRange> r = decimate_minmax(pts, &LossPoint::train, x_max, columns);
    ASSERT_EQ(static_cast<int>(r.size()), columns);
    long covered = 0;
    double top = -1e9, bottom = 1e9;
    for (int c = 0; c < columns; ++c) {
        ASSERT_LT(r[c].first, r[c].last) << "a million points fill every column";
        if (c > 0) {
            EXPECT_EQ(r[c].first, r[c - 1].last);
        }
        EXPECT_GE(pts[r[c].first].step, x_max * c / columns) << "the column holds its own steps";
        EXPECT_LT(pts[r[c].last - 1].step, c + 1 == columns ? x_max + 1 : x_max * (c + 1) / columns);
        covered += r[c].last - r[c].first;
        double mn = 1e9, mx = -1e9;  // brute force on this column
        for (long i = r[c].first; i < r[c].last; ++i) mn = std::min(mn, pts[i].train), mx = std::max(mx, pts[i].train);
        EXPECT_DOUBLE_EQ(r[c].min, mn);
        EXPECT_DOUBLE_EQ(r[c].max, mx);
        top = std::max(top, r[c].max), bottom = std::min(bottom, r[c].min);
    }
    EXPECT_EQ(covered, static_cast<long>(pts.size()));
    EXPECT_DOUBLE_EQ(top, 50.0);
    EXPECT_DOUBLE_EQ(bottom, -3.0);
}

TEST(LossCurve, PointsGoToTheColumnOfTheirStepNotOfTheirIndex) {
    // A thinned history: few points, far apart, as the x axis places them.
    const std::vector<LossPoint> pts = points({0, 10, 500, 999}, {4, 3, 2, 1});
    const std::vector<ColumnRange> r = decimate_minmax(pts, &LossPoint::train, 1000, 10);
    ASSERT_EQ(r.size(), 10u);
    EXPECT_EQ(r[0].first, 0);
    EXPECT_EQ(r[0].last, 2);
    EXPECT_DOUBLE_EQ(r[0].min, 3);
    EXPECT_DOUBLE_EQ(r[0].max, 4);
    EXPECT_EQ(r[5].first, 2);
    EXPECT_EQ(r[5].last, 3);
    EXPECT_EQ(r[9].first, 3);
    EXPECT_DOUBLE_EQ(r[9].min, 1);
    for (int c : {1, 2, 3, 4, 6, 7, 8}) {
        EXPECT_EQ(r[c].first, r[c].last) << "column " << c << " has no point";
        EXPECT_TRUE(r[c].empty);
    }
}

TEST(LossCurve, FewerPointsThanColumns) {
    const std::vector<LossPoint> pts = points({0, 1, 2}, {3, 1, 2});
    const std::vector<ColumnRange> r = decimate_minmax(pts, &LossPoint::train, 3, 10);
    int filled = 0;
    for (const ColumnRange& c : r) {
        EXPECT_LE(c.last - c.first, 1);
        if (!c.empty) {
            ++filled;
            EXPECT_DOUBLE_EQ(c.min, c.max);
        }
    }
    EXPECT_EQ(filled, 3);
}

TEST(LossCurve, NonFiniteValuesAreSkippedAndStepsOutsideTheAxisClamped) {
    const std::vector<LossPoint> pts = points({-5, 1, 2, 99}, {1.0, NAN, INFINITY, 0.5});
    const std::vector<ColumnRange> r = decimate_minmax(pts, &LossPoint::train, 4, 2);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_DOUBLE_EQ(r[0].min, 1.0);
    EXPECT_DOUBLE_EQ(r[0].max, 1.0);
    EXPECT_DOUBLE_EQ(r[1].min, 0.5);
    EXPECT_EQ(r[1].last, 4);
    EXPECT_TRUE(decimate_minmax(pts, &LossPoint::train, 4, 0).empty());
    EXPECT_TRUE(decimate_minmax(pts, &LossPoint::train, 0, 2)[0].empty);
    EXPECT_TRUE(decimate_minmax(pts, &LossPoint::test, 4, 1)[0].empty) << "no test loss anywhere";
}

TEST(LossCurve, NiceTicks) {
    const std::vector<double> t = nice_ticks(0.0, 0.3, 5);  // step 0.1 (0.075 rounded up to 0.1)
    ASSERT_EQ(t.size(), 4u);
    EXPECT_NEAR(t[1], 0.1, 1e-12);
    EXPECT_NEAR(t[3], 0.3, 1e-12);
    for (double lo : {-7.3, 0.0, 0.0013, 12.0})
        for (double span : {0.01, 1.0, 37.0, 1e5}) {
            const std::vector<double> v = nice_ticks(lo, lo + span, 6);
            ASSERT_GE(v.size(), 2u);
            EXPECT_LE(v.size(), 11u);
            for (double x : v) EXPECT_TRUE(x >= lo - span * 1e-9 && x <= lo + span * (1 + 1e-9));
            const double step = v[1] - v[0];
            const double mant = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
            EXPECT_TRUE(std::fabs(mant - 1) < 1e-6 || std::fabs(mant - 2) < 1e-6 || std::fabs(mant - 5) < 1e-6) << mant;
        }
    EXPECT_TRUE(nice_ticks(1, 1, 5).empty());
}

TEST(LossCurve, LogTicksArePowersOfTen) {
    const std::vector<double> t = log_ticks(0.003, 20, 10);
    ASSERT_EQ(t.size(), 4u);  // 0.01, 0.1, 1, 10
    EXPECT_NEAR(t[0], 0.01, 1e-15);
    EXPECT_NEAR(t[3], 10, 1e-12);
    EXPECT_LE(log_ticks(1e-12, 1e3, 4).size(), 4u);
    EXPECT_TRUE(log_ticks(0, 1, 4).empty());
}

TEST(LossCurve, AxisFractionAndRange) {
    EXPECT_DOUBLE_EQ(axis_fraction(5, 0, 10, false), 0.5);
    EXPECT_NEAR(axis_fraction(1, 0.01, 100, true), 0.5, 1e-12);
    EXPECT_DOUBLE_EQ(axis_fraction(-1, 0.01, 100, true), 0.0);
    double lo = 0, hi = 0;
    ASSERT_TRUE(value_range({0.3, 0.1, 0.2}, false, lo, hi));
    EXPECT_LE(lo, 0.1);
    EXPECT_GE(lo, 0.0);
    EXPECT_GE(hi, 0.3);
    ASSERT_TRUE(value_range({1e-4, 1e-1, 0.0}, true, lo, hi));  // 0 is ignored on a log axis
    EXPECT_LT(lo, 1e-4);
    EXPECT_GT(hi, 1e-1);
    ASSERT_TRUE(value_range({2.0, 2.0}, false, lo, hi));
    EXPECT_LT(lo, 2.0);
    EXPECT_GT(hi, 2.0);
    EXPECT_FALSE(value_range({NAN}, false, lo, hi));
}

TEST(LossCurve, TickLabels) {
    EXPECT_EQ(tick_label(0), "0");
    EXPECT_EQ(tick_label(0.25), "0.25");
    EXPECT_EQ(tick_label(1e-5), "1e-5");
    EXPECT_EQ(tick_label(20000), "20k");
    EXPECT_EQ(tick_label(4e6), "4M") << "not 4000k";
    EXPECT_EQ(tick_label(2.5e6), "2.5M");
    EXPECT_EQ(tick_label(3e9), "3G");
    EXPECT_EQ(tick_label(150), "150");
}
