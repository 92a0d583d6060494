// Building and rebuilding the open expression's graph and pass (see expression_state.h).
#include "app/studio/state/expression_state.h"

#include <utility>

namespace studio {
namespace {

std::uint64_t next_pass_revision() {  // process-wide: a rebuilt state never reuses a value
    static std::uint64_t revisions = 0;
    return ++revisions;
}

// The document's graph: the network's own while the text is the one written from it, else parsed.
bp::GraphStepper stepper_of(const bp::ExpressionDocument& doc, const std::shared_ptr<const bp::ExpressionGraph>& graph,
                            const std::string& graph_text) {
    if (graph && doc.expression == graph_text) return bp::GraphStepper(*graph, doc.variables);
    return bp::GraphStepper(bp::document_graph(doc), doc.variables);
}

bool same_events(const bp::GraphStepper& a, const bp::GraphStepper& b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); ++i)
        if (a.events()[i].writes != b.events()[i].writes) return false;
    return true;
}

}  // namespace

ExpressionState make_expression_state(ExpressionSource source) {
    bp::GraphStepper stepper = stepper_of(source.doc, source.graph, source.graph_text);
    ExpressionState e(std::move(source.doc), std::move(stepper));
    e.origin = std::move(source.origin);
    e.network_graph = std::move(source.graph);
    e.network_graph_text = std::move(source.graph_text);
    e.pass_revision = next_pass_revision();
    return e;
}

void rebuild_expression(ExpressionState& e, bp::ExpressionDocument doc) {
    bp::GraphStepper next = stepper_of(doc, e.network_graph, e.network_graph_text);  // throws before anything changes
    if (same_events(next, e.stepper)) next.seek(e.stepper.cursor());
    else e.pinned_nodes.clear(), e.pinned_slots.clear();
    const int n = next.graph().size();
    if (e.selected >= n) e.selected = -1;
    if (e.paths_from >= n || (e.paths_from >= 0 && next.graph().node(e.paths_from).op != bp::Op::variable))
        e.paths_from = -1, e.pinned_nodes.clear(), e.pinned_slots.clear();
    e.doc = std::move(doc);
    e.stepper = std::move(next);
    e.pass_revision = next_pass_revision();
}

int paths_variable(const ExpressionState& e) {
    if (e.paths_from >= 0) return e.paths_from;
    const bp::ExpressionGraph& g = e.stepper.graph();
    return g.variables.empty() ? -1 : g.variables.front();
}

}  // namespace studio
