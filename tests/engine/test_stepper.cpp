// The stepper: Mazur's worked example event by event, the board order, the formulas' text, stepping
// (neuron, layer, phase; back exactly), known values, and the end state equal to run_pass and
// apply_update bit for bit for every activation × loss pair.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/core/error.h"
#include "engine/teaching/formula_writer.h"
#include "engine/teaching/notation.h"
#include "engine/core/optimizer.h"
#include "engine/teaching/stepper.h"
#include "engine_cases.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

using Kind = ValueRef::Kind;

TrainingConfig mazur_config() {
    TrainingConfig c;
    c.learning_rate = 0.5;
    c.freeze_biases = true;  // Mazur's example leaves b1 = 0.35 and b2 = 0.60 alone
    return c;
}

Stepper mazur_stepper() { return Stepper(test::mazur_network(), test::mazur_x(), test::mazur_y(), mazur_config()); }

const StepEvent& find_event(const Stepper& st, EventKind kind, int l, int j, int k = 0) {
    for (const StepEvent& e : st.events())
        if (e.kind == kind && e.layer == l && e.neuron == j && e.k == k) return e;
    throw std::runtime_error("no such event");
}

EventText find_text(const Stepper& st, EventKind kind, int l, int j, int k = 0) {
    return st.text(find_event(st, kind, l, j, k));
}

void expect_same_trace(const Trace& a, const Trace& b, const std::string& what) {
    ASSERT_EQ(a.layers.size(), b.layers.size()) << what;
    for (std::size_t l = 0; l < a.layers.size(); ++l) {
        EXPECT_TRUE(a.layers[l].z == b.layers[l].z) << what << " z of layer " << l;
        EXPECT_TRUE(a.layers[l].a == b.layers[l].a) << what << " a of layer " << l;
        EXPECT_TRUE(a.layers[l].delta == b.layers[l].delta) << what << " delta of layer " << l;
        EXPECT_TRUE(a.layers[l].dW == b.layers[l].dW) << what << " dW of layer " << l;
        EXPECT_TRUE(a.layers[l].db == b.layers[l].db) << what << " db of layer " << l;
    }
    EXPECT_TRUE(a.sample_losses == b.sample_losses) << what;
    EXPECT_EQ(a.loss, b.loss) << what;
}

// Every z, a, δ, dW, db and the loss of the network, to snapshot what is known at a cursor.
std::vector<ValueRef> every_value(const Network& net) {
    std::vector<ValueRef> refs{{Kind::loss, 0, 0, 0}};
    for (int l = 1; l <= net.L(); ++l)
        for (int j = 0; j < net.layers[l].size; ++j) {
            for (Kind k : {Kind::z, Kind::a, Kind::delta, Kind::db}) refs.push_back({k, l, j, 0});
            for (int k = 0; k < net.layers[l - 1].size; ++k) refs.push_back({Kind::dW, l, j, k});
        }
    return refs;
}

std::vector<bool> known_snapshot(const Stepper& st, const std::vector<ValueRef>& refs) {
    std::vector<bool> out;
    for (const ValueRef& r : refs) out.push_back(st.known(r));
    return out;
}

// ---- Mazur's example, number by number ----

// Mazur, "A Step by Step Backpropagation Example":
//   z¹₁ = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775, a¹₁ = σ(0.3775) = 0.593269992
//   a¹₂ = σ(0.25·0.05 + 0.30·0.10 + 0.35) = σ(0.3925) = 0.596884378
//   a²₁ = σ(0.40·0.593269992 + 0.45·0.596884378 + 0.60) = σ(1.105905967) = 0.75136507
//   a²₂ = σ(0.50·0.593269992 + 0.55·0.596884378 + 0.60) = σ(1.224921404) = 0.772928465
//   E = ½(0.75136507 − 0.01)² + ½(0.772928465 − 0.99)² = 0.274811083 + 0.023560026 = 0.298371109
//   δ²₁ = (0.75136507 − 0.01)·0.75136507·(1 − 0.75136507) = 0.138498562
//   ∂E/∂w²₁₁ = δ²₁·a¹₁ = 0.082167041;  w²₁₁ ← 0.40 − 0.5·0.082167041 = 0.35891648
//   ∂E/∂w¹₁₁ = 0.000438568;            w¹₁₁ ← 0.15 − 0.5·0.000438568 = 0.149780716
TEST(Stepper, MazurNumbers) {
    const Stepper st = mazur_stepper();
    EXPECT_NEAR(find_event(st, EventKind::z, 1, 0).value, 0.3775, 1e-15);
    EXPECT_NEAR(find_event(st, EventKind::a, 1, 0).value, 0.593269992, 5e-10);
    EXPECT_NEAR(find_event(st, EventKind::a, 1, 1).value, 0.596884378, 5e-10);
    EXPECT_NEAR(find_event(st, EventKind::a, 2, 0).value, 0.75136507, 5e-9);
    EXPECT_NEAR(find_event(st, EventKind::a, 2, 1).value, 0.772928465, 5e-10);
    EXPECT_NEAR(find_event(st, EventKind::loss, 2, 0).value, 0.298371109, 5e-10);
    EXPECT_NEAR(find_event(st, EventKind::output_delta, 2, 0).value, 0.138498562, 5e-10);
    EXPECT_NEAR(find_event(st, EventKind::weight_gradient, 2, 0, 0).value, 0.082167041, 5e-10);
    EXPECT_NEAR(find_event(st, EventKind::weight_update, 2, 0, 0).value, 0.35891648, 5e-9);
    EXPECT_NEAR(find_event(st, EventKind::weight_gradient, 1, 0, 0).value, 0.000438568, 5e-10);
    EXPECT_NEAR(find_event(st, EventKind::weight_update, 1, 0, 0).value, 0.149780716, 5e-10);
    EXPECT_NEAR(st.network_after().layers[2].W(0, 0), 0.35891648, 5e-9);
    EXPECT_EQ(st.network_after().layers[1].b, st.network_before().layers[1].b);  // frozen
    EXPECT_EQ(st.network_after().layers[2].b, st.network_before().layers[2].b);
}

// The board order for Mazur's 2-2-2 network: z, a per neuron and layer; the loss; δ of the outputs, then
// of the hidden layer; ∂L/∂w, ∂L/∂b layer by layer from layer 1; the weight updates (biases frozen).
TEST(Stepper, MazurEventOrder) {
    const Stepper st = mazur_stepper();
    struct E {
        EventKind kind;
        int l, j, k;
    };
    std::vector<E> expected = {{EventKind::z, 1, 0, 0}, {EventKind::a, 1, 0, 0}, {EventKind::z, 1, 1, 0},
                               {EventKind::a, 1, 1, 0}, {EventKind::z, 2, 0, 0}, {EventKind::a, 2, 0, 0},
                               {EventKind::z, 2, 1, 0}, {EventKind::a, 2, 1, 0}, {EventKind::loss, 2, 0, 0},
                               {EventKind::output_delta, 2, 0, 0}, {EventKind::output_delta, 2, 1, 0},
                               {EventKind::hidden_delta, 1, 0, 0}, {EventKind::hidden_delta, 1, 1, 0}};
    for (int l = 1; l <= 2; ++l)
        for (int j = 0; j < 2; ++j) {
            expected.push_back({EventKind::weight_gradient, l, j, 0});
            expected.push_back({EventKind::weight_gradient, l, j, 1});
            expected.push_back({EventKind::bias_gradient, l, j, 0});
        }
    for (int l = 1; l <= 2; ++l)
        for (int j = 0; j < 2; ++j)
            for (int k = 0; k < 2; ++k) expected.push_back({EventKind::weight_update, l, j, k});
    ASSERT_EQ(st.size(), static_cast<int>(expected.size()));
    for (int i = 0; i < st.size(); ++i) {
        const StepEvent& e = st.events()[i];
        EXPECT_EQ(e.kind, expected[i].kind) << i;
        EXPECT_EQ(e.layer, expected[i].l) << i;
        EXPECT_EQ(e.neuron, expected[i].j) << i;
        EXPECT_EQ(e.k, expected[i].k) << i;
    }
    EXPECT_EQ(st.events()[8].phase, Phase::loss);
    EXPECT_EQ(st.events()[9].phase, Phase::backward);
    EXPECT_EQ(st.events()[13].phase, Phase::gradients);
    EXPECT_EQ(st.events().back().phase, Phase::update);
}

TEST(Stepper, BiasUpdatesWhenNotFrozen) {
    TrainingConfig c = mazur_config();
    c.freeze_biases = false;
    const Stepper st(test::mazur_network(), test::mazur_x(), test::mazur_y(), c);
    // δ²₁ = 0.138498562, so b²₁ ← 0.60 − 0.5·0.138498562 = 0.530750719
    EXPECT_NEAR(find_event(st, EventKind::bias_update, 2, 0).value, 0.530750719, 5e-10);
    EXPECT_EQ(st.size(), 33 + 4);
}

// ---- formulas ----

TEST(Stepper, MazurFormulaTexts) {
    const Stepper st = mazur_stepper();
    const EventText z11 = find_text(st, EventKind::z, 1, 0);
    EXPECT_EQ(z11.full_text(), "z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775");
    EXPECT_EQ(z11.title, "Forward pass — z of hidden neuron 1");
    EXPECT_EQ(z11.latex, "z^{1}_{1} = w^{1}_{11} \\cdot a^{0}_{1} + w^{1}_{12} \\cdot a^{0}_{2} + b^{1}_{1} = "
                         "0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35 = 0.3775");
    EXPECT_EQ(find_text(st, EventKind::a, 1, 0).full_text(), "a¹₁ = σ(z¹₁) = σ(0.3775) = 0.5933");
    EXPECT_EQ(find_text(st, EventKind::loss, 2, 0).full_text(),
              "L = ½[(a²₁ − y₁)² + (a²₂ − y₂)²] = ½[(0.7514 − 0.01)² + (0.7729 − 0.99)²] = 0.2984");
    const EventText d22 = find_text(st, EventKind::output_delta, 2, 1);
    EXPECT_EQ(d22.full_text(), "δ²₂ = (a²₂ − y₂)·σ′(z²₂) = (0.7729 − 0.99)·0.1755 = −0.0381");
    EXPECT_EQ(d22.title, "Backward pass — δ of output neuron 2");
    // δ¹₁ = (0.4·0.138498562 + 0.5·(−0.038098236))·0.241300709 = 0.036350306·0.241300709 = 0.008771354
    EXPECT_EQ(find_text(st, EventKind::hidden_delta, 1, 0).full_text(),
              "δ¹₁ = (w²₁₁·δ²₁ + w²₂₁·δ²₂)·σ′(z¹₁) = (0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771");
    const EventText g = find_text(st, EventKind::weight_gradient, 2, 0, 0);
    EXPECT_EQ(g.full_text(), "∂L/∂w²₁₁ = a¹₁·δ²₁ = 0.5933·0.1385 = 0.08217");
    EXPECT_EQ(g.title, "Gradient — ∂L/∂w²₁₁");
    EXPECT_EQ(g.latex, "\\frac{\\partial L}{\\partial w^{2}_{11}} = a^{1}_{1} \\cdot \\delta^{2}_{1} = 0.5933 \\cdot 0.1385 = 0.08217");
    EXPECT_EQ(find_text(st, EventKind::bias_gradient, 2, 0).full_text(), "∂L/∂b²₁ = δ²₁ = 0.1385");
    const EventText u = find_text(st, EventKind::weight_update, 2, 0, 0);
    EXPECT_EQ(u.full_text(), "w²₁₁ ← w²₁₁ − η·∂L/∂w²₁₁ = 0.4 − 0.5·0.08217 = 0.3589");
    EXPECT_EQ(u.title, "Update — w²₁₁");
    EXPECT_EQ(find_text(st, EventKind::weight_update, 2, 1, 0).substituted, "0.5 − 0.5·(−0.0226)");
    for (const StepEvent& e : st.events()) {  // every event explains itself
        const EventText text = st.text(e);
        EXPECT_FALSE(text.title.empty());
        EXPECT_NE(text.full_text().find(text.result), std::string::npos);
        EXPECT_EQ(text.result, format_number(e.value, 4));
        EXPECT_FALSE(text.latex.empty());
    }
}

TEST(Stepper, L2AndLayerNamesInFormulas) {
    Network net = test::case_network({Activation::tanh, Activation::sigmoid, Loss::mse_half}, {2, 3, 3, 1}, 5);
    net.layers[1].W(0, 0) = -0.25;
    TrainingConfig c;
    c.learning_rate = 0.1;
    c.l2 = 0.01;
    const Stepper st(net, test::row({0.5, -1.0}), test::row({0.3}), c);
    const EventText z = find_text(st, EventKind::z, 1, 0);
    EXPECT_EQ(z.title, "Forward pass — z of hidden 1 neuron 1");
    EXPECT_EQ(z.substituted.rfind("(−0.25)·0.5 + ", 0), 0u) << z.substituted;
    EXPECT_EQ(find_text(st, EventKind::hidden_delta, 2, 2).title, "Backward pass — δ of hidden 2 neuron 3");
    const EventText u = find_text(st, EventKind::weight_update, 1, 0, 0);
    EXPECT_EQ(u.symbolic, "w¹₁₁ ← w¹₁₁ − η·(∂L/∂w¹₁₁ + λ·w¹₁₁)");
    const double grad = st.trace().layers[1].dW(0, 0);
    EXPECT_EQ(u.substituted, "−0.25 − 0.1·(" + format_number(grad) + " + 0.01·(−0.25))");
    EXPECT_EQ(find_event(st, EventKind::weight_update, 1, 0, 0).value, -0.25 - 0.1 * (grad + 0.01 * -0.25));
}

// 64 inputs: the sum keeps three terms, "…", and the last; the value is still the full sum.
TEST(Stepper, LongSumsAreElided) {
    Network net = test::case_network({Activation::relu, Activation::linear, Loss::mse_half}, {64, 2, 1}, 3);
    Matrix x(1, 64);
    for (int k = 0; k < 64; ++k) x(0, k) = 1.0;
    const Stepper st(net, x, test::row({0.0}), TrainingConfig{});
    const EventText z = find_text(st, EventKind::z, 1, 0);
    EXPECT_EQ(z.symbolic, "z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + w¹₁₃·a⁰₃ + … + w¹₁,₆₄·a⁰₆₄ + b¹₁");
    EXPECT_NE(z.latex.find("\\dots + w^{1}_{1,64}"), std::string::npos) << z.latex;
    double sum = net.layers[1].b[0];
    for (int k = 0; k < 64; ++k) sum += net.layers[1].W(0, k);
    EXPECT_NEAR(find_event(st, EventKind::z, 1, 0).value, sum, 1e-12);
    EXPECT_EQ(find_text(st, EventKind::a, 2, 0).full_text().find("a²₁ = z²₁ = "), 0u);  // linear output
}

// A batch of 3: δ carries /N, ∂L/∂w is Σ over the samples (each written out), the loss a mean.
TEST(Stepper, BatchFormulas) {
    const Network net = test::mazur_network();
    Matrix X(3, 2), Y(3, 2);
    X.v = {0.05, 0.10, 0.5, -0.2, 1.0, 0.0};
    Y.v = {0.01, 0.99, 0.5, 0.5, 1.0, 0.0};
    const Stepper st(net, X, Y, mazur_config(), 1);
    EXPECT_EQ(st.shown_sample(), 1);
    const EventText d = find_text(st, EventKind::output_delta, 2, 0);
    EXPECT_EQ(d.symbolic, "δ²₁ = (a²₁ − y₁)·σ′(z²₁)/N");
    EXPECT_EQ(d.substituted.substr(d.substituted.size() - 2), "/3");
    EXPECT_EQ(find_event(st, EventKind::output_delta, 2, 0).value, st.trace().layers[2].delta(1, 0));  // the shown sample's δ
    const EventText g = find_text(st, EventKind::weight_gradient, 2, 0, 0);
    EXPECT_EQ(g.symbolic, "∂L/∂w²₁₁ = Σₙ a¹₁·δ²₁");
    const Trace& t = st.trace();
    std::string expected;
    for (int n = 0; n < 3; ++n)
        expected += (n ? " + " : "") + FormulaWriter::factor(t.layers[1].a(n, 0)).text + "·" +
                    FormulaWriter::factor(t.layers[2].delta(n, 0)).text;
    EXPECT_EQ(g.substituted, expected);
    EXPECT_EQ(find_text(st, EventKind::loss, 2, 0).symbolic, "L = (L₁ + L₂ + L₃)/N");
}

// ---- the end state equals the reference passes, bit for bit ----

TEST(Stepper, TraceAndUpdateEqualRunPassAndApplyUpdateForEveryCase) {
    for (const test::Case& c : test::all_cases()) {
        for (int N : {1, 3}) {
            for (bool bias : {true, false}) {
                const Network net = test::case_network(c, {3, 4, 3, 2}, 11 + N, bias);
                const Dataset d = test::case_data(net, N, 5);
                TrainingConfig config;
                config.learning_rate = 0.3;
                config.l2 = N == 3 ? 0.02 : 0.0;
                config.freeze_biases = N == 3 && bias;
                const Stepper st(net, d.X, d.Y, config, N - 1);
                const std::string what = c.name() + " N=" + std::to_string(N) + (bias ? "" : " no bias");
                expect_same_trace(st.trace(), run_pass(net, d.X, d.Y), what);

                Network reference = net;
                OptimizerState state;
                config.optimizer = OptimizerKind::sgd;
                apply_update(reference, run_pass(net, d.X, d.Y), config, state);
                for (int l = 1; l <= net.L(); ++l) {
                    EXPECT_TRUE(st.network_after().layers[l].W == reference.layers[l].W) << what << " W" << l;
                    EXPECT_TRUE(st.network_after().layers[l].b == reference.layers[l].b) << what << " b" << l;
                }
                // Each event's value is the trace's (shown sample) or the new parameter.
                for (const StepEvent& e : st.events()) {
                    const LayerTrace& lt = st.trace().layers[e.layer];
                    switch (e.kind) {
                        case EventKind::z: EXPECT_EQ(e.value, lt.z(N - 1, e.neuron)); break;
                        case EventKind::a: EXPECT_EQ(e.value, lt.a(N - 1, e.neuron)); break;
                        case EventKind::loss: EXPECT_EQ(e.value, st.trace().loss); break;
                        case EventKind::output_delta:
                        case EventKind::hidden_delta: EXPECT_EQ(e.value, lt.delta(N - 1, e.neuron)); break;
                        case EventKind::weight_gradient: EXPECT_EQ(e.value, lt.dW(e.neuron, e.k)); break;
                        case EventKind::bias_gradient: EXPECT_EQ(e.value, lt.db[e.neuron]); break;
                        case EventKind::weight_update:
                            EXPECT_EQ(e.value, st.network_after().layers[e.layer].W(e.neuron, e.k));
                            break;
                        case EventKind::bias_update: EXPECT_EQ(e.value, st.network_after().layers[e.layer].b[e.neuron]); break;
                    }
                }
                int bias_events = 0;
                for (const StepEvent& e : st.events())
                    bias_events += e.kind == EventKind::bias_gradient || e.kind == EventKind::bias_update;
                EXPECT_EQ(bias_events, bias ? (config.freeze_biases ? 9 : 18) : 0) << what;
            }
        }
    }
}

// A softmax layer computes every z before any a (each a needs all of them).
TEST(Stepper, SoftmaxLayerWritesEveryZBeforeAnyA) {
    const Network net = test::case_network({Activation::tanh, Activation::softmax, Loss::cross_entropy}, {2, 2, 3}, 4);
    const Dataset d = test::case_data(net, 1, 2);
    const Stepper st(net, d.X, d.Y, TrainingConfig{});
    std::vector<std::pair<EventKind, int>> forward;
    for (const StepEvent& e : st.events())
        if (e.phase == Phase::forward && e.layer == 2) forward.push_back({e.kind, e.neuron});
    const std::vector<std::pair<EventKind, int>> expected = {{EventKind::z, 0}, {EventKind::z, 1}, {EventKind::z, 2},
                                                             {EventKind::a, 0}, {EventKind::a, 1}, {EventKind::a, 2}};
    EXPECT_EQ(forward, expected);
    const StepEvent& a = find_event(st, EventKind::a, 2, 1);
    EXPECT_EQ(st.text(a).symbolic, "a²₂ = exp(z²₂) / Σᵢ exp(z²ᵢ)");
    EXPECT_EQ(a.reads.size(), 3u);
    // softmax + cross-entropy: δ = a − y for one sample
    const StepEvent& delta = find_event(st, EventKind::output_delta, 2, 0);
    EXPECT_EQ(st.text(delta).symbolic, "δ²₁ = a²₁ − y₁");
    EXPECT_NEAR(delta.value, st.trace().layers[2].a(0, 0) - d.Y(0, 0), 1e-15);
}

// Softmax with MSE: δ_j = Σ_i (a_i − y_i)·a_i·(1[i=j] − a_j), the full Jacobian, every term written out.
TEST(Stepper, SoftmaxWithMseUsesTheFullJacobian) {
    const Network net = test::case_network({Activation::sigmoid, Activation::softmax, Loss::mse_half}, {2, 3, 3}, 8);
    const Dataset d = test::case_data(net, 1, 3);
    const Stepper st(net, d.X, d.Y, TrainingConfig{});
    const double* a = st.trace().layers[2].a.row(0);
    for (int j = 0; j < 3; ++j) {
        const StepEvent& e = find_event(st, EventKind::output_delta, 2, j);
        double delta = 0.0;
        for (int i = 0; i < 3; ++i) delta += (a[i] - d.Y(0, i)) * a[i] * ((i == j ? 1.0 : 0.0) - a[j]);
        EXPECT_NEAR(e.value, delta, 1e-15);
        const EventText text = st.text(e);
        EXPECT_EQ(text.symbolic, "δ²" + subscript(j + 1) + " = Σᵢ (a²ᵢ − yᵢ)·a²ᵢ·(1[i=" + std::to_string(j + 1) +
                                  "] − a²" + subscript(j + 1) + ")");
        int terms = 0;
        for (std::size_t p = text.substituted.find(" + "); p != std::string::npos; p = text.substituted.find(" + ", p + 1)) ++terms;
        EXPECT_EQ(terms, 2) << text.substituted;  // three terms
    }
}

// ---- stepping ----

TEST(Stepper, StepBackLandsExactlyOnTheEarlierState) {
    const Network net = test::case_network({Activation::tanh, Activation::sigmoid, Loss::mse_half}, {2, 3, 2, 2}, 9);
    const Dataset d = test::case_data(net, 2, 4);
    Stepper st(net, d.X, d.Y, TrainingConfig{});
    const std::vector<ValueRef> refs = every_value(net);
    std::vector<std::vector<bool>> states{known_snapshot(st, refs)};
    while (!st.at_end()) {
        st.step_forward();
        states.push_back(known_snapshot(st, refs));
    }
    EXPECT_EQ(static_cast<int>(states.size()), st.size() + 1);
    for (int c = st.size(); c > 0; --c) {
        EXPECT_EQ(st.cursor(), c);
        EXPECT_EQ(known_snapshot(st, refs), states[c]) << c;
        st.step_back();
    }
    EXPECT_EQ(st.cursor(), 0);
    EXPECT_EQ(known_snapshot(st, refs), states[0]);
    st.step_back();  // at the start: stays
    EXPECT_EQ(st.cursor(), 0);
    // Each step makes exactly one more value known (the event's own).
    for (int c = 1; c <= st.size(); ++c) {
        int changed = 0;
        for (std::size_t i = 0; i < refs.size(); ++i) changed += states[c][i] != states[c - 1][i];
        const EventKind kind = st.events()[c - 1].kind;
        EXPECT_EQ(changed, kind == EventKind::weight_update || kind == EventKind::bias_update ? 0 : 1) << c;
    }
}

// Mazur with biases updating: layer steps go z,a of layer 1 (4 events), of layer 2 (4), the loss (1),
// δ of layer 2 (2), of layer 1 (2), gradients of layer 1 (6), of layer 2 (6), updates of layer 1 (6),
// of layer 2 (6); phase steps forward 8, loss 1, backward 4, gradients 12, update 12.
TEST(Stepper, GranularityJumps) {
    TrainingConfig c = mazur_config();
    c.freeze_biases = false;
    Stepper st(test::mazur_network(), test::mazur_x(), test::mazur_y(), c);
    const std::vector<int> layer_stops = {4, 8, 9, 11, 13, 19, 25, 31, 37};
    for (int stop : layer_stops) {
        st.step_forward(Granularity::layer);
        EXPECT_EQ(st.cursor(), stop);
    }
    st.step_forward(Granularity::layer);
    EXPECT_EQ(st.cursor(), 37);  // at the end: stays
    for (auto it = layer_stops.rbegin() + 1; it != layer_stops.rend(); ++it) {
        st.step_back(Granularity::layer);
        EXPECT_EQ(st.cursor(), *it);
    }
    st.step_back(Granularity::layer);
    EXPECT_EQ(st.cursor(), 0);

    const std::vector<int> phase_stops = {8, 9, 13, 25, 37};
    const Phase phases[] = {Phase::forward, Phase::loss, Phase::backward, Phase::gradients, Phase::update};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(st.phase(), phases[i]);
        st.step_forward(Granularity::phase);
        EXPECT_EQ(st.cursor(), phase_stops[i]);
    }
    st.step_back(Granularity::phase);
    EXPECT_EQ(st.cursor(), 25);

    // From the middle of a layer: a layer step finishes it; a layer step back returns to its start.
    st.seek(5);
    st.step_forward(Granularity::layer);
    EXPECT_EQ(st.cursor(), 8);
    st.seek(6);
    st.step_back(Granularity::layer);
    EXPECT_EQ(st.cursor(), 4);
    st.seek(10);
    st.run_to_end_of_phase();
    EXPECT_EQ(st.cursor(), 13);
    st.run_to_end();
    EXPECT_TRUE(st.at_end());
    EXPECT_EQ(st.phase(), Phase::update);
    EXPECT_EQ(st.next(), nullptr);
    EXPECT_EQ(st.current(), &st.events().back());
    st.restart();
    EXPECT_EQ(st.current(), nullptr);
    EXPECT_EQ(st.next(), &st.events().front());
    st.seek(-3);
    EXPECT_EQ(st.cursor(), 0);
    st.seek(1000);
    EXPECT_EQ(st.cursor(), 37);
}

TEST(Stepper, KnownBeforeAndAfter) {
    Stepper st = mazur_stepper();
    // Inputs, targets and parameters are always known; nothing computed is known at the start.
    EXPECT_TRUE(st.known({Kind::a, 0, 1, 0}));
    EXPECT_TRUE(st.known({Kind::target, 2, 1, 0}));
    EXPECT_TRUE(st.known({Kind::weight, 2, 1, 0}));
    EXPECT_TRUE(st.known({Kind::bias, 1, 0, 0}));
    EXPECT_FALSE(st.known({Kind::z, 1, 0, 0}));
    EXPECT_FALSE(st.known({Kind::loss, 0, 0, 0}));
    st.step_forward();
    EXPECT_TRUE(st.known({Kind::z, 1, 0, 0}));
    EXPECT_FALSE(st.known({Kind::a, 1, 0, 0}));
    st.step_forward(Granularity::phase);
    EXPECT_TRUE(st.known({Kind::a, 2, 1, 0}));
    EXPECT_FALSE(st.known({Kind::loss, 0, 0, 0}));
    st.step_forward();
    EXPECT_TRUE(st.known({Kind::loss, 0, 0, 0}));
    EXPECT_FALSE(st.known({Kind::delta, 2, 0, 0}));
    st.step_forward();
    EXPECT_TRUE(st.known({Kind::delta, 2, 0, 0}));
    EXPECT_FALSE(st.known({Kind::delta, 2, 1, 0}));
    EXPECT_FALSE(st.known({Kind::dW, 2, 0, 0}));
    st.run_to_end();
    EXPECT_TRUE(st.known({Kind::dW, 2, 1, 1}));
    EXPECT_TRUE(st.known({Kind::db, 1, 1, 0}));
    // Values that do not exist are never known.
    EXPECT_FALSE(st.known({Kind::z, 0, 0, 0}));
    EXPECT_FALSE(st.known({Kind::delta, 3, 0, 0}));
    EXPECT_FALSE(st.known({Kind::a, 1, 2, 0}));
    EXPECT_FALSE(st.known({Kind::dW, 2, 0, 2}));
    EXPECT_FALSE(st.known({Kind::weight, 0, 0, 0}));
    EXPECT_FALSE(st.known({Kind::target, 1, 0, 0}));
    // known(r) is exactly "its writer lies before the cursor", for every value at every cursor.
    const std::vector<ValueRef> refs = every_value(st.network_before());
    for (int c = 0; c <= st.size(); ++c) {
        st.seek(c);
        for (const ValueRef& r : refs) {
            const int w = st.writer_of(r);
            ASSERT_GE(w, 0);
            EXPECT_EQ(st.known(r), w < c);
            EXPECT_EQ(st.events()[w].writes, r);
        }
    }
}

// A layer without bias has no ∂L/∂b events; its db (still in the trace) is known with the neuron's last dW.
TEST(Stepper, LayerWithoutBias) {
    Network net = test::mazur_network();
    net.layers[1].bias = false;
    net.layers[1].b = {0.0, 0.0};
    Stepper st(net, test::mazur_x(), test::mazur_y(), TrainingConfig{});
    for (const StepEvent& e : st.events()) {
        EXPECT_FALSE(e.layer == 1 && (e.kind == EventKind::bias_gradient || e.kind == EventKind::bias_update));
        if (e.kind == EventKind::z && e.layer == 1) {
            EXPECT_EQ(st.text(e).symbolic.find("b¹"), std::string::npos) << st.text(e).symbolic;
        }
    }
    const int w = st.writer_of({Kind::db, 1, 0, 0});
    EXPECT_EQ(st.events()[w].kind, EventKind::weight_gradient);
    EXPECT_EQ(st.events()[w].k, 1);
    st.seek(w);
    EXPECT_FALSE(st.known({Kind::db, 1, 0, 0}));
    st.step_forward();
    EXPECT_TRUE(st.known({Kind::db, 1, 0, 0}));
    EXPECT_EQ(st.trace().layers[1].db[0], st.trace().layers[1].delta(0, 0));
}

TEST(Stepper, RefusesABatchThatDoesNotFit) {
    const Network net = test::mazur_network();
    EXPECT_THROW(Stepper(net, test::row({1.0, 2.0, 3.0}), test::mazur_y(), TrainingConfig{}), Error);
    EXPECT_THROW(Stepper(net, test::mazur_x(), test::row({1.0}), TrainingConfig{}), Error);
    EXPECT_THROW(Stepper(net, Matrix(0, 2), Matrix(0, 2), TrainingConfig{}), Error);
    const Stepper clamped(net, test::mazur_x(), test::mazur_y(), TrainingConfig{}, 7);
    EXPECT_EQ(clamped.shown_sample(), 0);
}

TEST(Stepper, NamesOfPhasesKindsAndGranularities) {
    EXPECT_EQ(to_string(Phase::gradients), "gradients");
    EXPECT_EQ(to_string(EventKind::weight_update), "weight_update");
    EXPECT_EQ(to_string(EventKind::output_delta), "output_delta");
    EXPECT_EQ(to_string(Granularity::layer), "layer");
}

// The fast number formatting of formulas writes exactly what notation.h's format_number writes.
TEST(Stepper, FormulaNumbersMatchFormatNumber) {
    Rng rng(42);
    std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.3775, 0.00877135, 9.99996, 99999.5, 1e-4, 9.9999e-5,
                                  1e6, 999999.7, 1e-300, -2.5e17, 0.1 + 0.2, 123456.0, 0.5, -0.0000999};
    for (int i = 0; i < 20000; ++i)
        values.push_back((rng.uniform() < 0.5 ? -1 : 1) * std::pow(10.0, rng.uniform(-9.0, 9.0)));
    for (double x : values) {
        EXPECT_EQ(format_number_fast(x), format_number(x, 4, false)) << x;
        EXPECT_EQ(FormulaWriter::number(x).text, format_number(x, 4, true)) << x;
    }
}

// A full stepped pass of a 10 × 64 network (issue 8 d) has every event: 10 layers × (64 z + 64 a + 64 δ
// + 64·64 dW + 64 db + 64·64 updates + 64 bias updates) + the loss. Its time is measured by the engine
// benchmark (tests/bench), never asserted here.
TEST(Stepper, TenBySixtyFourPassHasEveryEvent) {
    std::vector<int> sizes(11, 64);
    std::vector<Activation> f(10, Activation::tanh);
    f.back() = Activation::softmax;
    const Network net = make_network(sizes, f, Loss::cross_entropy, InitScheme::xavier, 7);
    Dataset d = test::case_data(net, 1, 9);
    const Stepper st(net, d.X, d.Y, TrainingConfig{});
    EXPECT_EQ(st.size(), 10 * (64 * 3 + 64 * 64 * 2 + 64 * 2) + 1);
}

}  // namespace
}  // namespace bp
