// The finite-difference check: backprop's gradients agree with central differences of the batch loss
// for every activation × loss pair and batch sizes 1 and 3; the report lists every parameter in network
// order, and a wrong derivative (relu at its kink) shows up as the worst entry.
#include <cmath>

#include <gtest/gtest.h>

#include "engine/teaching/grad_check.h"
#include "engine_cases.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

// Whether every relu / leaky relu input of the batch is at least `margin` away from the kink at 0, so
// that the ±2h nudges of the check never cross it.
bool clear_of_kinks(const Network& net, const Dataset& d, double margin) {
    const Trace t = run_pass(net, d.X, d.Y);
    for (int l = 1; l <= net.L(); ++l) {
        const Activation f = net.layers[l].activation;
        if (f != Activation::relu && f != Activation::leaky_relu) continue;
        for (double z : t.layers[l].z.v)
            if (std::fabs(z) < margin) return false;
    }
    return true;
}

// Mazur's network: 12 parameters in network order, the analytic side is run_pass's gradient, and the
// numeric side reproduces ∂E/∂w5 = 0.082167041 and ∂E/∂w1 = 0.000438568 (see test_stepper.cpp).
TEST(GradCheck, MazurEveryParameterInNetworkOrder) {
    const Network net = test::mazur_network();
    const GradCheckReport r = gradient_check(net, test::mazur_x(), test::mazur_y());
    ASSERT_EQ(r.entries.size(), 12u);
    const Trace t = run_pass(net, test::mazur_x(), test::mazur_y());
    std::size_t i = 0;
    for (int l = 1; l <= 2; ++l) {
        for (int j = 0; j < 2; ++j)
            for (int k = 0; k < 2; ++k, ++i) {
                const GradCheckEntry& e = r.entries[i];
                EXPECT_FALSE(e.parameter.bias);
                EXPECT_EQ(e.parameter.l, l);
                EXPECT_EQ(e.parameter.j, j);
                EXPECT_EQ(e.parameter.k, k);
                EXPECT_EQ(e.analytic, t.layers[l].dW(j, k));
            }
        for (int j = 0; j < 2; ++j, ++i) {
            EXPECT_TRUE(r.entries[i].parameter.bias);
            EXPECT_EQ(r.entries[i].parameter.j, j);
            EXPECT_EQ(r.entries[i].analytic, t.layers[l].db[j]);
        }
    }
    EXPECT_NEAR(r.entries[0].numeric, 0.000438568, 5e-10);  // w¹₁₁
    EXPECT_NEAR(r.entries[6].numeric, 0.082167041, 5e-10);  // w²₁₁
    EXPECT_LT(r.max_relative_error, 1e-8);
    ASSERT_GE(r.worst, 0);
    for (const GradCheckEntry& e : r.entries) EXPECT_LE(e.relative_error, r.max_relative_error);
    EXPECT_EQ(r.entries[r.worst].relative_error, r.max_relative_error);
}

TEST(GradCheck, EveryActivationAndLossAgreesWithBackprop) {
    for (const test::Case& c : test::all_cases()) {
        for (int N : {1, 3}) {
            // The first seed whose relu inputs all keep clear of 0 (a kink is not differentiable).
            const std::uint64_t first = 100u * static_cast<std::uint64_t>(N);
            std::uint64_t seed = first;
            Network net;
            Dataset d;
            do {
                ++seed;
                net = test::case_network(c, {3, 4, 3, 2}, seed);
                d = test::case_data(net, N, seed);
            } while (!clear_of_kinks(net, d, 1e-2) && seed < first + 200);
            ASSERT_TRUE(clear_of_kinks(net, d, 1e-2)) << c.name();
            const GradCheckReport r = gradient_check(net, d.X, d.Y);
            EXPECT_EQ(r.entries.size(), 12u + 4 + 12 + 3 + 6 + 2) << c.name();
            EXPECT_LT(r.max_relative_error, 1e-6) << c.name() << " N=" << N << " worst entry " << r.worst;
        }
    }
}

TEST(GradCheck, LayersWithoutBiasHaveNoBiasEntries) {
    const test::Case c{Activation::tanh, Activation::sigmoid, Loss::binary_cross_entropy};
    const Network net = test::case_network(c, {3, 4, 2}, 3, false);
    const Dataset d = test::case_data(net, 3, 3);
    const GradCheckReport r = gradient_check(net, d.X, d.Y);
    EXPECT_EQ(r.entries.size(), 12u + 8);
    for (const GradCheckEntry& e : r.entries) EXPECT_FALSE(e.parameter.bias);
    EXPECT_LT(r.max_relative_error, 1e-6);
}

// relu′(0) = 0 by convention, but the loss has a kink there: with w = 1, x = 1, b = −1 the hidden z is
// exactly 0; backprop gives ∂L/∂w¹₁₁ = 0 while the central difference sees half the slope. The check
// must say so, and point at that weight (or its bias, which sees the same kink).
TEST(GradCheck, ReportsAWrongDerivativeAsTheWorstEntry) {
    Network net;
    net.loss = Loss::mse_half;
    net.layers.resize(3);
    net.layers[0].size = 1;
    net.layers[1] = Layer{1, Activation::relu, true, Matrix(1, 1, 1.0), {-1.0}};
    net.layers[2] = Layer{1, Activation::linear, true, Matrix(1, 1, 2.0), {0.0}};
    const GradCheckReport r = gradient_check(net, test::row({1.0}), test::row({3.0}));
    // L(w¹₁₁ = 1 + t) = ½(2·relu(t) − 3)²: slope (2t − 3)·2 → −6 from the right, 0 from the left. The
    // stencil (−L(2h) + 8L(h) − 8L(−h) + L(−2h))/12h gives their mean: −3 + 2h/3.
    EXPECT_NEAR(r.entries[0].numeric, -3.0, 1e-3);
    EXPECT_EQ(r.entries[0].analytic, 0.0);
    EXPECT_GT(r.max_relative_error, 0.5);
    ASSERT_GE(r.worst, 0);
    EXPECT_EQ(r.entries[r.worst].parameter.l, 1);
}

}  // namespace
}  // namespace bp
