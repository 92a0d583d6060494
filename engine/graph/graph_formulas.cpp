// The words of a computation graph (see graph_formulas.h).
// [SECTION] operands: names or numbers, grouped in parentheses where a product needs them
// [SECTION] an operation's right-hand side and its local derivatives, written once for names and numbers
// [SECTION] symbols, rules and whole formulas
#include "engine/graph/graph_formulas.h"

#include <cmath>
#include <optional>
#include <vector>

#include "engine/core/error.h"
#include "engine/graph/graph_pass.h"
#include "engine/teaching/notation.h"

namespace bp {
namespace {

// ---- [SECTION] operands ------------------------------------------------------------------------------

struct Operand {
    Phrase plain;    // "h₁", "−2", "0.25"
    Phrase grouped;  // in parentheses when it starts with a minus: "(−2)"
};

bool starts_with_minus(const std::string& s) { return s.rfind("−", 0) == 0 || s.rfind("-", 0) == 0; }

Phrase parenthesized(const Phrase& p) {
    Phrase out;
    return out.add("(", "\\left(").add(p).add(")", "\\right)");
}

Operand operand_of(Phrase plain) {
    Operand o;
    o.grouped = starts_with_minus(plain.text) ? parenthesized(plain) : plain;
    o.plain = std::move(plain);
    return o;
}

// The inputs of `node` by name, or (pass given) by their values.
std::vector<Operand> operands(const ExpressionGraph& g, int node, const GraphPass* pass) {
    std::vector<Operand> out;
    for (int in : g.node(node).inputs)
        out.push_back(operand_of(pass ? FormulaWriter::number(pass->value[static_cast<std::size_t>(in)]) : node_symbol(g, in)));
    return out;
}

// The exponent of a power when it is a constant written as a number (the node's value), else nothing.
std::optional<double> literal_exponent(const ExpressionGraph& g, int node) {
    const GraphNode& n = g.node(node);
    if (n.op != Op::pow || g.node(n.inputs[1]).op != Op::constant) return std::nullopt;
    return g.node(n.inputs[1]).constant;
}

// A small integer exponent is written as a superscript: x², x⁻¹.
std::optional<int> superscript_of(double c) {
    if (c != std::floor(c) || std::fabs(c) > 99) return std::nullopt;
    return static_cast<int>(c);
}

Phrase raised(const Phrase& base_grouped, const Phrase& exponent) {  // u^(v)
    Phrase p;
    return p.add(base_grouped.text + "^(" + exponent.text + ")", "{" + base_grouped.latex + "}^{" + exponent.latex + "}");
}

Phrase raised(const Phrase& base_grouped, double c) {  // u², u⁻¹, u^(0.5)
    if (const auto k = superscript_of(c)) {
        Phrase p;
        return p.add(base_grouped.text + superscript(*k), "{" + base_grouped.latex + "}^{" + std::to_string(*k) + "}");
    }
    Phrase e;
    e.add(constant_label(c), constant_latex(c));
    return raised(base_grouped, e);
}

Phrase call(std::string_view name, std::string_view latex, const Phrase& argument) {
    Phrase p;
    return p.add(name, latex).add("(", "(").add(argument).add(")", ")");
}

Phrase words(std::string_view text, std::string_view latex) {
    Phrase p;
    return p.add(text, latex);
}

Phrase fraction(const Phrase& top_grouped, const Phrase& top, const Phrase& bottom_grouped, const Phrase& bottom) {
    Phrase p;
    return p.add(top_grouped.text + "/" + bottom_grouped.text, "\\frac{" + top.latex + "}{" + bottom.latex + "}");
}

Phrase product(const Phrase& a, const Phrase& b) {
    Phrase p;
    return p.add(a).add("·", " \\cdot ").add(b);
}

// ---- [SECTION] right-hand sides ------------------------------------------------------------------------------

// What the node computes from its operands x: "x²", "h₁·w₁", "e^(h₁)", "σ(h₂)".
Phrase expression_of(const ExpressionGraph& g, int node, const std::vector<Operand>& x) {
    const GraphNode& n = g.node(node);
    Phrase p;
    switch (n.op) {
        case Op::variable:
        case Op::constant: return words(n.label, n.latex);
        case Op::add: return p.add(x[0].plain).add(" + ", " + ").add(x[1].grouped);
        case Op::sub: return p.add(x[0].plain).add(" − ", " - ").add(x[1].grouped);
        case Op::mul: return product(x[0].grouped, x[1].grouped);
        case Op::div: return fraction(x[0].grouped, x[0].plain, x[1].grouped, x[1].plain);
        case Op::pow:
            if (const auto c = literal_exponent(g, node); c && superscript_of(*c)) return raised(x[0].grouped, *c);
            return raised(x[0].grouped, x[1].plain);
        case Op::neg: return p.add("−", "-").add(x[0].grouped);
        case Op::exp: return p.add("e^(" + x[0].plain.text + ")", "e^{" + x[0].plain.latex + "}");
        case Op::log: return call("log", "\\log", x[0].plain);
        case Op::sqrt: return p.add("√(" + x[0].plain.text + ")", "\\sqrt{" + x[0].plain.latex + "}");
        case Op::sin: return call("sin", "\\sin", x[0].plain);
        case Op::cos: return call("cos", "\\cos", x[0].plain);
        case Op::function: return call(n.function->symbol, n.function->latex, x[0].plain);
        case Op::abs: return p.add("|" + x[0].plain.text + "|", "\\left|" + x[0].plain.latex + "\\right|");
        case Op::sum:
            append_sum(p, static_cast<int>(x.size()), [&](Phrase& q, int i) {
                q.add(i == 0 ? x[0].plain : x[static_cast<std::size_t>(i)].grouped);
            });
            return p;
    }
    return p;
}

// ∂node/∂(input slot) in terms of the operands x: "2·x", "e^(h₁)", "−h₁/x²".
Phrase derivative_of(const ExpressionGraph& g, int node, int slot, const std::vector<Operand>& x) {
    const GraphNode& n = g.node(node);
    const Phrase& u = x[0].plain;
    Phrase p;
    switch (n.op) {
        case Op::variable:
        case Op::constant: return words("0", "0");
        case Op::add:
        case Op::sum: return words("1", "1");
        case Op::sub: return slot == 0 ? words("1", "1") : words("−1", "-1");
        case Op::mul: return x[slot == 0 ? 1 : 0].plain;
        case Op::div:
            if (slot == 0) return fraction(words("1", "1"), words("1", "1"), x[1].grouped, x[1].plain);
            return p.add("−", "-").add(fraction(x[0].grouped, x[0].plain, raised(x[1].grouped, 2.0), raised(x[1].grouped, 2.0)));
        case Op::pow: {
            if (slot == 1) return product(raised(x[0].grouped, x[1].plain), call("log", "\\log", u));  // u^(v)·log(u)
            if (const auto c = literal_exponent(g, node)) {  // c·u^(c−1)
                if (*c == 0.0) return words("0", "0");
                if (*c == 1.0) return words("1", "1");
                const Phrase coefficient = words(constant_label(*c), constant_latex(*c));
                return product(coefficient, *c == 2.0 ? x[0].grouped : raised(x[0].grouped, *c - 1.0));
            }
            Phrase v_minus_1;
            v_minus_1.add(x[1].plain).add(" − 1", " - 1");
            return product(x[1].grouped, raised(x[0].grouped, v_minus_1));  // v·u^(v − 1)
        }
        case Op::neg: return words("−1", "-1");
        case Op::exp: return expression_of(g, node, x);  // e^(u)
        case Op::log: return fraction(words("1", "1"), words("1", "1"), x[0].grouped, u);
        case Op::sqrt: return p.add("1/(2√(" + u.text + "))", "\\frac{1}{2\\sqrt{" + u.latex + "}}");
        case Op::sin: return call("cos", "\\cos", u);
        case Op::cos: return p.add("−", "-").add(call("sin", "\\sin", u));
        case Op::function: {  // f′(u) as the function's entry writes it
            const FormulaPiece& d = n.function->fprime_formula;
            return p.add(fill_in(d.text, {{"$u", u.text}}), fill_in(d.latex, {{"$u", u.latex}}));
        }
        case Op::abs: return call("sign", "\\operatorname{sign}", u);
    }
    return p;
}

// In a sum of terms, a derivative such as 1 − tanh²(h) keeps its parentheses.
Phrase grouped_term(const Phrase& p) {
    const bool compound = starts_with_minus(p.text) || p.text.find(" + ") != std::string::npos ||
                          p.text.find(" − ") != std::string::npos;
    return compound ? parenthesized(p) : p;
}

// "lhs = rhs = numbers = result", leaving out what would only repeat: numbers that read as the rhs (its
// operands are constants: "∂y/∂x = 1/4 = 0.25") or as the result ("y = −h₁ = −0.25"), and an rhs that
// reads as the result ("∂y/∂x = 3", not "∂y/∂x = 3 = 3").
FormulaText equation(const Phrase& lhs, const Phrase& rhs, Phrase&& numbers, Phrase&& result) {
    if (numbers.text == rhs.text || numbers.text == result.text) numbers = Phrase{};
    Phrase sym = lhs;
    if (rhs.text != result.text) sym.add(" = ", " = ").add(rhs);
    return make_formula(std::move(sym), std::move(numbers), std::move(result));
}

Phrase partial(const Phrase& top, const Phrase& bottom) {  // ∂top/∂bottom
    Phrase p;
    return p.add("∂" + top.text + "/∂" + bottom.text, "\\frac{\\partial " + top.latex + "}{\\partial " + bottom.latex + "}");
}

}  // namespace

// ---- [SECTION] symbols, rules and whole formulas ----------------------------------------------------------

Phrase node_symbol(const ExpressionGraph& g, int node) {
    const GraphNode& n = g.node(node);
    if (node == g.output && n.numbered) return words(g.output_symbol, g.output_symbol);
    return words(n.label, n.latex);
}

Phrase adjoint_symbol(const ExpressionGraph& g, int node) { return partial(node_symbol(g, g.output), node_symbol(g, node)); }

Phrase local_symbol(const ExpressionGraph& g, int node, int slot) {
    return partial(node_symbol(g, node), node_symbol(g, g.node(node).inputs.at(static_cast<std::size_t>(slot))));
}

Phrase node_expression(const ExpressionGraph& g, int node) { return expression_of(g, node, operands(g, node, nullptr)); }

std::string node_equation(const ExpressionGraph& g, int node) {
    if (is_leaf(g.node(node).op)) return g.node(node).label;
    return node_symbol(g, node).text + " = " + node_expression(g, node).text;
}

Phrase derivative_rule(const GraphNode& n, int slot, bool constant_exponent) {
    const bool u = slot == 0;
    switch (n.op) {
        case Op::variable:
        case Op::constant: return words("", "");
        case Op::add: return u ? words("∂(u + v)/∂u = 1", "\\frac{\\partial (u + v)}{\\partial u} = 1")
                               : words("∂(u + v)/∂v = 1", "\\frac{\\partial (u + v)}{\\partial v} = 1");
        case Op::sub: return u ? words("∂(u − v)/∂u = 1", "\\frac{\\partial (u - v)}{\\partial u} = 1")
                               : words("∂(u − v)/∂v = −1", "\\frac{\\partial (u - v)}{\\partial v} = -1");
        case Op::mul: return u ? words("∂(u·v)/∂u = v", "\\frac{\\partial (u v)}{\\partial u} = v")
                               : words("∂(u·v)/∂v = u", "\\frac{\\partial (u v)}{\\partial v} = u");
        case Op::div: return u ? words("∂(u/v)/∂u = 1/v", "\\frac{\\partial (u/v)}{\\partial u} = \\frac{1}{v}")
                               : words("∂(u/v)/∂v = −u/v²", "\\frac{\\partial (u/v)}{\\partial v} = -\\frac{u}{v^2}");
        case Op::pow:
            if (constant_exponent) return words("d(u^c)/du = c·u^(c−1)", "\\frac{d\\, u^c}{du} = c\\, u^{c-1}");
            return u ? words("∂(u^v)/∂u = v·u^(v−1)", "\\frac{\\partial u^v}{\\partial u} = v\\, u^{v-1}")
                     : words("∂(u^v)/∂v = u^v·log u", "\\frac{\\partial u^v}{\\partial v} = u^v \\log u");
        case Op::neg: return words("d(−u)/du = −1", "\\frac{d(-u)}{du} = -1");
        case Op::exp: return words("d(e^u)/du = e^u", "\\frac{d\\, e^u}{du} = e^u");
        case Op::log: return words("d(log u)/du = 1/u", "\\frac{d \\log u}{du} = \\frac{1}{u}");
        case Op::sqrt: return words("d(√u)/du = 1/(2√u)", "\\frac{d \\sqrt{u}}{du} = \\frac{1}{2\\sqrt{u}}");
        case Op::sin: return words("d(sin u)/du = cos u", "\\frac{d \\sin u}{du} = \\cos u");
        case Op::cos: return words("d(cos u)/du = −sin u", "\\frac{d \\cos u}{du} = -\\sin u");
        case Op::function: return words(n.function->rule.text, n.function->rule.latex);
        case Op::abs: return words("d|u|/du = sign(u) (0 at u = 0)", "\\frac{d |u|}{du} = \\operatorname{sign}(u)");
        case Op::sum: return words("∂(u₁ + … + uₙ)/∂uᵢ = 1", "\\frac{\\partial (u_1 + \\dots + u_n)}{\\partial u_i} = 1");
    }
    return words("", "");
}

FormulaText value_formula(const ExpressionGraph& g, const GraphPass& pass, int node) {
    const double y = pass.value.at(static_cast<std::size_t>(node));
    if (is_leaf(g.node(node).op)) return make_formula(node_symbol(g, node), Phrase{}, FormulaWriter::number(y));
    return equation(node_symbol(g, node), node_expression(g, node), expression_of(g, node, operands(g, node, &pass)),
                    FormulaWriter::number(y));
}

FormulaText local_formula(const ExpressionGraph& g, const GraphPass& pass, int node, int slot) {
    if (slot < 0 || slot >= static_cast<int>(g.node(node).inputs.size()) || !has_local_derivative(g, node, slot))
        throw Error("the edge into " + g.node(node).label + " carries no local derivative (its input depends on no variable)");
    const double d = pass.local[static_cast<std::size_t>(node)][static_cast<std::size_t>(slot)];
    return equation(local_symbol(g, node, slot), derivative_of(g, node, slot, operands(g, node, nullptr)),
                    derivative_of(g, node, slot, operands(g, node, &pass)), FormulaWriter::number(d));
}

FormulaText adjoint_formula(const ExpressionGraph& g, const GraphPass& pass, int node) {
    if (!has_adjoint(g, node)) throw Error(g.node(node).label + " depends on no variable: it has no adjoint");
    Phrase result = FormulaWriter::number(pass.adjoint[static_cast<std::size_t>(node)]);
    const Phrase sym = adjoint_symbol(g, node);
    if (node == g.output) return make_formula(Phrase(sym), Phrase{}, FormulaWriter::number(1.0));  // ∂y/∂y = 1
    std::vector<GraphEdge> terms;  // the edges into nodes that reach y
    for (const GraphEdge& e : g.outgoing[static_cast<std::size_t>(node)])
        if (e.to <= g.output && pass.reaches[static_cast<std::size_t>(e.to)]) terms.push_back(e);
    if (terms.empty()) return make_formula(Phrase(sym), Phrase{}, FormulaWriter::number(0.0));  // no path to y
    const auto local = [&](const GraphEdge& e) {
        return pass.local[static_cast<std::size_t>(e.to)][static_cast<std::size_t>(e.slot)];
    };
    if (terms.size() == 1 && terms[0].to == g.output) {  // ∂y/∂h = the local derivative of y itself
        const GraphEdge e = terms[0];
        return equation(sym, derivative_of(g, e.to, e.slot, operands(g, e.to, nullptr)),
                        derivative_of(g, e.to, e.slot, operands(g, e.to, &pass)), std::move(result));
    }
    Phrase rhs, sub;
    const int n = static_cast<int>(terms.size());
    append_sum(rhs, n, [&](Phrase& p, int i) {  // ∂y/∂to·∂to/∂node, or y's own local derivative
        const GraphEdge& e = terms[static_cast<std::size_t>(i)];
        if (e.to == g.output)
            p.add(grouped_term(derivative_of(g, e.to, e.slot, operands(g, e.to, nullptr))));
        else
            p.add(product(adjoint_symbol(g, e.to), local_symbol(g, e.to, e.slot)));
    });
    append_sum(sub, n, [&](Phrase& p, int i) {
        const GraphEdge& e = terms[static_cast<std::size_t>(i)];
        if (e.to == g.output)
            p.add(FormulaWriter::factor(local(e)));
        else
            p.add(product(FormulaWriter::factor(pass.adjoint[static_cast<std::size_t>(e.to)]), FormulaWriter::factor(local(e))));
    });
    return equation(sym, rhs, std::move(sub), std::move(result));
}

}  // namespace bp
