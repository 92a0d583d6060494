// Tooltip and inspector text in course notation: names with 1-based subscripts, formulas, values from
// the pass, and "?" for what the pass has not computed yet.
#include <gtest/gtest.h>

#include "app/studio/handlers/actions.h"
#include "app/studio/figures/describe.h"
#include "app/studio/handlers/example.h"

using namespace studio;

namespace {

const ValueLine* find(const std::vector<ValueLine>& v, const std::string& name) {
    for (const ValueLine& l : v)
        if (l.name == name) return &l;
    return nullptr;
}

}  // namespace

TEST(Describe, WeightBeforeAndAfterItsGradientIsComputed) {
    AppState s = make_state(builtin_example(), "", "example");
    const Selection w = Selection::weight(2, 0, 0);
    std::vector<ValueLine> v = describe(s, w);
    const ValueLine* p = find(v, "w²₁₁");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->value, "0.4");
    const ValueLine* g = find(v, "∂L/∂w²₁₁");
    ASSERT_NE(g, nullptr);
    EXPECT_FALSE(g->known);
    EXPECT_EQ(g->value, "?");
    EXPECT_EQ(g->formula, "a¹₁·δ²₁");
    apply(s, act::RunPass{});
    v = describe(s, w);
    g = find(v, "∂L/∂w²₁₁");
    ASSERT_NE(g, nullptr);
    EXPECT_TRUE(g->known);
    EXPECT_EQ(g->value, "0.08217");  // (a²₁ − y₁)·σ′(z²₁)·a¹₁ = 0.082167041, see test_actions.cpp
    const ValueLine* u = find(v, "w²₁₁′");
    ASSERT_NE(u, nullptr);
    EXPECT_EQ(u->value, "0.3589");  // 0.4 − 0.5 · 0.082167041
    EXPECT_EQ(headline(s, w), "weight w²₁₁: hidden 1 → output 1");
}

TEST(Describe, NeuronValuesAndFormulas) {
    AppState s = make_state(builtin_example(), "", "example");
    apply(s, act::StepForward{1, false});  // z¹₁ only
    const std::vector<ValueLine> v = describe(s, Selection::neuron(1, 0));
    const ValueLine* z = find(v, "z¹₁");
    ASSERT_NE(z, nullptr);
    EXPECT_EQ(z->formula, "w¹₁₁·a⁰₁ + w¹₁₂·a⁰₂ + b¹₁");
    EXPECT_EQ(z->value, "0.3775");
    const ValueLine* a = find(v, "a¹₁");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->value, "?");
    const ValueLine* d = find(v, "δ¹₁");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->formula, "(w²₁₁·δ²₁ + w²₂₁·δ²₂) · σ′(z¹₁)");
    EXPECT_EQ(headline(s, Selection::neuron(1, 0)), "hidden neuron 1 of layer 1 (hidden 1 (σ))");
}

TEST(Describe, FrozenBiasAndOutputTarget) {
    AppState s = make_state(builtin_example(), "", "example");
    apply(s, act::RunPass{});
    const std::vector<ValueLine> b = describe(s, Selection::bias(2, 1));
    ASSERT_GE(b.size(), 3u);
    EXPECT_EQ(b[0].name, "b²₂");
    EXPECT_NE(b[2].formula.find("frozen"), std::string::npos);
    const std::vector<ValueLine> o = describe(s, Selection::neuron(2, 1));
    const ValueLine* y = find(o, "y₂");
    ASSERT_NE(y, nullptr);
    EXPECT_EQ(y->value, "0.99");
    const ValueLine* d = find(o, "δ²₂");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->formula, "∂L/∂a²₂ · σ′(z²₂)");
    EXPECT_TRUE(describe(s, Selection::weight(9, 0, 0)).empty());
}

TEST(Describe, LayerTitles) {
    const bp::Network net = builtin_example().net;
    EXPECT_EQ(layer_title(net, 0), "input");
    EXPECT_EQ(layer_title(net, 1), "hidden 1 (σ)");
    EXPECT_EQ(layer_title(net, 2), "output (σ)");
    EXPECT_EQ(layer_title(net, 1, true), "h1");
}
