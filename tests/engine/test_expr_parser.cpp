// The expression parser: precedence and associativity checked by value, the graph's shape (a variable used
// twice is one node with two edges; labels h₁, h₂, …), every malformed form with its exact message and
// caret, and the limits (a 60 000-character expression, nesting 10 000 deep, more than 4000 nodes).
#include <cmath>
#include <numbers>
#include <string>

#include <gtest/gtest.h>

#include "engine/graph/expression_parser.h"
#include "engine/graph/graph_pass.h"

namespace bp {
namespace {

double value_at(const std::string& text, const VariableValues& values = {}) {
    const ExpressionGraph g = parse_expression(text);
    return graph_forward(g, values).value[static_cast<std::size_t>(g.output)];
}

// The whole message (reason, expression line, caret line), or "" when the text parses.
std::string error_of(const std::string& text) {
    try {
        parse_expression(text);
    } catch (const ExpressionError& e) {
        return e.what();
    }
    return "";
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

TEST(ExprParser, PrecedenceAndAssociativity) {
    EXPECT_EQ(value_at("-x^2", {{"x", 3}}), -9.0);       // −(x²): the power binds tighter than unary minus
    EXPECT_EQ(value_at("(-x)^2", {{"x", 3}}), 9.0);
    EXPECT_EQ(value_at("-2^2"), -4.0);                    // a number's sign does not take the power with it
    EXPECT_EQ(value_at("2^3^2"), 512.0);                  // right-associative: 2^(3^2)
    EXPECT_EQ(value_at("2**3**2"), 512.0);
    EXPECT_EQ(value_at("2^-2^2"), 0.0625);                // 2^(−(2²))
    EXPECT_EQ(value_at("x^-2", {{"x", 2}}), 0.25);
    EXPECT_EQ(value_at("2+3*4"), 14.0);
    EXPECT_EQ(value_at("(2+3)*4"), 20.0);
    EXPECT_EQ(value_at("8/4/2"), 1.0);                    // left-associative
    EXPECT_EQ(value_at("8-4-2"), 2.0);
    EXPECT_EQ(value_at("2*-3"), -6.0);
    EXPECT_EQ(value_at("--x", {{"x", 5}}), 5.0);
    EXPECT_EQ(value_at("+x", {{"x", 5}}), 5.0);
    EXPECT_EQ(value_at("(x)^2", {{"x", -3}}), 9.0);       // a constant exponent takes any base
    EXPECT_EQ(value_at("1e-3"), 0.001);
    EXPECT_EQ(value_at(".5 + 5."), 5.5);
    EXPECT_EQ(value_at("2.5E+2"), 250.0);
    EXPECT_EQ(value_at("pi"), std::numbers::pi);
    EXPECT_EQ(value_at("e"), std::numbers::e);
    EXPECT_EQ(value_at("π"), std::numbers::pi);
    EXPECT_EQ(value_at("σ(0)"), 0.5);
    EXPECT_EQ(value_at("sigmoid(0) + relu(-2) + abs(-3) + leaky_relu(-1)"), 0.5 + 0.0 + 3.0 - 0.01);
    EXPECT_DOUBLE_EQ(value_at("exp(1) - e + log(e) + sqrt(16) + sin(0) + cos(0) + tanh(0)"), 1.0 + 4.0 + 1.0);
    EXPECT_EQ(value_at("3 − 1 · 2 × 2"), -1.0);            // the minus and times signs of printed formulas
    EXPECT_EQ(value_at(" \t2 *\n 3 "), 6.0);
    EXPECT_EQ(value_at("w1*x_2 + h_3", {{"w1", 2}, {"x_2", 3}, {"h_3", 1}}), 7.0);
}

TEST(ExprParser, AVariableUsedTwiceIsOneNodeWithTwoEdges) {
    const ExpressionGraph g = parse_expression("x*x + exp(x)");
    ASSERT_EQ(g.variables.size(), 1u);
    const int x = g.variables[0];
    EXPECT_EQ(g.node(x).name, "x");
    ASSERT_EQ(g.outgoing[static_cast<std::size_t>(x)].size(), 3u);  // into x·x twice (slots 0 and 1), into e^x
    EXPECT_EQ(g.outgoing[static_cast<std::size_t>(x)][0], (GraphEdge{1, 0}));
    EXPECT_EQ(g.outgoing[static_cast<std::size_t>(x)][1], (GraphEdge{1, 1}));
    EXPECT_EQ(g.node(g.outgoing[static_cast<std::size_t>(x)][2].to).op, Op::exp);
    EXPECT_EQ(g.size(), 4);  // x, x·x, e^x, the sum: no node per use
    EXPECT_EQ(g.output, 3);
    for (int id = 0; id < g.size(); ++id)
        for (int in : g.node(id).inputs) EXPECT_LT(in, id);  // forward (topological) order
}

TEST(ExprParser, LabelsFollowTheNotes) {
    const ExpressionGraph g = parse_expression("exp(exp(x^2))");
    // x, 2, h₁ = x², h₂ = e^(h₁), and the output e^(h₂) — h₃, which the formulas call y.
    ASSERT_EQ(g.size(), 5);
    EXPECT_EQ(g.node(0).label, "x");
    EXPECT_EQ(g.node(1).label, "2");
    EXPECT_EQ(g.node(2).label, "h₁");
    EXPECT_EQ(g.node(3).label, "h₂");
    EXPECT_EQ(g.node(4).label, "h₃");
    EXPECT_EQ(g.node(4).latex, "h_{3}");
    EXPECT_EQ(g.output_symbol, "y");
    EXPECT_EQ(g.node(0).column, 0);
    EXPECT_EQ(g.node(1).column, 0);
    EXPECT_EQ(g.node(4).column, 3);
    EXPECT_FALSE(g.node(1).active);  // the constant 2 depends on no variable
    EXPECT_TRUE(g.node(2).active);
    EXPECT_TRUE(g.constant_exponent(2));
    EXPECT_EQ(g.source.substr(static_cast<std::size_t>(g.node(3).source_begin),
                              static_cast<std::size_t>(g.node(3).source_end - g.node(3).source_begin)),
              "exp(x^2)");

    const ExpressionGraph w = parse_expression("sigmoid(w2*sigmoid(w1*x))");
    EXPECT_EQ(w.node(w.find_variable("w1")).label, "w₁");
    EXPECT_EQ(w.node(w.find_variable("w1")).latex, "w_{1}");
    // A variable named h with an index would clash with h₁, h₂: the operations take another letter.
    const ExpressionGraph h = parse_expression("h_1*h2 + y");
    EXPECT_EQ(h.node(h.find_variable("h_1")).label, "h₁");
    EXPECT_EQ(h.node(h.output).label, "u₂");
    EXPECT_EQ(h.output_symbol, "f");  // and y is a variable, so the output is f
}

TEST(ExprParser, MalformedExpressionsNameThePlace) {
    const std::pair<std::string, std::string> cases[] = {
        {"exp(x", "missing ')' at 6\n  exp(x\n       ^"},
        {"2x", "implicit product at 2: write 2*x\n  2x\n   ^"},
        {"2 (x+1)", "implicit product at 3: write 2*(\n  2 (x+1)\n    ^"},
        {"(x+1)(x-1)", "implicit product at 6: write )*(\n  (x+1)(x-1)\n       ^"},
        {"x y", "implicit product at 3: write x*y\n  x y\n    ^"},
        {"2e", "implicit product at 2: write 2*e\n  2e\n   ^"},
        {"x +", "missing an operand after '+' at 4\n  x +\n     ^"},
        {"*x", "missing an operand before '*' at 1\n  *x\n  ^"},
        {"x^", "missing an operand after '^' at 3\n  x^\n    ^"},
        {"(x*)", "missing an operand after '*' at 4\n  (x*)\n     ^"},
        {"()", "nothing inside the parentheses at 2\n  ()\n   ^"},
        {"x)", "unexpected ')' at 2\n  x)\n   ^"},
        {"x, y", "unexpected ',' at 2\n  x, y\n   ^"},
        {"exp x", "missing '(' after exp at 5: write exp(…)\n  exp x\n      ^"},
        {"σx", "missing '(' after σ at 2: write σ(…)\n  σx\n   ^"},
        {"exp()", "exp needs an argument at 5\n  exp()\n      ^"},
        {"exp(x, y)", "unexpected ',' at 6: exp takes one argument\n  exp(x, y)\n       ^"},
        {"foo(x)",
         "unknown function 'foo' at 1 (the functions are exp, log, sqrt, sin, cos, sigmoid or σ, tanh, relu, "
         "leaky_relu, softplus, elu, abs; for a product write foo*(…))\n  foo(x)\n  ^"},
        {"ln(x)", "unknown function 'ln' at 1: write log (the natural logarithm)\n  ln(x)\n  ^"},
        {"1.2.3", "malformed number '1.2.3' at 1\n  1.2.3\n  ^"},
        {"x + 1e999", "the number 1e999 is out of the range of a double at 5\n  x + 1e999\n      ^"},
        {"x $ y", "unexpected character '$' at 3\n  x $ y\n    ^"},
        {"σ(x) € 2", "unexpected character '€' at 6\n  σ(x) € 2\n       ^"},
        {"x \xff", "unexpected byte 0xFF (not UTF-8) at 3\n  x  \n    ^"},
        {"", "the expression is empty"},
        {" \t ", "the expression is empty"},
    };
    for (const auto& [text, message] : cases) EXPECT_EQ(error_of(text), message) << text;
}

TEST(ExprParser, TheErrorKeepsItsReasonAndPlace) {
    try {
        parse_expression("exp(x");
        FAIL() << "no error";
    } catch (const ExpressionError& e) {
        EXPECT_EQ(e.reason, "missing ')' at 6");
        EXPECT_EQ(e.position, 6);
    }
}

TEST(ExprParser, ALongExpressionShowsAWindowAroundThePlace) {
    const std::string text = repeat("x+", 100) + "2x" + repeat("+x", 100);
    const std::string msg = error_of(text);
    // The window: 30 characters on each side of position 202, with "…" where the text goes on.
    EXPECT_EQ(msg, "implicit product at 202: write 2*x\n  …+" + repeat("x+", 14) + "2x" + repeat("+x", 14) + "+…\n" +
                       std::string(33, ' ') + "^");
}

TEST(ExprParser, SixtyThousandCharactersAreRefusedWithTheLimit) {
    const std::string text = repeat("x+", 30000);  // 60 000 characters
    EXPECT_EQ(error_of(text), "the expression has 60000 characters; the limit is 10000");
    EXPECT_EQ(error_of(repeat("σ", 10001)), "the expression has 10001 characters; the limit is 10000");  // code points
    EXPECT_NO_THROW(parse_expression(repeat("x+", 1999) + "x"));  // 3999 characters, 2000 nodes
}

TEST(ExprParser, DeepNestingIsRefusedBeforeTheStackRunsOut) {
    EXPECT_EQ(value_at(repeat("(", 256) + "1" + repeat(")", 256)), 1.0);  // 256 levels: the limit, allowed
    EXPECT_EQ(first_line(error_of(repeat("(", 257) + "1" + repeat(")", 257))),
              "the expression nests deeper than 256 levels at 257");
    // As deep as 10 000 characters allow, in every form that nests.
    EXPECT_EQ(first_line(error_of(repeat("(", 4999) + "x" + repeat(")", 4999))),
              "the expression nests deeper than 256 levels at 257");
    EXPECT_EQ(first_line(error_of(repeat("-", 9999) + "x")), "the expression nests deeper than 256 levels at 257");
    EXPECT_EQ(first_line(error_of(repeat("exp(", 1999) + "x" + repeat(")", 1999))),
              "the expression nests deeper than 256 levels at 1028");  // the 257th '('
    EXPECT_EQ(first_line(error_of(repeat("x^", 4999) + "x")), "the expression nests deeper than 256 levels at 514");
}

TEST(ExprParser, MoreThan4000NodesAreRefusedWithTheLimit) {
    // x is one node; each "+x" adds one: the 4000th '+' (at 8000) would be node 4001.
    EXPECT_EQ(first_line(error_of(repeat("x+", 4999) + "x")), "the expression needs more than 4000 nodes (the limit) at 8000");
    EXPECT_NO_THROW(parse_expression(repeat("x+", 3999) + "x"));  // exactly 4000 nodes
}

TEST(ExprParser, ReservedNames) {
    EXPECT_TRUE(is_reserved_name("exp"));
    EXPECT_TRUE(is_reserved_name("pi"));
    EXPECT_TRUE(is_reserved_name("e"));
    EXPECT_TRUE(is_reserved_name("σ"));
    EXPECT_FALSE(is_reserved_name("x"));
    EXPECT_FALSE(is_reserved_name("exp2"));
    EXPECT_EQ(value_at("exp2 + pi2", {{"exp2", 1}, {"pi2", 2}}), 3.0);  // longer names are variables
}

}  // namespace
}  // namespace bp
