// The computation graph of a scalar expression: every operation is a node, each variable is one node
// however often it is used (a variable used twice has two outgoing edges), and the nodes are stored in
// forward (topological) order. Built by the parser (expression_parser.h) or from a network
// (network_graph.h) through GraphBuilder, which also names the operations h₁, h₂, … as the notes do.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/activations.h"

namespace bp {

// The limits (README "Expressions and computation graphs"): longer or deeper input is refused with a
// message naming the limit, before anything large is allocated.
inline constexpr int kMaxExpressionLength = 10000;  // characters (Unicode code points) of an expression
inline constexpr int kMaxExpressionDepth = 256;     // nesting: parentheses, calls, unary minus, powers
inline constexpr int kMaxGraphNodes = 4000;         // nodes: variables, constants and operations

enum class Op {
    variable, constant,                                        // leaves
    add, sub, mul, div, pow,                                   // u + v, u − v, u·v, u/v, u^v
    neg, exp, log, sqrt, sin, cos, abs,                        // one input u
    function,                                                  // f(u) of a ScalarFunction: an activation
                                                               // (sigmoid, tanh, relu, …), a loss's term
    sum,                                                       // u₁ + u₂ + … + uₙ (network expansions)
};
std::string_view to_string(Op);  // "variable", "constant", "add", "sub", "mul", "div", "pow", "neg", "exp", …
bool is_leaf(Op op);
int arity(Op op);  // inputs an operation takes: 0 for leaves, 1, 2, or −1 for sum (any number ≥ 1)

// Node `to` reads the node this edge leaves as its input number `slot` (x·x: two edges, slots 0 and 1).
struct GraphEdge {
    int to = 0;
    int slot = 0;
    bool operator==(const GraphEdge&) const = default;
};

struct GraphNode {
    Op op = Op::constant;
    std::vector<int> inputs;  // node ids, each smaller than this node's
    double constant = 0.0;    // Op::constant: the value
    const ScalarFunction* function = nullptr;  // Op::function: which (an entry of activations.h or losses.h)
    std::string name;         // Op::variable: its name in the variable table ("x", "w1", "w1_1_2")
    std::string label;        // on screen: "x", "w₁", "2", "π", "h₃", "z¹₁"
    std::string latex;        // the same in LaTeX: "x", "w_{1}", "2", "\\pi", "h_{3}", "z^{1}_{1}"
    bool numbered = false;    // an operation without a label of its own, named h₁, h₂, … by GraphBuilder::finish
    bool active = false;      // depends on a variable: has an adjoint, and the edges it leaves a local derivative
    int column = 0;           // for drawing left to right: variables 0, an operation one right of its inputs
    int source_begin = -1;    // the bytes [source_begin, source_end) of the expression text it was written as
    int source_end = -1;      // (−1 when the graph was not parsed)
};

// What a node computes, as the JSON output names it: its op, or for Op::function the function's name
// ("sigmoid", "leaky_relu").
std::string_view op_name(const GraphNode& n);

struct ExpressionGraph {
    std::string source;                            // the expression text (empty when built from a network)
    std::vector<GraphNode> nodes;                  // in forward (topological) order
    std::vector<std::vector<GraphEdge>> outgoing;  // (nodes) the edges leaving each node, by (to, slot)
    std::vector<int> variables;                    // node ids of the variables, in order of first use
    int output = -1;                               // the node y that is differentiated (any node may be chosen)
    std::string output_symbol = "y";               // what formulas call the output when it is a numbered
                                                   // operation (f when a variable is called y); an output
                                                   // with a label of its own (L, a²₁) keeps it

    int size() const { return static_cast<int>(nodes.size()); }
    const GraphNode& node(int id) const { return nodes.at(static_cast<std::size_t>(id)); }
    int find_variable(std::string_view name) const;  // the node id, or −1
    // A power whose exponent depends on no variable: any base is allowed and the exponent has no edge
    // derivative (x^2 at x = −3 is 9).
    bool constant_exponent(int node) const;
};

// Adds nodes in forward order and checks each: inputs exist and come earlier, the arity fits, at most
// kMaxGraphNodes nodes (bp::Error naming the limit). Variables are shared by name.
class GraphBuilder {
public:
    // A variable's label defaults to variable_label(name) ("w1" → "w₁").
    int variable(const std::string& name, std::string label = {}, std::string latex = {});
    // A constant's label defaults to its shortest round-trip value ("0.5", "−2").
    int constant(double value, std::string label = {}, std::string latex = {});
    // An operation without a label is named h₁, h₂, … in forward order by finish().
    int operation(Op op, std::vector<int> inputs, std::string label = {}, std::string latex = {});
    int function(const ScalarFunction& f, int input, std::string label = {}, std::string latex = {});  // f(u)
    void set_source(int node, int begin, int end);
    void set_label(int node, std::string label, std::string latex);
    int size() const { return static_cast<int>(nodes_.size()); }
    int find_variable(std::string_view name) const;  // the node id, or −1
    const GraphNode& node(int id) const { return nodes_.at(static_cast<std::size_t>(id)); }

    // The graph with `output` as y: operations named, activity, columns and outgoing edges filled in.
    ExpressionGraph finish(int output, std::string source = {});

private:
    int add(GraphNode node);
    std::vector<GraphNode> nodes_;
    std::vector<int> variables_;
};

// A variable's name on screen, trailing digits as a subscript: "w1" → "w₁", "h_2" → "h₂", "x" → "x";
// latex "w_{1}", "h_{2}", "x" (a longer name "rate" → "\\mathit{rate}").
std::string variable_label(std::string_view name);
std::string variable_latex(std::string_view name);
// A constant's text: its shortest round-trip form with the Unicode minus, "π" and "e" for pi and e.
std::string constant_label(double value);
std::string constant_latex(double value);

}  // namespace bp
