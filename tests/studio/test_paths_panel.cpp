// The path explorer's data without a window. Reference: Mazur's 2-2-2 example, by hand —
//   a¹₁ = σ(0.3775) = 0.593269992, σ′(z¹₁) = a¹₁(1 − a¹₁) = 0.241300709
//   a²₁ = 0.751365070, σ′(z²₁) = 0.186815602, ∂L/∂a²₁ = a²₁ − y₁ = 0.741365070
//   a²₂ = 0.772928465, σ′(z²₂) = 0.175510053, ∂L/∂a²₂ = a²₂ − y₂ = −0.217071535
//   path through out²₁: 0.741365070 · 0.186815602 · w²₁₁ (0.40) · 0.241300709 · a⁰₁ (0.05) = 0.000668396
//   path through out²₂: −0.217071535 · 0.175510053 · w²₂₁ (0.50) · 0.241300709 · 0.05     = −0.000229828
//   sum = 0.000438568 = ∂L/∂w¹₁₁ (Mazur's ∂E/∂w1)
// and invariants: Σ of the paths = backprop's gradient = a central finite difference of the loss.
#include <gtest/gtest.h>

#include <cmath>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "app/studio/figures/paths_panel.h"
#include "engine/core/losses.h"
#include "engine/core/passes.h"

using namespace studio;
using Kind = bp::ValueRef::Kind;

namespace {

AppState example() { return make_state(builtin_example(), "", "example"); }

// (L(w + h) − L(w − h)) / 2h on the state's sample, independent of backprop and of the paths.
double finite_difference(const AppState& s, const Selection& p) {
    const double h = 1e-6;
    const auto loss_at = [&](double delta) {
        bp::Network net = s.doc.net;
        (p.kind == Selection::Kind::bias ? net.layers[p.l].b[p.j] : net.layers[p.l].W(p.j, p.k)) += delta;
        return bp::run_pass(net, pass_inputs(s), pass_targets(s)).loss;
    };
    return (loss_at(h) - loss_at(-h)) / (2 * h);
}

}  // namespace

TEST(PathsPanel, ExampleWeightHasBothPathsThroughTheOutputs) {
    AppState s = example();
    apply(s, act::Select{Selection::weight(1, 0, 0)});
    const PathPanelModel m = build_path_panel(s);
    ASSERT_TRUE(m.hint.empty()) << m.hint;
    EXPECT_EQ(m.parameter, "w¹₁₁");
    EXPECT_EQ(m.total_count, 2);
    ASSERT_EQ(m.rows.size(), 2u);
    // Sorted by |product|: the route through out²₁ dominates.
    EXPECT_EQ(m.rows[0].route, "w¹₁₁ → h¹₁ → out²₁ → L");
    EXPECT_EQ(m.rows[1].route, "w¹₁₁ → h¹₁ → out²₂ → L");
    EXPECT_NEAR(m.rows[0].product, 0.000668396021, 1e-12);
    EXPECT_NEAR(m.rows[1].product, -0.000229828287, 1e-12);
    const std::vector<std::string> labels0 = {"∂L/∂a²₁", "σ′(z²₁)", "w²₁₁", "σ′(z¹₁)", "a⁰₁"};
    const std::vector<std::string> values0 = {"0.7414", "0.1868", "0.4", "0.2413", "0.05"};
    const std::vector<std::string> labels1 = {"∂L/∂a²₂", "σ′(z²₂)", "w²₂₁", "σ′(z¹₁)", "a⁰₁"};
    const std::vector<std::string> values1 = {"−0.2171", "0.1755", "0.5", "0.2413", "0.05"};
    ASSERT_EQ(m.rows[0].chips.size(), 5u);
    ASSERT_EQ(m.rows[1].chips.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(m.rows[0].chips[i].label, labels0[i]);
        EXPECT_EQ(m.rows[0].chips[i].value, values0[i]);
        EXPECT_EQ(m.rows[1].chips[i].label, labels1[i]);
        EXPECT_EQ(m.rows[1].chips[i].value, values1[i]);
    }
    // Each chip points at its source: ∂L/∂a²₁ at the output's a, σ′ at a z, the weight at its edge.
    EXPECT_EQ(m.rows[0].chips[0].source, (bp::ValueRef{Kind::a, 2, 0, 0}));
    EXPECT_EQ(m.rows[0].chips[1].source, (bp::ValueRef{Kind::z, 2, 0, 0}));
    EXPECT_EQ(m.rows[0].chips[2].source, (bp::ValueRef{Kind::weight, 2, 0, 0}));
    EXPECT_EQ(m.rows[0].chips[4].source, (bp::ValueRef{Kind::a, 0, 0, 0}));
    // Σ = backprop = Mazur's number = finite differences.
    EXPECT_NEAR(m.sum, 0.000438567734, 1e-12);
    EXPECT_NEAR(m.gradient, 0.000438567734, 1e-12);
    EXPECT_TRUE(m.agree);
    EXPECT_LE(std::fabs(m.difference), 1e-15);
    EXPECT_NEAR(m.gradient, finite_difference(s, s.selection), 1e-9);
    EXPECT_NE(m.check_line.find("✓"), std::string::npos);
    EXPECT_NE(m.gradient_line.find("a⁰₁·δ¹₁"), std::string::npos);
    EXPECT_EQ(m.more_count, 0);
    EXPECT_TRUE(m.more_text.empty());
    // The compact form starts with ∂L/∂w = a·δ, then δ¹₁'s recurrence and the two output δ.
    ASSERT_GE(m.compact.size(), 4u);
    EXPECT_EQ(m.compact[0].rfind("∂L/∂w¹₁₁ = ", 0), 0u) << m.compact[0];
    EXPECT_EQ(m.compact[1].rfind("δ¹₁ = ", 0), 0u) << m.compact[1];
    EXPECT_NE(m.sample_note.find("Sample 1 of 1"), std::string::npos);
}

TEST(PathsPanel, RouteRefsDrawThePathFromTheWeightToTheLoss) {
    AppState s = example();
    apply(s, act::Select{Selection::weight(1, 0, 0)});
    const PathPanelModel m = build_path_panel(s);
    ASSERT_EQ(m.rows.size(), 2u);
    const std::vector<bp::ValueRef> want = {{Kind::weight, 1, 0, 0}, {Kind::a, 0, 0, 0}, {Kind::z, 1, 0, 0},
                                            {Kind::weight, 2, 1, 0}, {Kind::a, 2, 1, 0}, {Kind::loss, 0, 0, 0}};
    EXPECT_EQ(m.rows[1].refs, want);  // w¹₁₁, x₁, h¹₁, w²₂₁, out²₂ (its line to L), L
}

TEST(PathsPanel, BiasPathsEndOnDzDb) {
    AppState s = example();
    apply(s, act::Select{Selection::bias(1, 1)});
    const PathPanelModel m = build_path_panel(s);
    ASSERT_EQ(m.rows.size(), 2u);
    EXPECT_EQ(m.rows[0].route.rfind("b¹₂ → h¹₂ → ", 0), 0u);
    EXPECT_EQ(m.rows[0].chips.back().label, "∂z¹₂/∂b¹₂");
    EXPECT_EQ(m.rows[0].chips.back().value, "1");
    EXPECT_TRUE(m.agree);
    EXPECT_NEAR(m.gradient, finite_difference(s, s.selection), 1e-9);
}

TEST(PathsPanel, NeuronOrNothingSelectedGivesTheHint) {
    AppState s = example();
    EXPECT_NE(build_path_panel(s).hint.find("Select a weight or a bias"), std::string::npos);
    apply(s, act::Select{Selection::neuron(1, 0)});
    const PathPanelModel m = build_path_panel(s);
    EXPECT_NE(m.hint.find("Select a weight or a bias"), std::string::npos);
    EXPECT_TRUE(m.rows.empty());
}

TEST(PathsPanel, SoftmaxCrossTermsAppearAsExtraPaths) {
    // 2-2-2 with a softmax output and cross-entropy: from w¹₁₁ each output z²ₘ reaches the loss through
    // both a²ᵢ, so 2 × 2 = 4 paths, and they still sum to the gradient.
    bp::Document d;
    d.net = bp::make_network({2, 2, 2}, {bp::Activation::sigmoid, bp::Activation::softmax}, bp::Loss::cross_entropy,
                             bp::InitScheme::xavier, 3);
    bp::Dataset data;
    data.X = bp::Matrix(1, 2);
    data.X(0, 0) = 0.3, data.X(0, 1) = -0.2;
    data.Y = bp::Matrix(1, 2);
    data.Y(0, 0) = 0.25, data.Y(0, 1) = 0.75;  // both targets non-zero, so no path is exactly zero
    d.data = data;
    AppState s = make_state(d, "", "softmax");
    apply(s, act::Select{Selection::weight(1, 0, 0)});
    const PathPanelModel m = build_path_panel(s);
    EXPECT_EQ(m.total_count, 4);
    ASSERT_EQ(m.rows.size(), 4u);
    int cross = 0;
    for (const PathRow& r : m.rows) {
        // "… → out²ₘ → a²ᵢ → L", and the chips name ∂a²ᵢ/∂z²ₘ.
        EXPECT_NE(r.route.find(" → a²"), std::string::npos) << r.route;
        EXPECT_EQ(r.chips[1].label.rfind("∂a²", 0), 0u) << r.chips[1].label;
        if (r.chips[1].label == "∂a²₁/∂z²₂" || r.chips[1].label == "∂a²₂/∂z²₁") ++cross;
    }
    EXPECT_EQ(cross, 2);
    EXPECT_TRUE(m.agree);
    EXPECT_NEAR(m.gradient, finite_difference(s, s.selection), 1e-8);
}

TEST(PathsPanel, ManyPathsShowTheTopOnesAndSumTheRest) {
    // 2-8-8-8-1: from w¹₁₁ there are 8·8·1 = 64 paths; 12 rows are shown, the other 52 summed.
    bp::Document d;
    d.net = bp::make_network({2, 8, 8, 8, 1}, {bp::Activation::tanh, bp::Activation::tanh, bp::Activation::tanh,
                                               bp::Activation::sigmoid},
                             bp::Loss::binary_cross_entropy, bp::InitScheme::xavier, 11);
    bp::Dataset data;
    data.X = bp::Matrix(1, 2);
    data.X(0, 0) = 0.7, data.X(0, 1) = -0.4;
    data.Y = bp::Matrix(1, 1, 1.0);
    d.data = data;
    AppState s = make_state(d, "", "deep");
    apply(s, act::Select{Selection::weight(1, 0, 0)});
    const PathPanelModel m = build_path_panel(s);
    EXPECT_EQ(m.total_count, 64);
    ASSERT_EQ(static_cast<int>(m.rows.size()), kShownPathRows);
    EXPECT_EQ(m.more_count, 64 - kShownPathRows);
    for (std::size_t i = 1; i < m.rows.size(); ++i)
        EXPECT_GE(std::fabs(m.rows[i - 1].product), std::fabs(m.rows[i].product));
    double shown = 0;
    for (const PathRow& r : m.rows) shown += r.product;
    EXPECT_NEAR(shown + m.more_sum, m.sum, 1e-15);
    EXPECT_NE(m.more_text.find("and 52 more paths summing to"), std::string::npos) << m.more_text;
    EXPECT_TRUE(m.agree);
    EXPECT_NEAR(m.gradient, finite_difference(s, s.selection), 1e-8);
}

TEST(PathsPanel, BatchPassUsesTheShownSampleAloneAndSaysSo) {
    bp::Document d = builtin_example();
    bp::Dataset data;
    data.X = bp::Matrix(2, 2);
    data.X(0, 0) = 0.05, data.X(0, 1) = 0.10, data.X(1, 0) = 0.9, data.X(1, 1) = -0.3;
    data.Y = bp::Matrix(2, 2);
    data.Y(0, 0) = 0.01, data.Y(0, 1) = 0.99, data.Y(1, 0) = 0.5, data.Y(1, 1) = 0.2;
    d.data = data;
    AppState s = make_state(d, "", "batch");
    apply(s, act::SetSample{-1});
    apply(s, act::Select{Selection::weight(1, 0, 0)});
    const PathPanelModel m = build_path_panel(s);
    EXPECT_NE(m.sample_note.find("no 1/N"), std::string::npos) << m.sample_note;
    EXPECT_NE(m.sample_note.find("batch of 2"), std::string::npos) << m.sample_note;
    // Sample 1 alone: the same sum as the one-sample example.
    EXPECT_NEAR(m.sum, 0.000438567734, 1e-12);
    apply(s, act::SetSample{1});
    const PathPanelModel m1 = build_path_panel(s);
    EXPECT_EQ(m1.sample_note.find("no 1/N"), std::string::npos);
    EXPECT_NEAR(m1.gradient, finite_difference(s, s.selection), 1e-9);
}

TEST(PathsPanel, CacheRebuildsOnlyWhenPassSelectionOrSampleChange) {
    AppState s = example();
    PathPanelCache cache;
    apply(s, act::Select{Selection::weight(1, 0, 0)});
    const double g0 = cache.get(s).gradient;
    for (int i = 0; i < 5; ++i) cache.get(s);
    EXPECT_EQ(cache.builds(), 1);
    apply(s, act::StepForward{3});  // stepping does not change the paths
    cache.get(s);
    EXPECT_EQ(cache.builds(), 1);
    apply(s, act::Select{Selection::weight(2, 1, 1)});
    EXPECT_EQ(cache.get(s).parameter, "w²₂₂");
    EXPECT_EQ(cache.builds(), 2);
    apply(s, act::Select{Selection::weight(1, 0, 0)});
    apply(s, act::EditParameter{Selection::weight(2, 0, 0), 0.9});  // a new pass: recomputed
    const double g1 = cache.get(s).gradient;
    EXPECT_EQ(cache.builds(), 3);  // one build for the new selection and the new pass together
    EXPECT_NE(g0, g1);
    EXPECT_NEAR(g1, finite_difference(s, s.selection), 1e-9);
}
