// Numerical extremes (issue 9): saturated sigmoids, softmax of logits ±1e3, BCE at z = ±40 and ±800,
// weights of ±1e6, learning rates up to 1e6. Where the mathematics gives finite losses and gradients
// the engine must give them (checked against hand-derived values and central differences); where a
// number leaves double's range the Trainer must say diverged() and keep the last finite parameters.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "engine/core/activations.h"
#include "engine/core/optimizer.h"
#include "engine/core/passes.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

constexpr double kE40 = 4.2483542552915889e-18;  // e^-40, from the series (not from std::exp)

Layer dense(int rows, int cols, Activation f, std::vector<double> W, std::vector<double> b, bool bias = true) {
    Layer layer{rows, f, bias, Matrix(rows, cols), std::move(b)};
    layer.W.v = std::move(W);
    return layer;
}

// A network from layer sizes: the caller fills in the layers after the input.
Network chain(Loss loss, std::vector<Layer> layers, int inputs) {
    Network net;
    net.loss = loss;
    net.layers.push_back(test::input_layer(inputs));
    for (Layer& l : layers) net.layers.push_back(std::move(l));
    validate(net);
    return net;
}

bool trace_finite(const Trace& t) {
    if (!std::isfinite(t.loss)) return false;
    for (std::size_t l = 1; l < t.layers.size(); ++l) {
        for (double x : t.layers[l].delta.v)
            if (!std::isfinite(x)) return false;
        for (double x : t.layers[l].dW.v)
            if (!std::isfinite(x)) return false;
        for (double x : t.layers[l].db)
            if (!std::isfinite(x)) return false;
    }
    return true;
}

// Central difference of the batch loss in weight (l, j, k): (L(w + h) − L(w − h)) / 2h.
double numeric_dW(Network net, const Matrix& X, const Matrix& Y, int l, int j, int k, double h) {
    Trace t;
    const double w = net.layers[l].W(j, k);
    net.layers[l].W(j, k) = w + h;
    forward(net, X, t);
    compute_loss(net, Y, t);
    const double plus = t.loss;
    net.layers[l].W(j, k) = w - h;
    forward(net, X, t);
    compute_loss(net, Y, t);
    return (plus - t.loss) / (2 * h);
}

TEST(Numerics, SaturatedSigmoidStaysInItsRangeWithAFiniteDerivative) {
    for (double z : {40.0, 800.0, 1e6, 1e300, std::numeric_limits<double>::max()}) {
        EXPECT_EQ(sigmoid(z), 1.0) << z;                        // 1 − e^-z rounds to 1 for z ≥ 37
        EXPECT_GE(sigmoid(-z), 0.0) << z;
        EXPECT_EQ(sigmoid(z) + sigmoid(-z), 1.0) << z;          // σ(z) + σ(−z) = 1
        for (double s : {z, -z}) {
            const double d = activation_derivative(Activation::sigmoid, s);
            EXPECT_TRUE(std::isfinite(d) && d >= 0.0 && d <= 0.25) << s;
            EXPECT_NEAR(d, 0.0, 1e-17) << s;                    // σ′(±z) = e^-|z| / (1 + e^-|z|)² ≤ e^-40
            const double t = activation_derivative(Activation::tanh, s);
            EXPECT_TRUE(std::isfinite(t) && t >= 0.0 && t <= 1e-30) << s;  // 1 − tanh² ≈ 4e^-2|z|
        }
    }
    EXPECT_NEAR(sigmoid(-40.0), kE40, kE40 * 1e-14);           // σ(−40) = e^-40 / (1 + e^-40)
    EXPECT_NEAR(activation_derivative(Activation::sigmoid, -40.0), kE40, kE40 * 1e-14);
    EXPECT_EQ(sigmoid(-800.0), 0.0);                            // e^-800 ≈ 4e-348 is below the denormals
    EXPECT_EQ(softplus(800.0), 800.0);                          // log(1 + e^800) = 800 + log1p(e^-800)
    EXPECT_NEAR(softplus(-40.0), kE40, kE40 * 1e-14);           // log1p(e^-40) = e^-40 − ...
}

// A 1-1 sigmoid unit with w = 1, b = 0 and input x, so z = x: BCE at a chosen logit.
struct BceCase {
    double z, y;
    double loss;  // y·softplus(−z) + (1 − y)·softplus(z), by hand
};

TEST(Numerics, BinaryCrossEntropyAtLogitsOf40And800IsFiniteAndExact) {
    const BceCase cases[] = {
        {40, 1, kE40},    // right side: log(1 + e^-40) = e^-40 to 1e-35
        {40, 0, 40},      // wrong side: 40 + log1p(e^-40) = 40 (the e^-40 is below 40's last bit)
        {-40, 0, kE40},
        {-40, 1, 40},
        {800, 1, 0},      // log1p(e^-800): e^-800 underflows to 0
        {800, 0, 800},    // naive −log(1 − σ(800)) = −log(0) = ∞; the true value is 800
        {-800, 1, 800},
        {-800, 0, 0},
        {800, 0.25, 600},  // 0.25·0 + 0.75·800
    };
    for (const BceCase& c : cases) {
        const Network net = chain(Loss::binary_cross_entropy, {dense(1, 1, Activation::sigmoid, {1.0}, {0.0})}, 1);
        const Matrix X = test::row({c.z}), Y = test::row({c.y});
        const Trace t = run_pass(net, X, Y);
        ASSERT_TRUE(trace_finite(t)) << "z = " << c.z << ", y = " << c.y;
        EXPECT_NEAR(t.loss, c.loss, 1e-15 * std::max(1.0, c.loss)) << c.z << " " << c.y;
        // δ = σ(z) − y (sigmoid + BCE), dL/dw = δ·x with x = z: σ(±800) is exactly 1 or 0.
        const double a = c.z > 0 ? 1.0 : (c.z == -40 ? kE40 : 0.0);
        EXPECT_NEAR(t.layers[1].delta(0, 0), a - c.y, 1e-17) << c.z << " " << c.y;
        EXPECT_NEAR(t.layers[1].dW(0, 0), (a - c.y) * c.z, 1e-14) << c.z << " " << c.y;
        // And against central differences of the stable loss (h moves z by z·h).
        const double h = 1e-7;
        EXPECT_NEAR(t.layers[1].dW(0, 0), numeric_dW(net, X, Y, 1, 0, 0, h), 1e-5 * std::max(1.0, std::fabs(c.z)))
            << c.z << " " << c.y;
    }
}

TEST(Numerics, SoftmaxOfLogitsOfAThousandIsFiniteWithExactCrossEntropy) {
    // One input x = 1 and weights (1000, −1000, 0): logits z = (1000, −1000, 0).
    const Network ce = chain(Loss::cross_entropy, {dense(3, 1, Activation::softmax, {1000, -1000, 0}, {0, 0, 0})}, 1);
    const Matrix X = test::row({1.0});
    for (int target = 0; target < 3; ++target) {
        Matrix Y(1, 3);
        Y(0, target) = 1.0;
        const Trace t = run_pass(ce, X, Y);
        ASSERT_TRUE(trace_finite(t)) << target;
        const Matrix& a = t.layers[1].a;
        EXPECT_EQ(a(0, 0), 1.0);  // e^0 / (1 + e^-2000 + e^-1000)
        EXPECT_EQ(a(0, 1), 0.0);
        EXPECT_EQ(a(0, 2), 0.0);
        // L = logsumexp(z) − z_target = 1000 − z_target: 0, 2000 and 1000 (naive −log 0 would be ∞).
        const double z_target[] = {1000, -1000, 0};
        EXPECT_DOUBLE_EQ(t.loss, 1000 - z_target[target]) << target;
        for (int j = 0; j < 3; ++j) {
            const double delta = a(0, j) - Y(0, j);  // softmax + CE: δ = a − y
            EXPECT_EQ(t.layers[1].delta(0, j), delta);
            EXPECT_EQ(t.layers[1].dW(0, j), delta * 1.0);
        }
    }
    // Shift invariance: logits (1000, 999) give softmax (1/(1 + e^-1), e^-1/(1 + e^-1)).
    const Network two = chain(Loss::cross_entropy, {dense(2, 1, Activation::softmax, {1000, 999}, {0, 0})}, 1);
    const Trace t = run_pass(two, X, test::row({0.0, 1.0}));
    EXPECT_NEAR(t.layers[1].a(0, 0), 0.7310585786300049, 1e-15);
    EXPECT_NEAR(t.layers[1].a(0, 1), 0.2689414213699951, 1e-15);
    // log(1 + e) = −log(e^-1 / (1 + e^-1)), computed as logsumexp(z) − 999 = 1000.31... − 999: the
    // logits carry an absolute rounding of ulp(1000) = 1.1e-13, so that is the accuracy to expect.
    EXPECT_NEAR(t.loss, 1.3132616875182228, 3e-13);
    // Softmax with MSE goes through the full Jacobian a_i (1[i=m] − a_m): all of it 0 at saturation.
    const Network mse = chain(Loss::mse_half, {dense(3, 1, Activation::softmax, {1000, -1000, 0}, {0, 0, 0})}, 1);
    const Trace m = run_pass(mse, X, test::row({0.2, 0.3, 0.5}));
    ASSERT_TRUE(trace_finite(m));
    EXPECT_DOUBLE_EQ(m.loss, 0.5 * (0.8 * 0.8 + 0.3 * 0.3 + 0.5 * 0.5));  // ½Σ(a − y)² with a = (1, 0, 0)
    for (int j = 0; j < 3; ++j) EXPECT_EQ(m.layers[1].dW(0, j), 0.0) << j;
}

TEST(Numerics, WeightsOfAMillionGiveFiniteLossesAndGradients) {
    // Mazur's inputs and targets through weights ±1e6: z¹ = (1e6·0.05 − 1e6·0.1 + 0.35, ...) =
    // (−49999.65, 50000.35), so a¹ = (0, 1); z² = (−1e6 + 0.6, 1e6 + 0.6), a² = (0, 1);
    // L = ½((0 − 0.01)² + (1 − 0.99)²) = 1e-4, and every σ′ underflows to 0, so all gradients are 0.
    const Network sig = chain(Loss::mse_half,
                              {dense(2, 2, Activation::sigmoid, {1e6, -1e6, -1e6, 1e6}, {0.35, 0.35}),
                               dense(2, 2, Activation::sigmoid, {1e6, -1e6, -1e6, 1e6}, {0.6, 0.6})},
                              2);
    const Trace s = run_pass(sig, test::mazur_x(), test::mazur_y());
    ASSERT_TRUE(trace_finite(s));
    EXPECT_NEAR(s.loss, 1e-4, 1e-15);
    for (int l = 1; l <= 2; ++l)
        for (double g : s.layers[l].dW.v) EXPECT_EQ(g, 0.0);

    // A linear chain 1-1-1-1, weights 1e6, no bias, x = 1, y = 0: a³ = 1e18, L = ½·1e36,
    // ∂L/∂w³ = a³·a² = 1e30, ∂L/∂w² = a³·w³·a¹ = 1e30, ∂L/∂w¹ = a³·w³·w²·x = 1e30.
    std::vector<Layer> layers;
    for (int l = 0; l < 3; ++l) layers.push_back(dense(1, 1, Activation::linear, {1e6}, {0.0}, false));
    const Network lin = chain(Loss::mse_half, layers, 1);
    const Trace t = run_pass(lin, test::row({1.0}), test::row({0.0}));
    ASSERT_TRUE(trace_finite(t));
    EXPECT_NEAR(t.loss, 5e35, 5e35 * 1e-15);
    for (int l = 1; l <= 3; ++l) EXPECT_NEAR(t.layers[l].dW(0, 0), 1e30, 1e30 * 1e-15) << l;

    // Sixteen relu layers of weight 1e6 (the layer cap): a¹⁶ = 1e96, L = ½·1e192, ∂L/∂w¹ = 1e96·1e90.
    layers.clear();
    for (int l = 0; l < kMaxLayers; ++l) layers.push_back(dense(1, 1, Activation::relu, {1e6}, {0.0}));
    const Network deep = chain(Loss::mse_half, layers, 1);
    const Trace d = run_pass(deep, test::row({1.0}), test::row({0.0}));
    ASSERT_TRUE(trace_finite(d));
    EXPECT_NEAR(d.loss, 0.5e192, 0.5e192 * 1e-13);
    EXPECT_NEAR(d.layers[1].dW(0, 0), 1e186, 1e186 * 1e-13);
}

// The Mazur network trained with learning rate 1e6: sigmoids bound every gradient, so however far
// the parameters move they stay finite; nothing may be reported as diverged.
TEST(Numerics, LearningRateOfAMillionOnSigmoidsStaysFinite) {
    const Dataset d{test::mazur_x(), test::mazur_y()};
    for (OptimizerKind kind : {OptimizerKind::sgd, OptimizerKind::momentum, OptimizerKind::adam}) {
        Network net = test::mazur_network();
        TrainingConfig c;
        c.optimizer = kind;
        c.learning_rate = 1e6;
        Trainer trainer(d, c);
        for (int s = 0; s < 300; ++s) {
            const double loss = trainer.step(net);
            ASSERT_TRUE(std::isfinite(loss) && loss >= 0.0) << to_string(kind) << " step " << s;
            ASSERT_FALSE(trainer.diverged()) << to_string(kind) << " step " << s;
            ASSERT_TRUE(all_finite(net)) << to_string(kind) << " step " << s;
        }
        // ½Σ(a − y)² with a in [0, 1] and y = (0.01, 0.99) is at most ½(0.99² + 0.99²).
        EXPECT_LE(evaluate_loss(net, d), 0.99 * 0.99 + 1e-12) << to_string(kind);
    }
}

// Linear regression y = w x + b at x = 1, y = 1, from w = 0.5, b = 0, with ½-MSE and SGD at
// learning rate 1e6. The error e = w + b − 1 obeys e ← e − η e − η e = (1 − 2η) e, so
// |e_t| = 0.5 (2e6 − 1)^t and the loss ½ e_t² passes double's maximum 1.8e308 when
// |e_t| > 1.9e154, i.e. t > log(3.8e154) / log(2e6) = 24.5: steps 0..24 are finite, step 25 is not.
TEST(Numerics, LearningRateOfAMillionOnALinearUnitDivergesAtTheDerivedStep) {
    Network net = chain(Loss::mse_half, {dense(1, 1, Activation::linear, {0.5}, {0.0})}, 1);
    const Dataset d{test::row({1.0}), test::row({1.0})};
    TrainingConfig c;
    c.learning_rate = 1e6;
    Trainer trainer(d, c);
    double e = -0.5;  // the error before step s, by the recurrence above
    for (int s = 0; s < 25; ++s) {
        const double loss = trainer.step(net);
        ASSERT_FALSE(trainer.diverged()) << s;
        EXPECT_NEAR(loss, 0.5 * e * e, 0.5 * e * e * 1e-9) << s;
        e *= 1.0 - 2.0 * c.learning_rate;
    }
    const Network before = net;
    const double loss = trainer.step(net);  // step 25
    EXPECT_TRUE(trainer.diverged());
    EXPECT_FALSE(std::isfinite(loss));
    EXPECT_EQ(net.layers[1].W, before.layers[1].W);  // the last finite parameters are kept
    EXPECT_EQ(net.layers[1].b, before.layers[1].b);
    for (int s = 0; s < 5; ++s) {  // further steps stay diverged and change nothing
        trainer.step(net);
        EXPECT_TRUE(trainer.diverged());
        EXPECT_EQ(net.layers[1].W, before.layers[1].W);
    }
}

// Momentum at learning rate 1e6 on the same unit also leaves double's range; it must be reported
// the same way within a few dozen steps, parameters finite throughout.
TEST(Numerics, MomentumDivergenceIsReportedWithFiniteParameters) {
    Network net = chain(Loss::mse_half, {dense(1, 1, Activation::linear, {0.5}, {0.0})}, 1);
    const Dataset d{test::row({1.0}), test::row({1.0})};
    TrainingConfig c;
    c.optimizer = OptimizerKind::momentum;
    c.learning_rate = 1e6;
    Trainer trainer(d, c);
    int first_diverged = -1;
    for (int s = 0; s < 100 && first_diverged < 0; ++s) {
        const Network before = net;
        trainer.step(net);
        ASSERT_TRUE(all_finite(net)) << s;
        if (trainer.diverged()) {
            first_diverged = s;
            EXPECT_EQ(net.layers[1].W, before.layers[1].W);
        }
    }
    // (1 − 2η) per step at least as in SGD: the loss cannot stay finite past ~26 steps.
    EXPECT_GE(first_diverged, 10);
    EXPECT_LE(first_diverged, 30);
}

// The loss stays finite but the update overflows: weight 1e300 on a saturated sigmoid (gradient 0)
// with L2 1e9 at learning rate 1e9: w − η(g + λw) = 1e300 − 1e18·1e300 = −∞. The step is undone.
TEST(Numerics, AnOverflowingUpdateIsUndoneAndReported) {
    Network net = chain(Loss::mse_half, {dense(1, 1, Activation::sigmoid, {1e300}, {0.0})}, 1);
    const Dataset d{test::row({1.0}), test::row({1.0})};
    TrainingConfig c;
    c.learning_rate = 1e9;
    c.l2 = 1e9;
    Trainer trainer(d, c);
    const double loss = trainer.step(net);
    EXPECT_EQ(loss, 0.0);  // σ(1e300) = 1 = y
    EXPECT_TRUE(trainer.diverged());
    EXPECT_EQ(net.layers[1].W(0, 0), 1e300);
    EXPECT_EQ(net.layers[1].b[0], 0.0);
    OptimizerState state;  // apply_update itself says so: the new weight is −∞
    Network updated = net;
    EXPECT_FALSE(apply_update(updated, run_pass(net, d.X, d.Y), c, state));
    EXPECT_TRUE(apply_update(net, run_pass(net, d.X, d.Y), TrainingConfig{}, state));
}

// Inputs of 1e100 through sixteen relu layers of weight 1e6 would give a¹⁶ = 1e196 and a loss of
// ½·1e392: finite in mathematics, beyond double. The trainer reports it at the first step and
// keeps the parameters; it never hands back NaN as if it were a loss.
TEST(Numerics, ALossBeyondDoubleIsReportedNotPropagated) {
    std::vector<Layer> layers;
    for (int l = 0; l < kMaxLayers; ++l) layers.push_back(dense(1, 1, Activation::relu, {1e6}, {0.0}));
    Network net = chain(Loss::mse_half, layers, 1);
    const Network before = net;
    const Dataset d{test::row({1e100}), test::row({0.0})};
    Trainer trainer(d, TrainingConfig{});
    const double loss = trainer.step(net);
    EXPECT_TRUE(trainer.diverged());
    EXPECT_EQ(loss, std::numeric_limits<double>::infinity());  // an overflow, not a NaN
    for (int l = 1; l <= net.L(); ++l) EXPECT_EQ(net.layers[l].W, before.layers[l].W) << l;
}

}  // namespace
}  // namespace bp
