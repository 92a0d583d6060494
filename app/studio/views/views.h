// The panels of the window, one file each (view_*.cpp). A view reads the state, draws with ImGui and
// pushes actions; it never changes the state itself. ui_frame.cpp places them.
#pragma once
#include <optional>
#include <string>

#include "app/studio/views/ui.h"

namespace studio {

// view_menu_bar.cpp: the menu bar (inside the main window); view_dialogs.cpp: the file browser, the
// unsaved-changes question, file errors, the restore offer and About (at the root, after the main
// window); view_help.cpp: the keys and the notation over the window (F1).
void draw_menu_bar(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info);
void draw_dialogs(const AppState& s, const Ui& ui, ActionQueue& q);
void draw_help_overlay(const Ui& ui, bp::Notation chosen);
void draw_toolbar(const AppState& s, const Ui& ui, ActionQueue& q);       // view_toolbar.cpp
void draw_banner(const AppState& s, const Ui& ui);                        // view_banner.cpp
void draw_network(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info);  // view_network.cpp
void draw_graph_canvas(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info);  // view_graph.cpp: an expression's graph
Box loss_node_box(const AppState& s, const Ui& ui, const NetworkLayout& lay);  // the loss node "L" on the canvas
std::string loss_value_text(const AppState& s);  // its number: L once the pass has computed it, else "?"
// The least height of a canvas panel `width` wide: its toggles, its legend and room for the network.
float canvas_min_height(const AppState& s, const Ui& ui, float width);
void draw_inspector(const AppState& s, const Ui& ui, ActionQueue& q);     // view_inspector.cpp
void draw_matrices(const AppState& s, const Ui& ui, ActionQueue& q);      // view_matrices.cpp
void draw_architecture(const AppState& s, const Ui& ui, ActionQueue& q);  // view_architecture.cpp
void draw_formula(const AppState& s, const Ui& ui, ActionQueue& q);       // view_formula.cpp
// The formula panel's height for this width: what its content measured when last drawn (at most `room`,
// the height left beside the canvas; a formula taller than that is drawn in the body font).
float formula_panel_height(const AppState& s, const Ui& ui, float width, float room);
void draw_loss_curve(const AppState& s, const Ui& ui, ActionQueue& q);    // view_loss.cpp
void draw_paths(const AppState& s, const Ui& ui, ActionQueue& q);         // view_paths.cpp: the Paths tab
void draw_lab(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info);  // view_lab.cpp: the Lab tab
// view_lab.cpp: one entry per preset with its one-line description (for a combo or a Presets menu)
void presets_menu_items(const AppState& s, const Ui& ui, ActionQueue& q);
// view_presets.cpp: the expression presets (assets/expressions), for the Presets menu
void expression_presets_menu_items(const AppState& s, const Ui& ui, ActionQueue& q);
// view_neuron_maps.cpp: each neuron's activation over the input square, drawn in the neuron (Lab open)
void draw_neuron_maps(const AppState& s, const Ui& ui, const NetworkLayout& lay, ImDrawList* dl);
bool neuron_maps_shown(const AppState& s, const NetworkLayout& lay);  // the maps are drawn in the neurons
// view_quiz.cpp: the Quiz tab, the toolbar switch, the question in the formula panel (returns false when
// no question is waiting) and the answer field and diagnosis mark on the network canvas.
void draw_quiz_tab(const AppState& s, const Ui& ui, ActionQueue& q);
void draw_quiz_switch(const AppState& s, const Ui& ui, ActionQueue& q, bool brief);  // brief: "Quiz", not "Quiz mode"
float quiz_switch_width(const Ui& ui, bool brief);  // the switch's width with its spacing, for the toolbar's layout
bool draw_quiz_question(const AppState& s, const Ui& ui, ActionQueue& q);
bool quiz_field_on_canvas(const AppState& s);
// Where the canvas's answer field goes (beside the node asked about, inside the canvas), or none.
std::optional<Box> quiz_field_box(const AppState& s, const Ui& ui, const NetworkLayout& lay, ImVec2 clip_min, ImVec2 clip_max);
// view_lesson.cpp: the lesson panel (a column left of the canvas while a lesson is open: its width, 0 when
// none is) and the Lessons window (Help ▸ Lessons, File ▸ Open lesson…).
float lesson_panel_width(const AppState& s, const Ui& ui, float avail_w);
// A lesson is open in a window too narrow (at this text size) for the lesson, the canvas and the side panel
// side by side, and the side panel shows the Inspector: it then gives its room to the canvas.
bool lesson_crowds_side_panel(const AppState& s, const Ui& ui);
// Presenting: the lesson as a caption strip across the bottom (its height, 0 when not presenting a lesson).
float lesson_strip_height(const AppState& s, const Ui& ui, float avail_h);
void draw_lesson_panel(const AppState& s, const Ui& ui, ActionQueue& q);  // the column, or presenting the strip
void draw_lessons_window(const AppState& s, const Ui& ui, ActionQueue& q);
void draw_quiz_canvas(const AppState& s, const Ui& ui, ActionQueue& q, const NetworkLayout& lay, const std::optional<Box>& field);

}  // namespace studio
