// The Lab tab's pieces, one file per sub-panel (view_lab.cpp places them): the presets, training and
// optimiser rows with the divergence box, the loss readout and the speed and stop settings
// (view_lab_training.cpp); the data plot (view_lab_plot.cpp); the data generator and the table of
// samples (view_lab_data.cpp); and the small widgets they share (view_lab_parts.cpp).
#pragma once
#include <string>

#include "app/studio/views/ui.h"

namespace studio::lab_view {

// Sizes of the Lab's layout, in pixels at scale 1 (× ui.scale).
namespace metric {
inline constexpr float group_gap = 12;      // between groups of controls on one row
inline constexpr float box_inset = 8;       // the divergence box's inner margin
inline constexpr float box_rounding = 6;
inline constexpr float plot_axis = 30;      // room left of the plot for the y axis's numbers
inline constexpr float plot_margin = 4;     // around the plot's labels
inline constexpr float plot_min = 160, plot_max = 560;  // the plot's side
inline constexpr float point_pick = 9;      // how near a press must be to pick a point
inline constexpr float point_small = 2.5f, point_medium = 3.5f, point_large = 4.5f;  // radii: many, some, few points
inline constexpr float around_plot = 36;    // axis labels and the legend, below and beside the plot
inline constexpr float column_gap = 8;      // between the controls' column and the plot
inline constexpr float legend_gap = 8;      // between the legend's entries
inline constexpr float nudge = 2;           // a label's distance from the line it names
inline constexpr float label_gap = 4;       // a tick label's distance from its axis
inline constexpr float curve_width = 2.5f;  // the fitted curve
inline constexpr float ring_width = 2;      // a picked point's or class swatch's ring
inline constexpr float rim_width = 1;       // a point's rim
inline constexpr float halo_width = 3.6f;   // the halo under a picked point's ring
inline constexpr float border_width = 1.5f; // the divergence box's border
}  // namespace metric

void push(ActionQueue& q, lab::Op op);
// A button that may be disabled (drawn faded, never pressed), with a one-sentence tooltip.
bool button(const char* label, const char* help, bool enabled = true);
// A button in the accent colour (the one action the user most likely wants next).
bool accent_button(const char* label, const Ui& ui, const char* help);
const char* optimizer_name(bp::OptimizerKind k);
std::string output_name(const bp::Network& net, int k);  // "a²₁"

// A data point's circles, in pixels: a training point is a disc with a rim, a test point a ring over a
// halo. view_lab_plot.cpp draws them; ui_sprites.cpp rasterises each shape once per UI scale (one place,
// so the two never disagree). size: one of kPointSizes; hot: under the pointer, half as large again.
struct PointCircles {
    float radius;       // the disc's, and the test ring's centre line
    float rim_width;    // the training point's rim, on the disc's edge
    float halo_radius;  // the dark halo under the test ring
    float halo_width;
    float ring_width;
};
inline constexpr float kPointSizes[] = {metric::point_small, metric::point_medium, metric::point_large};  // many, some, few points
PointCircles point_circles(float size, float scale, bool hot);

// view_lab_training.cpp
void presets_combo(const AppState& s, const Ui& ui, ActionQueue& q);
void training_row(const AppState& s, const Ui& ui, ActionQueue& q);
void optimizer_row(const AppState& s, const Ui& ui, ActionQueue& q);
void divergence_box(const AppState& s, const Ui& ui, ActionQueue& q);
void numbers(const AppState& s, const Ui& ui);
void speed_and_stops(const AppState& s, ActionQueue& q);
// view_lab_plot.cpp: the data plot, at most max_h tall; returns where it was drawn
Box data_plot(const AppState& s, const Ui& ui, ActionQueue& q, float max_h);
// view_lab_data.cpp
void generator(const AppState& s, const Ui& ui, ActionQueue& q);
void table(const AppState& s, const Ui& ui, ActionQueue& q);

}  // namespace studio::lab_view
