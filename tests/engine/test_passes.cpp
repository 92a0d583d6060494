// Forward/backward passes against hand-derived course examples (independent references).
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "engine/core/activations.h"
#include "engine/core/error.h"
#include "engine/core/losses.h"
#include "engine/core/passes.h"
#include "engine_cases.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

using test::mazur_network;
using test::row;

TEST(Passes, MazurForwardMatchesPublishedValues) {
    const Trace t = run_pass(mazur_network(), test::mazur_x(), test::mazur_y());
    // z¹₁ = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775; a¹₁ = σ(0.3775) = 0.593269992
    EXPECT_NEAR(t.layers[1].z(0, 0), 0.3775, 1e-15);
    EXPECT_NEAR(t.layers[1].a(0, 0), 0.593269992, 5e-10);
    EXPECT_NEAR(t.layers[1].a(0, 1), 0.596884378, 5e-10);
    EXPECT_NEAR(t.layers[2].z(0, 0), 1.105905967, 5e-9);
    EXPECT_NEAR(t.layers[2].a(0, 0), 0.75136507, 5e-9);
    EXPECT_NEAR(t.layers[2].a(0, 1), 0.772928465, 5e-10);
    // E = ½(0.01 − 0.75136507)² + ½(0.99 − 0.772928465)² = 0.274811083 + 0.023560026
    EXPECT_NEAR(t.loss, 0.298371109, 5e-10);
}

TEST(Passes, MazurGradientsMatchPublishedValues) {
    const Trace t = run_pass(mazur_network(), test::mazur_x(), test::mazur_y());
    // δ²₁ = (a − y)·σ′(z) = 0.74136507 · 0.186815602 = 0.138498562
    EXPECT_NEAR(t.layers[2].delta(0, 0), 0.138498562, 5e-10);
    // ∂E/∂w5 = δ²₁ · a¹₁ = 0.082167041 (w5 = w²₁₁)
    EXPECT_NEAR(t.layers[2].dW(0, 0), 0.082167041, 5e-10);
    EXPECT_NEAR(t.layers[2].dW(0, 1), 0.0826676, 5e-8);    // w6: 0.45 − 0.5·g = 0.408666186
    EXPECT_NEAR(t.layers[2].dW(1, 0), -0.02260254, 5e-9);  // w7: 0.511301270
    // ∂E/∂w1 = 0.000438568 (w1 = w¹₁₁), ∂E/∂w2 = 0.000877135 — Mazur rounds intermediates, so 3e-10;
    // his updated w1 = 0.15 − 0.5·∂E/∂w1 = 0.149780716 pins it to 1e-9 of a weight.
    EXPECT_NEAR(t.layers[1].dW(0, 0), 0.000438568, 3e-10);
    EXPECT_NEAR(t.layers[1].dW(0, 1), 0.000877135, 5e-10);
    EXPECT_NEAR(0.15 - 0.5 * t.layers[1].dW(0, 0), 0.149780716, 5e-10);
    // The bias gradient is δ itself for one sample.
    EXPECT_EQ(t.layers[2].db[0], t.layers[2].delta(0, 0));
}

// Note 000: ŷ = Xw + b with L = (1/N) Σ (ŷ − y)² gives dL/dŷ = 2/N (ŷ − y), dL/dw = Xᵀ dL/dŷ.
TEST(Passes, BatchMseOfLinearModelCarriesTwoOverN) {
    Network net;
    net.loss = Loss::mse;
    net.layers = {test::input_layer(2), Layer{1, Activation::linear, true, Matrix(1, 2), {0.1}}};
    net.layers[1].W.v = {0.5, -0.25};
    Matrix X(2, 2), Y(2, 1);
    X.v = {1, 2, 3, 4};
    Y.v = {1, 2};
    const Trace t = run_pass(net, X, Y);
    // ŷ = (0.1, 0.6); errors (−0.9, −1.4); L = (0.81 + 1.96)/2 = 1.385
    EXPECT_NEAR(t.loss, 1.385, 1e-15);
    // δ = 2/N·(ŷ − y) = (−0.9, −1.4)
    EXPECT_NEAR(t.layers[1].delta(0, 0), -0.9, 1e-15);
    EXPECT_NEAR(t.layers[1].delta(1, 0), -1.4, 1e-15);
    // dL/dw = Xᵀ δ = (1·−0.9 + 3·−1.4, 2·−0.9 + 4·−1.4) = (−5.1, −7.4); dL/db = Σ δ = −2.3
    EXPECT_NEAR(t.layers[1].dW(0, 0), -5.1, 1e-14);
    EXPECT_NEAR(t.layers[1].dW(0, 1), -7.4, 1e-14);
    EXPECT_NEAR(t.layers[1].db[0], -2.3, 1e-14);
}

// Note 002: softmax + log-loss gives ∂L/∂f = p − onehot(y).
TEST(Passes, SoftmaxCrossEntropyDeltaIsPMinusOneHot) {
    Network net;
    net.loss = Loss::cross_entropy;
    net.layers = {test::input_layer(1), Layer{3, Activation::softmax, false, Matrix(3, 1), {0, 0, 0}}};
    net.layers[1].W.v = {1, 2, 3};  // z = (1, 2, 3) for x = 1
    const Trace t = run_pass(net, row({1.0}), row({0, 1, 0}));
    const double s = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
    const double p[3] = {std::exp(1.0) / s, std::exp(2.0) / s, std::exp(3.0) / s};
    EXPECT_NEAR(t.loss, -std::log(p[1]), 1e-14);  // 1.40760596
    EXPECT_NEAR(t.layers[1].delta(0, 0), p[0], 1e-15);
    EXPECT_NEAR(t.layers[1].delta(0, 1), p[1] - 1.0, 1e-15);
    EXPECT_NEAR(t.layers[1].delta(0, 2), p[2], 1e-15);
}

// Softmax with MSE must use the full Jacobian: δ_m = Σ_i (a_i − y_i) a_i (1[i=m] − a_m).
TEST(Passes, SoftmaxWithMseUsesFullJacobian) {
    Network net;
    net.loss = Loss::mse_half;
    net.layers = {test::input_layer(1), Layer{2, Activation::softmax, false, Matrix(2, 1), {0, 0}}};
    net.layers[1].W.v = {0.5, -0.5};
    const Trace t = run_pass(net, row({1.0}), row({1, 0}));
    const double a0 = 1.0 / (1.0 + std::exp(-1.0)), a1 = 1.0 - a0;  // softmax of (0.5, −0.5)
    const double g0 = a0 - 1.0, g1 = a1;
    EXPECT_NEAR(t.layers[1].delta(0, 0), g0 * a0 * (1 - a0) + g1 * a1 * (-a0), 1e-15);
    EXPECT_NEAR(t.layers[1].delta(0, 1), g0 * a0 * (-a1) + g1 * a1 * (1 - a1), 1e-15);
    // The diagonal shortcut g_m·a_m(1 − a_m) would differ:
    EXPECT_GT(std::fabs(t.layers[1].delta(0, 0) - g0 * a0 * (1 - a0)), 0.01);
}

// Note 001: h₁ = σ(w₁x), h₂ = σ(w₂h₁), y = σ(w₃h₂), L = −log y (BCE with target 1), no biases.
TEST(Passes, SigmoidChainWithoutBiases) {
    const double x = 1.5, w1 = 0.5, w2 = -0.3, w3 = 0.8;
    Network net;
    net.loss = Loss::binary_cross_entropy;
    net.layers = {test::input_layer(1)};
    for (double w : {w1, w2, w3}) {
        Layer l{1, Activation::sigmoid, false, Matrix(1, 1, w), {0.0}};
        net.layers.push_back(l);
    }
    const Trace t = run_pass(net, row({x}), row({1.0}));
    const double h1 = sigmoid(w1 * x), h2 = sigmoid(w2 * h1), y = sigmoid(w3 * h2);
    EXPECT_NEAR(t.loss, -std::log(y), 1e-15);
    // ∂L/∂w₃ = −(1 − y)·h₂; ∂L/∂w₂ = −(1 − y)·w₃·h₂(1 − h₂)·h₁; ∂L/∂w₁ = … ·w₂·h₁(1 − h₁)·x
    const double dy = -(1 - y);
    EXPECT_NEAR(t.layers[3].dW(0, 0), dy * h2, 1e-15);
    EXPECT_NEAR(t.layers[2].dW(0, 0), dy * w3 * h2 * (1 - h2) * h1, 1e-15);
    EXPECT_NEAR(t.layers[1].dW(0, 0), dy * w3 * h2 * (1 - h2) * w2 * h1 * (1 - h1) * x, 1e-15);
}

// A confidently wrong sample with z = 40 gives a finite, exact loss and gradient.
TEST(Passes, SaturatedOutputsStayExact) {
    Network bce;
    bce.loss = Loss::binary_cross_entropy;
    bce.layers = {test::input_layer(1), Layer{1, Activation::sigmoid, true, Matrix(1, 1, 40.0), {0.0}}};
    Trace t = run_pass(bce, row({1.0}), row({0.0}));
    EXPECT_DOUBLE_EQ(t.loss, 40.0);  // softplus(40) = 40 + log1p(e^−40)
    EXPECT_NEAR(t.layers[1].delta(0, 0), 1.0, 1e-15);
    Trace t2 = run_pass(bce, row({-1.0}), row({1.0}));  // z = −40, target 1
    EXPECT_DOUBLE_EQ(t2.loss, 40.0);
    EXPECT_NEAR(t2.layers[1].delta(0, 0), -1.0, 1e-15);

    Network ce;
    ce.loss = Loss::cross_entropy;
    ce.layers = {test::input_layer(1), Layer{2, Activation::softmax, true, Matrix(2, 1), {0.0, 0.0}}};
    ce.layers[1].W.v = {800.0, 0.0};  // logits (800, 0): e^800 overflows a naive softmax
    Trace t3 = run_pass(ce, row({1.0}), row({0.0, 1.0}));
    EXPECT_DOUBLE_EQ(t3.loss, 800.0);
    EXPECT_DOUBLE_EQ(t3.layers[1].delta(0, 0), 1.0);
    EXPECT_DOUBLE_EQ(t3.layers[1].delta(0, 1), -1.0);
}

TEST(Passes, ActivationsAndDerivativesAtTheKinks) {
    EXPECT_EQ(activation_derivative(Activation::relu, 0.0), 0.0);
    EXPECT_EQ(activation_derivative(Activation::leaky_relu, 0.0), 0.01);
    EXPECT_EQ(activate(Activation::leaky_relu, -2.0), -0.02);
    EXPECT_EQ(sigmoid(-800.0), 0.0);
    EXPECT_EQ(sigmoid(800.0), 1.0);
    EXPECT_NEAR(activation_derivative(Activation::tanh, 0.5), 1 - std::tanh(0.5L) * std::tanh(0.5L), 3e-16);
}

// For N > 1 every δ carries 1/N: the batch of two identical samples has the gradient of one.
TEST(Passes, BatchAverageOfIdenticalSamplesEqualsOneSample) {
    Matrix X2(2, 2), Y2(2, 2);
    X2.v = {0.05, 0.10, 0.05, 0.10};
    Y2.v = {0.01, 0.99, 0.01, 0.99};
    const Trace one = run_pass(mazur_network(), test::mazur_x(), test::mazur_y());
    const Trace two = run_pass(mazur_network(), X2, Y2);
    EXPECT_DOUBLE_EQ(two.loss, one.loss);
    EXPECT_DOUBLE_EQ(two.layers[2].delta(0, 0), one.layers[2].delta(0, 0) / 2);
    EXPECT_NEAR(two.layers[1].dW(1, 0), one.layers[1].dW(1, 0), 1e-18);
}

// The hidden δ multiply by the f′(z) the forward pass keeps: a trace without them is refused, not read.
TEST(Passes, BackwardNeedsTheForwardPassesDerivatives) {
    const Network net = mazur_network();
    Trace t;
    forward(net, test::mazur_x(), t);
    t.layers[1].fprime = Matrix();
    EXPECT_THROW(backward(net, test::mazur_y(), t), Error);
}

TEST(Passes, TakeRowsWrapsAroundTheEnd) {
    Matrix m(3, 1);
    m.v = {10, 11, 12};
    const Matrix r = take_rows(m, 2, 2);
    EXPECT_EQ(r.v, (std::vector<double>{12, 10}));
}

}  // namespace
}  // namespace bp

namespace bp {
namespace {

// The fast layer kernels must give the per-neuron kernels' numbers bit for bit (EXPECT_EQ on doubles):
// the stepper, the trainer and the mistake passes rely on one arithmetic.
TEST(LayerKernels, TheActivationAndDerivativeLoopGivesTheBitsOfOneCall) {
    std::vector<double> z = {0.0, -0.0, 1e-300, 800.0, -800.0, 354.4, -744.0};
    for (double v = -40.0; v <= 40.0; v += 0.0137) z.push_back(v);
    for (const ActivationInfo& e : kActivations) {
        if (e.output_only) continue;
        const Activation f = e.id;
        std::vector<double> a(z.size()), fprime(z.size()), values(z.size());
        activate_with_derivatives(f, z.data(), a.data(), fprime.data(), z.size());
        activate_values(f, z.data(), values.data(), z.size());
        for (std::size_t i = 0; i < z.size(); ++i) {
            ASSERT_EQ(a[i], activate(f, z[i])) << to_string(f) << " " << z[i];
            ASSERT_EQ(values[i], a[i]) << to_string(f) << " " << z[i];
            ASSERT_EQ(fprime[i], activation_derivative(f, z[i])) << to_string(f) << " " << z[i];
        }
    }
}

TEST(LayerKernels, HiddenDeltasAndGradientsEqualThePerNeuronKernels) {
    for (const test::Case& c : test::all_cases()) {
        const Network net = test::case_network(c, {5, 7, 6, 3}, 11);
        const Dataset d = test::case_data(net, 9, 4);
        const Trace t = run_pass(net, d.X, d.Y);
        for (int l = 1; l <= net.L(); ++l) {
            const LayerTrace& cur = t.layers[l];
            for (int n = 0; n < t.N() && l < net.L(); ++n)
                for (int j = 0; j < net.layers[l].size; ++j)
                    ASSERT_EQ(cur.delta(n, j), hidden_delta(net.layers[l + 1], j, t.layers[l + 1].delta.row(n),
                                                            net.layers[l].activation, cur.z(n, j)))
                        << c.name() << " l=" << l << " n=" << n << " j=" << j;
            for (int j = 0; j < net.layers[l].size; ++j) {
                ASSERT_EQ(cur.db[j], bias_gradient(cur.delta, j)) << c.name();
                for (int k = 0; k < net.layers[l - 1].size; ++k)
                    ASSERT_EQ(cur.dW(j, k), weight_gradient(cur.delta, t.layers[l - 1].a, j, k)) << c.name();
            }
        }
    }
}

// The batch kernels turn their loops by shape (narrow layers, narrow inputs, few samples) and work in
// blocks of 8, 4, 2 and 1 neurons and of 4 samples: every shape and batch size, 1-wide layers and single
// samples included, gives the bits of the per-neuron kernels.
TEST(LayerKernels, EveryShapeGivesThePerNeuronBits) {
    for (const std::vector<int>& sizes : std::vector<std::vector<int>>{
             {2, 8, 8, 1}, {3, 5, 2, 6}, {1, 9, 3}, {6, 4, 4}, {10, 17, 9, 2}, {3, 16, 24, 1}, {1, 1, 1},
             {2, 3, 2, 1}, {3, 2, 3, 3}, {5, 1, 7, 2}, {2, 12, 11, 15}}) {
        for (const int N : {1, 2, 3, 5, 13}) {
            for (const test::Case& c : test::all_cases()) {
                const Network net = test::case_network(c, sizes, 5);
                const Dataset d = test::case_data(net, N, 3);
                const Trace t = run_pass(net, d.X, d.Y);
                std::ostringstream where_text;
                where_text << c.name() << " N=" << N << " shape";
                for (const int size : sizes) where_text << ' ' << size;
                const std::string where = where_text.str();
                for (int l = 1; l <= net.L(); ++l) {
                    const LayerTrace& cur = t.layers[l];
                    const Matrix& a_prev = t.layers[l - 1].a;
                    const Activation f = net.layers[l].activation;
                    for (int n = 0; n < N; ++n)
                        for (int j = 0; j < net.layers[l].size; ++j) {
                            ASSERT_EQ(cur.z(n, j), weighted_input(net.layers[l], j, a_prev.row(n))) << where;
                            if (f != Activation::softmax) {
                                ASSERT_EQ(cur.a(n, j), activate(f, cur.z(n, j))) << where;
                            }
                            if (l < net.L()) {
                                ASSERT_EQ(cur.fprime(n, j), activation_derivative(f, cur.z(n, j))) << where;
                                ASSERT_EQ(cur.delta(n, j), hidden_delta(net.layers[l + 1], j, t.layers[l + 1].delta.row(n),
                                                                        f, cur.z(n, j)))
                                    << where << " l=" << l;
                            }
                        }
                    for (int j = 0; j < net.layers[l].size; ++j) {
                        ASSERT_EQ(cur.db[j], bias_gradient(cur.delta, j)) << where;
                        for (int k = 0; k < net.layers[l - 1].size; ++k)
                            ASSERT_EQ(cur.dW(j, k), weight_gradient(cur.delta, a_prev, j, k)) << where;
                    }
                }
                const LayerTrace& out = t.layers.back();
                const int K = out.a.cols;
                std::vector<double> delta(static_cast<std::size_t>(K));
                for (int n = 0; n < N; ++n) {  // the whole-batch output δ and loss against one sample's
                    output_delta(net, out.z.row(n), out.a.row(n), d.Y.row(n), 1.0 / N, delta.data());
                    for (int j = 0; j < K; ++j) ASSERT_EQ(out.delta(n, j), delta[j]) << where;
                    ASSERT_EQ(t.sample_losses[n], sample_loss(net.loss, net.layers.back().activation, out.z.row(n),
                                                              out.a.row(n), d.Y.row(n), K))
                        << where;
                }
            }
        }
    }
}

// Binary cross-entropy after a sigmoid computes log1p(e^(−|z|)) once for both softplus terms: the same
// bits as writing y·softplus(−z) + (1 − y)·softplus(z) out.
TEST(LayerKernels, BinaryCrossEntropySharesItsLogarithmBitForBit) {
    std::vector<double> zs = {0.0, -0.0, 1e-300, -1e-300, 800.0, -800.0};
    for (double z = -50.0; z <= 50.0; z += 0.0731) zs.push_back(z);
    for (const double z : zs) {
        for (const double y : {0.0, 0.25, 1.0}) {
            const double a = sigmoid(z);
            EXPECT_EQ(sample_loss(Loss::binary_cross_entropy, Activation::sigmoid, &z, &a, &y, 1),
                      y * softplus(-z) + (1.0 - y) * softplus(z))
                << z << " " << y;
        }
    }
}

}  // namespace
}  // namespace bp
