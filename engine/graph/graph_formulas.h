// The words of a computation graph, in Unicode course notation and in LaTeX, as formula_writer.h writes
// a network's: each node's formula (h₂ = e^(h₁) = e^(0.25) = 1.284), the local derivative on each edge
// (∂h₂/∂h₁ = e^(h₁)), each adjoint as the sum over the node's outgoing edges (∂y/∂h₁ = ∂y/∂h₂·∂h₂/∂h₁),
// and the rule behind each local derivative (d(e^u)/du = e^u). A numbered output operation is called y
// (the graph's output_symbol) in every formula, its label staying h_n; one with a label of its own (L, a²₁)
// is called by it.
#pragma once
#include <string>

#include "engine/teaching/formula_writer.h"
#include "engine/graph/expression_graph.h"

namespace bp {

struct GraphPass;

Phrase node_symbol(const ExpressionGraph& g, int node);             // "h₂", "x", "2", "z¹₁"; "y" for a numbered output
Phrase adjoint_symbol(const ExpressionGraph& g, int node);          // "∂y/∂h₂"
Phrase local_symbol(const ExpressionGraph& g, int node, int slot);  // "∂h₂/∂h₁": node by its input `slot`
Phrase node_expression(const ExpressionGraph& g, int node);         // the right-hand side: "e^(h₁)"
std::string node_equation(const ExpressionGraph& g, int node);      // "h₂ = e^(h₁)" (a leaf: its label)
// The rule in the course's words, u and v the inputs: "d(e^u)/du = e^u", "∂(u·v)/∂u = v", "d(u^c)/du = c·u^(c−1)".
Phrase derivative_rule(const GraphNode& n, int slot, bool constant_exponent = false);

// With the numbers of a pass: symbolic, substituted, result and the LaTeX of the whole equation.
FormulaText value_formula(const ExpressionGraph& g, const GraphPass& pass, int node);
// Throws bp::Error when the edge carries no local derivative (its input depends on no variable).
FormulaText local_formula(const ExpressionGraph& g, const GraphPass& pass, int node, int slot);
// ∂y/∂y = 1 for the output; for another node the sum over its edges into nodes that reach y, an edge into
// y itself written as its local derivative (∂y/∂y = 1). Throws bp::Error for a node without an adjoint.
FormulaText adjoint_formula(const ExpressionGraph& g, const GraphPass& pass, int node);

}  // namespace bp
