// The classic mistakes' sentences in the four notations of the course notes (issue 21): the same mistake,
// value and place in every notation, the words in the student's own — notes 003's ε for ∂L/∂(pre-activation),
// no δ in notes 002's vector text, notes 000's dL/dŶ and n_in × n_out W — and the per-neuron text as before.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/core/network.h"
#include "engine/homework/diagnosis.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

TrainingConfig sgd(double lr) {
    TrainingConfig c;
    c.learning_rate = lr;
    return c;
}

QuantityRef ref(Quantity what, int l = 0, int j = 0, int k = 0, int n = 0) { return {what, l, j, k, n}; }

std::string mazur_sentence(const char* given, const QuantityRef& q, Notation notation) {
    const Diagnoser d(test::mazur_network(), test::mazur_x(), test::mazur_y(), sgd(0.5));
    const auto got = d.diagnose(q, *parse_written_number(given), notation);
    EXPECT_TRUE(got.has_value()) << given << " for " << label(q);
    return got ? got->sentence : "";
}

// ---- the per-neuron text is today's, to the byte ----

TEST(DiagnosisNotation, PerNeuronSentencesAreUnchanged) {
    const Notation n = Notation::per_neuron;
    EXPECT_EQ(mazur_sentence("0.03635", ref(Quantity::delta, 1, 0), n),
              "You left out σ′(z¹₁) = 0.2413: δ of a hidden neuron is (Σₖ wₖⱼ δₖ) · σ′(z).");
    EXPECT_EQ(mazur_sentence("0.1615", ref(Quantity::delta, 2, 0), n),
              "You used σ′(a²₁) = σ′(0.7514) = 0.2178 instead of σ′(z²₁) = 0.1868: the derivative takes z, and "
              "σ′(z) = a(1 − a).");
    EXPECT_EQ(mazur_sentence("1.136", ref(Quantity::z, 2, 0), n),
              "You swapped the weight indices: z²₁ sums w²₁ₖ·a¹ₖ over the weights into neuron 1 (row 1 of W²); you "
              "used w²ₖ₁ (column 1).");
    EXPECT_EQ(mazur_sentence("0.2770", ref(Quantity::delta, 2, 0), n),
              "You used MSE's gradient 2(a − y) for ½-MSE: the ½ cancels the 2, so ∂L/∂aⱼ = aⱼ − yⱼ.");
    EXPECT_EQ(mazur_sentence("0.4398", ref(Quantity::dW, 2, 0, 0), n),
              "You left out σ′(z²₁) = 0.1868 in δ²₁: δ of an output neuron is ∂L/∂a · σ′(z).");
}

// ---- each notation's own words, written out from the notes ----

TEST(DiagnosisNotation, VectorNotationOfNotes002) {
    const Notation n = Notation::vector;
    EXPECT_EQ(mazur_sentence("0.03635", ref(Quantity::delta, 1, 0), n),
              "You left out σ′(u[1]) = 0.2413: ∂L/∂u of a hidden neuron is (Σₖ W₂[k,j] ∂L/∂f[k]) · σ′(u).");
    EXPECT_EQ(mazur_sentence("0.1615", ref(Quantity::delta, 2, 0), n),
              "You used σ′(ŷ[1]) = σ′(0.7514) = 0.2178 instead of σ′(f[1]) = 0.1868: the derivative takes f, and "
              "σ′(f) = ŷ(1 − ŷ).");
    // ReLU's derivative is notes 002's 𝟙(h > 0), written 1[h > 0] as the formulas write it.
    const Network net = make_network({2, 3, 2}, {Activation::relu, Activation::softmax}, Loss::cross_entropy,
                                     InitScheme::xavier, 5);
    Matrix X(1, 2), Y(1, 2);
    X.v = {0.3, -0.2};
    Y.v = {1, 0};
    const Diagnoser d(net, X, Y, sgd(0.5));
    const MistakeRun r = run_with_mistake(net, X, Y, sgd(0.5), Mistake::forgot_derivative, 1);
    for (int j = 0; j < 3; ++j) {
        const QuantityRef q = ref(Quantity::delta, 1, j);
        const double v = value_of(q, r.trace, r.after), right = d.exact(q);
        if (v == right) continue;  // a neuron whose 1[h > 0] is 1 gives the right value
        const auto got = d.diagnose(q, *parse_written_number(format_number(v, 6)), n);
        ASSERT_TRUE(got.has_value());
        EXPECT_NE(got->sentence.find("1[h[" + std::to_string(j + 1) + "] > 0] = 0"), std::string::npos) << got->sentence;
        EXPECT_NE(got->sentence.find("· 1[h > 0]"), std::string::npos) << got->sentence;
    }
}

TEST(DiagnosisNotation, DerivationNotationOfNotes003) {
    // z and a swap meaning; ε is ∂L/∂(pre-activation), δ ∂L/∂(layer output); W has superscript indices.
    const Notation n = Notation::derivation;
    EXPECT_EQ(mazur_sentence("0.03635", ref(Quantity::delta, 1, 0), n),
              "You left out σ′(a₁¹) = 0.2413: ε₁ of a hidden neuron is (Σₖ W₂ᵏʲ ε₂ᵏ) · σ′(a₁).");
    EXPECT_EQ(mazur_sentence("0.7414", ref(Quantity::delta, 2, 0), n),
              "You left out σ′(a₂¹) = 0.1868: ε₂ of an output neuron is δ₂ · σ′(a₂).");
    EXPECT_EQ(mazur_sentence("0.1615", ref(Quantity::delta, 2, 0), n),
              "You used σ′(z₃¹) = σ′(0.7514) = 0.2178 instead of σ′(a₂¹) = 0.1868: the derivative takes a₂, and "
              "σ′(a₂) = z₃(1 − z₃).");
    EXPECT_EQ(mazur_sentence("0.2770", ref(Quantity::delta, 2, 0), n),
              "You used MSE's gradient 2(z₃ − y) for ½-MSE: the ½ cancels the 2, so δ₂ʲ = z₃ʲ − yʲ.");
}

TEST(DiagnosisNotation, BatchNotationOfNotes000) {
    // Rows are samples and W is n_in × n_out: the weights into neuron 1 are column 1 of W₂.
    const Notation n = Notation::batch;
    EXPECT_EQ(mazur_sentence("1.136", ref(Quantity::z, 2, 0), n),
              "You swapped the weight indices: Z₂[1,1] sums W₂[k,1]·H[1,k] over the weights into neuron 1 (column 1 "
              "of W₂); you used W₂[1,k] (row 1).");
    EXPECT_EQ(mazur_sentence("-0.0226", ref(Quantity::dW, 2, 0, 1), n),
              "You swapped the indices: dL/dW₂[2,1] = dL/dZ₂[1,1]·H[1,2] (dL/dZ₂ of the neuron the weight goes into, "
              "H of the one it comes from); you computed dL/dZ₂[1,2]·H[1,1], the gradient of W₂[1,2].");
    // A linear output: the error is dL/dŶ.
    const Network net = make_network({3, 2}, {Activation::linear}, Loss::mse_half, InitScheme::xavier, 7);
    Matrix X(1, 3), Y(1, 2);
    X.v = {0.1, 0.2, 0.3};
    Y.v = {0.5, -0.2};
    const Diagnoser d(net, X, Y, sgd(0.5));
    const MistakeRun r = run_with_mistake(net, X, Y, sgd(0.5), Mistake::error_sign, 1);
    const QuantityRef q = ref(Quantity::delta, 1, 0);
    const auto got = d.diagnose(q, *parse_written_number(format_number(value_of(q, r.trace, r.after), 6)), n);
    ASSERT_TRUE(got.has_value());
    EXPECT_NE(got->sentence.find("you used Y − Ŷ; dL/dŶ, every gradient"), std::string::npos) << got->sentence;
}

// ---- every diagnosis kind on real mistakes, in all four notations ----

// Symbols that give another notation away.
struct Giveaways {
    Notation notation;
    std::vector<std::string> foreign;  // none may appear
    std::vector<std::string> delta;    // one must appear where the per-neuron sentence names a δ
};

const std::vector<Giveaways>& giveaways() {
    static const std::vector<Giveaways> g = {
        {Notation::per_neuron, {"ε", "dL/d", "Ŷ", "[", "ₗ", "ʲ", "ᵏ", "u₁", "h["}, {"δ"}},
        {Notation::vector, {"δ", "ε", "dL/d", "Ŷ", "z²", "z¹", "a²", "a¹", "w²", "w¹", "ʲ", "ᵏ"}, {"∂L/∂f", "∂L/∂u"}},
        {Notation::derivation, {"∂L/∂z", "∂L/∂a", "δ¹", "δ²", "δ³", "w²", "w¹", "[", "dL/d", "Ŷ"}, {"ε"}},
        {Notation::batch, {"δ", "ε", "∂L/∂", "z²", "a²", "w²", "w¹", "ʲ", "ᵏ", "h[", "u["}, {"dL/dZ", "dL/dŶ"}},
    };
    return g;
}

// Every mistake the passes make on the network, asked of every value: the answer the mistake gives, written
// with 7 digits, diagnosed in each notation. Every kind of mistake but those in `absent` is diagnosed.
void check_every_diagnosis(const Network& net, const Matrix& X, const Matrix& Y, std::vector<Mistake> absent = {}) {
    const TrainingConfig c = sgd(0.5);
    const Diagnoser d(net, X, Y, c);
    std::vector<bool> kinds(static_cast<std::size_t>(Mistake::bias_not_updated) + 1, false);
    int diagnosed = 0;
    for (const MistakeRun& run : d.runs()) {
        for (const Quantity what : {Quantity::z, Quantity::a, Quantity::delta, Quantity::dW, Quantity::db, Quantity::loss,
                                    Quantity::W_after, Quantity::b_after}) {
            const bool loss = what == Quantity::loss;
            for (int l = loss ? 0 : 1; l <= (loss ? 0 : net.L()); ++l)
                for (int j = 0; j < (loss ? 1 : net.layers[l].size); ++j) {
                    const int n = is_per_sample(what) ? X.rows - 1 : 0, k = is_weight(what) ? (j + 1) % net.layers[l - 1].size : 0;
                    const QuantityRef q{what, l, j, k, n};
                    const double v = value_of(q, run.trace, run.after);
                    if (!std::isfinite(v)) continue;
                    char text[32];
                    std::snprintf(text, sizeof text, "%.6e", v);  // all 7 digits written, trailing zeros too
                    const auto given = parse_written_number(text);
                    const auto base = d.diagnose(q, *given, Notation::per_neuron);
                    if (!base) continue;
                    ++diagnosed;
                    kinds[static_cast<std::size_t>(base->mistake)] = true;
                    for (const Giveaways& g : giveaways()) {
                        const auto got = d.diagnose(q, *given, g.notation);
                        ASSERT_TRUE(got.has_value());
                        SCOPED_TRACE(std::string(to_string(g.notation)) + ": " + got->sentence);
                        // Only the words change: the mistake, its value and its place are the same.
                        EXPECT_EQ(got->mistake, base->mistake);
                        EXPECT_EQ(got->layer, base->layer);
                        EXPECT_EQ(got->mistaken_value, base->mistaken_value);
                        EXPECT_EQ(got->point_at, base->point_at);
                        for (const std::string& s : g.foreign) EXPECT_EQ(got->sentence.find(s), std::string::npos) << s;
                        if (base->sentence.find("δ") != std::string::npos) {  // it names a δ: in this notation
                            bool own = false;
                            for (const std::string& s : g.delta) own = own || got->sentence.find(s) != std::string::npos;
                            EXPECT_TRUE(own) << "no " << g.delta.front();
                        }
                        const bool carried = base->sentence.find("carries through") != std::string::npos;
                        if (carried) {
                            EXPECT_NE(got->sentence.find(label(q, Symbols(g.notation, net))), std::string::npos);
                        }
                    }
                }
        }
    }
    EXPECT_GT(diagnosed, 20);
    for (const Mistake m : absent) kinds[static_cast<std::size_t>(m)] = true;
    for (std::size_t m = 1; m < kinds.size(); ++m)
        if (!kinds[m]) ADD_FAILURE() << "no diagnosis of " << to_string(static_cast<Mistake>(m));
}

TEST(DiagnosisNotation, EveryKindOnABatchOfFourInEveryNotation) {
    // Mazur's sample four times: every mistake applies (the square W² allows the transposed ones).
    check_every_diagnosis(test::mazur_network(), take_rows(test::mazur_x(), 0, 4), take_rows(test::mazur_y(), 0, 4));
}

TEST(DiagnosisNotation, EveryKindOnOneSampleInEveryNotation) {
    // One sample has no batch mean to forget or double.
    check_every_diagnosis(test::mazur_network(), test::mazur_x(), test::mazur_y(),
                          {Mistake::batch_mean_forgotten, Mistake::batch_mean_twice});
}

}  // namespace
}  // namespace bp
