// A computation graph's pass as events (see graph_stepper.h).
#include "engine/graph/graph_stepper.h"

#include <algorithm>

#include "engine/graph/graph_formulas.h"

namespace bp {

std::string_view to_string(GraphEventKind k) {
    switch (k) {
        case GraphEventKind::value: return "value";
        case GraphEventKind::output_adjoint: return "output_adjoint";
        case GraphEventKind::adjoint: return "adjoint";
    }
    return "?";
}

namespace {
constexpr int kKnownFromStart = -1;
constexpr int kNeverKnown = -2;
}  // namespace

GraphStepper::GraphStepper(ExpressionGraph graph, const VariableValues& values)
    : graph_(std::move(graph)), pass_(run_graph(graph_, values)) {
    const int n = graph_.size();
    value_writer_.assign(static_cast<std::size_t>(n), kKnownFromStart);
    adjoint_writer_.assign(static_cast<std::size_t>(n), kNeverKnown);
    using Kind = GraphRef::Kind;
    const auto add = [&](GraphEventKind kind, Phase phase, int node, GraphRef writes, double value) -> GraphEvent& {
        GraphEvent& e = events_.emplace_back();
        e.kind = kind;
        e.phase = phase;
        e.node = node;
        e.writes = writes;
        e.value = value;
        return e;
    };
    // Forward: the value of each operation from the values of its inputs.
    for (int id = 0; id < n; ++id) {
        const GraphNode& node = graph_.node(id);
        if (is_leaf(node.op)) continue;
        value_writer_[static_cast<std::size_t>(id)] = size();
        GraphEvent& e = add(GraphEventKind::value, Phase::forward, id, {Kind::value, id, 0}, pass_.value[static_cast<std::size_t>(id)]);
        for (int in : node.inputs) e.reads.push_back({Kind::value, in, 0});
    }
    // Backward: ∂y/∂y = 1, then ∂y/∂node = Σ over the edges into nodes that reach y of ∂y/∂to · ∂to/∂node.
    const int y = graph_.output;
    adjoint_writer_[static_cast<std::size_t>(y)] = size();
    add(GraphEventKind::output_adjoint, Phase::backward, y, {Kind::adjoint, y, 0}, 1.0);
    for (int id = y - 1; id >= 0; --id) {
        if (!graph_.node(id).active) continue;
        adjoint_writer_[static_cast<std::size_t>(id)] = size();
        GraphEvent& e = add(GraphEventKind::adjoint, Phase::backward, id, {Kind::adjoint, id, 0},
                            pass_.adjoint[static_cast<std::size_t>(id)]);
        for (const GraphEdge& edge : graph_.outgoing[static_cast<std::size_t>(id)]) {
            if (edge.to > y || !pass_.reaches[static_cast<std::size_t>(edge.to)]) continue;
            e.reads.push_back({Kind::adjoint, edge.to, 0});
            e.reads.push_back({Kind::local, edge.to, edge.slot});
        }
    }
}

const GraphEvent* GraphStepper::current() const { return cursor_ > 0 ? &events_[static_cast<std::size_t>(cursor_ - 1)] : nullptr; }
const GraphEvent* GraphStepper::next() const { return cursor_ < size() ? &events_[static_cast<std::size_t>(cursor_)] : nullptr; }
Phase GraphStepper::phase() const { return at_end() ? Phase::backward : events_[static_cast<std::size_t>(cursor_)].phase; }

int GraphStepper::writer_of(const GraphRef& r) const {
    if (r.node < 0 || r.node >= graph_.size()) return kNeverKnown;
    const std::size_t i = static_cast<std::size_t>(r.node);
    switch (r.kind) {
        case GraphRef::Kind::value: return value_writer_[i];
        case GraphRef::Kind::adjoint: return adjoint_writer_[i];
        case GraphRef::Kind::local: {
            const GraphNode& n = graph_.node(r.node);
            if (r.slot < 0 || r.slot >= static_cast<int>(n.inputs.size()) || !has_local_derivative(graph_, r.node, r.slot))
                return kNeverKnown;
            return value_writer_[i];
        }
    }
    return kNeverKnown;
}

bool GraphStepper::known(const GraphRef& r) const {
    const int w = writer_of(r);
    return w == kKnownFromStart || (w >= 0 && w < cursor_);
}

EventText GraphStepper::text(int index) const {
    const GraphEvent& e = events_.at(static_cast<std::size_t>(index));
    FormulaText f;
    std::string title;
    switch (e.kind) {
        case GraphEventKind::value:
            f = value_formula(graph_, pass_, e.node);
            title = "Forward pass — " + node_equation(graph_, e.node);
            break;
        case GraphEventKind::output_adjoint:
            f = adjoint_formula(graph_, pass_, e.node);
            title = "Backward pass — start at " + node_symbol(graph_, e.node).text + ": " + f.symbolic + " = 1";
            break;
        case GraphEventKind::adjoint:
            f = adjoint_formula(graph_, pass_, e.node);
            title = "Backward pass — " + adjoint_symbol(graph_, e.node).text;
            if (!pass_.reaches[static_cast<std::size_t>(e.node)]) title += " (no path to " + node_symbol(graph_, graph_.output).text + ")";
            break;
    }
    return EventText{std::move(f.symbolic), std::move(f.substituted), std::move(f.result), std::move(f.latex), std::move(title)};
}

// ---- navigation (as Stepper's) ----------------------------------------------------------------------------

bool GraphStepper::same_group(int a, int b, Granularity g) const {
    const GraphEvent& x = events_[static_cast<std::size_t>(a)];
    const GraphEvent& y = events_[static_cast<std::size_t>(b)];
    switch (g) {
        case Granularity::neuron: return a == b;
        case Granularity::layer:
            return x.phase == y.phase && x.kind != GraphEventKind::output_adjoint && y.kind != GraphEventKind::output_adjoint &&
                   graph_.node(x.node).column == graph_.node(y.node).column;
        case Granularity::phase: return x.phase == y.phase;
    }
    return a == b;
}

void GraphStepper::step_forward(Granularity g) {
    if (at_end()) return;
    int e = cursor_ + 1;
    while (e < size() && same_group(cursor_, e, g)) ++e;
    cursor_ = e;
}

void GraphStepper::step_back(Granularity g) {
    if (cursor_ <= 0) return;
    int s = cursor_ - 1;
    while (s > 0 && same_group(s - 1, cursor_ - 1, g)) --s;
    cursor_ = s;
}

void GraphStepper::run_to_end_of_phase() { step_forward(Granularity::phase); }
void GraphStepper::seek(int cursor) { cursor_ = std::clamp(cursor, 0, size()); }

}  // namespace bp
