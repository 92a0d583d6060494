// Forward and backward over a computation graph (see graph_pass.h).
// [SECTION] each operation: its value and its local derivatives, with the domain checks
// [SECTION] forward, backward
#include "engine/graph/graph_pass.h"

#include <algorithm>
#include <cmath>

#include "engine/graph/graph_formulas.h"
#include "engine/teaching/notation.h"

namespace bp {

bool has_local_derivative(const ExpressionGraph& g, int node, int slot) {
    return g.node(g.node(node).inputs.at(static_cast<std::size_t>(slot))).active;
}

bool has_adjoint(const ExpressionGraph& g, int node) { return g.node(node).active || node == g.output; }

namespace {

// ---- [SECTION] each operation --------------------------------------------------------------------------

// "… at node h₃ = log(h₂) (h₂ = −0.5)": the node's formula and the values of its inputs that are not
// constants (those stand in the formula already).
[[noreturn]] void domain_error(const ExpressionGraph& g, const std::vector<double>& value, int id, const std::string& what) {
    std::string inputs;
    std::vector<int> named;
    for (int in : g.node(id).inputs) {
        if (g.node(in).op == Op::constant || std::find(named.begin(), named.end(), in) != named.end()) continue;
        named.push_back(in);
        inputs += (inputs.empty() ? "" : ", ") + node_symbol(g, in).text + " = " +
                  format_number(value[static_cast<std::size_t>(in)], 4);
    }
    throw DomainError(what + " at node " + node_equation(g, id) + (inputs.empty() ? "" : " (" + inputs + ")"), id);
}

// The value of node id from its inputs' values: the domain checked first, then the result's finiteness.
double evaluate(const ExpressionGraph& g, const std::vector<double>& value, int id) {
    const GraphNode& n = g.node(id);
    const auto in = [&](int slot) { return value[static_cast<std::size_t>(n.inputs[static_cast<std::size_t>(slot)])]; };
    double y = 0.0;
    switch (n.op) {
        case Op::variable:
        case Op::constant: return n.constant;
        case Op::add: y = in(0) + in(1); break;
        case Op::sub: y = in(0) - in(1); break;
        case Op::mul: y = in(0) * in(1); break;
        case Op::div:
            if (in(1) == 0.0) domain_error(g, value, id, "division by zero");
            y = in(0) / in(1);
            break;
        case Op::pow: {
            const double u = in(0), v = in(1);
            if (!g.constant_exponent(id) && u <= 0.0)
                domain_error(g, value, id, "a power with a variable exponent needs a positive base");
            if (u < 0.0 && v != std::floor(v)) domain_error(g, value, id, "a negative number to a non-integer power");
            if (u == 0.0 && v < 0.0) domain_error(g, value, id, "division by zero (0 to a negative power)");
            y = std::pow(u, v);
            break;
        }
        case Op::neg: y = -in(0); break;
        case Op::exp: y = std::exp(in(0)); break;
        case Op::log:
            if (in(0) <= 0.0) domain_error(g, value, id, "log of a non-positive number");
            y = std::log(in(0));
            break;
        case Op::sqrt:
            if (in(0) < 0.0) domain_error(g, value, id, "square root of a negative number");
            y = std::sqrt(in(0));
            break;
        case Op::sin: y = std::sin(in(0)); break;
        case Op::cos: y = std::cos(in(0)); break;
        case Op::function: y = n.function->f(in(0)); break;  // the engine's own f: the same bits as the passes
        case Op::abs: y = std::fabs(in(0)); break;
        case Op::sum:
            for (std::size_t s = 0; s < n.inputs.size(); ++s) y += in(static_cast<int>(s));  // in input order
            break;
    }
    if (!std::isfinite(y)) domain_error(g, value, id, "overflow: the value is too large for a double");
    return y;
}

// ∂node/∂(input slot) given the inputs' values and the node's own value y.
double local_derivative(const ExpressionGraph& g, const std::vector<double>& value, int id, int slot) {
    const GraphNode& n = g.node(id);
    const auto in = [&](int s) { return value[static_cast<std::size_t>(n.inputs[static_cast<std::size_t>(s)])]; };
    const double y = value[static_cast<std::size_t>(id)];
    switch (n.op) {
        case Op::variable:
        case Op::constant: return 0.0;
        case Op::add: return 1.0;                                 // ∂(u + v)/∂u = ∂(u + v)/∂v = 1
        case Op::sub: return slot == 0 ? 1.0 : -1.0;              // ∂(u − v)/∂v = −1
        case Op::mul: return slot == 0 ? in(1) : in(0);           // ∂(u·v)/∂u = v
        case Op::div: return slot == 0 ? 1.0 / in(1) : -y / in(1);  // ∂(u/v)/∂v = −u/v² = −(u/v)/v
        case Op::pow: {
            const double u = in(0), v = in(1);
            if (slot == 1) return y * std::log(u);  // ∂(u^v)/∂v = u^v·log u   (u > 0: checked)
            if (v == 0.0) return 0.0;               // u⁰ = 1 everywhere
            return v * std::pow(u, v - 1.0);        // ∂(u^v)/∂u = v·u^(v−1)
        }
        case Op::neg: return -1.0;
        case Op::exp: return y;                     // d(e^u)/du = e^u
        case Op::log: return 1.0 / in(0);           // d(log u)/du = 1/u
        case Op::sqrt: return 0.5 / y;              // d(√u)/du = 1/(2√u)
        case Op::sin: return std::cos(in(0));
        case Op::cos: return -std::sin(in(0));
        case Op::function:  // from f's value where its formula is (1 − tanh²u, σ(u)(1 − σ(u))), else f′(u)
            return n.function->fprime_of_value ? n.function->fprime_of_value(y) : n.function->fprime(in(0));
        case Op::abs: return in(0) > 0.0 ? 1.0 : in(0) < 0.0 ? -1.0 : 0.0;  // sign u, 0 at u = 0
        case Op::sum: return 1.0;
    }
    return 0.0;
}

void check_local(const ExpressionGraph& g, const std::vector<double>& value, int id, int slot, double d) {
    if (std::isfinite(d)) return;
    const GraphNode& n = g.node(id);
    const double u = value[static_cast<std::size_t>(n.inputs[0])];
    if (n.op == Op::sqrt && u == 0.0) domain_error(g, value, id, "the derivative of √u is infinite at u = 0");
    if (n.op == Op::pow && slot == 0 && u == 0.0) domain_error(g, value, id, "the derivative of u^c is infinite at u = 0");
    domain_error(g, value, id, "overflow: " + local_symbol(g, id, slot).text + " is too large for a double");
}

}  // namespace

// ---- [SECTION] forward, backward --------------------------------------------------------------------------

GraphPass graph_forward(const ExpressionGraph& g, const VariableValues& values) {
    GraphPass pass;
    const std::size_t n = g.nodes.size();
    pass.value.assign(n, 0.0);
    pass.local.resize(n);
    for (int id = 0; id < g.size(); ++id) {
        const GraphNode& node = g.node(id);
        double& y = pass.value[static_cast<std::size_t>(id)];
        if (node.op == Op::variable) {
            const auto it = values.find(node.name);
            if (it == values.end()) throw Error("the variable " + node.name + " has no value");
            if (!std::isfinite(it->second))
                throw Error("the variable " + node.name + " = " + format_number(it->second) + " is not a finite number");
            y = it->second;
            continue;
        }
        y = evaluate(g, pass.value, id);
        std::vector<double>& local = pass.local[static_cast<std::size_t>(id)];
        local.assign(node.inputs.size(), 0.0);
        for (int s = 0; s < static_cast<int>(node.inputs.size()); ++s) {
            if (!has_local_derivative(g, id, s)) continue;
            local[static_cast<std::size_t>(s)] = local_derivative(g, pass.value, id, s);
            check_local(g, pass.value, id, s, local[static_cast<std::size_t>(s)]);
        }
    }
    return pass;
}

void graph_backward(const ExpressionGraph& g, GraphPass& pass) {
    const std::size_t n = g.nodes.size();
    pass.adjoint.assign(n, 0.0);
    pass.reaches.assign(n, 0);
    const int y = g.output;
    pass.adjoint[static_cast<std::size_t>(y)] = 1.0;  // ∂y/∂y = 1
    pass.reaches[static_cast<std::size_t>(y)] = 1;
    for (int id = y - 1; id >= 0; --id) {
        // ∂y/∂node = Σ over the edges (to, slot) leaving it: ∂y/∂to · ∂to/∂node, in the order of the edges
        double sum = 0.0;
        bool reaches = false;
        for (const GraphEdge& e : g.outgoing[static_cast<std::size_t>(id)]) {
            if (e.to > y || !pass.reaches[static_cast<std::size_t>(e.to)]) continue;
            reaches = true;
            sum += pass.adjoint[static_cast<std::size_t>(e.to)] *
                   pass.local[static_cast<std::size_t>(e.to)][static_cast<std::size_t>(e.slot)];
        }
        pass.reaches[static_cast<std::size_t>(id)] = reaches;
        if (!g.node(id).active) continue;
        if (!std::isfinite(sum))
            throw DomainError("overflow in the backward pass: " + adjoint_symbol(g, id).text +
                                  " is too large for a double at node " + node_equation(g, id),
                              id);
        pass.adjoint[static_cast<std::size_t>(id)] = sum;
    }
}

GraphPass run_graph(const ExpressionGraph& g, const VariableValues& values) {
    GraphPass pass = graph_forward(g, values);
    graph_backward(g, pass);
    return pass;
}

std::vector<std::pair<std::string, double>> gradient(const ExpressionGraph& g, const GraphPass& pass) {
    std::vector<std::pair<std::string, double>> out;
    for (int id : g.variables) out.emplace_back(g.node(id).name, pass.adjoint[static_cast<std::size_t>(id)]);
    return out;
}

VariableValues values_of(const ExpressionGraph& g, const GraphPass& pass) {
    VariableValues out;
    for (int id : g.variables) out[g.node(id).name] = pass.value[static_cast<std::size_t>(id)];
    return out;
}

}  // namespace bp
