// What the expression's views share (view_graph.cpp, view_graph_panels.cpp): the graph canvas's sizes in
// pixels at scale 1, and the words of a node as the canvas and the panels write them.
#pragma once
#include <string>
#include <vector>

#include "app/studio/views/ui.h"

namespace studio::graph_metric {
inline constexpr float node_radius = 30;   // the largest a node's circle gets
inline constexpr float min_node_radius = 11;  // smaller than this, the graph scrolls sideways instead
inline constexpr float canvas_pad = 14;    // around the graph inside the canvas
inline constexpr float edge_width = 1.6f;  // an edge; a highlighted route is three times as wide
inline constexpr float arrow = 7;          // an edge's arrowhead
inline constexpr float twin_bend = 0.9f;   // parallel edges (x·x) bend apart by this many radii
inline constexpr float variable_w = 150;   // a variable's slider in the Expression tab
}  // namespace studio::graph_metric

namespace studio {

// The value of node `node` as the pass knows it at the cursor: its number, or "?".
std::string graph_value_text(const ExpressionState& e, int node);
// Its adjoint ∂y/∂node once the backward pass has reached it, else "".
std::string graph_adjoint_text(const ExpressionState& e, int node);
// Whether edge (to, slot) lies on the route (nodes, slots) of a path (graph_paths.h).
bool on_route(const std::vector<int>& nodes, const std::vector<int>& slots, int to, int slot);

// view_graph_panels.cpp: the Expression tab (the text, each variable's slider and field, the chosen
// node), the Paths tab and the Quiz tab of an expression, and the quiz's question in the formula panel.
void draw_expression_tab(const AppState& s, const Ui& ui, ActionQueue& q);
void draw_graph_paths(const AppState& s, const Ui& ui, ActionQueue& q);
void draw_graph_quiz_tab(const AppState& s, const Ui& ui, ActionQueue& q);
// view_graph_strip.cpp: the toolbar's phase strip for a graph (Forward, Backward) with the step counter.
void draw_graph_phase_strip(const AppState& s, const Ui& ui, ActionQueue& q);
bool draw_graph_quiz_question(const AppState& s, const Ui& ui, ActionQueue& q);  // false: no question waits

}  // namespace studio
