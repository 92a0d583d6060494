// Forward and backward over a computation graph: the value of every node in forward order with the local
// derivative on every edge it reads (∂node/∂input), then the adjoint ∂y/∂node of every node in reverse
// order, each the sum over the node's outgoing edges of adjoint(to)·local derivative. Leaving a function's
// domain (log of 0, a square root of −1, 1/0, …) or overflowing stops with a DomainError naming the node.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/error.h"
#include "engine/graph/expression_graph.h"

namespace bp {

using VariableValues = std::map<std::string, double, std::less<>>;

// A value outside a function's domain, or a non-finite value (overflow) from finite inputs. The message
// names the node in course words: "log of a non-positive number at node h₃ = log(h₂) (h₂ = −0.5)".
struct DomainError : Error {
    DomainError(const std::string& message, int node_id) : Error(message), node(node_id) {}
    int node = -1;
};

struct GraphPass {
    std::vector<double> value;               // (nodes) forward values
    std::vector<std::vector<double>> local;  // (nodes)(inputs) ∂node/∂input; 0 where the input is not active
    std::vector<double> adjoint;             // (nodes) ∂y/∂node; 1 for y, 0 for a node that does not reach y
    std::vector<char> reaches;               // (nodes) whether some path leads from the node to y
};

// Whether edge (node, slot) carries a local derivative: its input depends on a variable.
bool has_local_derivative(const ExpressionGraph& g, int node, int slot);
// Whether the node carries an adjoint: it depends on a variable, or it is y itself.
bool has_adjoint(const ExpressionGraph& g, int node);

// Values and local derivatives. bp::Error when a variable of the graph has no value or a given value is
// not finite ("the variable w1 has no value"); DomainError when an operation leaves its domain.
GraphPass graph_forward(const ExpressionGraph& g, const VariableValues& values);
// Adjoints from pass.value and pass.local (which may have been altered: graph_quiz re-runs it with a
// mistake). DomainError when an adjoint overflows.
void graph_backward(const ExpressionGraph& g, GraphPass& pass);
GraphPass run_graph(const ExpressionGraph& g, const VariableValues& values);  // forward + backward

// ∂y/∂v for every variable v, in the graph's order of variables: (name, derivative).
std::vector<std::pair<std::string, double>> gradient(const ExpressionGraph& g, const GraphPass& pass);

// The values of the graph's own variables (e.g. to re-run it), from a pass.
VariableValues values_of(const ExpressionGraph& g, const GraphPass& pass);

}  // namespace bp
