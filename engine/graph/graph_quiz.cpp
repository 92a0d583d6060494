// Quiz support for computation graphs (see graph_quiz.h).
// [SECTION] questions and their answers
// [SECTION] the mistakes of an adjoint: missing paths, sign errors and dropped factors on the way to y
// [SECTION] the mistakes of a local derivative: its sign, a factor of its rule
// [SECTION] marking an answer
#include "engine/graph/graph_quiz.h"

#include <algorithm>
#include <cmath>

#include "engine/core/compensated_sum.h"
#include "engine/graph/graph_formulas.h"
#include "engine/graph/graph_paths.h"
#include "engine/teaching/notation.h"

namespace bp {

std::string_view to_string(GraphMistake m) {
    switch (m) {
        case GraphMistake::missing_path: return "missing_path";
        case GraphMistake::sign_error: return "sign_error";
        case GraphMistake::dropped_factor: return "dropped_factor";
    }
    return "?";
}

// ---- [SECTION] questions and their answers ------------------------------------------------------------

std::string question_label(const ExpressionGraph& g, const GraphQuestion& q) {
    switch (q.what) {
        case GraphQuantity::value: return node_symbol(g, q.node).text;
        case GraphQuantity::adjoint: return adjoint_symbol(g, q.node).text;
        case GraphQuantity::local_derivative: return local_symbol(g, q.node, q.slot).text;
    }
    return "?";
}

double exact_answer(const ExpressionGraph& g, const GraphPass& pass, const GraphQuestion& q) {
    if (q.node < 0 || q.node >= g.size()) throw Error("node " + std::to_string(q.node) + " does not exist");
    const std::size_t n = static_cast<std::size_t>(q.node);
    switch (q.what) {
        case GraphQuantity::value: return pass.value[n];
        case GraphQuantity::adjoint:
            if (!has_adjoint(g, q.node)) throw Error(g.node(q.node).label + " depends on no variable: it has no adjoint");
            return pass.adjoint[n];
        case GraphQuantity::local_derivative:
            if (q.slot < 0 || q.slot >= static_cast<int>(g.node(q.node).inputs.size()))
                throw Error(g.node(q.node).label + " has no input " + std::to_string(q.slot));
            if (!has_local_derivative(g, q.node, q.slot))
                throw Error("the edge into " + g.node(q.node).label + " carries no local derivative (its input depends on no variable)");
            return pass.local[n][static_cast<std::size_t>(q.slot)];
    }
    return 0.0;
}

std::vector<GraphQuestion> graph_questions(const ExpressionGraph& g) {
    std::vector<GraphQuestion> out;
    for (int id = 0; id < g.size(); ++id) {
        if (is_leaf(g.node(id).op)) continue;
        out.push_back({GraphQuantity::value, id, 0});
        for (int s = 0; s < static_cast<int>(g.node(id).inputs.size()); ++s)
            if (has_local_derivative(g, id, s)) out.push_back({GraphQuantity::local_derivative, id, s});
    }
    for (int id = g.output - 1; id >= 0; --id)
        if (g.node(id).active) out.push_back({GraphQuantity::adjoint, id, 0});
    return out;
}

namespace {

std::string quiz_number(double x) { return format_number(x, 4); }

// "∂h₂/∂h₁ = e^(h₁) = 1.284"
std::string edge_words(const ExpressionGraph& g, const GraphPass& pass, int node, int slot) {
    const FormulaText f = local_formula(g, pass, node, slot);
    return f.symbolic + " = " + f.result;
}

// "2" for a constant, "h₁ = 0.25" for any other node.
std::string named_value(const ExpressionGraph& g, const GraphPass& pass, int id) {
    if (g.node(id).op == Op::constant) return g.node(id).label;
    return node_symbol(g, id).text + " = " + quiz_number(pass.value[static_cast<std::size_t>(id)]);
}

std::string rule_words(const ExpressionGraph& g, int node, int slot) {
    return derivative_rule(g.node(node), slot, g.constant_exponent(node)).text;
}

// ---- [SECTION] the mistakes of an adjoint -----------------------------------------------------------------

// The edges on the way from `from` to y: into a node that reaches y, out of `from` or a node `from` reaches.
std::vector<GraphEdge> edges_on_the_way(const ExpressionGraph& g, const GraphPass& pass, int from) {
    std::vector<char> downstream(static_cast<std::size_t>(g.size()), 0);
    downstream[static_cast<std::size_t>(from)] = 1;
    std::vector<GraphEdge> edges;
    for (int id = from + 1; id <= g.output; ++id) {
        const std::vector<int>& inputs = g.node(id).inputs;
        for (std::size_t s = 0; s < inputs.size(); ++s) {
            if (!downstream[static_cast<std::size_t>(inputs[s])]) continue;
            downstream[static_cast<std::size_t>(id)] = 1;
            if (pass.reaches[static_cast<std::size_t>(id)]) edges.push_back({id, static_cast<int>(s)});
        }
    }
    return edges;
}

// ∂y/∂node when the local derivative on one edge is `changed`: the backward pass run again.
std::optional<double> rerun_adjoint(const ExpressionGraph& g, const GraphPass& pass, int node, GraphEdge edge, double changed) {
    GraphPass copy;
    copy.value = pass.value;
    copy.local = pass.local;
    copy.local[static_cast<std::size_t>(edge.to)][static_cast<std::size_t>(edge.slot)] = changed;
    try {
        graph_backward(g, copy);
    } catch (const DomainError&) {
        return std::nullopt;  // the mistake overflows: nobody wrote that number down
    }
    return copy.adjoint[static_cast<std::size_t>(node)];
}

void missing_paths(const ExpressionGraph& g, const GraphPass& pass, int node, std::vector<GraphMistakeRun>& out) {
    constexpr long long kListed = 1000;
    const GraphPathListing listing = enumerate_graph_paths(g, pass, node, kListed, kTopPaths);
    if (listing.count < 2) return;
    const std::string dy = adjoint_symbol(g, node).text, name = node_symbol(g, node).text,
                      y = node_symbol(g, g.output).text, count = count_text(listing.count);
    const std::string total = quiz_number(listing.adjoint);
    for (const GraphPath& p : listing.paths) {  // only this path
        GraphMistakeRun r{GraphMistake::missing_path, p.product, "", {GraphRef::Kind::adjoint, node, 0}, p.nodes};
        r.sentence = "You counted only the path " + path_route(g, p) + " (product " + quiz_number(p.product) + "), but " + name +
                     " reaches " + y + " by " + count + " paths: " + dy + " is the sum of all their products, " + total + ".";
        out.push_back(std::move(r));
    }
    if (listing.rest_count > 0) return;
    for (std::size_t i = 0; i < listing.paths.size(); ++i) {  // every path but this one
        CompensatedSum others;
        for (std::size_t k = 0; k < listing.paths.size(); ++k)
            if (k != i) others.add(listing.paths[k].product);
        const GraphPath& p = listing.paths[i];
        GraphMistakeRun r{GraphMistake::missing_path, others.value(), "", {GraphRef::Kind::adjoint, node, 0}, p.nodes};
        r.sentence = "You left out the path " + path_route(g, p) + " (product " + quiz_number(p.product) + "): " + dy +
                     " is the sum over all " + count + " paths, " + total + ".";
        out.push_back(std::move(r));
    }
}

void adjoint_mistakes(const ExpressionGraph& g, const GraphPass& pass, int node, std::vector<GraphMistakeRun>& out) {
    if (node == g.output || !pass.reaches[static_cast<std::size_t>(node)]) return;
    missing_paths(g, pass, node, out);
    std::vector<GraphEdge> edges = edges_on_the_way(g, pass, node);
    const auto local = [&](const GraphEdge& e) { return pass.local[static_cast<std::size_t>(e.to)][static_cast<std::size_t>(e.slot)]; };
    std::stable_partition(edges.begin(), edges.end(), [&](const GraphEdge& e) { return local(e) < 0; });  // minus signs first
    const std::string name = node_symbol(g, node).text, y = node_symbol(g, g.output).text;
    int runs = 0;
    for (const GraphEdge& e : edges) {  // one sign flipped
        if (local(e) == 0.0 || ++runs > kMaxMistakeRuns) continue;
        if (const auto v = rerun_adjoint(g, pass, node, e, -local(e)))
            out.push_back({GraphMistake::sign_error, *v,
                           "You flipped the sign of " + edge_words(g, pass, e.to, e.slot) + " (" + rule_words(g, e.to, e.slot) + ").",
                           {GraphRef::Kind::local, e.to, e.slot}, {}});
    }
    for (const GraphEdge& e : edges) {  // one factor left out
        if (local(e) == 1.0 || ++runs > 2 * kMaxMistakeRuns) continue;
        if (const auto v = rerun_adjoint(g, pass, node, e, 1.0))
            out.push_back({GraphMistake::dropped_factor, *v,
                           "You left out the factor " + edge_words(g, pass, e.to, e.slot) + ": on the way from " + name +
                               " to " + y + " every local derivative multiplies.",
                           {GraphRef::Kind::local, e.to, e.slot}, {}});
    }
}

// ---- [SECTION] the mistakes of a local derivative ----------------------------------------------------------

void local_mistakes(const ExpressionGraph& g, const GraphPass& pass, int node, int slot, std::vector<GraphMistakeRun>& out) {
    const GraphNode& n = g.node(node);
    const double d = pass.local[static_cast<std::size_t>(node)][static_cast<std::size_t>(slot)];
    const GraphRef edge{GraphRef::Kind::local, node, slot};
    const std::string rule = rule_words(g, node, slot);
    if (d != 0.0)
        out.push_back({GraphMistake::sign_error, -d, "You flipped the sign: " + edge_words(g, pass, node, slot) + " (" + rule + ").",
                       edge, {}});
    const auto in = [&](int s) { return pass.value[static_cast<std::size_t>(n.inputs[static_cast<std::size_t>(s)])]; };
    const double y = pass.value[static_cast<std::size_t>(node)];
    const auto dropped = [&](double value, const std::string& factor) {
        if (value != d && std::isfinite(value))
            out.push_back({GraphMistake::dropped_factor, value, "You left out the factor " + factor + " of " + rule + ".", edge, {}});
    };
    switch (n.op) {
        case Op::pow:
            if (slot == 0 && in(1) != 0.0) dropped(std::pow(in(0), in(1) - 1.0), named_value(g, pass, n.inputs[1]));
            if (slot == 1) dropped(y, "log(" + node_symbol(g, n.inputs[0]).text + ") = " + quiz_number(std::log(in(0))));
            break;
        case Op::function:  // σ′(u) = σ(u)(1 − σ(u)): one of its two factors left out
            if (n.function != &activation_info(Activation::sigmoid).fn) break;
            dropped(y, "1 − σ(" + node_symbol(g, n.inputs[0]).text + ") = " + quiz_number(1.0 - y));
            dropped(1.0 - y, "σ(" + node_symbol(g, n.inputs[0]).text + ") = " + quiz_number(y));
            break;
        case Op::sqrt: dropped(1.0 / y, "½"); break;
        case Op::div:
            if (slot == 1) dropped(-1.0 / (in(1) * in(1)), named_value(g, pass, n.inputs[0]));
            break;
        default: break;
    }
}

}  // namespace

std::vector<GraphMistakeRun> graph_mistakes(const ExpressionGraph& g, const GraphPass& pass, const GraphQuestion& q) {
    exact_answer(g, pass, q);  // the question exists
    std::vector<GraphMistakeRun> out;
    if (q.what == GraphQuantity::adjoint) adjoint_mistakes(g, pass, q.node, out);
    if (q.what == GraphQuantity::local_derivative) local_mistakes(g, pass, q.node, q.slot, out);
    return out;
}

// ---- [SECTION] marking an answer ------------------------------------------------------------------------------

GraphAnswer check_graph_answer(const ExpressionGraph& g, const GraphPass& pass, const GraphQuestion& q, std::string_view text) {
    const double exact = exact_answer(g, pass, q);
    GraphAnswer a;
    a.check = check_answer(text, exact);
    if (a.check.verdict != Verdict::wrong) return a;
    for (GraphMistakeRun& run : graph_mistakes(g, pass, q)) {
        if (within_last_digit(a.check.given, run.value, exact)) continue;           // indistinguishable from right here
        if (!within_last_digit(a.check.given, a.check.given.value, run.value)) continue;  // not this mistake's number
        a.diagnosis = std::move(run);
        break;
    }
    return a;
}

}  // namespace bp
