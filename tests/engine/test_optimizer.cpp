// Optimisers and the training loop: one SGD step by hand, frozen biases, momentum and Adam against
// their update rules written out, the file-order batch rule, determinism and divergence.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/core/optimizer.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

Dataset mazur_data() { return Dataset{test::mazur_x(), test::mazur_y()}; }

TEST(Optimizer, OneSgdStepOfMazurMatchesPublishedWeights) {
    Network net = test::mazur_network();
    TrainingConfig c;
    c.learning_rate = 0.5;
    c.freeze_biases = true;
    const Dataset d = mazur_data();
    Trainer trainer(d, c);
    const double loss = trainer.step(net);
    EXPECT_NEAR(loss, 0.298371109, 5e-10);
    EXPECT_NEAR(net.layers[2].W(0, 0), 0.35891648, 5e-9);   // w5+
    EXPECT_NEAR(net.layers[2].W(0, 1), 0.408666186, 5e-9);  // w6+
    EXPECT_NEAR(net.layers[2].W(1, 0), 0.511301270, 5e-9);  // w7+
    EXPECT_NEAR(net.layers[2].W(1, 1), 0.561370121, 5e-9);  // w8+
    EXPECT_NEAR(net.layers[1].W(0, 0), 0.149780716, 5e-9);  // w1+
    EXPECT_NEAR(net.layers[1].W(1, 1), 0.29950229, 5e-9);   // w4+
    EXPECT_EQ(net.layers[1].b[0], 0.35);                    // frozen
    // Mazur quotes 0.291027924 after the first update, from rounded intermediates; exact arithmetic
    // gives 0.2910277737, so his figure holds to 2e-7.
    EXPECT_NEAR(evaluate_loss(net, d), 0.291027924, 2e-7);
}

TEST(Optimizer, SgdIsParameterMinusLearningRateTimesGradient) {
    Network net = test::mazur_network();
    const Trace t = run_pass(net, test::mazur_x(), test::mazur_y());
    TrainingConfig c;
    c.learning_rate = 0.1;
    OptimizerState s;
    Network after = net;
    apply_update(after, t, c, s);
    for (int l = 1; l <= 2; ++l)
        for (int j = 0; j < 2; ++j) {
            for (int k = 0; k < 2; ++k)
                EXPECT_EQ(after.layers[l].W(j, k), net.layers[l].W(j, k) - 0.1 * t.layers[l].dW(j, k));
            EXPECT_EQ(after.layers[l].b[j], net.layers[l].b[j] - 0.1 * t.layers[l].db[j]);
        }
}

TEST(Optimizer, LayersWithoutBiasNeverUpdateIt) {
    Network net = test::mazur_network();
    net.layers[1].bias = false;
    net.layers[1].b = {0.0, 0.0};
    const Trace t = run_pass(net, test::mazur_x(), test::mazur_y());
    ASSERT_NE(t.layers[1].db[0], 0.0);  // the gradient exists...
    OptimizerState s;
    apply_update(net, t, TrainingConfig{}, s);
    EXPECT_EQ(net.layers[1].b[0], 0.0);  // ...but nothing updates it
    EXPECT_NE(net.layers[2].b[0], 0.6);
}

TEST(Optimizer, MomentumAndAdamFollowTheirRules) {
    const Network net0 = test::mazur_network();
    const Trace t = run_pass(net0, test::mazur_x(), test::mazur_y());
    const double w = net0.layers[2].W(0, 0), g = t.layers[2].dW(0, 0);

    TrainingConfig m;
    m.optimizer = OptimizerKind::momentum;
    m.learning_rate = 0.1;
    m.momentum = 0.9;
    OptimizerState sm;
    Network a = net0;
    apply_update(a, t, m, sm);  // v = g; w − η v
    apply_update(a, t, m, sm);  // v = 0.9 g + g (same gradients reused)
    EXPECT_NEAR(a.layers[2].W(0, 0), w - 0.1 * g - 0.1 * (1.9 * g), 1e-15);

    TrainingConfig ad;
    ad.optimizer = OptimizerKind::adam;
    ad.learning_rate = 0.01;
    OptimizerState sa;
    Network b = net0;
    apply_update(b, t, ad, sa);
    // First Adam step: m̂ = g, v̂ = g², so w − η g/(|g| + ε) ≈ w − η·sign(g).
    EXPECT_NEAR(b.layers[2].W(0, 0), w - 0.01 * g / (std::fabs(g) + 1e-8), 1e-15);
}

TEST(Optimizer, StepsTakeBatchesInFileOrderAndWrap) {
    Matrix X(3, 2), Y(3, 2);
    X.v = {0.05, 0.10, 0.5, -0.2, 0.9, 0.3};
    Y.v = {0.01, 0.99, 0.3, 0.6, 0.8, 0.1};
    const Dataset d{X, Y};
    TrainingConfig c;
    c.batch_size = 2;
    c.learning_rate = 0.5;
    Network net = test::mazur_network();
    Trainer tr(d, c);
    // Step 0 uses samples 0, 1; step 1 uses samples 2, 0 (wrapping around the end).
    Network ref = net;
    const double l0 = tr.step(net);
    EXPECT_EQ(l0, evaluate_loss(ref, Dataset{take_rows(X, 0, 2), take_rows(Y, 0, 2)}));
    Matrix X1 = take_rows(X, std::vector<int>{2, 0}), Y1 = take_rows(Y, std::vector<int>{2, 0});
    const double expected1 = evaluate_loss(net, Dataset{X1, Y1});
    EXPECT_EQ(tr.step(net), expected1);
}

TEST(Optimizer, ShuffledTrainingIsReproducibleFromTheSeed) {
    Matrix X(4, 2), Y(4, 2);
    X.v = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    Y.v = {0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6};
    const Dataset d{X, Y};
    TrainingConfig c;
    c.batch_size = 1;
    c.shuffle = true;
    c.seed = 7;
    Network a = test::mazur_network(), b = test::mazur_network();
    Trainer ta(d, c), tb(d, c);
    for (int i = 0; i < 20; ++i) EXPECT_EQ(ta.step(a), tb.step(b));
    EXPECT_EQ(a.layers[1].W, b.layers[1].W);
}

TEST(Optimizer, DivergenceIsReportedAndParametersStayFinite) {
    Network net = test::mazur_network();
    net.loss = Loss::mse;
    net.layers[2].activation = Activation::linear;
    Matrix X(1, 2), Y(1, 2);
    X.v = {1e3, -1e3};
    Y.v = {1e6, -1e6};
    const Dataset d{X, Y};
    TrainingConfig c;
    c.learning_rate = 1e6;
    Trainer tr(d, c);
    bool diverged = false;
    for (int i = 0; i < 50 && !diverged; ++i) {
        tr.step(net);
        diverged = tr.diverged();
    }
    EXPECT_TRUE(diverged);
    for (int l = 1; l <= net.L(); ++l)
        for (double w : net.layers[l].W.v) EXPECT_TRUE(std::isfinite(w));
}

// RELIABILITY.md's reproducer: a gradient of 1e200 squares past the largest double in Adam's second
// moment. The step is reported as divergence and nothing changes, instead of a silent stall (every later
// update m̂/√∞ = 0).
TEST(Optimizer, AGradientTooLargeForAdamIsReportedNotSwallowed) {
    Network net = make_network({1, 1}, {Activation::linear}, Loss::mse_half, InitScheme::uniform, 1, false);
    net.layers[1].W(0, 0) = 1e-200;
    Matrix X(1, 1), Y(1, 1);
    X.v = {1e200};
    Y.v = {0.0};
    const Dataset d{X, Y};
    TrainingConfig c;
    c.optimizer = OptimizerKind::adam;
    c.learning_rate = 1e-3;
    Trainer tr(d, c);
    EXPECT_EQ(tr.step(net), 0.5);  // ½(1e-200 · 1e200 − 0)², finite; the gradient 1e200 is finite too
    EXPECT_TRUE(tr.diverged());
    EXPECT_EQ(net.layers[1].W(0, 0), 1e-200);
    // A gradient Adam can square is stepped as before.
    X.v = {1e100};
    const Dataset small{X, Y};  // the Trainer keeps a reference: the data must outlive it
    Trainer ok(small, c);
    ok.step(net);
    EXPECT_FALSE(ok.diverged());
    EXPECT_NEAR(net.layers[1].W(0, 0), -1e-3, 1e-9);  // Adam's first step moves w by about η
}

TEST(Optimizer, ABatchLargerThanTheDataIsTheWholeData) {
    TrainingConfig c;
    c.batch_size = 1000000;
    const Trainer tr(mazur_data(), c);
    EXPECT_EQ(tr.batch_size(), mazur_data().size());
}

TEST(Optimizer, AccuracyCountsThresholdAndArgmax) {
    Network net;
    net.loss = Loss::binary_cross_entropy;
    net.layers = {test::input_layer(1), Layer{1, Activation::sigmoid, true, Matrix(1, 1, 10.0), {0.0}}};
    Matrix X(2, 1), Y(2, 1);
    X.v = {1.0, -1.0};
    Y.v = {1.0, 1.0};  // the second sample is classified 0: wrong
    EXPECT_DOUBLE_EQ(accuracy(net, Dataset{X, Y}), 0.5);
}

}  // namespace
}  // namespace bp
