// Forward and backward over expression graphs: the notes' worked examples derived by hand (note 001),
// the formulas each node, edge and adjoint is shown with, and every domain error with its exact message.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_formulas.h"
#include "engine/graph/graph_pass.h"

namespace bp {
namespace {

struct Ran {
    ExpressionGraph g;
    GraphPass pass;
    double y() const { return pass.value[static_cast<std::size_t>(g.output)]; }
    double d(const std::string& name) const { return pass.adjoint[static_cast<std::size_t>(g.find_variable(name))]; }
};

Ran run(const std::string& text, const VariableValues& values) {
    Ran r{parse_expression(text), {}};
    r.pass = run_graph(r.g, values);
    return r;
}

std::string domain_error_of(const std::string& text, const VariableValues& values) {
    const ExpressionGraph g = parse_expression(text);
    try {
        run_graph(g, values);
    } catch (const DomainError& e) {
        return e.what();
    }
    return "";
}

// Note 001, example 1: y = e^(e^(x²)) at x = 0.5.
//   h₁ = x² = 0.25;  h₂ = e^(h₁) = e^0.25 = 1.2840254166877414;  y = e^(h₂) = 3.611146878218102
//   dy/dx = dy/dh₂ · dh₂/dh₁ · dh₁/dx = e^(h₂) · e^(h₁) · 2x = 3.611146878218102 · 1.2840254166877414 · 1
//         = 4.636804375024635
TEST(ExprGraph, NotesExampleOneByHand) {
    const Ran r = run("exp(exp(x^2))", {{"x", 0.5}});
    EXPECT_DOUBLE_EQ(r.pass.value[2], 0.25);
    EXPECT_DOUBLE_EQ(r.pass.value[3], 1.2840254166877414);
    EXPECT_DOUBLE_EQ(r.y(), 3.611146878218102);
    EXPECT_DOUBLE_EQ(r.d("x"), 4.636804375024635);
    // The adjoints backwards: ∂y/∂h₂ = e^(h₂), ∂y/∂h₁ = e^(h₂)·e^(h₁), ∂y/∂x = that · 2x.
    EXPECT_DOUBLE_EQ(r.pass.adjoint[3], 3.611146878218102);
    EXPECT_DOUBLE_EQ(r.pass.adjoint[2], 3.611146878218102 * 1.2840254166877414);
    // The local derivatives on the edges: ∂h₁/∂x = 2x = 1, ∂h₂/∂h₁ = e^(h₁), ∂y/∂h₂ = e^(h₂).
    EXPECT_EQ(r.pass.local[2][0], 1.0);
    EXPECT_DOUBLE_EQ(r.pass.local[3][0], 1.2840254166877414);
    EXPECT_DOUBLE_EQ(r.pass.local[4][0], 3.611146878218102);
    // The constant exponent 2 has neither an adjoint nor a derivative on its edge.
    EXPECT_FALSE(has_adjoint(r.g, 1));
    EXPECT_FALSE(has_local_derivative(r.g, 2, 1));
}

// Note 001, example 2: y = 1/e^(x²) at x = 0.5.
//   y = e^(−0.25) = 0.7788007830714049;  dy/dh₂ = −1/h₂²,  dh₂/dh₁ = e^(h₁),  dh₁/dx = 2x
//   dy/dx = −2x/e^(x²) = −0.7788007830714049
TEST(ExprGraph, NotesExampleTwoByHand) {
    const Ran r = run("1/exp(x^2)", {{"x", 0.5}});
    EXPECT_DOUBLE_EQ(r.y(), 0.7788007830714049);
    EXPECT_DOUBLE_EQ(r.d("x"), -0.7788007830714049);
    const int h2 = r.g.node(r.g.output).inputs[1];
    EXPECT_DOUBLE_EQ(r.pass.local[static_cast<std::size_t>(r.g.output)][1], -1.0 / (1.2840254166877414 * 1.2840254166877414));
    EXPECT_EQ(equation_text(local_formula(r.g, r.pass, r.g.output, 1)), "∂y/∂h₂ = −1/h₂² = −1/1.284² = −0.6065");
    EXPECT_EQ(node_equation(r.g, h2), "h₂ = e^(h₁)");
}

// Note 001's chain: h₁ = σ(w₁x), h₂ = σ(w₂h₁), y = σ(w₃h₂), L = −log y at x = 1, w₁ = 0.5, w₂ = −1, w₃ = 2
// (the numbers of assets/presets/sigmoid-chain.json).
//   h₁ = σ(0.5) = 0.6224593312018546;  h₂ = σ(−h₁) = 0.3492223217852996;  y = σ(2h₂) = 0.6678428394631323
//   L = −log y = 0.4037024033906538;   dL/dy · dy/d(w₃h₂) = −(1 − y) = −0.3321571605368677
//   dL/dw₃ = −(1 − y)·h₂ = −0.11599669480029744
//   dL/dw₂ = −(1 − y)·w₃·h₂(1 − h₂)·h₁ = −0.09397649433745588
//   dL/dw₁ = −(1 − y)·w₃·h₂(1 − h₂)·w₂·h₁(1 − h₁)·x = 0.03547994852346822
TEST(ExprGraph, NotesSigmoidChainByHand) {
    const Ran r = run("-log(sigmoid(w3*sigmoid(w2*sigmoid(w1*x))))", {{"x", 1}, {"w1", 0.5}, {"w2", -1}, {"w3", 2}});
    EXPECT_NEAR(r.y(), 0.4037024033906538, 1e-15);
    EXPECT_NEAR(r.d("w3"), -0.11599669480029744, 1e-15);
    EXPECT_NEAR(r.d("w2"), -0.09397649433745588, 1e-15);
    EXPECT_NEAR(r.d("w1"), 0.03547994852346822, 1e-15);
    EXPECT_NEAR(r.d("x"), 0.01773997426173411, 1e-15);
}

TEST(ExprGraph, FormulasOfNodesEdgesAndAdjoints) {
    const Ran r = run("exp(exp(x^2))", {{"x", 0.5}});
    EXPECT_EQ(equation_text(value_formula(r.g, r.pass, 2)), "h₁ = x² = 0.5² = 0.25");
    EXPECT_EQ(equation_text(value_formula(r.g, r.pass, 3)), "h₂ = e^(h₁) = e^(0.25) = 1.284");
    EXPECT_EQ(equation_text(value_formula(r.g, r.pass, 4)), "y = e^(h₂) = e^(1.284) = 3.611");
    EXPECT_EQ(equation_text(value_formula(r.g, r.pass, 0)), "x = 0.5");
    EXPECT_EQ(equation_text(local_formula(r.g, r.pass, 2, 0)), "∂h₁/∂x = 2·x = 2·0.5 = 1");
    EXPECT_EQ(equation_text(local_formula(r.g, r.pass, 3, 0)), "∂h₂/∂h₁ = e^(h₁) = e^(0.25) = 1.284");
    EXPECT_EQ(local_formula(r.g, r.pass, 3, 0).latex,
              "\\frac{\\partial h_{2}}{\\partial h_{1}} = e^{h_{1}} = e^{0.25} = 1.284");
    EXPECT_EQ(equation_text(adjoint_formula(r.g, r.pass, 4)), "∂y/∂y = 1");
    EXPECT_EQ(equation_text(adjoint_formula(r.g, r.pass, 3)), "∂y/∂h₂ = e^(h₂) = e^(1.284) = 3.611");  // an edge into y
    EXPECT_EQ(equation_text(adjoint_formula(r.g, r.pass, 2)), "∂y/∂h₁ = ∂y/∂h₂·∂h₂/∂h₁ = 3.611·1.284 = 4.637");
    EXPECT_EQ(equation_text(adjoint_formula(r.g, r.pass, 0)), "∂y/∂x = ∂y/∂h₁·∂h₁/∂x = 4.637·1 = 4.637");
    EXPECT_THROW(adjoint_formula(r.g, r.pass, 1), Error);     // the constant 2
    EXPECT_THROW(local_formula(r.g, r.pass, 2, 1), Error);    // its edge

    // Three paths from x: each outgoing edge is one term of the sum.
    const Ran m = run("x*x + exp(x)", {{"x", 0.5}});
    EXPECT_EQ(equation_text(adjoint_formula(m.g, m.pass, 0)),
              "∂y/∂x = ∂y/∂h₁·∂h₁/∂x + ∂y/∂h₁·∂h₁/∂x + ∂y/∂h₂·∂h₂/∂x = 1·0.5 + 1·0.5 + 1·1.649 = 2.649");
    EXPECT_EQ(equation_text(adjoint_formula(m.g, m.pass, 1)), "∂y/∂h₁ = 1");
    EXPECT_DOUBLE_EQ(m.d("x"), 2 * 0.5 + std::exp(0.5));
    // x feeds y directly and through h₁: the direct edge is written as y's own local derivative.
    const Ran d = run("x * exp(x)", {{"x", 2}});
    EXPECT_EQ(equation_text(adjoint_formula(d.g, d.pass, 0)), "∂y/∂x = ∂y/∂h₁·∂h₁/∂x + h₁ = 2·7.389 + 7.389 = 22.17");
    // Negative numbers are parenthesised in products; a compound local derivative in a sum too.
    const Ran n = run("cos(x) + x", {{"x", 1}});
    EXPECT_EQ(equation_text(local_formula(n.g, n.pass, 1, 0)), "∂h₁/∂x = −sin(x) = −sin(1) = −0.8415");
    EXPECT_EQ(equation_text(adjoint_formula(n.g, n.pass, 0)), "∂y/∂x = ∂y/∂h₁·∂h₁/∂x + 1 = 1·(−0.8415) + 1 = 0.1585");
}

TEST(ExprGraph, EveryOperationsDerivativeAndRule) {
    struct Case {
        std::string expression, local, rule;
    };
    const Case cases[] = {
        {"x + 3", "∂y/∂x = 1", "∂(u + v)/∂u = 1"},
        {"3 - x", "∂y/∂x = −1", "∂(u − v)/∂v = −1"},
        {"3 * x", "∂y/∂x = 3", "∂(u·v)/∂v = u"},
        {"3 / x", "∂y/∂x = −3/x² = −3/2² = −0.75", "∂(u/v)/∂v = −u/v²"},
        {"x / 4", "∂y/∂x = 1/4 = 0.25", "∂(u/v)/∂u = 1/v"},
        {"x^3", "∂y/∂x = 3·x² = 3·2² = 12", "d(u^c)/du = c·u^(c−1)"},
        {"x^0.5", "∂y/∂x = 0.5·x^(−0.5) = 0.5·2^(−0.5) = 0.3536", "d(u^c)/du = c·u^(c−1)"},
        {"3^x", "∂y/∂x = 3^(x)·log(3) = 3^(2)·log(3) = 9.888", "∂(u^v)/∂v = u^v·log u"},
        {"-x", "∂y/∂x = −1", "d(−u)/du = −1"},
        {"exp(x)", "∂y/∂x = e^(x) = e^(2) = 7.389", "d(e^u)/du = e^u"},
        {"log(x)", "∂y/∂x = 1/x = 1/2 = 0.5", "d(log u)/du = 1/u"},
        {"sqrt(x)", "∂y/∂x = 1/(2√(x)) = 1/(2√(2)) = 0.3536", "d(√u)/du = 1/(2√u)"},
        {"sin(x)", "∂y/∂x = cos(x) = cos(2) = −0.4161", "d(sin u)/du = cos u"},
        {"cos(x)", "∂y/∂x = −sin(x) = −sin(2) = −0.9093", "d(cos u)/du = −sin u"},
        {"tanh(x)", "∂y/∂x = 1 − tanh²(x) = 1 − tanh²(2) = 0.07065", "d(tanh u)/du = 1 − tanh²u"},
        {"σ(x)", "∂y/∂x = σ(x)·(1 − σ(x)) = σ(2)·(1 − σ(2)) = 0.105", "d(σ(u))/du = σ(u)(1 − σ(u))"},
        {"relu(x)", "∂y/∂x = relu′(x) = relu′(2) = 1", "d(relu(u))/du = 1 if u > 0, else 0"},
        {"leaky_relu(x)", "∂y/∂x = lrelu′(x) = lrelu′(2) = 1", "d(lrelu(u))/du = 1 if u > 0, else 0.01"},
        {"abs(x)", "∂y/∂x = sign(x) = sign(2) = 1", "d|u|/du = sign(u) (0 at u = 0)"},
    };
    for (const Case& c : cases) {
        const Ran r = run(c.expression, {{"x", 2}});
        const GraphNode& y = r.g.node(r.g.output);
        const int slot = y.inputs.size() > 1 && r.g.node(y.inputs[0]).op == Op::constant ? 1 : 0;
        EXPECT_EQ(equation_text(local_formula(r.g, r.pass, r.g.output, slot)), c.local) << c.expression;
        EXPECT_EQ(derivative_rule(y, slot, r.g.constant_exponent(r.g.output)).text, c.rule) << c.expression;
        EXPECT_FALSE(derivative_rule(y, slot, r.g.constant_exponent(r.g.output)).latex.empty());
    }
}

TEST(ExprGraph, KinksTakeTheEnginesConventions) {
    EXPECT_EQ(run("relu(x)", {{"x", 0}}).d("x"), 0.0);          // relu′(0) = 0, as CONTRACT.md
    EXPECT_EQ(run("leaky_relu(x)", {{"x", 0}}).d("x"), 0.01);   // leaky_relu′(0) = 0.01
    EXPECT_EQ(run("abs(x)", {{"x", 0}}).d("x"), 0.0);           // sign(0) = 0
    EXPECT_EQ(run("x^2", {{"x", 0}}).d("x"), 0.0);
    EXPECT_EQ(run("x^0", {{"x", 0}}).d("x"), 0.0);              // 0⁰ = 1 and flat
    EXPECT_EQ(run("(x)^2", {{"x", -3}}).y(), 9.0);              // a constant exponent accepts any base
    EXPECT_EQ(run("x^3", {{"x", -2}}).d("x"), 12.0);
}

TEST(ExprGraph, DomainErrorsNameTheNode) {
    const std::pair<std::string, std::string> cases[] = {
        {"log(h)", "log of a non-positive number at node y = log(h) (h = −0.5)"},
        {"log(h + 0.5)", "log of a non-positive number at node y = log(h₁) (h₁ = 0)"},
        {"sqrt(h)", "square root of a negative number at node y = √(h) (h = −0.5)"},
        {"sqrt(h + 0.5)", "the derivative of √u is infinite at u = 0 at node y = √(h₁) (h₁ = 0)"},
        {"1/(h + 0.5)", "division by zero at node y = 1/h₁ (h₁ = 0)"},
        {"h^x", "a power with a variable exponent needs a positive base at node y = h^(x) (h = −0.5, x = 2)"},
        {"0^x", "a power with a variable exponent needs a positive base at node y = 0^(x) (x = 2)"},
        {"h^0.5", "a negative number to a non-integer power at node y = h^(0.5) (h = −0.5)"},
        {"(h + 0.5)^-1", "division by zero (0 to a negative power) at node y = h₁⁻¹ (h₁ = 0)"},
        {"(h + 0.5)^0.5", "the derivative of u^c is infinite at u = 0 at node y = h₁^(0.5) (h₁ = 0)"},
        {"exp(1000*x)", "overflow: the value is too large for a double at node y = e^(h₁) (h₁ = 2000)"},
        {"x*1e300*1e300", "overflow: the value is too large for a double at node y = h₁·1e300 (h₁ = 2e300)"},
        {"log(x*1e-320)", "overflow: ∂y/∂h₁ is too large for a double at node y = log(h₁) (h₁ = 2e-320)"},
        {"log(0) + x", "log of a non-positive number at node h₁ = log(0)"},
        {"x*x", ""},  // no error
    };
    for (const auto& [text, message] : cases) {
        EXPECT_EQ(domain_error_of(text, {{"x", 2}, {"h", -0.5}}), message) << text;
    }
    // An adjoint that overflows although every value and local derivative is finite.
    EXPECT_EQ(domain_error_of("(x*1e200)*1e200", {{"x", 1e-300}}),
              "overflow in the backward pass: ∂y/∂x is too large for a double at node x");
}

TEST(ExprGraph, ADomainErrorIsAnErrorThatKnowsItsNode) {
    const ExpressionGraph g = parse_expression("x + log(x - 1)");
    try {
        run_graph(g, {{"x", 1}});
        FAIL() << "no error";
    } catch (const DomainError& e) {
        EXPECT_EQ(g.node(e.node).op, Op::log);
        const Error& as_error = e;  // the CLI's usage errors are bp::Error too: DomainError must be caught first
        EXPECT_NE(std::string(as_error.what()).find("log of a non-positive number"), std::string::npos);
    }
}

TEST(ExprGraph, EveryVariableNeedsAFiniteValue) {
    const ExpressionGraph g = parse_expression("w1*x");
    try {
        graph_forward(g, {{"x", 1}});
        FAIL();
    } catch (const DomainError&) {
        FAIL() << "a missing value is a usage error, not a domain error";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "the variable w1 has no value");
    }
    EXPECT_THROW(graph_forward(g, {{"x", 1}, {"w1", NAN}}), Error);
    const GraphPass p = run_graph(g, {{"x", 3}, {"w1", 2}, {"unused", 9}});  // extra names are ignored
    const auto grad = gradient(g, p);
    ASSERT_EQ(grad.size(), 2u);
    EXPECT_EQ(grad[0], (std::pair<std::string, double>("w1", 3.0)));
    EXPECT_EQ(grad[1], (std::pair<std::string, double>("x", 2.0)));
    EXPECT_EQ(values_of(g, p), (VariableValues{{"w1", 2}, {"x", 3}}));
}

TEST(ExprGraph, AnyNodeCanBeTheOutput) {
    ExpressionGraph g = parse_expression("exp(x) + x*w");
    g.output = g.node(g.output).inputs[0];  // differentiate e^x alone
    const GraphPass p = run_graph(g, {{"x", 1}, {"w", 5}});
    EXPECT_DOUBLE_EQ(p.adjoint[static_cast<std::size_t>(g.find_variable("x"))], std::exp(1.0));
    EXPECT_EQ(p.adjoint[static_cast<std::size_t>(g.find_variable("w"))], 0.0);  // w does not reach e^x
    EXPECT_FALSE(p.reaches[static_cast<std::size_t>(g.find_variable("w"))]);
    EXPECT_EQ(equation_text(adjoint_formula(g, p, g.find_variable("w"))), "∂y/∂w = 0");
}

}  // namespace
}  // namespace bp
