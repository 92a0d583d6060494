// A computation graph written back as an expression the parser reads (expression_parser.h), so a graph
// made from a network (network_graph.h) can be saved as an expression document: every operation in
// parentheses, the variables by their names in the variable table (w1_2_1), constants in their shortest
// round-trip form. Parsing the text gives a graph with the same values and derivatives (tested).
#pragma once
#include <string>

#include "engine/graph/expression_graph.h"

namespace studio {

// Throws bp::Error when a node has no written form (a function the syntax does not know) or the text
// would be longer than the parser accepts.
std::string graph_text(const bp::ExpressionGraph& g);

}  // namespace studio
