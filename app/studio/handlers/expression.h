// The window's side of expression documents (issue 20), window-free: the one entry point that opens an
// expression (open_expression: every way in — File ▸ Open, File ▸ New expression, the Presets menu, a
// dropped file, the command line, an autosave restored, a network's neuron shown as a graph — ends
// there), loading a file of either kind, saving the open document whichever kind it is, and the
// expression's own commands (a variable's value, the expression's text, stepping, the Paths tab, the
// quiz), with undo. The unsaved-changes question and the files' paths stay in files.h; the network's
// edits stay in document.h.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "app/studio/state/studio_state.h"
#include "engine/core/document.h"
#include "engine/graph/expression_document.h"

namespace studio {


// A new expression's document (File ▸ New expression): the notes' first example, untitled.
bp::ExpressionDocument new_expression_document();

// Replaces the open document (network or expression) with `doc`, without asking: callers ask about
// unsaved work first (files_cmd::OpenExpression does). The state is fresh, as after replace_document
// (settings, files, quiz choices kept), not modified. Returns "" or why the expression cannot be shown
// (the parser's message with its caret lines, a domain error naming the node); then nothing changed.
std::string open_expression(AppState& s, ExpressionSource source, const std::string& path, const std::string& title);
inline std::string open_expression(AppState& s, bp::ExpressionDocument doc, const std::string& path, const std::string& title) {
    return open_expression(s, ExpressionSource(std::move(doc)), path, title);
}

// A neuron of the open network (Selection::neuron, l ≥ 1) — or its whole layer — as a computation graph
// of the sample the pass shows (network_graph.h): the weights, bias and the previous layer's activations
// as variables, z and a labelled as on the network. Its title says where it came from. Throws bp::Error
// (no such neuron, a graph too large).
struct NetworkGraphOpening {
    ExpressionSource source;
    std::string title;  // "Neuron a²₁ as a graph"
};
NetworkGraphOpening network_graph_of(const AppState& s, Selection neuron, bool whole_layer);

// A document file of either kind: a network, or an expression ("kind": "expression"). Throws bp::Error
// "PATH: reason".
using AnyDocument = std::variant<bp::Document, bp::ExpressionDocument>;
AnyDocument load_any_document(const std::string& path);
// replace_document or open_expression, by kind.
std::string open_any_document(AppState& s, AnyDocument doc, const std::string& path, const std::string& title);
// Takes the key out of the document's unknown keys (the autosave's note), whichever kind it is.
void erase_extra_key(AnyDocument& doc, const std::string& key);

// The open document as its file holds it, and saving it (atomic; throws bp::Error). `note`, when given,
// is added under `note_key` (the autosave's where-and-when).
std::string open_document_text(const AppState& s);
void save_open_document(const AppState& s, const std::string& path, const std::string& note_key = "",
                        const std::string& note_json = "");

// ---- the expression's commands (act::Expression) ----
namespace expr_cmd {
struct SetVariable { std::string name; double value = 0; };  // undoable; a drag is one entry (gestures)
struct SetText { std::string text; };                        // the expression itself (undoable); new variables start at 0.5
struct SelectNode { int node = -1; };                        // −1: none; a variable also becomes the Paths tab's
struct ShowPathsOf { int variable = -1; };                   // the Paths tab lists this variable's paths
struct PinPath { std::vector<int> nodes, slots; };           // the route that stays drawn (empty: none)
struct SetQuiz { bool on = true; };
struct Answer { std::string text; };                         // the quiz's answer to the question asked
struct Reveal {};                                            // show the answer and go on
}  // namespace expr_cmd

using ExpressionCommand = std::variant<expr_cmd::SetVariable, expr_cmd::SetText, expr_cmd::SelectNode, expr_cmd::ShowPathsOf,
                                       expr_cmd::PinPath, expr_cmd::SetQuiz, expr_cmd::Answer, expr_cmd::Reveal>;

// Carries out a command on the open expression (nothing when none is open). Never throws.
void apply_expression(AppState& s, const ExpressionCommand& c);

// ---- stepping and undo, as for networks (act::StepForward, …: actions.cpp routes them here) ----
void expression_step_forward(AppState& s, int count);
void expression_step_back(AppState& s, int count);
void expression_run_phase(AppState& s);
void expression_run_pass(AppState& s);
void expression_restart(AppState& s);
void expression_seek(AppState& s, int cursor);
void expression_tick(AppState& s, double seconds);  // play mode: settings.play_speed steps a second
std::string expression_undo(AppState& s);  // the entry's label, "" when there was none
std::string expression_redo(AppState& s);

// ---- the quiz on the graph ----
// The question asked (an index into graph_questions()), or −1 when the quiz is off or every one is done.
int expression_quiz_question(const AppState& s);

}  // namespace studio
