// The whole state of Backprop Studio in plain C++ (no ImGui, no GL): the document, the pass being
// stepped, the selection, view settings, undo/redo and the loss history. Views read it and push actions
// (actions.h); only apply() changes it, so the tests drive everything but the pixels.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/studio/state/expression_state.h"
#include "app/studio/state/files_state.h"
#include "app/studio/state/lab_state.h"
#include "app/studio/state/lesson_state.h"
#include "app/studio/state/loss_history.h"
#include "app/studio/state/quiz_state.h"
#include "app/studio/state/selection.h"
#include "app/studio/state/text_scale.h"
#include "engine/core/document.h"
#include "engine/core/optimizer.h"
#include "engine/teaching/stepper.h"

namespace studio {

// What a neuron's fill shows: z, a or δ as the user picked, or (follow_pass, the default) a in the forward
// pass and δ from the backward pass on (figures/pass_view.h).
enum class NeuronValue { z, a, delta, follow_pass };
enum class EdgeValue { weight, gradient };  // what an edge's width shows: w or ∂L/∂w

// View options, persisted in the settings file (settings.h). Defaults inline.
struct Settings {
    NeuronValue neuron_value = NeuronValue::follow_pass;
    EdgeValue edge_value = EdgeValue::weight;
    bp::Granularity granularity = bp::Granularity::neuron;
    double play_speed = 3.0;      // steps per second in play mode
    bool loss_log_scale = false;
    bool light_theme = false;     // the presentation mode is always light
    float ui_scale = 1.0f;        // on top of the monitor's content scale
    float side_width = 0.31f;     // inspector, fraction of the window width
    float lab_side_width = 0.44f; // the side panel while the Lab tab is shown (room for controls beside the plot)
    float bottom_height = 0.29f;  // formula + loss curve, fraction of the window height
    float formula_width = 0.52f;  // formula, fraction of the bottom row
    bp::InitScheme init_scheme = bp::InitScheme::xavier;  // for re-initialise and new layers
    std::uint64_t init_seed = 1;
    int train_chunk = 100;        // steps per press of "Train"
    int window_w = 1280, window_h = 800;  // the window's last size
    bool neuron_maps = true;      // 2 inputs: each neuron shows its activation over the input square (Lab)
    bool show_side = true;        // the side panel (Inspector, Paths, Lab, Quiz); off: the canvas is wider
    bool show_loss = true;        // the loss curve; off: the formula takes the whole bottom row
    bool desktop_dialogs = true;  // Open… / Save As… use the desktop's dialogs when it has them (native_dialog.h)
    bool motion = true;           // while playing, values travel along the edges they are computed from
    bp::Notation notation = bp::Notation::per_neuron;  // View ▸ Notation: the course notes' symbols (notation.h)
    bool operator==(const Settings&) const = default;
};

// What undo/redo restores.
struct Snapshot {
    bp::Document doc;
    Selection selection;
    int sample = 0;
    std::string label;  // "edit w²₁₁", "add layer", ... for the Edit menu and the status line
    std::uint64_t revision = 0;  // the document's version (AppState::revision)
    // An entry naming a parameter ("set w²₁₂ = 0.7"): the label with "$p" for its name, and the parameter,
    // so that the label is written again in another notation (relabel_undo in handlers/document.h).
    std::string pattern;
    Selection named;
};

// A chain-rule path whose route stays drawn on the canvas after the pointer leaves its row in the Paths
// tab (click the row; click again to let go). It belongs to one parameter: another selection lets it go.
struct PathPin {
    Selection parameter;
    int row = -1;  // the row of the Paths tab (paths_panel.h); -1 = none
    bool operator==(const PathPin&) const = default;
};

struct AppState {
    // ---- the document ----
    bp::Document doc;
    std::string file_path;  // where doc came from; empty for the built-in example
    std::string title;      // "Mazur's 2-2-2 example" or the file name
    // Unsaved changes: the document's version differs from the version on disk. Every change of doc takes
    // a new, never reused version (mark_changed); undo and redo bring back a snapshot's version, so undoing
    // back to the saved state clears the *.
    std::uint64_t revision = 0;
    std::uint64_t saved_revision = 0;
    // A new, never reused value whenever the training or test data change (the Lab's caches and runs
    // follow it instead of comparing a million samples every frame).
    std::uint64_t data_revision = 0;

    // ---- an expression document (expression_state.h), shown instead of the network while set ----
    // Its file, title and version are file_path, title and revision above; doc is then the built-in
    // example, out of sight (handlers/expression.h).
    std::optional<ExpressionState> expression;

    // ---- the pass being stepped ----
    int sample = 0;                      // data row the pass uses; -1 = all of data as one batch
    std::optional<bp::Stepper> stepper;  // always set after make_state
    std::vector<std::vector<int>> weight_update_event;  // [l][j·n_(l−1)+k] index of w's update event
    std::vector<std::vector<int>> bias_update_event;    // [l][j] index of b's update event (−1: none)
    long steps_done = 0;                 // updates applied since load
    std::uint64_t pass_revision = 0;     // a new, never reused value at every rebuild_pass (keys panel caches)
    bool playing = false;
    double play_clock = 0;               // seconds of play not yet turned into steps

    // ---- what the user looks at ----
    Selection selection;
    Selection hover;                     // under the pointer (set by the views, one frame late)
    std::vector<bp::ValueRef> highlight; // extra emphasis asked by a panel (e.g. a chain-rule path)
    PathPin path_pin;                    // the Paths tab's pinned route
    FilesState files;                    // open/save, recent files, autosave (files.h)
    Settings settings;
    bool present = false;                // presentation mode: light theme, large fonts, banner
    bool keyboard_mode = false;          // Tab: ImGui's keyboard navigation drives the controls, the stepping keys rest
    bool blank = false;                  // B or . (a clicker's "black screen"): the canvas shows nothing
    std::string side_tab;                // side-panel tab to bring forward once ("inspector", "paths", "lab", "quiz")

    // ---- quiz mode and the homework table (quiz.h) ----
    QuizState quiz;

    // ---- the Training lab (lab_state.h, lab.h) ----
    LabState lab;

    // ---- the lesson panel (lesson_state.h, lesson.h) ----
    LessonState lesson;

    // ---- history ----
    std::vector<Snapshot> undo, redo;
    bool gesture_open = false;           // a drag is under way: its edits make one undo entry
    bool gesture_saved = false;          // that entry is already on the stack
    LossHistory history;                 // the loss curve (bounded: loss_history.h)

    // ---- training with the file's optimiser (Train button, --train-steps) ----
    std::shared_ptr<bp::Trainer> trainer;  // rebuilt when the document changes
    const bp::Dataset* trainer_data = nullptr;

    // ---- messages ----
    std::string status;  // one line: the last hint or error
    bool status_is_error = false;
};

// A fresh state on a document (data added when the file has none: one sample of 0.5 inputs).
// Throws bp::Error when the network or its data are not usable.
AppState make_state(bp::Document doc, std::string path, std::string title);

// ---- the document's version ----
bool is_modified(const AppState& s);  // unsaved changes: the title shows *, replacing the document asks
void mark_changed(AppState& s);       // doc changed: a new version
void mark_saved(AppState& s);         // doc is what the file (or the untouched example) holds
void mark_data_changed(AppState& s);  // doc's data or test set changed: a new data_revision
bool same_data(const bp::Document& a, const bp::Document& b);  // the same training and test samples

// ---- queries the views use ----
const bp::Dataset& training_data(const AppState& s);  // doc.data (always present after make_state)
int sample_count(const AppState& s);
bool has_test(const AppState& s);  // the document has a non-empty test set
// The status line: a sentence about what just happened (an error in the error colour).
void set_status(AppState& s, std::string text, bool error = false);
// The row of the pass batch whose numbers are shown (0 for a single-sample pass).
int shown_row(const AppState& s);
// The symbols of the document's network in the chosen notation (View ▸ Notation).
inline bp::Symbols symbols(const AppState& s) { return bp::Symbols(s.settings.notation, s.doc.net); }
// Whether the current pass has already computed this value (inputs, targets, parameters always are).
bool known(const AppState& s, const bp::ValueRef& r);
// A parameter as the pass shows it: the new value once its update event is done, else the current one.
double weight_shown(const AppState& s, int l, int j, int k);
double bias_shown(const AppState& s, int l, int j);
bool weight_updated(const AppState& s, int l, int j, int k);
bool bias_updated(const AppState& s, int l, int j);
bool valid(const bp::Network& net, const Selection& sel);
// Whether biases of layer l train (the layer has a bias and biases are not frozen).
bool bias_trains(const AppState& s, int l);

// ---- the pass (used by apply and by tests) ----
bp::Matrix pass_inputs(const AppState& s);   // (N, n_0)
bp::Matrix pass_targets(const AppState& s);  // (N, n_L)
// Rebuilds the stepper on the current document; keeps the cursor when asked and the event list
// has the same length, else starts at 0.
void rebuild_pass(AppState& s, bool keep_cursor);

}  // namespace studio
