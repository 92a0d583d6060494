// What backprop-cli expr prints: the graph, its pass and the paths of the chosen variables, as JSON (the
// contract's {"expression", "value", "gradient", "nodes", "paths", "paths_rest"} and a few more keys) or
// as tables in the style of the other commands.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "app/cli/output.h"
#include "engine/graph/graph_paths.h"

namespace cli {

struct ExprInput {  // what the command computes on
    bp::ExpressionGraph graph;
    bp::VariableValues values;
    std::string title;
    std::vector<int> listed;  // the variables whose paths are listed
};

Json expr_json(const ExprInput& in, const bp::GraphPass& p, const std::vector<bp::GraphPathListing>& listings);
void print_expr_table(const ExprInput& in, const bp::GraphPass& p, const std::vector<bp::GraphPathListing>& listings,
                      std::ostream& out);

}  // namespace cli
