// The window's layout sizes in pixels at scale 1 (× ui.scale through px(ui, m)): the frame and its
// panels, the toolbar and the phase strip, the network canvas. The Lab has its own (view_lab_parts.h).
#pragma once

namespace studio::ui_metric {

// ---- the frame (ui_frame.cpp) ----
inline constexpr float window_pad = 8;        // around the whole window's content
inline constexpr float panel_pad_x = 10, panel_pad_y = 8;  // inside each panel
inline constexpr float item_gap_x = 8, item_gap_y = 6;     // between items inside a panel
inline constexpr float splitter = 6;          // the bars between panels
inline constexpr float splitter_grip = 28;    // half the length of a hovered splitter's mark
inline constexpr float splitter_mark = 3;     // its thickness
inline constexpr float status_gap = 20;       // between the status and the key hint
inline constexpr float canvas_min_em = 6;     // the network keeps at least this many ems of height
inline constexpr float loss_min_w = 220;      // narrower than this the loss curve yields its room

// ---- the toolbar and the phase strip (view_toolbar.cpp) ----
inline constexpr float group_gap = 16;        // between groups of tools
inline constexpr float field_gap = 14;        // before a labelled field
inline constexpr float speed_w = 110;         // the play speed slider
inline constexpr float granularity_w = 96;
inline constexpr float sample_w = 118;
inline constexpr float lr_w = 76;
inline constexpr float phase_gap = 14;        // between the phase segments (an arrow in each gap)
inline constexpr float phase_label_pad = 10;  // a phase's label keeps this far from its segment's ends
inline constexpr float counter_gap = 12;      // before the step counter
inline constexpr float progress_h = 2;        // the progress bar inside the lit phase
inline constexpr float progress_inset = 4;

// ---- the network canvas (view_network.cpp) ----
inline constexpr float canvas_margin = 8;
inline constexpr float max_radius = 44;       // a neuron's largest radius
inline constexpr float label_pad = 3;         // inside a value's box on the canvas
inline constexpr float label_gap = 4;         // between a neuron and its number beside it
inline constexpr float toggle_gap = 18;       // between "Neurons show" and "Edges show"
inline constexpr float legend_bar_w = 160, legend_bar_h = 10;
inline constexpr float legend_gap = 20;       // between the legend's entries
inline constexpr float legend_swatch = 6;     // a legend circle's radius
inline constexpr float roomy_radius = 30;     // a neuron this large writes its symbol above its number
inline constexpr float inside_radius = 13;    // smaller than this, a neuron's number goes beside it
inline constexpr float targets_radius = 10;   // neurons this large leave room for the targets beside them
inline constexpr float weights_radius = 24;   // neurons this large leave room for the weights on the edges
inline constexpr float symbol_gap = 1;        // between a neuron's symbol and its number
inline constexpr float toggle_pair_gap = 2;   // between the z a δ buttons and "auto"
inline constexpr float legend_ring_thin = 1.5f, legend_ring = 3;  // the legend's circles
inline constexpr float marker_r = 8;          // a neuron's saturation or dead-ReLU mark
inline constexpr float marker_rim = 1;
inline constexpr float quiz_gap = 8;          // between the quiz's answer field and the node it asks about
inline constexpr float quiz_pad_x = 6, quiz_pad_y = 4;  // inside the field's frame
inline constexpr float quiz_rounding = 6, quiz_border = 2;
inline constexpr float motion_dot = 4;        // a value travelling along an edge while playing (at least)

// ---- the lesson panel (view_lesson.cpp) ----
inline constexpr float lesson_share = 0.27f;  // of the window's width
inline constexpr float lesson_min_em = 19;    // the panel keeps at least this many ems (a readable line)
inline constexpr float lesson_max_share = 0.4f;
inline constexpr float lesson_three_columns_em = 62;  // narrower, the Inspector yields to the canvas
inline constexpr float lesson_strip_share = 0.28f;    // presenting: the caption strip, of the window's height
inline constexpr float lesson_strip_min_em = 7;
inline constexpr float lesson_strip_text_share = 0.58f;  // the caption's text, of the strip's width
inline constexpr float lesson_paragraph_gap = 6;
inline constexpr float lesson_bullet_indent = 16;
inline constexpr float lesson_code_pad = 2;   // the code span's background around its text
inline constexpr float lesson_answer_w = 110; // a value question's field

}  // namespace studio::ui_metric
