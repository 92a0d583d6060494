// Tests of the four notations (engine/teaching/notation.h): the formulas of Mazur's 2-2-2 pass and of
// the ReLU + softmax classifier written out by hand in each notation's own symbols, every number of
// every formula of every preset identical across the notations, and ∂L/∂a (the derivation notation's δ)
// equal to Wᵀδ of the next layer to the bit.
// [SECTION] names  [SECTION] hand-written formulas  [SECTION] every preset  [SECTION] ∂L/∂a
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "engine/core/passes.h"
#include "engine/homework/homework.h"
#include "engine/io/serialize.h"
#include "engine/teaching/chain_rule.h"
#include "engine/teaching/notation.h"
#include "engine/teaching/stepper.h"
#include "tests/engine/mazur_fixture.h"

namespace {

namespace fs = std::filesystem;
using bp::Notation;

// [SECTION] names -----------------------------------------------------------------------------------

TEST(Notation, NamesReadBackAndNothingElseIsANotation) {
    for (Notation n : bp::kNotations) EXPECT_EQ(bp::parse_notation(bp::to_string(n)), n);
    EXPECT_EQ(bp::to_string(Notation::per_neuron), "per-neuron");
    EXPECT_FALSE(bp::parse_notation("Vector").has_value());
    EXPECT_FALSE(bp::parse_notation("matrix").has_value());
    EXPECT_FALSE(bp::parse_notation("").has_value());
}

TEST(Notation, TheKeyNamesEveryQuantityInAllFour) {
    ASSERT_GE(bp::notation_key().size(), 10u);
    for (const bp::NotationKeyRow& row : bp::notation_key())
        for (std::string_view s : row.symbol) EXPECT_FALSE(s.empty()) << row.quantity;
}

// [SECTION] hand-written formulas ----------------------------------------------------------------------

// The full text of the first event of `kind` at (layer, neuron, k) in `notation`.
std::string formula(const bp::Stepper& base, Notation notation, bp::EventKind kind, int l, int j, int k = 0) {
    bp::Stepper s = base;
    s.set_notation(notation);
    for (const bp::StepEvent& e : s.events())
        if (e.kind == kind && e.layer == l && e.neuron == j && e.k == k) return s.text(e).full_text();
    return "(no such event)";
}

bp::Stepper mazur_stepper() {
    return bp::Stepper(bp::test::mazur_network(), bp::test::mazur_x(), bp::test::mazur_y(), bp::TrainingConfig{});
}

TEST(Notation, MazurPassInEachNotation) {
    const bp::Stepper s = mazur_stepper();
    using K = bp::EventKind;
    // notes 004, the default
    EXPECT_EQ(formula(s, Notation::per_neuron, K::z, 1, 0), "z¹₁ = w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775");
    EXPECT_EQ(formula(s, Notation::per_neuron, K::output_delta, 2, 0), "δ²₁ = (a²₁ − y₁)·σ′(z²₁) = (0.7514 − 0.01)·0.1868 = 0.1385");
    EXPECT_EQ(formula(s, Notation::per_neuron, K::hidden_delta, 1, 0),
              "δ¹₁ = (w²₁₁·δ²₁ + w²₂₁·δ²₂)·σ′(z¹₁) = (0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771");
    EXPECT_EQ(formula(s, Notation::per_neuron, K::weight_gradient, 1, 0, 0), "∂L/∂w¹₁₁ = a⁰₁·δ¹₁ = 0.05·0.008771 = 0.0004386");
    // notes 002: x, u = W₁x + b₁ (h = σ(u)), f = W₂h + b₂, ŷ = σ(f); gradients ∂L/∂f, ∂L/∂u
    EXPECT_EQ(formula(s, Notation::vector, K::z, 1, 0), "u[1] = W₁[1,1]·x[1] + W₁[1,2]·x[2] + b₁[1] = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775");
    EXPECT_EQ(formula(s, Notation::vector, K::a, 2, 1), "ŷ[2] = σ(f[2]) = σ(1.225) = 0.7729");
    EXPECT_EQ(formula(s, Notation::vector, K::output_delta, 2, 0), "∂L/∂f[1] = (ŷ[1] − y[1])·σ′(f[1]) = (0.7514 − 0.01)·0.1868 = 0.1385");
    EXPECT_EQ(formula(s, Notation::vector, K::hidden_delta, 1, 0),
              "∂L/∂u[1] = (W₂[1,1]·∂L/∂f[1] + W₂[2,1]·∂L/∂f[2])·σ′(u[1]) = (0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771");
    EXPECT_EQ(formula(s, Notation::vector, K::weight_gradient, 2, 0, 1), "∂L/∂W₂[1,2] = h[2]·∂L/∂f[1] = 0.5969·0.1385 = 0.08267");
    // notes 003: z₁ = x̂, a_l = W_l z_l + b_l, z_(l+1) = f(a_l), ε_l = δ_l ∘ f′(a_l), dW_l = ε_l ⊗ z_l
    EXPECT_EQ(formula(s, Notation::derivation, K::z, 1, 0), "a₁¹ = W₁¹¹·z₁¹ + W₁¹²·z₁² + b₁¹ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775");
    EXPECT_EQ(formula(s, Notation::derivation, K::a, 1, 0), "z₂¹ = σ(a₁¹) = σ(0.3775) = 0.5933");
    EXPECT_EQ(formula(s, Notation::derivation, K::output_delta, 2, 0),
              "ε₂¹ = δ₂¹·σ′(a₂¹) = (z₃¹ − y¹)·σ′(a₂¹) = (0.7514 − 0.01)·0.1868 = 0.1385");
    EXPECT_EQ(formula(s, Notation::derivation, K::hidden_delta, 1, 0),
              "ε₁¹ = δ₁¹·σ′(a₁¹) = (W₂¹¹·ε₂¹ + W₂²¹·ε₂²)·σ′(a₁¹) = (0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771");
    EXPECT_EQ(formula(s, Notation::derivation, K::weight_gradient, 1, 0, 0), "dW₁¹¹ = z₁¹·ε₁¹ = 0.05·0.008771 = 0.0004386");
    EXPECT_EQ(formula(s, Notation::derivation, K::bias_gradient, 2, 0), "db₂¹ = ε₂¹ = 0.1385");
    // notes 000: rows are samples, W stored n_in × n_out (W₂[2,1] is our w²₁₂), dL/dZ with its 1/N
    EXPECT_EQ(formula(s, Notation::batch, K::z, 1, 0),
              "Z₁[1,1] = W₁[1,1]·X[1,1] + W₁[2,1]·X[1,2] + b₁[1] = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775");
    EXPECT_EQ(formula(s, Notation::batch, K::output_delta, 2, 0),
              "dL/dZ₂[1,1] = 1/N·(Ŷ[1,1] − Y[1,1])·σ′(Z₂[1,1]) = 1/1·(0.7514 − 0.01)·0.1868 = 0.1385");
    EXPECT_EQ(formula(s, Notation::batch, K::hidden_delta, 1, 0),
              "dL/dZ₁[1,1] = (W₂[1,1]·dL/dZ₂[1,1] + W₂[1,2]·dL/dZ₂[1,2])·σ′(Z₁[1,1]) = "
              "(0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771");
    EXPECT_EQ(formula(s, Notation::batch, K::weight_gradient, 2, 0, 1), "dL/dW₂[2,1] = H[1,2]·dL/dZ₂[1,1] = 0.5969·0.1385 = 0.08267");
}

TEST(Notation, BatchTitlesCarryTheMatrixEquationWithShapes) {
    bp::Stepper s = mazur_stepper();
    s.set_notation(Notation::batch);
    EXPECT_EQ(s.full_title(0), "Forward pass — Z₁ of hidden neuron 1;  Z₁ = X·W₁ + b₁  (1×2 = 1×2 · 2×2 + 1×2)");
    EXPECT_EQ(s.shapes(0), "Z₁ = X·W₁ + b₁  (1×2 = 1×2 · 2×2 + 1×2)");
    EXPECT_EQ(s.text(0).title, "Forward pass — Z₁ of hidden neuron 1");
    for (int i = 0; i < s.size(); ++i)
        if (s.events()[i].kind == bp::EventKind::weight_gradient) {
            EXPECT_EQ(s.full_title(i), "Gradient — dL/dW₁[1,1];  dL/dW₁ = Xᵀ·dL/dZ₁  (2×2 = 2×1 · 1×2)");
            break;
        }
    bp::Stepper plain = mazur_stepper();
    EXPECT_EQ(plain.shapes(0), "");
    EXPECT_EQ(plain.full_title(0), plain.text(0).title);
}

bp::Document preset(const std::string& name) {
    return bp::load_document((fs::path(BP_PRESETS_DIR) / name).string());
}

// notes 002's classifier: h = ReLU(W₁x + b₁), f = W₂h + b₂, p = softmax(f), ∂L/∂f = p − y.
TEST(Notation, ReluSoftmaxClassifierInTheVectorNotation) {
    const bp::Document doc = preset("relu-softmax-classifier.json");
    bp::Stepper s(doc.net, doc.data->X, doc.data->Y, doc.training);
    using K = bp::EventKind;
    EXPECT_EQ(formula(s, Notation::vector, K::a, 1, 0), "h[1] = relu(u[1]) = relu(0.4) = 0.4");
    EXPECT_EQ(formula(s, Notation::vector, K::output_delta, 2, 1), "∂L/∂f[2] = p[2] − y[2] = 0.3945 − 1 = −0.6055");
    EXPECT_EQ(formula(s, Notation::vector, K::hidden_delta, 1, 1),
              "∂L/∂u[2] = (W₂[1,2]·∂L/∂f[1] + W₂[2,2]·∂L/∂f[2] + W₂[3,2]·∂L/∂f[3])·1[h[2] > 0] = "
              "(0.2·0.2982 + 0.1·(−0.6055) + (−0.5)·0.3073)·0 = 0");
    EXPECT_EQ(formula(s, Notation::per_neuron, K::output_delta, 2, 1), "δ²₂ = a²₂ − y₂ = 0.3945 − 1 = −0.6055");
    EXPECT_EQ(formula(s, Notation::batch, K::output_delta, 2, 1), "dL/dZ₂[1,2] = 1/N·(Ŷ[1,2] − Y[1,2]) = 1/1·(0.3945 − 1) = −0.6055");
}

// Check-my-homework's formulas follow the notation; the expected value does not.
TEST(Notation, HomeworkFormulasInTheNotation) {
    const bp::Dataset data{bp::test::mazur_x(), bp::test::mazur_y()};
    bp::Homework hw(bp::test::mazur_network(), data, bp::TrainingConfig{}, std::nullopt);
    const bp::QuantityRef delta{bp::Quantity::delta, 1, 0, 0, 0}, input{bp::Quantity::a, 0, 1, 0, 0};
    const double expected = hw.expected(delta);
    hw.set_notation(Notation::derivation);
    EXPECT_EQ(hw.formula(delta),
              "ε₁¹ = δ₁¹·σ′(a₁¹) = (W₂¹¹·ε₂¹ + W₂²¹·ε₂²)·σ′(a₁¹) = (0.4·0.1385 + 0.5·(−0.0381))·0.2413 = 0.008771");
    EXPECT_EQ(hw.formula(input), "z₁² = 0.1");
    EXPECT_EQ(hw.expected(delta), expected);
    hw.set_notation(Notation::per_neuron);
    EXPECT_EQ(hw.formula(input), "a⁰₂ = x₂ = 0.1");
}

// [SECTION] every preset ---------------------------------------------------------------------------------

std::vector<std::string> numbers_in(const std::string& text) {
    static const std::regex number(R"((−|-)?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?)");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

// Every event of every preset: the same value, the same result text, and the same numbers substituted
// (the batch notation's output error writes its 1/N in front: the same numbers and N, or 1 and N).
TEST(Notation, EveryPresetHasTheSameNumbersInEveryNotation) {
    for (const auto& entry : fs::directory_iterator(BP_PRESETS_DIR)) {
        if (entry.path().extension() != ".json") continue;
        const bp::Document doc = bp::load_document(entry.path().string());
        if (!doc.data) continue;
        const bp::Stepper base(doc.net, doc.data->X, doc.data->Y, doc.training);
        const int N = doc.data->X.rows;
        for (Notation n : bp::kNotations) {
            if (n == Notation::per_neuron) continue;
            bp::Stepper other = base;
            other.set_notation(n);
            ASSERT_EQ(other.size(), base.size());
            for (int i = 0; i < base.size(); ++i) {
                const bp::EventText a = base.text(i), b = other.text(i);
                SCOPED_TRACE(entry.path().filename().string() + " " + std::string(bp::to_string(n)) + " event " +
                             std::to_string(i) + ": " + b.full_text());
                EXPECT_EQ(std::bit_cast<std::uint64_t>(other.events()[i].value), std::bit_cast<std::uint64_t>(base.events()[i].value));
                EXPECT_EQ(a.result, b.result);
                std::vector<std::string> expected = numbers_in(a.substituted);
                if (n == Notation::batch && base.events()[i].kind == bp::EventKind::output_delta) {
                    if (N == 1) expected.push_back("1");                      // "…/1": N, which the others leave out
                    if (b.substituted.rfind("1/", 0) == 0) expected.push_back("1");  // "1/N·": no factor of the loss's own
                }
                EXPECT_EQ(sorted(numbers_in(b.substituted)), sorted(expected));
                if (base.events()[i].kind != bp::EventKind::loss || N == 1) {
                    EXPECT_NE(a.symbolic, b.symbolic) << "the symbols change with the notation";
                }
            }
        }
    }
}

// The paths' products and gradients never depend on the notation; their labels do.
TEST(Notation, PathsKeepTheirProducts) {
    const bp::Network net = bp::test::mazur_network();
    const bp::ParameterRef p{false, 1, 0, 0};
    const bp::PathListing base = bp::enumerate_paths(net, bp::test::mazur_x(), bp::test::mazur_y(), p);
    const bp::PathListing derivation =
        bp::enumerate_paths(net, bp::test::mazur_x(), bp::test::mazur_y(), p, 10000, 200, Notation::derivation);
    ASSERT_EQ(base.paths.size(), derivation.paths.size());
    for (std::size_t i = 0; i < base.paths.size(); ++i) EXPECT_EQ(base.paths[i].product, derivation.paths[i].product);
    EXPECT_EQ(base.sum, derivation.sum);
    EXPECT_EQ(derivation.compact.front(), "dW₁¹¹ = z₁¹·ε₁¹ = 0.05·0.008771 = 0.0004386");
    EXPECT_EQ(derivation.paths.front().factors.back().label, "z₁¹");
}

// [SECTION] ∂L/∂a -------------------------------------------------------------------------------------------

// Below the output, ∂L/∂a^l is (W^(l+1))ᵀδ^(l+1) summed as written here, and δ^l = ∂L/∂a^l · f′(z^l) to
// the bit (notes 003: ε_l = δ_l ∘ f′(a_l)); at the output it is the loss's derivative over N.
TEST(Notation, ActivationGradientIsWTransposeDeltaToTheBit) {
    for (const auto& entry : fs::directory_iterator(BP_PRESETS_DIR)) {
        if (entry.path().extension() != ".json") continue;
        const bp::Document doc = bp::load_document(entry.path().string());
        if (!doc.data) continue;
        SCOPED_TRACE(entry.path().filename().string());
        const bp::Network& net = doc.net;
        const bp::Trace t = bp::run_pass(net, doc.data->X, doc.data->Y);
        for (int l = 0; l < net.L(); ++l) {
            const bp::Matrix g = bp::activation_gradients(net, t, doc.data->Y, l);
            const bp::Layer& next = net.layers[l + 1];
            for (int n = 0; n < t.N(); ++n)
                for (int j = 0; j < net.layers[l].size; ++j) {
                    double by_hand = 0.0;
                    for (int i = 0; i < next.size; ++i) by_hand += next.W(i, j) * t.layers[l + 1].delta(n, i);
                    ASSERT_EQ(std::bit_cast<std::uint64_t>(g(n, j)), std::bit_cast<std::uint64_t>(by_hand));
                    if (l > 0) {
                        const double delta = g(n, j) * bp::activation_derivative(net.layers[l].activation, t.layers[l].z(n, j));
                        ASSERT_EQ(std::bit_cast<std::uint64_t>(delta), std::bit_cast<std::uint64_t>(t.layers[l].delta(n, j)));
                    }
                }
        }
        const int L = net.L();
        const bp::Layer& out = net.layers[L];
        const bp::Matrix g = bp::activation_gradients(net, t, doc.data->Y, L);
        if (bp::fused_output(net.loss, out.activation) || out.activation == bp::Activation::softmax) continue;
        for (int n = 0; n < t.N(); ++n)
            for (int j = 0; j < out.size; ++j)
                EXPECT_NEAR(g(n, j) * bp::activation_derivative(out.activation, t.layers[L].z(n, j)), t.layers[L].delta(n, j),
                            1e-15 * std::fabs(t.layers[L].delta(n, j)));
    }
}

TEST(Notation, ActivationGradientOfALayerThatIsNotThereIsAnError) {
    const bp::Network net = bp::test::mazur_network();
    const bp::Trace t = bp::run_pass(net, bp::test::mazur_x(), bp::test::mazur_y());
    EXPECT_THROW(bp::activation_gradients(net, t, bp::test::mazur_y(), 3), bp::Error);
    EXPECT_THROW(bp::activation_gradients(net, t, bp::test::mazur_y(), -1), bp::Error);
}

}  // namespace
