// A computation graph's forward and backward pass as a sequence of events, stepped like a network's
// (stepper.h): the value of each operation in forward order; then ∂y/∂y = 1; then the adjoint of each
// node that depends on a variable, in reverse order, each the sum over its outgoing edges of
// adjoint · local derivative. Every value is computed up front (graph_pass.h); the cursor only decides
// what is known, so stepping back restores exactly the earlier state. Variables and constants are known
// from the start; an edge's local derivative is known with the value of the node it leads into.
// Granularity: `neuron` is one event, `layer` the events of one column of the drawing, `phase` the whole
// forward or backward pass.
#pragma once
#include <vector>

#include "engine/graph/expression_graph.h"
#include "engine/graph/graph_pass.h"
#include "engine/teaching/stepper.h"

namespace bp {

enum class GraphEventKind { value, output_adjoint, adjoint };
std::string_view to_string(GraphEventKind);  // "value", "output_adjoint", "adjoint"

// What an event reads or writes, for highlighting: a node's value or adjoint, or the local derivative on
// the edge into `node` from its input `slot`.
struct GraphRef {
    enum class Kind { value, adjoint, local } kind = Kind::value;
    int node = 0;
    int slot = 0;  // Kind::local only
    bool operator==(const GraphRef&) const = default;
};

struct GraphEvent {
    GraphEventKind kind = GraphEventKind::value;
    Phase phase = Phase::forward;  // forward or backward
    int node = 0;
    GraphRef writes;
    std::vector<GraphRef> reads;
    double value = 0.0;  // the value or adjoint produced
};

class GraphStepper {
public:
    // Runs the whole pass (throws bp::Error for a missing value, DomainError outside a domain).
    GraphStepper(ExpressionGraph graph, const VariableValues& values);

    const ExpressionGraph& graph() const { return graph_; }
    const GraphPass& pass() const { return pass_; }  // every value (what is known is the cursor's business)
    const std::vector<GraphEvent>& events() const { return events_; }
    int cursor() const { return cursor_; }  // events [0, cursor) are done
    int size() const { return static_cast<int>(events_.size()); }
    bool at_end() const { return cursor_ >= size(); }
    const GraphEvent* current() const;  // the last event done, or nullptr at the start
    const GraphEvent* next() const;     // the event about to be done, or nullptr at the end
    Phase phase() const;                // phase of the next event (backward at the end)

    void step_forward(Granularity g = Granularity::neuron);
    void step_back(Granularity g = Granularity::neuron);
    void run_to_end_of_phase();
    void run_to_end() { cursor_ = size(); }
    void restart() { cursor_ = 0; }
    void seek(int cursor);  // clamps into [0, size]

    // Whether the value is known at the cursor. A reference to nothing (a constant's adjoint, an edge
    // without a local derivative, a node that does not exist) is never known.
    bool known(const GraphRef& r) const;
    // Index of the event after which r is known; −1 when it is known from the start or never.
    int writer_of(const GraphRef& r) const;

    // The formula and title of event `index`: "Forward pass — h₂ = e^(h₁)", "Backward pass — ∂y/∂h₁".
    EventText text(int index) const;

private:
    bool same_group(int a, int b, Granularity g) const;

    ExpressionGraph graph_;
    GraphPass pass_;
    std::vector<GraphEvent> events_;
    std::vector<int> value_writer_, adjoint_writer_;  // (nodes) event index, −1 at the start, −2 never
    int cursor_ = 0;
};

}  // namespace bp
