// What the views remember from one frame to the next that is ImGui's business, not the document's: which
// point of the Lab's plot is being dragged, which quiz question had the keyboard focus, the Paths tab's
// model (rebuilt only when the pass, the selection or the sample change) and the row under the pointer,
// whether the help overlay or About is open. One place, owned with the fonts (Ui::memory), so nothing
// hides in a static and a test can start from a clean slate.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/studio/figures/homework_table.h"
#include "app/studio/figures/layout.h"
#include "app/studio/figures/neuron_marks.h"
#include "app/studio/figures/paths_panel.h"
#include "engine/graph/graph_paths.h"
#include "app/studio/state/lab_data.h"
#include "app/studio/state/resources.h"

namespace studio {

// The formula panel's height as measured when it was last drawn (view_formula.cpp): the frame sizes the
// panel from it, so the formula is shown whole without scrolling. A formula too tall for the room beside
// the canvas is drawn more compactly, one level at a time, each level's height measured when first drawn.
inline constexpr int kFormulaLevels = 3;  // 0: as on the board; 1: without the "Next:" line; 2: also in the body font
struct FormulaMeasure {
    std::uint64_t key = 0;           // what was measured: the pass, the step, the quiz's state, the width, the scale
    float height[kFormulaLevels]{};  // the content's height at each level (0: not measured yet)
    int level = 0;                   // the level drawn this frame
    float row = 0;                   // the tallest content of this pass at this width and scale
    std::uint64_t row_revision = 0;
    float row_width = 0, row_scale = 0;
};

struct ViewMemory {
    std::vector<Box> panels;  // the panels drawn this frame, in screen pixels: the background goes around them (ui_backdrop.h)
    // the Lab's data plot: a press on a point starts a drag; on empty ground, a click adds one
    PointRef lab_dragging;
    bool lab_adding = false;
    // the quiz's answer field takes the focus once per new question
    std::uint64_t quiz_asked_revision = 0;
    int quiz_asked_event = -1;
    long quiz_seen_checked = -1;
    // the quiz's text fields: the one being edited, the answer's text, the homework table's (view_quiz.cpp)
    unsigned quiz_editing = 0;  // ImGuiID
    char quiz_answer[96] = {};
    HomeworkTableCache homework;
    char homework_values[64][48] = {};
    // the Matrices tab: the layer the selection was in when last drawn
    int matrices_layer = -1;
    // the Paths tab
    PathPanelCache paths;
    int paths_hot_row = -1;
    // an expression's Paths tab (view_graph_panels.cpp): its listing for one pass, and the row under the pointer
    std::optional<bp::GraphPathListing> graph_paths;
    std::uint64_t graph_paths_revision = 0;
    int graph_paths_from = -1;
    std::vector<int> graph_hot_nodes, graph_hot_slots;  // its route, drawn on the canvas
    bool graph_answer_focus = false;  // the graph quiz's answer field takes the keys next frame
    int graph_scrolled_to = -1;       // the step whose node the graph canvas last scrolled into view
    char expression_text[4 * bp::kMaxExpressionLength + 1] = {};  // the Expression tab's field (UTF-8: up to 4 bytes a character)
    // the presets on disk (read once: the files ship with the app)
    std::optional<std::vector<PresetInfo>> presets;
    std::optional<std::vector<PresetInfo>> expression_presets;  // assets/expressions
    // overlays the menus open
    bool help_open = false;
    bool about_open = false;
    // the frame's layout: the side-panel tab last shown, whether the side panel yielded its room
    std::string side_tab_shown = "inspector";
    bool side_yielded = false;
    FormulaMeasure formula;
    NeuronMarksCache marks;      // the canvas's saturated and dead-ReLU markers
    float canvas_toggles_h = 0;  // the rows of toggles above the canvas, as last drawn
    double copied_at = -10;  // ImGui time of the formula's last Copy (a short "copied" follows)
    // the canvas's "type value" popup (double-click an edge): the value typed
    double typed_value = 0;
    // the toolbar's η field: the value typed so far (set when the field is left or Enter is pressed)
    double lr_typed = 0;
    // the lesson panel: the value questions' fields of the page shown (reset when another page shows)
    std::vector<std::array<char, 64>> lesson_answers;
    std::string lesson_page_shown;  // the lesson's title and the page's number the fields belong to
    char lesson_file[512] = {};     // the Lessons window's "open a lesson file" field
    bool lesson_file_focus = false; // File ▸ Open lesson…: the field takes the keyboard focus once
    float lesson_footer_h = 0;      // the panel's footer (progress, Back / Next, …) as last drawn
    // keyboard mode: whether, at the end of the last frame, Esc was ImGui's to back out of something
    bool escape_is_imgui = false;
};

}  // namespace studio
