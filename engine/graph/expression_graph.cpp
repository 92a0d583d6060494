// The computation graph and its builder (see expression_graph.h).
#include "engine/graph/expression_graph.h"

#include <algorithm>
#include <cctype>
#include <numbers>

#include "engine/core/error.h"
#include "engine/teaching/notation.h"

namespace bp {

std::string_view to_string(Op op) {
    switch (op) {
        case Op::variable: return "variable";
        case Op::constant: return "constant";
        case Op::add: return "add";
        case Op::sub: return "sub";
        case Op::mul: return "mul";
        case Op::div: return "div";
        case Op::pow: return "pow";
        case Op::neg: return "neg";
        case Op::exp: return "exp";
        case Op::log: return "log";
        case Op::sqrt: return "sqrt";
        case Op::sin: return "sin";
        case Op::cos: return "cos";
        case Op::abs: return "abs";
        case Op::function: return "function";
        case Op::sum: return "sum";
    }
    return "?";
}

std::string_view op_name(const GraphNode& n) { return n.op == Op::function && n.function ? n.function->name : to_string(n.op); }

bool is_leaf(Op op) { return op == Op::variable || op == Op::constant; }

int arity(Op op) {
    switch (op) {
        case Op::variable:
        case Op::constant: return 0;
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div:
        case Op::pow: return 2;
        case Op::sum: return -1;
        default: return 1;
    }
}

int ExpressionGraph::find_variable(std::string_view name) const {
    for (int id : variables)
        if (nodes[static_cast<std::size_t>(id)].name == name) return id;
    return -1;
}

bool ExpressionGraph::constant_exponent(int id) const {
    const GraphNode& n = node(id);
    return n.op == Op::pow && !node(n.inputs[1]).active;
}

// ---- labels ---------------------------------------------------------------------------------------------

namespace {

// "w1" → {"w", "1"}, "h_2" → {"h", "2"}; no split when the name has no trailing digits (or more than 16,
// or nothing before them).
std::pair<std::string_view, std::string_view> split_index(std::string_view name) {
    std::size_t d = name.size();
    while (d > 0 && std::isdigit(static_cast<unsigned char>(name[d - 1]))) --d;
    if (d == name.size() || d > 16) return {name, {}};
    std::string_view base = name.substr(0, d);
    if (!base.empty() && base.back() == '_') base.remove_suffix(1);
    if (base.empty()) return {name, {}};
    return {base, name.substr(d)};
}

std::string subscript_digits(std::string_view digits) {
    static const char* const kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    std::string s;
    for (char c : digits) s += kSub[c - '0'];
    return s;
}

// The letter for unnamed operations: h, unless a variable is already called h with an index (h1, h_2).
std::string operation_letter(const std::vector<GraphNode>& nodes) {
    for (const char* letter : {"h", "u", "v", "g", "q"}) {
        bool taken = false;
        for (const GraphNode& n : nodes)
            if (n.op == Op::variable && !split_index(n.name).second.empty() && split_index(n.name).first == letter) taken = true;
        if (!taken) return letter;
    }
    return "t";
}

}  // namespace

std::string variable_label(std::string_view name) {
    const auto [base, index] = split_index(name);
    return std::string(base) + subscript_digits(index);
}

std::string variable_latex(std::string_view name) {
    const auto [base, index] = split_index(name);
    std::string b(base);
    std::string escaped;
    for (char c : b) escaped += c == '_' ? std::string("\\_") : std::string(1, c);
    std::string s = base.size() > 1 ? "\\mathit{" + escaped + "}" : escaped;
    if (!index.empty()) s += "_{" + std::string(index) + "}";
    return s;
}

namespace {
// The shortest round-trip digits with the exponent written as notation.h writes it: "1e300", "2.5e-5".
std::pair<std::string, std::string> mantissa_exponent(double value) {
    const std::string s = round_trip(value);
    const auto e = s.find('e');
    if (e == std::string::npos) return {s, ""};
    return {s.substr(0, e), std::to_string(std::stoi(s.substr(e + 1)))};
}
}  // namespace

std::string constant_label(double value) {
    if (value == std::numbers::pi) return "π";
    if (value == std::numbers::e) return "e";
    const auto [mantissa, exponent] = mantissa_exponent(value);
    const std::string s = exponent.empty() ? mantissa : mantissa + "e" + exponent;
    return s[0] == '-' ? "−" + s.substr(1) : s;
}

std::string constant_latex(double value) {
    if (value == std::numbers::pi) return "\\pi";
    if (value == std::numbers::e) return "e";
    const auto [mantissa, exponent] = mantissa_exponent(value);
    return exponent.empty() ? mantissa : mantissa + " \\times 10^{" + exponent + "}";
}

// ---- the builder --------------------------------------------------------------------------------------------

int GraphBuilder::add(GraphNode node) {
    if (size() >= kMaxGraphNodes)
        throw Error("the graph needs more than " + std::to_string(kMaxGraphNodes) + " nodes (the limit)");
    nodes_.push_back(std::move(node));
    return size() - 1;
}

int GraphBuilder::find_variable(std::string_view name) const {
    for (int id : variables_)
        if (nodes_[static_cast<std::size_t>(id)].name == name) return id;
    return -1;
}

int GraphBuilder::variable(const std::string& name, std::string label, std::string latex) {
    if (const int id = find_variable(name); id >= 0) return id;
    GraphNode n;
    n.op = Op::variable;
    n.name = name;
    n.label = label.empty() ? variable_label(name) : std::move(label);
    n.latex = latex.empty() ? variable_latex(name) : std::move(latex);
    const int id = add(std::move(n));
    variables_.push_back(id);
    return id;
}

int GraphBuilder::constant(double value, std::string label, std::string latex) {
    GraphNode n;
    n.op = Op::constant;
    n.constant = value;
    n.label = label.empty() ? constant_label(value) : std::move(label);
    n.latex = latex.empty() ? constant_latex(value) : std::move(latex);
    return add(std::move(n));
}

int GraphBuilder::operation(Op op, std::vector<int> inputs, std::string label, std::string latex) {
    const int want = arity(op);
    if (want == 0) throw Error("an operation node cannot be a " + std::string(to_string(op)));
    if (op == Op::function) throw Error("a function node is added with GraphBuilder::function, naming its function");
    if (want > 0 ? static_cast<int>(inputs.size()) != want : inputs.empty())
        throw Error(std::string(to_string(op)) + " takes " + (want > 0 ? std::to_string(want) : "at least one") +
                    " inputs, got " + std::to_string(inputs.size()));
    for (int in : inputs)
        if (in < 0 || in >= size()) throw Error("an input of a " + std::string(to_string(op)) + " node does not exist yet");
    GraphNode n;
    n.op = op;
    n.inputs = std::move(inputs);
    n.label = std::move(label);
    n.latex = std::move(latex);
    return add(std::move(n));
}

int GraphBuilder::function(const ScalarFunction& f, int input, std::string label, std::string latex) {
    if (input < 0 || input >= size()) throw Error("the input of a " + std::string(f.name) + " node does not exist yet");
    GraphNode n;
    n.op = Op::function;
    n.function = &f;
    n.inputs = {input};
    n.label = std::move(label);
    n.latex = std::move(latex);
    return add(std::move(n));
}

void GraphBuilder::set_source(int node, int begin, int end) {
    nodes_.at(static_cast<std::size_t>(node)).source_begin = begin;
    nodes_.at(static_cast<std::size_t>(node)).source_end = end;
}

void GraphBuilder::set_label(int node, std::string label, std::string latex) {
    nodes_.at(static_cast<std::size_t>(node)).label = std::move(label);
    nodes_.at(static_cast<std::size_t>(node)).latex = std::move(latex);
}

ExpressionGraph GraphBuilder::finish(int output, std::string source) {
    if (output < 0 || output >= size()) throw Error("the output node does not exist");
    ExpressionGraph g;
    g.source = std::move(source);
    g.nodes = std::move(nodes_);
    g.variables = std::move(variables_);
    g.output = output;
    nodes_.clear();
    variables_.clear();

    const std::string letter = operation_letter(g.nodes);
    for (const char* symbol : {"y", "f", "F", "out"}) {  // y, unless a variable is called y
        g.output_symbol = symbol;
        bool taken = false;
        for (const GraphNode& n : g.nodes) taken = taken || (n.op == Op::variable && n.label == symbol);
        if (!taken) break;
    }
    int unnamed = 0;
    g.outgoing.resize(g.nodes.size());
    for (std::size_t id = 0; id < g.nodes.size(); ++id) {
        GraphNode& n = g.nodes[id];
        n.active = n.op == Op::variable;
        int column = 0;
        for (std::size_t s = 0; s < n.inputs.size(); ++s) {
            const GraphNode& in = g.nodes[static_cast<std::size_t>(n.inputs[s])];
            n.active = n.active || in.active;
            column = std::max(column, in.column + 1);
            g.outgoing[static_cast<std::size_t>(n.inputs[s])].push_back({static_cast<int>(id), static_cast<int>(s)});
        }
        n.column = is_leaf(n.op) ? 0 : column;
        if (!is_leaf(n.op) && n.label.empty()) {
            n.numbered = true;
            ++unnamed;
            n.label = letter + subscript(unnamed);
            n.latex = letter + "_{" + std::to_string(unnamed) + "}";
        }
    }
    // A constant sits just left of the first operation that reads it.
    for (std::size_t id = 0; id < g.nodes.size(); ++id) {
        GraphNode& n = g.nodes[id];
        if (n.op == Op::constant && !g.outgoing[id].empty())
            n.column = std::max(0, g.nodes[static_cast<std::size_t>(g.outgoing[id].front().to)].column - 1);
    }
    return g;
}

}  // namespace bp
