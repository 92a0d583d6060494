// backprop-cli expr "EXPR" --at x=0.5,w1=2 | --file EXPR.json | --network NET.json [--format table|json]:
// a scalar expression (or a network with its loss) as a computation graph (engine/graph): its value,
// ∂y/∂v for every variable, every node with its value, adjoint and local derivatives, and every path from
// each variable to y. Exit 1 on a domain error.
#include <cctype>
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/expr_output.h"
#include "app/cli/input.h"
#include "app/cli/output.h"
#include "engine/graph/expression_document.h"
#include "engine/graph/expression_parser.h"
#include "engine/graph/network_graph.h"
#include "engine/core/passes.h"
#include "engine/io/serialize.h"

namespace {
using namespace cli;

// The help, its syntax paragraph naming every function of the expressions (engine/graph: the
// mathematical ones and the engine's activations), wrapped at 103 characters.
const char* const kExprHelpHead = R"(Usage: backprop-cli expr "EXPR" --at x=0.5,w1=2 [--paths x,w1] [--format table|json]
       backprop-cli expr --file EXPR.json [--at x=0.5] [--paths x,w1] [--format table|json]
       backprop-cli expr --network NET.json [--sample n] [--at w1_1_1=0.3] [--paths x1] [--format ...]

A scalar expression as a computation graph: every operation a node (h₁, h₂, … in forward order; the
output y), each variable one node however often it is used. Prints the value, the derivative with
respect to each variable, every node with its value, adjoint ∂y/∂node and the local derivative on each
edge it reads, and every path from each variable to y: its factors from y back and their product. The
products of a variable's paths sum to its derivative.

)";
const char* const kExprSyntax =
    "Syntax: numbers (2, 0.5, 1e-3), variables (x, w1, h_2), + - * /, ^ or ** (right-associative, tighter "
    "than unary minus: -x^2 is −(x²)), parentheses, pi and e, @FUNCTIONS@. Write products out: 2x is refused "
    "(\"write 2*x\"). An expression that starts with a minus is read as the expression, not as an option: "
    "backprop-cli expr \"-x^2\" --at x=3 (but write \" --x\", with a space, for −(−x): --x reads as an option).";
const char* const kExprHelpTail = R"(

  --at x=0.5,w1=2  the value of each variable (--file: overrides the document's "variables")
  --file EXPR.json an expression document {"kind": "expression", "expression": "...",
                   "variables": {"x": 0.5}, "title": "...", "output": "L"}
  --network NET.json  a network file with data: the network and its loss on one sample, expanded
                   into its scalar graph (variables x1, x2, …, w1_1_1 for w¹₁₁, b1_1 for b¹₁; nodes
                   z¹₁, a¹₁, …, L); its derivatives are backprop's ∂L/∂w for that sample alone
  --sample n       with --network: the sample of data (0-based, default 0)
  --paths x,w1     list the paths of these variables only (default: every variable)
  --format table   (default) the value and gradient, a table of nodes, the paths of each variable
  --format json    {"expression", "variables", "value", "gradient": {"x": g},
                   "nodes": [{"id", "op", "label", "name", "formula", "inputs": [ids], "value",
                   "adjoint", "local_derivatives": [...], "local_derivative_formulas": [...]}],
                   "paths": {"x": [{"nodes": [ids], "slots", "labels", "factors", "product"}]},
                   "path_counts": {"x": n}, "paths_rest": {"x": {"count": n, "sum": s}}}
                   (ids index "nodes"; a constant has "adjoint": null, and the edge from it a null
                   local derivative: no path runs through it)

Up to 10 000 paths per variable are listed; beyond that the 200 with the largest |product|, and
"paths_rest" gives the number and the sum of the others (listed products + the rest's sum = the
derivative). A count too large for a double is written as a string ("1.358e+331").
Exit status: 0; 2 for a malformed expression, document or argument; 1 for a domain error (log of a
non-positive number, a square root of a negative one, division by zero, overflow), named by its node.
)";

std::string expr_help() {
    std::string syntax(kExprSyntax);
    syntax.replace(syntax.find("@FUNCTIONS@"), 11, bp::expression_functions());
    return kExprHelpHead + wrap_words(syntax, 103) + kExprHelpTail;
}


const std::vector<OptionSpec> kExprOptions = {{"--at", true},     {"--file", true},  {"--network", true},
                                              {"--sample", true}, {"--paths", true}, {"--format", true}};

// An argument that starts with a minus and is no option is an expression: -x^2, -(x), --(x) or --2; but
// --x reads as an option (write " --x" or -(-x)).
CommandArgs split_expression(const CommandArgs& args, std::vector<std::string>& expressions) {
    CommandArgs rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool value_of_option = false;
        for (const OptionSpec& o : kExprOptions) value_of_option = value_of_option || (i > 0 && args[i - 1] == o.name);
        const bool looks_like_option = a == "-h" || (a.size() > 2 && a[1] == '-' && (std::isalpha(static_cast<unsigned char>(a[2])) || a[2] == '-'));
        if (!value_of_option && a.size() > 1 && a[0] == '-' && a != "--" && !looks_like_option)
            expressions.push_back(a);
        else
            rest.push_back(a);
    }
    return rest;
}

std::string variable_list(const bp::ExpressionGraph& g) {
    std::string s;
    for (int id : g.variables) s += (s.empty() ? "" : ", ") + g.node(id).name;
    return s.empty() ? "it has none" : "its variables: " + s;
}

// --at x=0.5,w1=2 into values, each name checked against the graph.
void read_at(const std::string& text, const bp::ExpressionGraph& g, bp::VariableValues& values) {
    bp::VariableValues given;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string pair = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const std::size_t eq = pair.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--at '" + pair + "': expected name=value pairs separated by commas, e.g. --at x=0.5,w1=2");
        const std::string name = pair.substr(0, eq);
        if (given.count(name)) throw UsageError("--at: " + name + " is given twice");
        if (g.find_variable(name) < 0)
            throw UsageError("--at " + pair + ": " + name + " is not a variable of the expression (" + variable_list(g) + ")");
        given[name] = parse_number(pair.substr(eq + 1), "--at " + name);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    for (const auto& [name, value] : given) values[name] = value;
}

// The names of --paths, each a variable of the graph.
std::vector<int> listed_variables(const ParsedArgs& a, const bp::ExpressionGraph& g) {
    const auto text = a.get("--paths");
    if (!text) return g.variables;
    std::vector<int> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text->find(',', start);
        const std::string name = text->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const int id = g.find_variable(name);
        if (id < 0) throw UsageError("--paths " + name + ": not a variable of the expression (" + variable_list(g) + ")");
        out.push_back(id);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// The network of --network with its loss on one sample.
void read_network(const ParsedArgs& a, ExprInput& in) {
    Input net;
    net.path = *a.get("--network");
    net.doc = bp::load_document(net.path);
    const bp::Dataset& data = require_data(net, "expr --network");
    const int n = sample_option(a, data).value_or(0);
    const bp::Matrix x = bp::take_rows(data.X, n, 1), y = bp::take_rows(data.Y, n, 1);
    bp::NetworkGraph expanded = bp::expand_network(net.doc.net, x, &y);
    in.graph = std::move(expanded.graph);
    in.values = std::move(expanded.values);
    in.title = "the network " + net.path + " with its loss on sample " + std::to_string(n);
}

ExprInput read_input(const ParsedArgs& a, std::vector<std::string> expressions) {
    expressions.insert(expressions.end(), a.positional.begin(), a.positional.end());
    if (expressions.size() > 1)
        throw UsageError("unexpected argument '" + expressions[1] + "' after the expression (quote it: \"" + expressions[0] + " …\")");
    const int sources = (expressions.empty() ? 0 : 1) + (a.has("--file") ? 1 : 0) + (a.has("--network") ? 1 : 0);
    if (sources > 1) throw UsageError("give one of the expression, --file EXPR.json or --network NET.json");
    if (sources == 0) throw UsageError("missing the expression: backprop-cli expr \"EXPR\" --at x=0.5 (or --file EXPR.json)");
    if (a.has("--sample") && !a.has("--network")) throw UsageError("--sample goes with --network NET.json");
    ExprInput in;
    if (const auto file = a.get("--file")) {
        const bp::ExpressionDocument doc = bp::load_expression_document(*file);
        in.graph = bp::document_graph(doc);
        in.values = doc.variables;
        in.title = doc.title;
    } else if (a.has("--network")) {
        read_network(a, in);
    } else {
        in.graph = bp::parse_expression(expressions[0]);
    }
    if (const auto at = a.get("--at")) read_at(*at, in.graph, in.values);
    for (int id : in.graph.variables) {
        const std::string& name = in.graph.node(id).name;
        if (!in.values.count(name)) throw UsageError(name + " has no value: give it with --at " + name + "=…");
    }
    in.listed = listed_variables(a, in.graph);
    return in;
}

}  // namespace

int run_expr(const CommandArgs& args, std::ostream& out, std::ostream&) {
    std::vector<std::string> expressions;
    const ParsedArgs a = parse_args("expr", split_expression(args, expressions), kExprOptions);
    if (a.help) {
        out << expr_help();
        return 0;
    }
    const Format format = format_option(a, Format::table);
    const ExprInput in = read_input(a, std::move(expressions));
    bp::GraphPass pass;
    std::vector<bp::GraphPathListing> listings;
    try {
        pass = bp::run_graph(in.graph, in.values);
        for (int id : in.listed) listings.push_back(bp::enumerate_graph_paths(in.graph, pass, id));
    } catch (const bp::DomainError& e) {
        throw Diverged(e.what());  // exit status 1, with the node named
    }
    if (format == Format::json)
        write_json(out, expr_json(in, pass, listings));
    else
        print_expr_table(in, pass, listings, out);
    return 0;
}
