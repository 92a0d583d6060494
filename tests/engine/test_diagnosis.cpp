// The classic mistakes (issue 12): what each one produces on Mazur's 2-2-2 network and on a batch, by
// hand, and that a wrong answer equal to it is diagnosed with a sentence naming the factor.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/homework/diagnosis.h"
#include "engine/core/network.h"
#include "engine/core/optimizer.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

// Mazur's published pass, for reference in the derivations below (single sample, η = 0.5):
//   a¹ = (0.593269992, 0.596884378), z²₁ = 1.105905967, a² = (0.75136507, 0.772928465)
//   σ′(z²₁) = a²₁(1 − a²₁) = 0.186815602,  σ′(z¹₁) = a¹₁(1 − a¹₁) = 0.241300709
//   δ²₁ = (0.75136507 − 0.01)·0.186815602 = 0.138498562,  δ²₂ = −0.217071535·0.175510053 = −0.038098237
//   ∂L/∂w²₁₁ = δ²₁·a¹₁ = 0.082167041,  w²₁₁ after = 0.4 − 0.5·0.082167041 = 0.358916480

TrainingConfig sgd(double lr, bool freeze_biases = false) {
    TrainingConfig c;
    c.learning_rate = lr;
    c.freeze_biases = freeze_biases;
    return c;
}

QuantityRef ref(Quantity what, int l = 0, int j = 0, int k = 0, int n = 0) { return {what, l, j, k, n}; }

// What the pass gives for q when the mistake is made at `layer`.
double mistaken(const Network& net, const Matrix& X, const Matrix& Y, Mistake m, int layer, const QuantityRef& q,
                const TrainingConfig& c = sgd(0.5)) {
    EXPECT_TRUE(mistake_applies(m, layer, net, X.rows, c)) << to_string(m);
    const MistakeRun r = run_with_mistake(net, X, Y, c, m, layer);
    return value_of(q, r.trace, r.after);
}
double mazur_mistaken(Mistake m, int layer, const QuantityRef& q) {
    return mistaken(test::mazur_network(), test::mazur_x(), test::mazur_y(), m, layer, q);
}

// The diagnosis of the answer `given` for q on Mazur's network; fails the test when there is none.
Diagnosis mazur_diagnosis(const char* given, const QuantityRef& q, Mistake expected, const TrainingConfig& c = sgd(0.5)) {
    const Diagnoser d(test::mazur_network(), test::mazur_x(), test::mazur_y(), c);
    const auto w = parse_written_number(given);
    EXPECT_TRUE(w.has_value());
    const auto got = d.diagnose(q, *w, Notation::per_neuron);
    EXPECT_TRUE(got.has_value()) << given << " for " << label(q);
    if (!got) return {};
    EXPECT_EQ(got->mistake, expected) << given << " for " << label(q) << ": got " << to_string(got->mistake)
                                      << " — " << got->sentence;
    return *got;
}

void expect_says(const Diagnosis& d, const std::string& words) {
    EXPECT_NE(d.sentence.find(words), std::string::npos) << "'" << d.sentence << "' should say '" << words << "'";
}

// Mazur's sample four times: every per-sample value is Mazur's own, so the batch numbers follow by hand.
Matrix repeat4(const Matrix& m) { return take_rows(m, 0, 4); }

// ---- the pass without a mistake is the reference pass ----

TEST(MistakePass, WithoutAMistakeItIsRunPassAndOneSgdStepBitForBit) {
    Network net = make_network({3, 4, 3, 2}, {Activation::tanh, Activation::sigmoid, Activation::softmax},
                               Loss::cross_entropy, InitScheme::xavier, 7);
    Matrix X(3, 3), Y(3, 2);
    X.v = {0.1, -0.4, 0.9, 0.5, 0.2, -0.3, -0.8, 0.6, 0.05};
    Y.v = {1, 0, 0, 1, 0.3, 0.7};
    TrainingConfig c = sgd(0.3);
    c.l2 = 0.01;
    const MistakeRun r = run_with_mistake(net, X, Y, c, Mistake::none, kEveryLayer);
    const Trace t = run_pass(net, X, Y);
    Network after = net;
    OptimizerState state;
    apply_update(after, t, c, state);
    EXPECT_EQ(r.trace.loss, t.loss);
    for (int l = 1; l <= net.L(); ++l) {
        EXPECT_EQ(r.trace.layers[l].z, t.layers[l].z);
        EXPECT_EQ(r.trace.layers[l].a, t.layers[l].a);
        EXPECT_EQ(r.trace.layers[l].delta, t.layers[l].delta);
        EXPECT_EQ(r.trace.layers[l].dW, t.layers[l].dW);
        EXPECT_EQ(r.trace.layers[l].db, t.layers[l].db);
        EXPECT_EQ(r.after.layers[l].W, after.layers[l].W);
        EXPECT_EQ(r.after.layers[l].b, after.layers[l].b);
    }
}

// ---- 1. forgot the activation's derivative ----

TEST(Diagnosis, ForgotTheDerivativeAtTheOutput) {
    // δ²₁ without σ′(z²₁): a²₁ − y₁ = 0.75136507 − 0.01 = 0.74136507
    EXPECT_NEAR(mazur_mistaken(Mistake::forgot_derivative, 2, ref(Quantity::delta, 2, 0)), 0.74136507, 5e-9);
    const Diagnosis d = mazur_diagnosis("0.7414", ref(Quantity::delta, 2, 0), Mistake::forgot_derivative);
    expect_says(d, "You left out σ′(z²₁) = 0.1868: δ of an output neuron is ∂L/∂a · σ′(z).");
    EXPECT_EQ(d.point_at, (ValueRef{ValueRef::Kind::z, 2, 0, 0}));
}

TEST(Diagnosis, ForgotTheDerivativeInAHiddenNeuron) {
    // δ¹₁ without σ′(z¹₁): w²₁₁δ²₁ + w²₂₁δ²₂ = 0.4·0.138498562 + 0.5·(−0.038098237) = 0.036350306
    EXPECT_NEAR(mazur_mistaken(Mistake::forgot_derivative, 1, ref(Quantity::delta, 1, 0)), 0.036350306, 5e-9);
    const Diagnosis d = mazur_diagnosis("0.03635", ref(Quantity::delta, 1, 0), Mistake::forgot_derivative);
    expect_says(d, "σ′(z¹₁) = 0.2413");
    expect_says(d, "hidden");
    EXPECT_EQ(d.layer, 1);
}

TEST(Diagnosis, ForgotTheDerivativeCarriesIntoTheGradient) {
    // ∂L/∂w²₁₁ with δ²₁ lacking σ′: 0.74136507·0.593269992 = 0.444819042 − 0.004989393 = 0.439829649
    EXPECT_NEAR(mazur_mistaken(Mistake::forgot_derivative, 2, ref(Quantity::dW, 2, 0, 0)), 0.439829649, 5e-9);
    const Diagnosis d = mazur_diagnosis("0.4398", ref(Quantity::dW, 2, 0, 0), Mistake::forgot_derivative);
    expect_says(d, "You left out σ′(z²₁) = 0.1868 in δ²₁");
}

// ---- 1b. σ′ applied to a instead of z ----

TEST(Diagnosis, DerivativeOfAInsteadOfZ) {
    // σ(0.75136507) = 1/(1 + e^−0.75136507) = 1/(1 + 0.471734) = 0.679469; σ′(a) = 0.679469·0.320531 = 0.217788
    // δ²₁ = 0.74136507·0.217788341 = 0.161460669
    EXPECT_NEAR(mazur_mistaken(Mistake::derivative_of_a, 2, ref(Quantity::delta, 2, 0)), 0.161460669, 5e-9);
    const Diagnosis d = mazur_diagnosis("0.1615", ref(Quantity::delta, 2, 0), Mistake::derivative_of_a);
    expect_says(d, "You used σ′(a²₁) = σ′(0.7514) = 0.2178 instead of σ′(z²₁) = 0.1868");
}

// ---- 2. sign errors ----

TEST(Diagnosis, ErrorSignYMinusA) {
    // δ²₁ with (y − a): −0.138498562; it carries into ∂L/∂w²₁₁ = −0.082167041
    EXPECT_NEAR(mazur_mistaken(Mistake::error_sign, 2, ref(Quantity::delta, 2, 0)), -0.138498562, 5e-10);
    EXPECT_NEAR(mazur_mistaken(Mistake::error_sign, 2, ref(Quantity::dW, 2, 0, 0)), -0.082167041, 5e-10);
    const Diagnosis d = mazur_diagnosis("-0.1385", ref(Quantity::delta, 2, 0), Mistake::error_sign);
    expect_says(d, "a²₁ − y₁ = 0.7414");
    EXPECT_EQ(d.point_at, (ValueRef{ValueRef::Kind::a, 2, 0, 0}));
    mazur_diagnosis("−0.08217", ref(Quantity::dW, 2, 0, 0), Mistake::error_sign);
}

TEST(Diagnosis, UpdateAddedInsteadOfSubtracted) {
    // w²₁₁ + η·∂L/∂w²₁₁ = 0.4 + 0.5·0.082167041 = 0.441083520
    EXPECT_NEAR(mazur_mistaken(Mistake::update_sign, 2, ref(Quantity::W_after, 2, 0, 0)), 0.441083520, 5e-9);
    Diagnosis d = mazur_diagnosis("0.4411", ref(Quantity::W_after, 2, 0, 0), Mistake::update_sign);
    expect_says(d, "w²₁₁ ← w²₁₁ − η·∂L/∂w²₁₁ = 0.4 − 0.5·0.08217 = 0.3589");
    // w¹₁₁ + 0.5·0.000438568 = 0.150219284 (Mazur's w1⁺ is 0.149780716)
    d = mazur_diagnosis("0.15022", ref(Quantity::W_after, 1, 0, 0), Mistake::update_sign);
    EXPECT_EQ(d.point_at, (ValueRef{ValueRef::Kind::weight, 1, 0, 0}));
}

// ---- 3. the batch's 1/N ----

TEST(Diagnosis, BatchMeanForgottenOrTwice) {
    // Four copies of Mazur's sample: the mean loss is Mazur's 0.298371109, δ²₁ of each sample carries
    // 1/4: 0.138498562/4 = 0.0346246405, and ∂L/∂w²₁₁ = 4·(0.034624641·0.593269992) = 0.082167041.
    const Network net = test::mazur_network();
    const Matrix X = repeat4(test::mazur_x()), Y = repeat4(test::mazur_y());
    const auto value = [&](Mistake m, const QuantityRef& q) { return mistaken(net, X, Y, m, kEveryLayer, q); };
    // Without 1/N: δ²₁ = 0.138498562, ∂L/∂w²₁₁ = 4·0.082167041 = 0.328668162, L = 4·0.298371109 = 1.193484435
    EXPECT_NEAR(value(Mistake::batch_mean_forgotten, ref(Quantity::delta, 2, 0, 0, 2)), 0.138498562, 5e-10);
    EXPECT_NEAR(value(Mistake::batch_mean_forgotten, ref(Quantity::dW, 2, 0, 0)), 0.328668162, 5e-9);
    EXPECT_NEAR(value(Mistake::batch_mean_forgotten, ref(Quantity::loss)), 1.193484435, 5e-9);
    // With 1/N twice: δ²₁ = 0.138498562/16 = 0.008656160, ∂L/∂w²₁₁ = 0.082167041/4 = 0.020541760,
    // L = 0.298371109/4 = 0.074592777
    EXPECT_NEAR(value(Mistake::batch_mean_twice, ref(Quantity::delta, 2, 0, 0, 2)), 0.008656160, 5e-10);
    EXPECT_NEAR(value(Mistake::batch_mean_twice, ref(Quantity::dW, 2, 0, 0)), 0.020541760, 5e-10);
    EXPECT_NEAR(value(Mistake::batch_mean_twice, ref(Quantity::loss)), 0.074592777, 5e-9);

    const Diagnoser d(net, X, Y, sgd(0.5));
    const auto diagnose = [&](const char* given, const QuantityRef& q) {
        const auto r = d.diagnose(q, *parse_written_number(given), Notation::per_neuron);
        return r ? r->mistake : Mistake::none;
    };
    EXPECT_EQ(diagnose("0.3287", ref(Quantity::dW, 2, 0, 0)), Mistake::batch_mean_forgotten);
    EXPECT_EQ(diagnose("1.193", ref(Quantity::loss)), Mistake::batch_mean_forgotten);
    EXPECT_EQ(diagnose("0.1385", ref(Quantity::delta, 2, 0, 0, 1)), Mistake::batch_mean_forgotten);
    EXPECT_EQ(diagnose("0.02054", ref(Quantity::dW, 2, 0, 0)), Mistake::batch_mean_twice);
    EXPECT_EQ(diagnose("0.07459", ref(Quantity::loss)), Mistake::batch_mean_twice);
    const auto sentence = d.diagnose(ref(Quantity::loss), *parse_written_number("1.193"), Notation::per_neuron)->sentence;
    EXPECT_NE(sentence.find("N = 4"), std::string::npos) << sentence;
    // One sample has no 1/N to forget.
    EXPECT_FALSE(mistake_applies(Mistake::batch_mean_forgotten, kEveryLayer, net, 1, sgd(0.5)));
}

TEST(MistakePass, BatchMeanMistakesScaleEveryGradientByN) {
    // Invariant on a batch of different samples: the 1/N enters δ^L linearly, so without it every δ and
    // gradient is N times the right one, and with it twice 1/N of it.
    const Network net = make_network({2, 3, 2}, {Activation::tanh, Activation::sigmoid}, Loss::mse_half,
                                     InitScheme::xavier, 11);
    Matrix X(3, 2), Y(3, 2);
    X.v = {0.3, -0.2, 0.9, 0.4, -0.5, 0.7};
    Y.v = {0.1, 0.9, 0.8, 0.2, 0.5, 0.5};
    const TrainingConfig c = sgd(0.1);
    const Trace t = run_pass(net, X, Y);
    const Trace sum = run_with_mistake(net, X, Y, c, Mistake::batch_mean_forgotten, kEveryLayer).trace;
    const Trace twice = run_with_mistake(net, X, Y, c, Mistake::batch_mean_twice, kEveryLayer).trace;
    for (int l = 1; l <= 2; ++l)
        for (std::size_t i = 0; i < t.layers[l].dW.v.size(); ++i) {
            EXPECT_NEAR(sum.layers[l].dW.v[i], 3.0 * t.layers[l].dW.v[i], 1e-14);
            EXPECT_NEAR(twice.layers[l].dW.v[i], t.layers[l].dW.v[i] / 3.0, 1e-14);
        }
    EXPECT_NEAR(sum.loss, 3.0 * t.loss, 1e-14);
}

// ---- 4. ½-MSE versus MSE ----

TEST(Diagnosis, MseGradientUsedForHalfMse) {
    // Mazur's loss is ½-MSE; MSE's 2(a − y) doubles δ²₁: 2·0.138498562 = 0.276997124.
    EXPECT_NEAR(mazur_mistaken(Mistake::mse_factor, 2, ref(Quantity::delta, 2, 0)), 0.276997124, 5e-9);
    Diagnosis d = mazur_diagnosis("0.2770", ref(Quantity::delta, 2, 0), Mistake::mse_factor);
    expect_says(d, "the ½ cancels the 2");
    // The loss without its ½: 2·0.298371109 = 0.596742218
    EXPECT_NEAR(mazur_mistaken(Mistake::mse_factor, 2, ref(Quantity::loss)), 0.596742218, 5e-9);
    d = mazur_diagnosis("0.5967", ref(Quantity::loss), Mistake::mse_factor);
    expect_says(d, "You left out the ½");
}

TEST(Diagnosis, HalfMseGradientUsedForMse) {
    // With MSE = (1/K) Σ (a − y)², K = 2: δ²₁ = 2(a − y)/2 · σ′(z) = 0.138498562 (same as ½-MSE here);
    // ½-MSE's gradient (a − y) with the 1/K: 0.74136507/2 · 0.186815602 = 0.069249281 — the 2 is missing.
    Network net = test::mazur_network();
    net.loss = Loss::mse;
    EXPECT_NEAR(mistaken(net, test::mazur_x(), test::mazur_y(), Mistake::mse_factor, 2, ref(Quantity::delta, 2, 0)),
                0.069249281, 5e-9);
    const Diagnoser dg(net, test::mazur_x(), test::mazur_y(), sgd(0.5));
    const auto d = dg.diagnose(ref(Quantity::delta, 2, 0), *parse_written_number("0.06925"), Notation::per_neuron);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->mistake, Mistake::mse_factor);
    expect_says(*d, "the factor 2 is missing");
}

// ---- 5. transposed weight index ----

TEST(Diagnosis, TransposedIndexInTheForwardPass) {
    // z²₁ with column 1 of W²: w²₁₁a¹₁ + w²₂₁a¹₂ + b²₁ = 0.4·0.593269992 + 0.5·0.596884378 + 0.6 = 1.135750186
    EXPECT_NEAR(mazur_mistaken(Mistake::transposed_forward, 2, ref(Quantity::z, 2, 0)), 1.135750186, 5e-9);
    const Diagnosis d = mazur_diagnosis("1.136", ref(Quantity::z, 2, 0), Mistake::transposed_forward);
    expect_says(d, "you used w²ₖ₁ (column 1)");
}

TEST(Diagnosis, TransposedIndexInTheBackwardPass) {
    // δ¹₁ through row 1 of W²: (w²₁₁δ²₁ + w²₁₂δ²₂)·σ′(z¹₁) = (0.4·0.138498562 + 0.45·(−0.038098237))·0.241300709
    //    = 0.038255219·0.241300709 = 0.009231011
    EXPECT_NEAR(mazur_mistaken(Mistake::transposed_backward, 1, ref(Quantity::delta, 1, 0)), 0.009231011, 5e-9);
    mazur_diagnosis("0.009231", ref(Quantity::delta, 1, 0), Mistake::transposed_backward);
}

TEST(Diagnosis, TransposedIndexInTheGradient) {
    // ∂L/∂w²₁₂ is δ²₁·a¹₂ = 0.082667628; swapped, δ²₂·a¹₁ = −0.038098237·0.593269992 = −0.022602540
    EXPECT_NEAR(mazur_mistaken(Mistake::transposed_gradient, 2, ref(Quantity::dW, 2, 0, 1)), -0.022602540, 5e-9);
    const Diagnosis d = mazur_diagnosis("-0.0226", ref(Quantity::dW, 2, 0, 1), Mistake::transposed_gradient);
    expect_says(d, "the gradient of w²₂₁");
    EXPECT_EQ(d.point_at, (ValueRef{ValueRef::Kind::weight, 2, 1, 0}));
}

TEST(MistakePass, TransposedIndexOnlyWhereTheTransposedWeightExists) {
    // 2-3-1: W¹ is 3×2 and W² 1×3, neither square, so z cannot be computed with swapped indices; in ∂L/∂W¹
    // only w¹_jk with j < 2 has a w¹_kj.
    const Network net = make_network({2, 3, 1}, {Activation::sigmoid, Activation::sigmoid}, Loss::mse_half,
                                      InitScheme::xavier, 3);
    const TrainingConfig c = sgd(0.5);
    EXPECT_FALSE(mistake_applies(Mistake::transposed_forward, kEveryLayer, net, 1, c));
    EXPECT_FALSE(mistake_applies(Mistake::transposed_backward, kEveryLayer, net, 1, c));
    EXPECT_TRUE(mistake_applies(Mistake::transposed_gradient, 1, net, 1, c));
    EXPECT_FALSE(mistake_applies(Mistake::transposed_gradient, 2, net, 1, c));
    Matrix X(1, 2), Y(1, 1);
    X.v = {0.2, 0.7};
    Y.v = {1.0};
    const Trace t = run_pass(net, X, Y);
    const Trace m = run_with_mistake(net, X, Y, c, Mistake::transposed_gradient, 1).trace;
    EXPECT_EQ(m.layers[1].dW(0, 1), t.layers[1].delta(0, 1) * X(0, 0));  // δ¹₂·a⁰₁
    EXPECT_TRUE(std::isnan(m.layers[1].dW(2, 0)));                       // w¹₁₃ does not exist
}

// ---- 6. updated weights in the backward pass ----

TEST(Diagnosis, UpdatedWeightsInTheBackwardPass) {
    // W² after the step: w²₁₁ = 0.358916480, w²₂₁ = 0.5 − 0.5·(−0.022602540) = 0.511301270
    // δ¹₁ = (0.358916480·0.138498562 + 0.511301270·(−0.038098237))·0.241300709
    //     = (0.049709390 − 0.019479678)·0.241300709 = 0.007294458
    EXPECT_NEAR(mazur_mistaken(Mistake::updated_weights_in_backward, 1, ref(Quantity::delta, 1, 0)), 0.007294458,
                5e-9);
    const Diagnosis d = mazur_diagnosis("0.007294", ref(Quantity::delta, 1, 0), Mistake::updated_weights_in_backward);
    expect_says(d, "w²₁₁ = 0.4, not 0.3589");
}

// ---- 7. the bias ----

TEST(Diagnosis, BiasForgottenInZ) {
    // z¹₁ without b¹₁: 0.15·0.05 + 0.20·0.10 = 0.0275; z²₁ without b²₁: 1.105905967 − 0.6 = 0.505905967
    EXPECT_NEAR(mazur_mistaken(Mistake::bias_forgotten_in_z, 1, ref(Quantity::z, 1, 0)), 0.0275, 1e-15);
    EXPECT_NEAR(mazur_mistaken(Mistake::bias_forgotten_in_z, 2, ref(Quantity::z, 2, 0)), 0.505905967, 5e-9);
    Diagnosis d = mazur_diagnosis("0.0275", ref(Quantity::z, 1, 0), Mistake::bias_forgotten_in_z);
    expect_says(d, "b¹₁ = 0.35");
    EXPECT_EQ(d.point_at, (ValueRef{ValueRef::Kind::bias, 1, 0, 0}));
    mazur_diagnosis("0.5059", ref(Quantity::z, 2, 0), Mistake::bias_forgotten_in_z);
}

TEST(Diagnosis, BiasNotUpdated) {
    // b²₁ after the step is 0.6 − 0.5·0.138498562 = 0.530750719; left alone it stays 0.6
    EXPECT_NEAR(mazur_mistaken(Mistake::bias_not_updated, 2, ref(Quantity::b_after, 2, 0)), 0.6, 0.0);
    const Diagnosis d = mazur_diagnosis("0.60", ref(Quantity::b_after, 2, 0), Mistake::bias_not_updated);
    expect_says(d, "0.6 − 0.5·0.1385 = 0.5308");
    // With frozen biases (Mazur's own file) 0.6 is right, and there is nothing to diagnose.
    EXPECT_FALSE(mistake_applies(Mistake::bias_not_updated, 2, test::mazur_network(), 1, sgd(0.5, true)));
}

// ---- every mistake on a batch ----

TEST(Diagnosis, EveryMistakeOnABatchOfFourCopies) {
    // Mazur's sample four times as one batch, η = 0.5. Each sample's δ carries 1/4 of Mazur's; the
    // gradients sum four quarters, so they, the step and z, a are Mazur's. Hence, from the single-sample
    // values derived above:
    struct Case {
        Mistake mistake;
        QuantityRef q;
        double value;       // what the mistake gives, by hand
        const char* given;  // the student's answer
    };
    const Case cases[] = {
        // δ²₁ without σ′: 0.74136507/4 = 0.185341268
        {Mistake::forgot_derivative, ref(Quantity::delta, 2, 0, 0, 1), 0.185341268, "0.1853"},
        // δ²₁ with σ′(a): 0.161460669/4 = 0.040365167
        {Mistake::derivative_of_a, ref(Quantity::delta, 2, 0, 0, 2), 0.040365167, "0.04037"},
        // w²₁₁ + η·∂L/∂w²₁₁ = 0.4 + 0.5·0.082167041 = 0.441083520
        {Mistake::update_sign, ref(Quantity::W_after, 2, 0, 0), 0.441083520, "0.4411"},
        // ∂L/∂w²₁₁ with y − a: −0.082167041
        {Mistake::error_sign, ref(Quantity::dW, 2, 0, 0), -0.082167041, "-0.08217"},
        // δ²₁ with MSE's 2(a − y): 0.276997124/4 = 0.069249281
        {Mistake::mse_factor, ref(Quantity::delta, 2, 0, 0, 0), 0.069249281, "0.06925"},
        // z²₁ through column 1 of W²: 1.135750186 (z does not depend on the batch)
        {Mistake::transposed_forward, ref(Quantity::z, 2, 0, 0, 3), 1.135750186, "1.136"},
        // δ¹₁ through row 1 of W²: 0.009231011/4 = 0.002307753
        {Mistake::transposed_backward, ref(Quantity::delta, 1, 0, 0, 1), 0.002307753, "0.002308"},
        // ∂L/∂w²₁₂ computed as Σₙ δ²₂·a¹₁ = −0.022602540
        {Mistake::transposed_gradient, ref(Quantity::dW, 2, 0, 1), -0.022602540, "-0.0226"},
        // δ¹₁ through the updated W²: 0.007294458/4 = 0.001823615
        {Mistake::updated_weights_in_backward, ref(Quantity::delta, 1, 0, 0, 0), 0.001823615, "0.001824"},
        // z¹₁ without b¹₁: 0.0275
        {Mistake::bias_forgotten_in_z, ref(Quantity::z, 1, 0, 0, 2), 0.0275, "0.0275"},
        // b²₁ not updated: 0.6 (right: 0.6 − 0.5·0.138498562 = 0.530750719)
        {Mistake::bias_not_updated, ref(Quantity::b_after, 2, 0), 0.6, "0.60"},
    };
    const Network net = test::mazur_network();
    const Matrix X = repeat4(test::mazur_x()), Y = repeat4(test::mazur_y());
    const Diagnoser d(net, X, Y, sgd(0.5));
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(to_string(c.mistake)) + " " + label(c.q));
        const int layer = c.mistake == Mistake::error_sign || c.mistake == Mistake::mse_factor ? 2 : c.q.l;
        const int at = c.mistake == Mistake::transposed_backward || c.mistake == Mistake::updated_weights_in_backward
                           ? 1 : layer;
        EXPECT_NEAR(mistaken(net, X, Y, c.mistake, at, c.q), c.value, 5e-9);
        const auto got = d.diagnose(c.q, *parse_written_number(c.given), Notation::per_neuron);
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(got->mistake, c.mistake) << got->sentence;
        EXPECT_FALSE(got->sentence.empty());
    }
}

// ---- what is not diagnosed ----

TEST(Diagnosis, RightAnswersAndUnexplainedOnesGetNone) {
    const Diagnoser d(test::mazur_network(), test::mazur_x(), test::mazur_y(), sgd(0.5));
    EXPECT_FALSE(d.diagnose(ref(Quantity::delta, 2, 0), *parse_written_number("0.1385"), Notation::per_neuron).has_value());  // right
    EXPECT_FALSE(d.diagnose(ref(Quantity::delta, 2, 0), *parse_written_number("0.4321"), Notation::per_neuron).has_value());
    // A mistake whose value would pass as right at these digits is not blamed: "0.1" cannot tell
    // 0.1385 from the 0.1615 of σ′(a).
    EXPECT_FALSE(d.diagnose(ref(Quantity::delta, 2, 0), *parse_written_number("0.2"), Notation::per_neuron).has_value());
}

TEST(Diagnosis, EveryMistakeIsRunWhereItApplies) {
    // Mazur, one sample, biases updated: no 1/N mistakes; everything else has a run at some layer.
    const auto runs = run_all_mistakes(test::mazur_network(), test::mazur_x(), test::mazur_y(), sgd(0.5));
    for (Mistake m : {Mistake::forgot_derivative, Mistake::derivative_of_a, Mistake::error_sign, Mistake::update_sign,
                      Mistake::mse_factor, Mistake::transposed_forward, Mistake::transposed_backward,
                      Mistake::transposed_gradient, Mistake::updated_weights_in_backward,
                      Mistake::bias_forgotten_in_z, Mistake::bias_not_updated}) {
        const bool found = std::any_of(runs.begin(), runs.end(), [&](const MistakeRun& r) { return r.mistake == m; });
        EXPECT_TRUE(found) << to_string(m);
    }
    for (const MistakeRun& r : runs) EXPECT_NE(r.mistake, Mistake::batch_mean_forgotten);
}

}  // namespace
}  // namespace bp
