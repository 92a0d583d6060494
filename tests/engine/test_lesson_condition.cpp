// Task conditions (engine/lessons/condition.h) against contexts of named values: every comparison, == with
// its default and ± tolerance, and/or and their precedence, expressions on both sides, errors with their
// columns, names a condition reads; and the names a network page and an expression page bind
// (lesson_context.h), checked against values computed by hand.
#include <cmath>

#include <gtest/gtest.h>

#include "engine/core/passes.h"
#include "engine/graph/expression_document.h"
#include "engine/graph/expression_parser.h"
#include "engine/lessons/condition.h"
#include "engine/lessons/lesson_context.h"
#include "mazur_fixture.h"

namespace bp {
namespace {

bool holds(const std::string& condition, const ConditionContext& c) {
    const ConditionValue v = evaluate_condition(parse_condition(condition), c);
    EXPECT_EQ(v.problem, "") << condition;
    return v.satisfied;
}

// "column: reason" of a condition that does not parse.
std::string error_of(const std::string& condition) {
    try {
        parse_condition(condition);
    } catch (const ConditionError& e) {
        return std::to_string(e.column) + ": " + e.what();
    }
    return "parsed";
}

TEST(LessonCondition, Comparisons) {
    const ConditionContext c{{"L", 0.2}, {"a2_0", 0.75}, {"diverged", 0.0}};
    EXPECT_TRUE(holds("L < 0.25", c));
    EXPECT_FALSE(holds("L < 0.2", c));
    EXPECT_TRUE(holds("L <= 0.2", c));
    EXPECT_TRUE(holds("L ≤ 0.2", c));
    EXPECT_TRUE(holds("a2_0 > L", c));
    EXPECT_TRUE(holds("a2_0 >= 0.75", c));
    EXPECT_TRUE(holds("a2_0 ≥ 3*L + 0.1", c));
    EXPECT_FALSE(holds("a2_0 >= 3*L + 0.15", c));  // 3·0.2 + 0.15 is 0.75000000000000011 in binary
    EXPECT_TRUE(holds("L != 0.25", c));
    EXPECT_TRUE(holds("L ≠ 0.25", c));
    EXPECT_FALSE(holds("diverged", c));
    EXPECT_TRUE(holds("1 - diverged", c));
}

TEST(LessonCondition, EqualityWithATolerance) {
    const ConditionContext c{{"x", 0.1 + 0.2}, {"d", -0.004}};
    EXPECT_TRUE(holds("x == 0.3", c));  // 0.30000000000000004: within the default 1e-9
    EXPECT_FALSE(holds("x == 0.3000001", c));
    EXPECT_TRUE(holds("d == 0 ± 0.005", c));
    EXPECT_TRUE(holds("d == 0 +/- 0.004", c));  // |d| ≤ t, the edge included
    EXPECT_FALSE(holds("d == 0 ± 0.003", c));
    EXPECT_TRUE(holds("abs(d) < 0.005", c));
}

TEST(LessonCondition, AndBindsTighterThanOr) {
    const ConditionContext c{{"a", 1}, {"b", 0}, {"c", 1}};
    EXPECT_TRUE(holds("a > 0 and b > 0 or c > 0", c));   // (a and b) or c
    EXPECT_FALSE(holds("a > 0 and b > 0 or c < 0", c));
    EXPECT_FALSE(holds("b > 0 or c > 0 and a < 0", c));  // b or (c and not a)
    EXPECT_TRUE(holds("(a + b) * 2 == 2 and c", c));     // parentheses inside a side
    EXPECT_TRUE(holds("a>0 and c>0", c));
}

TEST(LessonCondition, NamesItReads) {
    const Condition c = parse_condition("abs(delta2_0) < 0.01 and L < w2_0_1*2 or diverged");
    EXPECT_EQ(condition_names(c), (std::vector<std::string>{"L", "delta2_0", "diverged", "w2_0_1"}));
    EXPECT_EQ(condition_values(c, {{"L", 0.29837}, {"delta2_0", -0.0662}, {"diverged", 0}}),
              "L = 0.2984, delta2_0 = −0.0662, diverged = 0, w2_0_1 = ?");
}

TEST(LessonCondition, WhatCannotBeEvaluatedSaysWhy) {
    const Condition c = parse_condition("log(L - 1) < 0");
    const ConditionValue v = evaluate_condition(c, {{"L", 0.5}});
    EXPECT_FALSE(v.satisfied);
    EXPECT_NE(v.problem.find("log of a non-positive number"), std::string::npos) << v.problem;
    const ConditionValue missing = evaluate_condition(parse_condition("w < 1"), {{"L", 0.5}});
    EXPECT_FALSE(missing.satisfied);
    EXPECT_EQ(missing.problem, "the variable w has no value");
}

TEST(LessonCondition, ErrorsNameTheirColumn) {
    EXPECT_EQ(error_of(""), "1: the condition is empty");
    EXPECT_EQ(error_of("L < (0.25"), "10: missing ')'");
    EXPECT_EQ(error_of("L < 2x"), "6: implicit product: write 2*x");
    EXPECT_EQ(error_of("L <"), "4: nothing to compare after '<'");
    EXPECT_EQ(error_of("  >= 1"), "3: nothing to compare before '>='");
    EXPECT_EQ(error_of("L < 1 and"), "10: nothing after 'and'");
    EXPECT_EQ(error_of("and L < 1"), "1: nothing before 'and'");
    EXPECT_EQ(error_of("L = 1"), "3: '=' alone: write == to compare (a == b, or a == b ± 0.01)");
    EXPECT_EQ(error_of("0 < L < 1"), "7: one comparison to a term: join two with 'and' (a < b and b < c)");
    EXPECT_EQ(error_of("L < 1 ± 0.1"), "7: a tolerance ± goes with == only");
    EXPECT_EQ(error_of("L == 1 ± w"), "10: the tolerance after '±' must be a number");
    EXPECT_EQ(error_of("L == 1 ± -1"), "10: the tolerance after '±' must be a number ≥ 0");
    EXPECT_EQ(error_of("δ < 1"), "1: unexpected character 'δ'");
    EXPECT_EQ(error_of("L < 1 or δ < 1"), "10: unexpected character 'δ'");  // columns count characters, not bytes
    EXPECT_EQ(error_of("(L < 1 or a > 2) and b > 0"),
              "1: a comparison inside parentheses: conditions are grouped by and / or alone (and binds tighter)");
    EXPECT_EQ(error_of("L < 1 or ≤ 2"), "10: nothing to compare before '≤'");
}

// ---- [SECTION] the names of a page ----------------------------------------------------------------------

// Mazur's network on its sample: the hand-derived values of "A Step by Step Backpropagation Example".
TEST(LessonContext, ANetworkPagesNames) {
    const Network net = test::mazur_network();
    const Matrix x = test::row({0.05, 0.10}), y = test::row({0.01, 0.99});
    const Trace t = run_pass(net, x, y);
    const ConditionContext c = network_context(net, t, y, 0, 0.5, {7, true});
    EXPECT_NEAR(c.at("L"), 0.298371109, 1e-9);
    EXPECT_NEAR(c.at("z1_0"), 0.3775, 1e-12);        // 0.15·0.05 + 0.2·0.1 + 0.35
    EXPECT_NEAR(c.at("a1_0"), 0.593269992, 1e-9);    // σ(0.3775)
    EXPECT_NEAR(c.at("a2_0"), 0.75136507, 1e-8);
    EXPECT_NEAR(c.at("delta2_0"), 0.138498562, 1e-9);  // (a − y)·a(1 − a)
    EXPECT_NEAR(c.at("dW2_0_0"), 0.082167041, 1e-9);   // δ²₁·a¹₁
    EXPECT_EQ(c.at("w2_0_1"), 0.45);
    EXPECT_EQ(c.at("b1_1"), 0.35);
    EXPECT_EQ(c.at("a0_1"), 0.10);
    EXPECT_EQ(c.at("y_1"), 0.99);
    EXPECT_EQ(c.at("lr"), 0.5);
    EXPECT_EQ(c.at("steps_done"), 7);
    EXPECT_EQ(c.at("diverged"), 1);
    EXPECT_EQ(c.count("z0_0"), 0u);   // the input has no z
    EXPECT_EQ(c.count("w2_2_0"), 0u);
    EXPECT_EQ(c.size(), 4u + 2 + 2 + 4 * 5 + 8 * 2);  // L lr steps diverged; a⁰; y; z a δ b db of 4 neurons; w dW of 8 weights
}

TEST(LessonContext, AnExpressionPagesNames) {
    const ExpressionGraph g = parse_expression("exp(exp(x^2))");
    const GraphPass pass = run_graph(g, {{"x", 0.5}});
    const ConditionContext c = graph_context(g, pass);
    const double h1 = 0.25, h2 = std::exp(h1), y = std::exp(h2);
    EXPECT_EQ(c.at("x"), 0.5);
    EXPECT_EQ(c.at("h1"), h1);
    EXPECT_NEAR(c.at("h2"), h2, 1e-15);
    EXPECT_NEAR(c.at("y"), y, 1e-14);
    EXPECT_NEAR(c.at("adjoint_x"), y * h2 * 2 * 0.5, 1e-14);  // e^(h₂)·e^(h₁)·2x
    EXPECT_EQ(c.at("adjoint_y"), 1.0);
    EXPECT_EQ(c.size(), 8u);  // x h1 h2 y and their adjoints; the constant 2 has neither
    EXPECT_EQ(find_node(g, "h₂"), 3);
    EXPECT_EQ(find_node(g, "h2"), 3);
    EXPECT_EQ(find_node(g, "y"), 4);
    EXPECT_EQ(find_node(g, "h3"), 4);   // the output is the third operation too
    EXPECT_EQ(find_node(g, "2"), -1);   // constants have no name
    EXPECT_EQ(find_node(g, "z"), -1);
    EXPECT_EQ(node_name(g, 4), "y");
}

TEST(LessonContext, AnOutputWithASymbolOfItsOwn) {
    const ExpressionDocument doc = parse_expression_document(
        R"J({"kind": "expression", "expression": "-log(sigmoid(w*x))", "variables": {"w": 2, "x": 1}, "output": "L"})J");
    const ExpressionGraph g = document_graph(doc);
    const ConditionContext c = graph_context(g, run_graph(g, doc.variables));
    EXPECT_NEAR(c.at("L"), std::log1p(std::exp(-2.0)), 1e-15);      // −log σ(2)
    EXPECT_NEAR(c.at("adjoint_w"), -(1 - 1 / (1 + std::exp(-2.0))), 1e-15);  // −(1 − σ(wx))·x
}

TEST(LessonContext, UnknownNamesAreExplained) {
    const ConditionContext network{{"L", 1}, {"w1_0_0", 0.1}, {"a2_0", 0.5}};
    EXPECT_EQ(unknown_name_reason("w1_2_0", network, true),
              "'w1_2_0' is not a quantity of this page's network (indices count from 0, as in files: the first w is w1_0_0)");
    EXPECT_EQ(unknown_name_reason("loss", network, true),
              "'loss' is not a quantity of this page's network (the names: L, z2_0, a2_0, delta2_0, w2_0_1, b2_0, dW2_0_1, "
              "db2_0, y_0, lr, steps_done, diverged; indices from 0)");
    EXPECT_EQ(unknown_name_reason("q", {{"x", 1}, {"y", 2}}, false), "'q' is not a quantity of this page's expression (its names: x, y)");
}

}  // namespace
}  // namespace bp
