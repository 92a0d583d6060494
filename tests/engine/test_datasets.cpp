// Tests of the built-in data sets: sizes and splits, seeds (same seed → same numbers, another seed →
// other numbers), exact class balance, targets in range, and each set's geometry with the noise off
// (XOR signs, circle radii, gaussian centres, interleaved spiral arms, regression formulas).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/core/datasets.h"
#include "engine/core/error.h"

namespace {

using bp::DatasetKind;
using bp::DatasetSpec;

constexpr double kPi = 3.141592653589793;

DatasetSpec spec_of(DatasetKind kind, int points, double noise, double test_fraction, std::uint64_t seed) {
    DatasetSpec s;
    s.kind = kind;
    s.points = points;
    s.noise = noise;
    s.test_fraction = test_fraction;
    s.seed = seed;
    return s;
}

int count_class(const bp::Dataset& d, double c) {
    int n = 0;
    for (int i = 0; i < d.size(); ++i) n += d.Y(i, 0) == c ? 1 : 0;
    return n;
}

// Class of the generated point nearest to (x1, x2).
double nearest_class(const bp::Dataset& d, double x1, double x2) {
    int best = 0;
    double best_d2 = 1e300;
    for (int i = 0; i < d.size(); ++i) {
        const double d2 = (d.X(i, 0) - x1) * (d.X(i, 0) - x1) + (d.X(i, 1) - x2) * (d.X(i, 1) - x2);
        if (d2 < best_d2) best_d2 = d2, best = i;
    }
    return d.Y(best, 0);
}

TEST(Datasets, NamesRoundTripAndUnknownNamesAreRefused) {
    for (DatasetKind kind : bp::kAllDatasetKinds) {
        ASSERT_TRUE(bp::parse_dataset_kind(bp::to_string(kind)).has_value());
        EXPECT_EQ(*bp::parse_dataset_kind(bp::to_string(kind)), kind);
        EXPECT_FALSE(bp::describe(kind).empty());
    }
    EXPECT_EQ(bp::parse_dataset_kind("xor"), DatasetKind::xor_gate);
    EXPECT_FALSE(bp::parse_dataset_kind("moons").has_value());
    EXPECT_FALSE(bp::parse_dataset_kind("").has_value());
}

TEST(Datasets, KindsHaveTheRightShape) {
    for (DatasetKind kind : bp::kAllDatasetKinds) {
        const bool one_d = kind == DatasetKind::line || kind == DatasetKind::sine;
        EXPECT_EQ(bp::input_size(kind), one_d ? 1 : 2) << bp::to_string(kind);
        const bool regression = one_d || kind == DatasetKind::plane;
        EXPECT_EQ(bp::is_classification(kind), !regression) << bp::to_string(kind);
    }
}

TEST(Datasets, SizesAndSplitSizes) {
    for (DatasetKind kind : bp::kAllDatasetKinds) {
        // 200 points, 20 % held out: 160 + 40.
        const auto d = bp::generate_dataset(spec_of(kind, 200, 0.1, 0.2, 3));
        EXPECT_EQ(d.train.size(), 160) << bp::to_string(kind);
        EXPECT_EQ(d.test.size(), 40) << bp::to_string(kind);
        for (const bp::Dataset* part : {&d.train, &d.test}) {
            EXPECT_EQ(part->X.cols, bp::input_size(kind));
            EXPECT_EQ(part->Y.cols, 1);
            EXPECT_EQ(part->Y.rows, part->X.rows);
            for (double v : part->X.v) EXPECT_TRUE(std::isfinite(v));
            for (double v : part->Y.v) EXPECT_TRUE(std::isfinite(v));
        }
    }
    // 7 points, 30 %: round(2.1) = 2 held out.
    auto d = bp::generate_dataset(spec_of(DatasetKind::circle, 7, 0.1, 0.3, 1));
    EXPECT_EQ(d.train.size(), 5);
    EXPECT_EQ(d.test.size(), 2);
    // No test set: 0 rows, still 2 input columns.
    d = bp::generate_dataset(spec_of(DatasetKind::spiral, 50, 0.1, 0.0, 1));
    EXPECT_EQ(d.train.size(), 50);
    EXPECT_EQ(d.test.size(), 0);
    EXPECT_EQ(d.test.X.cols, 2);
    // 2 points, 99 %: round(1.98) = 2 would leave no training sample, so 1 + 1.
    d = bp::generate_dataset(spec_of(DatasetKind::line, 2, 0.1, 0.99, 1));
    EXPECT_EQ(d.train.size(), 1);
    EXPECT_EQ(d.test.size(), 1);
}

TEST(Datasets, SameSeedGivesIdenticalData) {
    for (DatasetKind kind : bp::kAllDatasetKinds) {
        const auto a = bp::generate_dataset(spec_of(kind, 120, 0.2, 0.25, 42));
        const auto b = bp::generate_dataset(spec_of(kind, 120, 0.2, 0.25, 42));
        EXPECT_EQ(a.train.X, b.train.X) << bp::to_string(kind);
        EXPECT_EQ(a.train.Y, b.train.Y) << bp::to_string(kind);
        EXPECT_EQ(a.test.X, b.test.X) << bp::to_string(kind);
        EXPECT_EQ(a.test.Y, b.test.Y) << bp::to_string(kind);
    }
}

TEST(Datasets, DifferentSeedGivesDifferentData) {
    for (DatasetKind kind : bp::kAllDatasetKinds) {
        const auto a = bp::generate_dataset(spec_of(kind, 120, 0.2, 0.25, 42));
        const auto b = bp::generate_dataset(spec_of(kind, 120, 0.2, 0.25, 43));
        EXPECT_NE(a.train.X, b.train.X) << bp::to_string(kind);
        EXPECT_NE(a.test.X, b.test.X) << bp::to_string(kind);
    }
}

TEST(Datasets, TheSplitOnlyCutsTheSameSequence) {
    // The train/test fraction does not change the points or their order: train + test with 25 % held
    // out is, row by row, the whole set drawn with none held out.
    for (DatasetKind kind : bp::kAllDatasetKinds) {
        const auto whole = bp::generate_dataset(spec_of(kind, 80, 0.1, 0.0, 9));
        const auto split = bp::generate_dataset(spec_of(kind, 80, 0.1, 0.25, 9));
        ASSERT_EQ(split.train.size() + split.test.size(), whole.train.size());
        for (int n = 0; n < whole.train.size(); ++n) {
            const bool in_train = n < split.train.size();
            const bp::Dataset& part = in_train ? split.train : split.test;
            const int row = in_train ? n : n - split.train.size();
            for (int k = 0; k < whole.train.X.cols; ++k) EXPECT_EQ(part.X(row, k), whole.train.X(n, k));
            EXPECT_EQ(part.Y(row, 0), whole.train.Y(n, 0));
        }
    }
}

TEST(Datasets, ClassesAreExactlyBalancedAndTargetsAreZeroOrOne) {
    for (DatasetKind kind : bp::kAllDatasetKinds) {
        if (!bp::is_classification(kind)) continue;
        for (int points : {200, 201}) {
            const auto d = bp::generate_dataset(spec_of(kind, points, 0.3, 0.2, 5));
            const int ones = count_class(d.train, 1.0) + count_class(d.test, 1.0);
            const int zeros = count_class(d.train, 0.0) + count_class(d.test, 0.0);
            EXPECT_EQ(ones + zeros, points) << bp::to_string(kind) << ": a target other than 0 or 1";
            EXPECT_EQ(ones, (points + 1) / 2) << bp::to_string(kind);  // ⌈points/2⌉
            EXPECT_EQ(zeros, points / 2) << bp::to_string(kind);       // ⌊points/2⌋
        }
    }
}

TEST(Datasets, SamplesAreShuffledNotGroupedByClass) {
    // The spiral is drawn arm by arm; after the shuffle the first 50 samples hold both classes.
    const auto d = bp::generate_dataset(spec_of(DatasetKind::spiral, 200, 0.0, 0.0, 2));
    int ones = 0;
    for (int n = 0; n < 50; ++n) ones += d.train.Y(n, 0) == 1.0 ? 1 : 0;
    EXPECT_GT(ones, 10);
    EXPECT_LT(ones, 40);
}

TEST(Datasets, XorTargetIsOneExactlyWhenTheSignsDiffer) {
    const auto d = bp::generate_dataset(spec_of(DatasetKind::xor_gate, 400, 0.0, 0.0, 11));
    int quadrant_count[4] = {0, 0, 0, 0};
    for (int n = 0; n < d.train.size(); ++n) {
        const double x1 = d.train.X(n, 0), x2 = d.train.X(n, 1);
        EXPECT_EQ(d.train.Y(n, 0), x1 * x2 < 0.0 ? 1.0 : 0.0);
        EXPECT_GE(std::fabs(x1), 0.05);  // the padding keeps points off the axes
        EXPECT_GE(std::fabs(x2), 0.05);
        EXPECT_LE(std::fabs(x1), 1.0);
        EXPECT_LE(std::fabs(x2), 1.0);
        ++quadrant_count[(x1 > 0 ? 1 : 0) + (x2 > 0 ? 2 : 0)];
    }
    for (int q : quadrant_count) EXPECT_GT(q, 60);  // all four quadrants used (≈100 each)
}

TEST(Datasets, CircleClassOneIsInsideTheRing) {
    const auto d = bp::generate_dataset(spec_of(DatasetKind::circle, 400, 0.0, 0.0, 12));
    for (int n = 0; n < d.train.size(); ++n) {
        const double r = std::hypot(d.train.X(n, 0), d.train.X(n, 1));
        if (d.train.Y(n, 0) == 1.0) {
            EXPECT_LE(r, 0.5);
        } else {
            EXPECT_GE(r, 0.7);
            EXPECT_LE(r, 1.0 + 1e-12);
        }
    }
}

TEST(Datasets, NoiseJittersTheInputs) {
    // With noise 0.3 some circle points leave their band (0.5 … 0.7 is empty without noise).
    const auto d = bp::generate_dataset(spec_of(DatasetKind::circle, 400, 0.3, 0.0, 12));
    int in_gap = 0;
    for (int n = 0; n < d.train.size(); ++n) {
        const double r = std::hypot(d.train.X(n, 0), d.train.X(n, 1));
        in_gap += r > 0.5 && r < 0.7 ? 1 : 0;
    }
    EXPECT_GT(in_gap, 10);
}

TEST(Datasets, GaussiansSitAroundTheirCentres) {
    // Class 1 around (0.4, 0.4), class 0 around (−0.4, −0.4); spread 0.15, so the mean of ~250 points
    // per class is within 0.15/√250 ≈ 0.01 of the centre (0.04 is 4 standard errors).
    const auto d = bp::generate_dataset(spec_of(DatasetKind::gaussians, 500, 0.0, 0.0, 13));
    double sum[2][2] = {{0, 0}, {0, 0}};
    int count[2] = {0, 0};
    for (int n = 0; n < d.train.size(); ++n) {
        const int c = d.train.Y(n, 0) == 1.0 ? 1 : 0;
        sum[c][0] += d.train.X(n, 0);
        sum[c][1] += d.train.X(n, 1);
        ++count[c];
    }
    for (int k = 0; k < 2; ++k) {
        EXPECT_NEAR(sum[1][k] / count[1], 0.4, 0.04);
        EXPECT_NEAR(sum[0][k] / count[0], -0.4, 0.04);
    }
}

TEST(Datasets, SpiralArmsAreTheSameCurveTurnedByHalfATurn) {
    // Without noise, point i of arm 0 is point i of arm 1 turned by π: (x₁, x₂) → (−x₁, −x₂).
    const auto d = bp::generate_dataset(spec_of(DatasetKind::spiral, 200, 0.0, 0.0, 14));
    std::vector<std::pair<double, double>> arm0, arm1_turned;
    for (int n = 0; n < d.train.size(); ++n) {
        if (d.train.Y(n, 0) == 0.0)
            arm0.emplace_back(d.train.X(n, 0), d.train.X(n, 1));
        else
            arm1_turned.emplace_back(-d.train.X(n, 0), -d.train.X(n, 1));
    }
    ASSERT_EQ(arm0.size(), arm1_turned.size());
    std::sort(arm0.begin(), arm0.end());
    std::sort(arm1_turned.begin(), arm1_turned.end());
    for (std::size_t i = 0; i < arm0.size(); ++i) {
        EXPECT_NEAR(arm0[i].first, arm1_turned[i].first, 1e-12);
        EXPECT_NEAR(arm0[i].second, arm1_turned[i].second, 1e-12);
    }
}

TEST(Datasets, SpiralArmsInterleave) {
    // Arm 1: θ = 3.5π·r, arm 0: θ = 3.5π·r + π, with (x₁, x₂) = r (sin θ, cos θ). Along the ray θ ≡ 0
    // (the positive x₂ axis) arm 1 passes at 3.5π·r = 2πm → r = 0, 4/7 and arm 0 at 3.5π·r + π = 2πm →
    // r = 2/7, 6/7. Walking out along the ray, the classes alternate 0, 1, 0; along θ ≡ π (negative x₂
    // axis) the other way round: 1 at 2/7, 0 at 4/7, 1 at 6/7.
    const auto d = bp::generate_dataset(spec_of(DatasetKind::spiral, 400, 0.0, 0.0, 15));
    EXPECT_EQ(nearest_class(d.train, 0.0, 2.0 / 7.0), 0.0);
    EXPECT_EQ(nearest_class(d.train, 0.0, 4.0 / 7.0), 1.0);
    EXPECT_EQ(nearest_class(d.train, 0.0, 6.0 / 7.0), 0.0);
    EXPECT_EQ(nearest_class(d.train, 0.0, -2.0 / 7.0), 1.0);
    EXPECT_EQ(nearest_class(d.train, 0.0, -4.0 / 7.0), 0.0);
    EXPECT_EQ(nearest_class(d.train, 0.0, -6.0 / 7.0), 1.0);
    // Every point lies on its own arm's curve: r = ((θ − θ₀) mod 2π + 2πm) / 3.5π for some turn m.
    for (int n = 0; n < d.train.size(); ++n) {
        const double x1 = d.train.X(n, 0), x2 = d.train.X(n, 1);
        const double r = std::hypot(x1, x2);
        EXPECT_LE(r, 1.0);
        const double theta0 = d.train.Y(n, 0) == 1.0 ? 0.0 : kPi;
        const double on_arm = 3.5 * kPi * r + theta0;  // the angle the arm has at this radius
        const double diff = std::remainder(on_arm - std::atan2(x1, x2), 2.0 * kPi);
        EXPECT_NEAR(diff, 0.0, 1e-9);
    }
}

TEST(Datasets, RegressionTargetsFollowTheirFormulaWithoutNoise) {
    const auto line = bp::generate_dataset(spec_of(DatasetKind::line, 100, 0.0, 0.0, 16)).train;
    const auto sine = bp::generate_dataset(spec_of(DatasetKind::sine, 100, 0.0, 0.0, 16)).train;
    const auto plane = bp::generate_dataset(spec_of(DatasetKind::plane, 100, 0.0, 0.0, 16)).train;
    for (int n = 0; n < 100; ++n) {
        EXPECT_NEAR(line.Y(n, 0), 0.6 * line.X(n, 0) + 0.2, 1e-15);
        EXPECT_NEAR(sine.Y(n, 0), std::sin(kPi * sine.X(n, 0)), 1e-15);
        EXPECT_NEAR(plane.Y(n, 0), 0.6 * plane.X(n, 0) - 0.4 * plane.X(n, 1), 1e-15);
        for (const bp::Dataset* d : {&line, &sine, &plane})
            for (int k = 0; k < d->X.cols; ++k) {
                EXPECT_GE(d->X(n, k), -1.0);
                EXPECT_LE(d->X(n, k), 1.0);
            }
    }
}

TEST(Datasets, RegressionNoiseHasTheRequestedSpread) {
    // Residuals y − (0.6x + 0.2) are noise·N(0, 1): their standard deviation over 4000 points is
    // 0.1 within a few per cent (the standard error of a standard deviation is σ/√(2n) ≈ 1 %).
    const auto d = bp::generate_dataset(spec_of(DatasetKind::line, 4000, 0.1, 0.0, 17)).train;
    double sum = 0.0, sum2 = 0.0;
    for (int n = 0; n < d.size(); ++n) {
        const double e = d.Y(n, 0) - (0.6 * d.X(n, 0) + 0.2);
        sum += e;
        sum2 += e * e;
    }
    const double mean = sum / d.size();
    EXPECT_NEAR(mean, 0.0, 0.01);
    EXPECT_NEAR(std::sqrt(sum2 / d.size() - mean * mean), 0.1, 0.006);
}

TEST(Datasets, SpecsOutsideTheLimitsAreRefused) {
    const auto refuses = [](DatasetSpec s) {
        EXPECT_THROW(bp::generate_dataset(s), bp::Error) << s.points << " " << s.noise << " " << s.test_fraction;
    };
    refuses(spec_of(DatasetKind::xor_gate, 1, 0.1, 0.2, 1));
    refuses(spec_of(DatasetKind::xor_gate, -5, 0.1, 0.2, 1));
    refuses(spec_of(DatasetKind::xor_gate, bp::kMaxDatasetPoints + 1, 0.1, 0.2, 1));
    refuses(spec_of(DatasetKind::sine, 100, -0.1, 0.2, 1));
    refuses(spec_of(DatasetKind::sine, 100, std::nan(""), 0.2, 1));
    refuses(spec_of(DatasetKind::sine, 100, bp::kMaxDatasetNoise * 2, 0.2, 1));
    refuses(spec_of(DatasetKind::plane, 100, 0.1, 1.0, 1));
    refuses(spec_of(DatasetKind::plane, 100, 0.1, -0.2, 1));
    refuses(spec_of(DatasetKind::plane, 100, 0.1, std::nan(""), 1));
    try {
        bp::generate_dataset(spec_of(DatasetKind::xor_gate, 1, 0.1, 0.2, 1));
    } catch (const bp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("points"), std::string::npos) << e.what();
    }
}

}  // namespace
