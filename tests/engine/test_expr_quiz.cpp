// Quiz support for graphs: the digit rule on values, adjoints and local derivatives, and each classic
// mistake recognised from the number it produces — a missing path (one path counted, one left out), a sign
// error, a dropped factor — with its one sentence.
#include <string>

#include <gtest/gtest.h>

#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_quiz.h"

namespace bp {
namespace {

struct Quiz {
    ExpressionGraph g;
    GraphPass pass;
    GraphAnswer mark(GraphQuestion q, const std::string& text) const { return check_graph_answer(g, pass, q, text); }
    std::string diagnosis(GraphQuestion q, const std::string& text) const {
        const GraphAnswer a = mark(q, text);
        EXPECT_EQ(a.check.verdict, Verdict::wrong) << text;
        return a.diagnosis ? std::string(to_string(a.diagnosis->mistake)) + ": " + a.diagnosis->sentence : "none";
    }
};

Quiz quiz(const std::string& text, const VariableValues& values) {
    Quiz q{parse_expression(text), {}};
    q.pass = run_graph(q.g, values);
    return q;
}

constexpr GraphQuantity kValue = GraphQuantity::value, kAdjoint = GraphQuantity::adjoint,
                        kLocal = GraphQuantity::local_derivative;

TEST(ExprQuiz, TheDigitRuleOnEveryKindOfQuestion) {
    const Quiz q = quiz("exp(exp(x^2))", {{"x", 0.5}});
    EXPECT_EQ(q.mark({kValue, 3, 0}, "1.284").check.verdict, Verdict::correct);   // h₂ = 1.2840254
    EXPECT_EQ(q.mark({kValue, 3, 0}, "1.28").check.verdict, Verdict::correct);
    EXPECT_EQ(q.mark({kValue, 3, 0}, "1.29").check.verdict, Verdict::correct);  // one unit in the last digit
    EXPECT_EQ(q.mark({kValue, 3, 0}, "1.31").check.verdict, Verdict::wrong);
    EXPECT_EQ(q.mark({kValue, 3, 0}, "1").check.verdict, Verdict::need_more_digits);
    EXPECT_EQ(q.mark({kValue, 3, 0}, "1,284").check.verdict, Verdict::unreadable);
    EXPECT_EQ(q.mark({kAdjoint, 0, 0}, "4.637").check.verdict, Verdict::correct);  // ∂y/∂x = 4.6368
    EXPECT_EQ(q.mark({kLocal, 3, 0}, "1.284").check.verdict, Verdict::correct);    // ∂h₂/∂h₁ = e^(h₁)
    EXPECT_FALSE(q.mark({kValue, 3, 0}, "1.31").diagnosis.has_value());           // values have no graph mistakes
    EXPECT_EQ(question_label(q.g, {kValue, 3, 0}), "h₂");
    EXPECT_EQ(question_label(q.g, {kAdjoint, 2, 0}), "∂y/∂h₁");
    EXPECT_EQ(question_label(q.g, {kLocal, 3, 0}), "∂h₂/∂h₁");
    EXPECT_THROW(exact_answer(q.g, q.pass, {kAdjoint, 1, 0}), Error);  // the constant 2
    EXPECT_THROW(exact_answer(q.g, q.pass, {kLocal, 2, 1}), Error);    // its edge
    EXPECT_THROW(exact_answer(q.g, q.pass, {kValue, 9, 0}), Error);
}

TEST(ExprQuiz, QuestionsInSteppingOrder) {
    const Quiz q = quiz("exp(exp(x^2))", {{"x", 0.5}});
    std::string order;
    for (const GraphQuestion& question : graph_questions(q.g)) order += question_label(q.g, question) + " ";
    EXPECT_EQ(order, "h₁ ∂h₁/∂x h₂ ∂h₂/∂h₁ y ∂y/∂h₂ ∂y/∂h₂ ∂y/∂h₁ ∂y/∂x ");
}

TEST(ExprQuiz, AMissingPath) {
    const Quiz q = quiz("x*x + exp(x)", {{"x", 0.5}});  // ∂y/∂x = 0.5 + 0.5 + 1.6487 = 2.6487
    const GraphQuestion dx{kAdjoint, 0, 0};
    EXPECT_EQ(q.diagnosis(dx, "1.649"),
              "missing_path: You counted only the path x → h₂ → y (product 1.649), but x reaches y by 3 paths: ∂y/∂x "
              "is the sum of all their products, 2.649.");
    EXPECT_EQ(q.diagnosis(dx, "2.149"),
              "missing_path: You left out the path x → h₁ → y (product 0.5): ∂y/∂x is the sum over all 3 paths, 2.649.");
    const GraphAnswer a = q.mark(dx, "0.5");
    ASSERT_TRUE(a.diagnosis);
    EXPECT_EQ(a.diagnosis->path, (std::vector<int>{0, 1, 3}));
    // w used three times in w·x·w·x·w: each path gives w²x² = 2.25, the derivative is 6.75.
    const Quiz r = quiz("w*x*w*x*w", {{"w", 1.5}, {"x", 1}});
    const std::string prefix = "missing_path: You counted only the path w → ";
    EXPECT_EQ(r.diagnosis({kAdjoint, r.g.find_variable("w"), 0}, "2.25").substr(0, prefix.size()), prefix);
    EXPECT_EQ(r.mark({kAdjoint, r.g.find_variable("w"), 0}, "6.75").check.verdict, Verdict::correct);
}

TEST(ExprQuiz, ASignError) {
    const Quiz q = quiz("3 - x*x", {{"x", 2}});  // ∂y/∂x = −2x = −4
    EXPECT_EQ(q.diagnosis({kAdjoint, q.g.find_variable("x"), 0}, "4"),
              "sign_error: You flipped the sign of ∂y/∂h₁ = −1 (∂(u − v)/∂v = −1).");
    const Quiz c = quiz("cos(x)", {{"x", 1}});
    EXPECT_EQ(c.diagnosis({kLocal, c.g.output, 0}, "0.8415"),
              "sign_error: You flipped the sign: ∂y/∂x = −sin(x) = −0.8415 (d(cos u)/du = −sin u).");
}

TEST(ExprQuiz, ADroppedFactor) {
    const Quiz q = quiz("exp(exp(x^2))", {{"x", 0.5}});  // ∂y/∂x = 3.611·1.284·1
    EXPECT_EQ(q.diagnosis({kAdjoint, 0, 0}, "3.611"),
              "dropped_factor: You left out the factor ∂h₂/∂h₁ = e^(h₁) = 1.284: on the way from x to y every local "
              "derivative multiplies.");
    const Quiz p = quiz("x^3", {{"x", 2}});  // ∂y/∂x = 3x² = 12
    EXPECT_EQ(p.diagnosis({kLocal, p.g.output, 0}, "4"), "dropped_factor: You left out the factor 3 of d(u^c)/du = c·u^(c−1).");
    const Quiz s = quiz("sigmoid(x)", {{"x", 0}});  // σ′(0) = 0.25
    EXPECT_EQ(s.diagnosis({kLocal, s.g.output, 0}, "0.5"),
              "dropped_factor: You left out the factor 1 − σ(x) = 0.5 of d(σ(u))/du = σ(u)(1 − σ(u)).");
    // No mistake explains 7: no diagnosis.
    EXPECT_EQ(p.diagnosis({kLocal, p.g.output, 0}, "7"), "none");
}

TEST(ExprQuiz, MistakesThatChangeNothingAreNotRun) {
    const Quiz q = quiz("x + 1", {{"x", 2}});  // ∂y/∂x = 1: dropping it, or any factor 1, changes nothing
    for (const GraphMistakeRun& run : graph_mistakes(q.g, q.pass, {kAdjoint, 0, 0}))
        EXPECT_NE(run.mistake, GraphMistake::dropped_factor);
    const Quiz r = quiz("relu(x) * 2", {{"x", -1}});  // relu′(−1) = 0: flipping its sign changes nothing
    for (const GraphMistakeRun& run : graph_mistakes(r.g, r.pass, {kLocal, 1, 0})) EXPECT_NE(run.mistake, GraphMistake::sign_error);
}

}  // namespace
}  // namespace bp
