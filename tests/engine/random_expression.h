// Random scalar expressions for the graph tests, from a seeded generator (the same ones on every machine):
// every operation and function of the syntax, nested a few levels, over the variables x, w1 and h_2 (so
// variables are often used more than once). Some leave their domain at the values chosen; the tests
// skip those (usable() says which are fit for finite differences).
#pragma once
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine/graph/expression_graph.h"
#include "engine/graph/graph_pass.h"
#include "engine/core/rng.h"

namespace bp::test {

inline std::string random_leaf(Rng& r) {
    static const char* const kVariables[] = {"x", "w1", "h_2"};
    static const char* const kConstants[] = {"2", "0.5", "1.5", "pi", "e", "3"};
    if (r.uniform() < 0.7) return kVariables[r.below(3)];
    return kConstants[r.below(6)];
}

// The pieces appended one by one: GCC 12 -O3 mistakes "(" + std::string + … for an overflowing copy.
inline std::string concat(std::initializer_list<std::string> pieces) {
    std::string s;
    for (const std::string& p : pieces) s.append(p);
    return s;
}

// Every function of the syntax: these, then any activation of the engine's table not among them.
inline std::vector<std::string> functions() {
    std::vector<std::string> f = {"exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "σ", "relu", "abs", "leaky_relu"};
    for (const ActivationInfo& e : kActivations)
        if (!e.output_only && !e.identity && std::find(f.begin(), f.end(), e.fn.name) == f.end()) f.emplace_back(e.fn.name);
    return f;
}

inline std::string random_expression(Rng& r, int depth) {
    if (depth == 0 || r.uniform() < 0.2) return random_leaf(r);
    const auto sub = [&] { return random_expression(r, depth - 1); };
    static const std::vector<std::string> kFunctions = functions();
    static const char* const kExponents[] = {"2", "3", "-1", "0.5", "-2"};
    switch (r.below(9)) {
        case 0: return concat({"(", sub(), " + ", sub(), ")"});
        case 1: return concat({"(", sub(), " - ", sub(), ")"});
        case 2: return concat({"(", sub(), ")*(", sub(), ")"});
        case 3: return concat({"(", sub(), ")/(", sub(), ")"});
        case 4: return concat({"(", sub(), ")^", kExponents[r.below(5)]});
        case 5: return concat({"(1.5 + sin(", sub(), "))**(", sub(), ")"});  // a variable exponent on a positive base
        case 6: return concat({"-", sub()});
        default: return concat({kFunctions[r.below(static_cast<int>(kFunctions.size()))], "(", sub(), ")"});
    }
}

// Values of x, w1 and h_2 in [−1.5, 1.5].
inline VariableValues random_values(Rng& r) {
    return {{"x", r.uniform(-1.5, 1.5)}, {"w1", r.uniform(-1.5, 1.5)}, {"h_2", r.uniform(-1.5, 1.5)}};
}

// Whether a computed pass is fit for comparing with finite differences of step `h`: no kink (relu, abs) and
// no pole (a division, a negative power) within reach of the steps, and moderate values.
inline bool usable(const ExpressionGraph& g, const GraphPass& p, double h) {
    for (int id = 0; id < g.size(); ++id) {
        const GraphNode& n = g.node(id);
        const double y = p.value[static_cast<std::size_t>(id)];
        if (std::fabs(y) > 1e4) return false;
        if (n.inputs.empty()) continue;
        const double u = p.value[static_cast<std::size_t>(n.inputs[0])];
        const bool kink = n.op == Op::abs || (n.op == Op::function && activation_info(*parse_activation(n.function->name)).kink);
        const bool pole = n.op == Op::div || n.op == Op::pow || n.op == Op::log || n.op == Op::sqrt;
        const double near = n.op == Op::div ? std::fabs(p.value[static_cast<std::size_t>(n.inputs[1])]) : std::fabs(u);
        if (kink && std::fabs(u) < 1e3 * h) return false;
        if (pole && near < 0.05) return false;
        for (double d : p.local[static_cast<std::size_t>(id)])
            if (std::fabs(d) > 1e4) return false;
    }
    return true;
}

}  // namespace bp::test
