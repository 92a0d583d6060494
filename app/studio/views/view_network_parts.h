// The network canvas's pieces, one file per job (view_network.cpp places them): the edges, the nodes and
// the interaction (view_network.cpp), the words — every number and name, placed where it covers nothing
// (view_network_words.cpp), the toggles above and the legend below (view_network_legend.cpp), the markers
// of saturated neurons and dead ReLUs (view_network_marks.cpp), the values travelling along the edges
// while playing (view_network_motion.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/studio/figures/label_place.h"
#include "app/studio/figures/neuron_marks.h"
#include "app/studio/views/ui.h"

namespace studio::canvas_view {

using Kind = bp::ValueRef::Kind;

inline ImVec2 iv(Vec2 p) { return ImVec2(p.x, p.y); }

// What a neuron shows (z, a or δ), or false while the pass has not computed it (an input: always x).
bool neuron_value(const AppState& s, NeuronValue which, int l, int j, double& v);
// What an edge shows: the weight (its new value once its update is done) or its gradient (once computed).
bool edge_value(const AppState& s, const Selection& e, double& v);

struct Scales {
    double neuron = 1, edge = 1, input = 1;  // max |value| of what the neurons show, of the edges, of the inputs
};

struct Marks {  // what to emphasise this frame: what the step on screen (or a quiz question) writes and reads
    std::vector<bp::ValueRef> writes, reads;
    bool has(const std::vector<bp::ValueRef>& v, Kind a, Kind b, int l, int j, int k = -1) const {
        for (const bp::ValueRef& r : v)
            if ((r.kind == a || r.kind == b) && r.l == l && r.j == j && (k < 0 || r.k == k)) return true;
        return false;
    }
};

struct Canvas {
    const AppState& s;
    const Ui& ui;
    const NetworkLayout& lay;
    ImDrawList* dl;
    Scales sc;
    Marks marks;
    ImVec2 clip_min, clip_max;  // the canvas's drawing area
    std::optional<Box> reserved;  // taken before any word: the quiz's answer field
    const std::vector<NeuronMark>* vanishing = nullptr;  // the neurons whose gradient vanishes (marked)
};

// view_network_words.cpp: every number and name on the canvas, placed and drawn (reported as canvas.*).
void draw_words(const Canvas& c);
// view_network_marks.cpp: where a neuron's marker sits (just outside its circle, upper right), the markers
// with their one-line tooltips, and the tooltip's line for a hovered neuron.
Rect mark_box(const Canvas& c, const NeuronMark& m);
void draw_marks(const Canvas& c);
const NeuronMark* mark_of(const std::vector<NeuronMark>& marks, int l, int j);
// view_network_motion.cpp: while playing, the next step's values travelling to what it writes.
void draw_motion(const Canvas& c);
// view_network_legend.cpp: the toggles above the canvas; the legend below it (its height first, for a width).
void draw_toggles(const AppState& s, const Ui& ui, ActionQueue& q);
float legend_height(const AppState& s, const Ui& ui, const Scales& sc, float width);
void draw_legend(const AppState& s, const Ui& ui, const Scales& sc, ImVec2 at, float width);

}  // namespace studio::canvas_view
