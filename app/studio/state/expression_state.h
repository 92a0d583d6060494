// The open expression document (issue 20): a scalar expression with its variables' values, its
// computation graph and the graph's pass stepped like a network's (engine/graph). AppState::expression
// holds it while an expression is open; the window then shows the graph instead of the network.
// Plain data and small queries: handlers/expression.h changes it.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/graph/expression_document.h"
#include "engine/graph/graph_stepper.h"

namespace studio {

// What an expression is opened from: a document, and for a graph made from a network (network_graph.h)
// that graph itself, drawn with its course labels (z¹₁, a¹₁, w¹₁₁) while the document's text is the one
// written from it (figures/graph_text.h); typing another expression leaves it.
struct ExpressionSource {
    ExpressionSource() = default;
    explicit ExpressionSource(bp::ExpressionDocument d) : doc(std::move(d)) {}
    bp::ExpressionDocument doc;
    std::shared_ptr<const bp::ExpressionGraph> graph;  // null: the graph is parsed from doc.expression
    std::string graph_text;                            // the text `graph` stands for
    std::string origin;                                // "neuron a²₁ of Mazur's 2-2-2 example, sample 1"
};

// What undo/redo of an expression restores: the document (its text and values) and its version.
struct ExpressionSnapshot {
    bp::ExpressionDocument doc;
    std::string label;             // "x = 0.7", "expression x*x + exp(x)"
    std::uint64_t revision = 0;    // AppState::revision of that moment
};

// The quiz on the graph (graph_quiz.h): stepping stops before each value and adjoint until the student
// has written it (or asked for it to be revealed); the digit rule marks it, and a wrong number that a
// classic graph mistake explains is told in one sentence naming it.
struct GraphQuizState {
    bool on = false;
    int cleared = 0;               // events [0, cleared) were answered or revealed
    int right = 0, asked = 0;      // this document's totals
    std::string feedback;          // the verdict on the last answer (the diagnosis's sentence when one fits)
    bool feedback_right = false;
    std::vector<int> mistake_path; // a missing path's nodes, highlighted on the canvas (empty: none)
};

struct ExpressionState {
    ExpressionState(bp::ExpressionDocument d, bp::GraphStepper st) : doc(std::move(d)), stepper(std::move(st)) {}
    bp::ExpressionDocument doc;
    bp::GraphStepper stepper;      // always on doc: an edit whose pass fails is refused
    int selected = -1;             // the node chosen on the canvas, −1 none
    int paths_from = -1;           // the variable whose paths the Paths tab lists (its node id)
    // The Paths tab's path whose route stays drawn (its nodes and slots, graph_paths.h); empty: none.
    std::vector<int> pinned_nodes, pinned_slots;
    std::uint64_t pass_revision = 0;  // a new value at every rebuild (panels' caches)
    std::vector<ExpressionSnapshot> undo, redo;
    GraphQuizState quiz;
    std::string origin;            // where a graph of a network came from ("neuron a²₁ of …"); "" for a file
    std::shared_ptr<const bp::ExpressionGraph> network_graph;  // ExpressionSource::graph, kept for undo
    std::string network_graph_text;
};

// The state of a document: parses the expression and runs the pass. Throws bp::Error (an
// ExpressionError with the caret lines, a DomainError naming the node) when it cannot be shown.
ExpressionState make_expression_state(ExpressionSource source);

// Rebuilds the graph and the pass on `doc` (keeping the cursor when the graph has the same events,
// else at the start); the selection and path choice are kept where they still exist. Throws as
// make_expression_state, leaving `e` unchanged.
void rebuild_expression(ExpressionState& e, bp::ExpressionDocument doc);

// The variable whose paths are listed: the chosen one, else the first of the graph (−1: none).
int paths_variable(const ExpressionState& e);

}  // namespace studio
