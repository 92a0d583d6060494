// The engine's own sigmoid and binary cross-entropy logarithm (engine/kernels/logistic.h): within a couple of ulp
// of the exact value over every range a network meets, exact at the special values, increasing, and the
// same bits from the vectorised loops as from one call.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "engine/core/activations.h"
#include "engine/kernels/logistic.h"
#include "engine/core/losses.h"
#include "ulp.h"

namespace bp {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The worst ulp error of f against exact over |x| uniform up to 2^e for e = lo … hi (random signs when
// `both_signs`), with the x where it happened.
template <typename F, typename Exact>
std::pair<double, double> worst_error(F f, Exact exact, int lo, int hi, bool both_signs) {
    std::mt19937_64 gen(2026);
    double worst = 0.0, worst_x = 0.0;
    for (int e = lo; e <= hi; ++e) {
        std::uniform_real_distribution<double> pick(both_signs ? -std::ldexp(1.0, e) : 0.0, std::ldexp(1.0, e));
        for (int i = 0; i < 20000; ++i) {
            const double x = pick(gen);
            const double err = test::ulp_error(f(x), exact(static_cast<long double>(x)));
            if (err > worst) worst = err, worst_x = x;
        }
    }
    return {worst, worst_x};
}

TEST(Logistic, ExpOfMinusAbsWithinOneUlpWhileNormal) {
    // |z| up to 512, then the stretch to 708, where e^(−|z|) is still a normal number.
    auto [worst, at] = worst_error(exp_minus_abs, [](long double z) { return std::exp(-std::fabs(z)); }, -40, 9, true);
    EXPECT_LE(worst, 1.0) << "at z = " << at;
    std::mt19937_64 gen(3);
    std::uniform_real_distribution<double> pick(512.0, 708.0);
    for (int i = 0; i < 20000; ++i) {
        const double z = pick(gen);
        ASSERT_LE(test::ulp_error(exp_minus_abs(z), std::exp(-static_cast<long double>(z))), 1.0) << z;
    }
}

TEST(Logistic, ExpOfMinusAbsRoundsOnceIntoTheSubnormals) {
    const long double smallest = std::numeric_limits<double>::denorm_min();
    std::mt19937_64 gen(4);
    std::uniform_real_distribution<double> pick(708.5, 746.0);
    for (int i = 0; i < 20000; ++i) {
        const double z = pick(gen);
        ASSERT_LE(std::fabs(exp_minus_abs(z) - std::exp(-static_cast<long double>(z))), smallest) << z;
    }
    EXPECT_EQ(exp_minus_abs(745.2), 0.0);  // e^-745.2 is less than half the smallest subnormal
    EXPECT_EQ(exp_minus_abs(-1e300), 0.0);
    EXPECT_EQ(exp_minus_abs(kInf), 0.0);
    EXPECT_EQ(exp_minus_abs(0.0), 1.0);
    EXPECT_EQ(exp_minus_abs(-0.0), 1.0);
    EXPECT_TRUE(std::isnan(exp_minus_abs(kNaN)));
}

// glibc's log1p scores 0.75 by the same measure; ours 0.84.
TEST(Logistic, Log1pWithinOneUlpOnTheUnitInterval) {
    auto [worst, at] = worst_error(log1p_unit, [](long double u) { return std::log1p(u); }, -60, -1, false);
    EXPECT_LE(worst, 1.0) << "at u = " << at;
    for (double u = 0.0; u <= 1.0; u += 1.0 / 4096)  // a grid across the switch at ½ and both ends
        ASSERT_LE(test::ulp_error(log1p_unit(u), std::log1p(static_cast<long double>(u))), 1.0) << u;
    EXPECT_EQ(log1p_unit(0.0), 0.0);
    EXPECT_EQ(log1p_unit(5e-324), 5e-324);  // log(1 + u) = u to double precision for tiny u
    EXPECT_EQ(log1p_unit(1e-300), 1e-300);
}

// The same formula on glibc's exp scores 2.33 here too: the error is the sum's and the division's.
TEST(Logistic, SigmoidWithinTwoAndAHalfUlpUntilItsResultIsSubnormal) {
    const auto exact = [](long double z) { return 1.0L / (1.0L + std::exp(-z)); };
    auto [worst, at] = worst_error(sigmoid_value, exact, -40, 9, true);
    EXPECT_LE(worst, 2.5) << "at z = " << at;
    for (double z = -708.0; z <= 40.0; z += 0.37)
        ASSERT_LE(test::ulp_error(sigmoid_value(z), exact(z)), 2.5) << z;
}

TEST(Logistic, SigmoidSpecialValues) {
    EXPECT_EQ(sigmoid_value(0.0), 0.5);
    EXPECT_EQ(sigmoid_value(-0.0), 0.5);
    EXPECT_EQ(sigmoid_value(kInf), 1.0);
    EXPECT_EQ(sigmoid_value(-kInf), 0.0);
    EXPECT_EQ(sigmoid_value(800.0), 1.0);
    EXPECT_EQ(sigmoid_value(-800.0), 0.0);
    EXPECT_GT(sigmoid_value(-744.0), 0.0);  // still a subnormal, not flushed to 0
    EXPECT_TRUE(std::isnan(sigmoid_value(kNaN)));
    EXPECT_EQ(sigmoid_value(1e-300), 0.5);
}

TEST(Logistic, SigmoidIncreasingAndWithinTheUnitInterval) {
    double previous = 0.0;
    for (double z = -750.0; z <= 50.0; z += 1.0 / 256) {
        const double s = sigmoid_value(z);
        ASSERT_GE(s, previous) << z;
        ASSERT_LE(s, 1.0) << z;
        previous = s;
    }
}

// glibc's log1p(exp(−|z|)) scores 1.47 here; ours 1.67.
TEST(Logistic, SoftplusTailWithinTwoUlp) {
    auto [worst, at] = worst_error(softplus_tail_value,
                                   [](long double z) { return std::log1p(std::exp(-std::fabs(z))); }, -30, 9, true);
    EXPECT_LE(worst, 2.0) << "at z = " << at;
    EXPECT_EQ(softplus_tail_value(0.0), exp_parts::kLn2Hi + exp_parts::kLn2Lo);  // log 2
    EXPECT_EQ(softplus_tail_value(800.0), 0.0);
}

// σ′ from z keeps its relative precision where σ saturates; a(1 − a) from the rounded a = σ(z) was
// already off by 1e-3 relative at z = 30 and 100 % from z ≈ 37 on (1 − a = 0).
TEST(Logistic, SigmoidDerivativeWithinTwoAndAHalfUlpUpToSevenHundred) {
    const auto exact = [](long double z) {
        const long double e = std::exp(-std::fabs(z));
        return e / ((1 + e) * (1 + e));  // σ(z)σ(−z)
    };
    auto [worst, at] = worst_error(sigmoid_derivative_value, exact, -40, 9, true);  // |z| up to 512
    EXPECT_LE(worst, 2.5) << "at z = " << at;
    for (double z = -700.0; z <= 700.0; z += 0.0731)
        ASSERT_LE(test::ulp_error(sigmoid_derivative_value(z), exact(z)), 2.5) << z;
    EXPECT_LE(test::ulp_error(sigmoid_derivative_value(30.0), exact(30.0L)), 2.5);
}

TEST(Logistic, SigmoidDerivativeRoundsOnceIntoTheSubnormalsAndSpecialValues) {
    const long double smallest = std::numeric_limits<double>::denorm_min();
    for (double z = 708.5; z <= 746.0; z += 0.0173)  // σ′ = e^(−|z|) to double precision, rounded once
        ASSERT_LE(std::fabs(sigmoid_derivative_value(-z) - std::exp(-static_cast<long double>(z))), smallest) << z;
    EXPECT_EQ(sigmoid_derivative_value(0.0), 0.25);
    EXPECT_EQ(sigmoid_derivative_value(-0.0), 0.25);
    EXPECT_EQ(sigmoid_derivative_value(800.0), 0.0);
    EXPECT_EQ(sigmoid_derivative_value(-kInf), 0.0);
    EXPECT_GT(sigmoid_derivative_value(744.0), 0.0);  // a subnormal, not flushed to 0
    EXPECT_TRUE(std::isnan(sigmoid_derivative_value(kNaN)));
    for (double z = 0.0; z <= 50.0; z += 0.37) ASSERT_EQ(sigmoid_derivative_value(z), sigmoid_derivative_value(-z)) << z;
}

TEST(Logistic, TheVectorisedLoopsGiveTheSameBitsAsOneCall) {
    std::mt19937_64 gen(7);
    std::uniform_real_distribution<double> pick(-60.0, 60.0);
    const std::size_t n = 4099;  // an odd length: the loops' tails too
    std::vector<double> z(n), y(n), a(n), layer(n), losses(n);
    for (std::size_t i = 0; i < n; ++i) z[i] = pick(gen), y[i] = i % 3 == 0 ? 0.5 : static_cast<double>(i % 2);
    z[5] = kNaN, z[6] = -800.0, z[7] = 800.0, z[8] = -0.0;
    std::vector<double> both(n), fprime(n);
    sigmoid_values(z.data(), a.data(), n);
    sigmoid_values_and_derivatives(z.data(), both.data(), fprime.data(), n);
    activate_values(Activation::sigmoid, z.data(), layer.data(), n);
    sample_losses(Loss::binary_cross_entropy, Activation::sigmoid, z.data(), a.data(), y.data(), static_cast<int>(n),
                  1, losses.data());
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 5) {
            EXPECT_TRUE(std::isnan(a[i]) && std::isnan(layer[i]) && std::isnan(losses[i]) && std::isnan(fprime[i]));
            continue;
        }
        ASSERT_EQ(a[i], sigmoid_value(z[i])) << z[i];
        ASSERT_EQ(both[i], sigmoid_value(z[i])) << z[i];
        ASSERT_EQ(fprime[i], sigmoid_derivative_value(z[i])) << z[i];
        ASSERT_EQ(layer[i], activate(Activation::sigmoid, z[i])) << z[i];
        ASSERT_EQ(losses[i], sample_loss(Loss::binary_cross_entropy, Activation::sigmoid, &z[i], &a[i], &y[i], 1))
            << z[i];
    }
}

}  // namespace
}  // namespace bp
