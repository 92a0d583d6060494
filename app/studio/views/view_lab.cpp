// The Lab tab: presets, play / step / reset with the learning rate and optimiser at hand, the loss and
// accuracy readout, the divergence message with its rewind, the data plot (the decision field behind
// the points for two inputs, the fitted curve for one; click adds, right-click deletes, drag moves),
// then speed and stop conditions, the data generator and a table of exact values.
// [SECTION] small widgets   [SECTION] presets and training   [SECTION] divergence and numbers
// [SECTION] the data plot   [SECTION] settings, generator, table   [SECTION] entry
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/studio/handlers/lab.h"
#include "app/studio/figures/loss_curve.h"
#include "app/studio/state/resources.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

// ---- [SECTION] small widgets ----

void push(ActionQueue& q, lab::Op op) { q.push_back(act::Lab{std::move(op)}); }


bool button(const char* label, const char* help, bool enabled = true) {
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
    const bool pressed = ImGui::Button(label) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    item_tooltip(help);
    return pressed;
}

// A button in the accent colour (the one action the user most likely wants next).
bool accent_button(const char* label, const Ui& ui, const char* help) {
    const ImVec4 a = to_vec4(ui.colors.accent, 0.9f);
    ImGui::PushStyleColor(ImGuiCol_Button, a);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(ui.colors.accent, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ui.light ? ImVec4(1, 1, 1, 1) : ImVec4(0.08f, 0.08f, 0.1f, 1));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(3);
    item_tooltip(help);
    return pressed;
}

// SameLine when an item `width` pixels wide still fits on this line, else a new line.
void same_line_if_fits(float width, float spacing = -1) {
    ImGui::SameLine(0, spacing);
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

const char* optimizer_name(bp::OptimizerKind k) {
    return k == bp::OptimizerKind::sgd ? "SGD" : k == bp::OptimizerKind::momentum ? "momentum" : "Adam";
}

std::string output_name(const bp::Network& net, int k) { return "a" + bp::superscript(net.L()) + bp::subscript(k + 1); }

// ---- [SECTION] presets and training ----

void presets_combo(const AppState& s, const Ui& ui, ActionQueue& q) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Preset");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##preset", s.title.c_str(), ImGuiComboFlags_HeightLarge)) {
        item_tooltip("Open one of the course examples or a Playground-style starter (Ctrl+Z goes back)");
        return;
    }
    presets_menu_items(s, ui, q);
    ImGui::EndCombo();
}

void training_row(const AppState& s, const Ui& ui, ActionQueue& q) {
    const LabState& lab = s.lab;
    if (lab.training) {
        if (accent_button("❚❚ Pause", ui, "Pause training")) push(q, lab::SetTraining{false});
    } else if (accent_button("▶ Train", ui, "Train continuously: the plot, the neurons and the loss curve follow live")) {
        push(q, lab::SetTraining{true});
    }
    ImGui::SameLine();
    if (button("Step", "One training step: a batch forward, backward and one update")) push(q, lab::Step{});
    ImGui::SameLine();
    char help[160];
    std::snprintf(help, sizeof help, "Re-initialise every weight (%s, seed %llu) and start the loss curve again",
                  std::string(bp::to_string(s.settings.init_scheme)).c_str(),
                  static_cast<unsigned long long>(s.settings.init_seed));
    if (button("Reset", help)) push(q, lab::Reset{s.settings.init_scheme, s.settings.init_seed});
    // The learning rate, at hand: it takes effect at the next step, no reset.
    same_line_if_fits(ImGui::GetFontSize() * 6.0f, 12 * ui.scale);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("η");
    ImGui::SameLine();
    bp::TrainingConfig c = s.doc.training;
    double lr = c.learning_rate;
    const double lo = 1e-4, hi = 100.0;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4.5f, ImGui::GetContentRegionAvail().x));
    if (ImGui::SliderScalar("##lr", ImGuiDataType_Double, &lr, &lo, &hi, "%.4g", ImGuiSliderFlags_Logarithmic) && lr > 0) {
        c.learning_rate = lr;
        push(q, lab::SetConfig{c});
    }
    item_tooltip("Learning rate η: each step moves every weight by −η·∂L/∂w, so too large a value makes the loss "
                 "explode (Ctrl+click to type).");
}

// The optimiser and the batch size (they take effect at the next step), then the counters.
void optimizer_row(const AppState& s, const Ui& ui, ActionQueue& q) {
    bp::TrainingConfig c = s.doc.training;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    if (ImGui::BeginCombo("##optimizer", optimizer_name(c.optimizer))) {
        for (bp::OptimizerKind k : {bp::OptimizerKind::sgd, bp::OptimizerKind::momentum, bp::OptimizerKind::adam})
            if (ImGui::Selectable(optimizer_name(k), k == c.optimizer)) c.optimizer = k, changed = true;
        ImGui::EndCombo();
    }
    item_tooltip("How a step uses the gradient g = ∂L/∂w: SGD w ← w − η g; momentum v ← μv + g, w ← w − η v; "
                 "Adam scales each step by running averages of g and g².");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("batch");
    ImGui::SameLine();
    int batch = c.batch_size;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.2f);
    if (ImGui::DragInt("##batch", &batch, 0.2f, 0, sample_count(s), batch == 0 ? "all" : "%d", ImGuiSliderFlags_AlwaysClamp) &&
        batch != c.batch_size)
        c.batch_size = batch, changed = true;
    item_tooltip("Samples per step (0 = all of them: full-batch gradient descent)");
    if (changed) push(q, lab::SetConfig{c});
    ImGui::SameLine(0, 12 * ui.scale);
    char counter[96];
    std::snprintf(counter, sizeof counter, "epoch %.1f", epochs_done(s));
    if (ImGui::CalcTextSize(counter).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();  // too narrow: own line
    ImGui::AlignTextToFramePadding();
    dim_text(ui, counter);
    char help[160];
    std::snprintf(help, sizeof help, "%ld steps of %d samples over %d training samples (the loss curve below counts steps)",
                  s.steps_done, c.batch_size > 0 ? c.batch_size : sample_count(s), sample_count(s));
    item_tooltip(help);
}

// ---- [SECTION] divergence and numbers ----

void divergence_box(const AppState& s, const Ui& ui, ActionQueue& q) {
    const Divergence& d = *s.lab.diverged;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::Indent(8 * ui.scale);
    ImGui::Dummy(ImVec2(0, 2 * ui.scale));
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + w - 16 * ui.scale);
    ImGui::TextColored(to_vec4(ui.colors.negative), "%s", divergence_message(d).c_str());
    ImGui::PopTextWrapPos();
    const Checkpoint* c = s.lab.checkpoints.rewind_target();
    if (c) {
        const char* full = "↶ Rewind to the last good parameters";
        const bool fits = ImGui::CalcTextSize(full).x + 2 * ImGui::GetStyle().FramePadding.x < w - 16 * ui.scale;
        if (accent_button(fits ? full : "↶ Rewind", ui,
                          "Put back the parameters of that step and cut the loss curve there; then lower η and train again"))
            push(q, lab::Rewind{});
        ImGui::PushFont(ui.fonts.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + w - 16 * ui.scale);
        dim_text(ui, std::string(fits ? "those of" : "to the last good parameters:") + " step " + std::to_string(c->step) +
                         ", training loss " + bp::format_number(c->loss, 4));
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    if (button("Dismiss", "Hide this message and keep the current parameters")) push(q, lab::Dismiss{});
    ImGui::Dummy(ImVec2(0, 2 * ui.scale));
    ImGui::Unindent(8 * ui.scale);
    const ImVec2 p1(p0.x + w, ImGui::GetCursorScreenPos().y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p0, p1, to_u32(ui.colors.negative, ui.light ? 0.10f : 0.16f), 6 * ui.scale);
    dl->AddRect(p0, p1, to_u32(ui.colors.negative, 0.9f), 6 * ui.scale, 0, 1.5f * ui.scale);
    dl->ChannelsMerge();
}

std::string percent(double f) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f %%", 100.0 * f);
    return b;
}

void numbers(const AppState& s, const Ui& ui) {
    const LabStats& st = s.lab.stats;
    if (!s.lab.cache_valid) return;
    const auto value = [&](Rgb col, const std::string& text, const char* help) {
        same_line_if_fits(ImGui::CalcTextSize(text.c_str()).x);
        ImGui::TextColored(to_vec4(col), "%s", text.c_str());
        item_tooltip(help);
    };
    const auto loss = [](const char* name, double v) {
        return std::string(name) + " " + (std::isfinite(v) ? bp::format_number(v, 4) : std::string("—"));
    };
    dim_text(ui, "loss");
    value(ui.colors.train_curve, loss("train", st.train_loss),
          "Mean loss over the whole training set (the curve below shows each step's batch)");
    if (st.has_test)
        value(ui.colors.test_curve, loss("test", st.test_loss), "Mean loss over the held-out test set: the network never trains on it");
    if (st.train_acc < 0) return;
    dim_text(ui, "accuracy");
    value(ui.colors.train_curve, "train " + percent(st.train_acc), "Share of the training samples classified right");
    if (st.test_acc >= 0) value(ui.colors.test_curve, "test " + percent(st.test_acc), "Share of the test samples classified right");
}

// ---- [SECTION] the data plot ----

struct Plot {
    ImVec2 p0, p1;  // the data area in screen pixels
    PlotDomain d;
    ImVec2 at(double u, double v) const {
        return ImVec2(p0.x + static_cast<float>((u - d.x0) / (d.x1 - d.x0)) * (p1.x - p0.x),
                      p1.y - static_cast<float>((v - d.y0) / (d.y1 - d.y0)) * (p1.y - p0.y));
    }
    void data(ImVec2 p, double& u, double& v) const {
        u = d.x0 + (p.x - p0.x) / (p1.x - p0.x) * (d.x1 - d.x0);
        v = d.y0 + (p1.y - p.y) / (p1.y - p0.y) * (d.y1 - d.y0);
    }
};

void draw_axes(ImDrawList* dl, const Plot& p, const Ui& ui, const char* x_name, const char* y_name) {
    ImFont* f = ui.fonts.small;
    const ImU32 ink = to_u32(ui.colors.text_dim), grid = to_u32(ui.colors.text_dim, 0.28f);
    for (double v : nice_ticks(p.d.x0, p.d.x1, 5)) {
        const float x = p.at(v, 0).x;
        dl->AddLine(ImVec2(x, p.p0.y), ImVec2(x, p.p1.y), v == 0 ? to_u32(ui.colors.text_dim, 0.6f) : grid, 1.0f);
        const std::string t = tick_label(v);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str());
        dl->AddText(f, f->FontSize, ImVec2(x - ts.x / 2, p.p1.y + 2 * ui.scale), ink, t.c_str());
    }
    for (double v : nice_ticks(p.d.y0, p.d.y1, 5)) {
        const float y = p.at(0, v).y;
        dl->AddLine(ImVec2(p.p0.x, y), ImVec2(p.p1.x, y), v == 0 ? to_u32(ui.colors.text_dim, 0.6f) : grid, 1.0f);
        const std::string t = tick_label(v);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str());
        dl->AddText(f, f->FontSize, ImVec2(p.p0.x - ts.x - 4 * ui.scale, y - ts.y / 2), ink, t.c_str());
    }
    dl->AddRect(p.p0, p.p1, ink, 0, 0, 1.0f);
    const ImVec2 xs = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, x_name);
    dl->AddText(f, f->FontSize, ImVec2(p.p1.x - xs.x - 3 * ui.scale, p.p1.y - xs.y - 2 * ui.scale), ink, x_name);
    dl->AddText(f, f->FontSize, ImVec2(p.p0.x + 4 * ui.scale, p.p0.y + 2 * ui.scale), ink, y_name);
}

// The decision field behind the points: kFieldCells² rectangles.
void draw_field(ImDrawList* dl, const AppState& s, const Plot& p) {
    const GridField& f = s.lab.field;
    if (f.n == 0 || !(f.domain == p.d)) return;
    const bp::Network& net = s.doc.net;
    const bp::Activation out = net.layers[net.L()].activation;
    const bool classes = lab_classifies(s) && f.outputs > 1;
    const int k = std::clamp(s.lab.shown_output, 0, f.outputs - 1);
    const float cw = (p.p1.x - p.p0.x) / f.n, ch = (p.p1.y - p.p0.y) / f.n;
    for (int r = 0; r < f.n; ++r) {
        for (int i = 0; i < f.n; ++i) {
            const Rgb c = f.outputs == 1 || classes ? field_color(f, i, r, out, s.lab.target_scale)
                                                    : diverging(shade(out, f.at(i, r, k), s.lab.target_scale));
            const ImVec2 a(p.p0.x + i * cw, p.p0.y + r * ch);
            dl->AddRectFilled(a, ImVec2(a.x + cw + 0.5f, a.y + ch + 0.5f), to_u32(mix(c, diverging(0.0), 0.3f)));
        }
    }
}

void draw_curve(ImDrawList* dl, const AppState& s, const Plot& p, const Ui& ui) {
    const Curve& c = s.lab.curve;
    if (c.x.empty()) return;
    for (int k = 0; k < c.y.cols; ++k) {
        const Rgb col = c.y.cols == 1 ? ui.colors.accent : class_color(k);
        std::vector<ImVec2> run;
        const auto flush = [&] {
            if (run.size() > 1) dl->AddPolyline(run.data(), static_cast<int>(run.size()), to_u32(col), 0, 2.5f * ui.scale);
            run.clear();
        };
        for (std::size_t i = 0; i < c.x.size(); ++i) {
            const double y = c.y(static_cast<int>(i), k);
            if (!std::isfinite(y)) {  // never draw a NaN: break the line
                flush();
                continue;
            }
            run.push_back(p.at(c.x[i], std::clamp(y, p.d.y0 - (p.d.y1 - p.d.y0), p.d.y1 + (p.d.y1 - p.d.y0))));
        }
        flush();
    }
}

Rgb point_color(const AppState& s, const bp::Dataset& d, int n) {
    const bp::Network& net = s.doc.net;
    const int K = d.Y.cols;
    const bool classes = lab_classifies(s);
    if (net.input_size() == 1 && !classes) return diverging(0.8);  // the height already shows the target
    if (!classes && K > 1) {
        const int k = std::clamp(s.lab.shown_output, 0, K - 1);
        return target_color(d.Y.row(n) + k, 1, false, net.layers[net.L()].activation, s.lab.target_scale);
    }
    return target_color(d.Y.row(n), K, classes, net.layers[net.L()].activation, s.lab.target_scale);
}

void draw_points(ImDrawList* dl, const AppState& s, const Plot& p, const Ui& ui, PointRef hover) {
    const int dims = plot_dims(s);
    const int total = s.doc.data->size() + (s.doc.test ? s.doc.test->size() : 0);
    const float r = (total > 1500 ? 2.5f : total > 400 ? 3.5f : 4.5f) * ui.scale;
    const ImU32 rim = IM_COL32(25, 25, 30, 220);
    for (int t = 0; t < 2; ++t) {
        const bp::Dataset* d = t == 0 ? &*s.doc.data : (s.doc.test ? &*s.doc.test : nullptr);
        if (!d) continue;
        for (int n = 0; n < d->size(); ++n) {
            const double u = d->X(n, 0), v = dims == 2 ? d->X(n, 1) : d->Y(n, std::clamp(s.lab.shown_output, 0, d->Y.cols - 1));
            if (!std::isfinite(u) || !std::isfinite(v)) continue;
            const ImVec2 c = p.at(u, v);
            const ImU32 col = to_u32(point_color(s, *d, n));
            const bool hot = hover == PointRef{t == 1, n};
            const float rr = hot ? r * 1.5f : r;
            if (t == 0) {  // training: filled
                dl->AddCircleFilled(c, rr, col);
                dl->AddCircle(c, rr, rim, 0, 1.0f * ui.scale);
            } else {  // test: a ring
                dl->AddCircle(c, rr + 0.5f * ui.scale, rim, 0, 3.6f * ui.scale);
                dl->AddCircle(c, rr, col, 0, 2.0f * ui.scale);
            }
        }
    }
}

void point_tooltip(const AppState& s, const Ui& ui, PointRef h) {
    const bp::Dataset& d = h.test ? *s.doc.test : *s.doc.data;
    ImGui::BeginTooltip();
    ImGui::Text("%s sample %d", h.test ? "test" : "training", h.row + 1);
    std::string xs, ys;
    for (int c = 0; c < d.X.cols; ++c) xs += (c ? ", " : "") + ("x" + bp::subscript(c + 1)) + " = " + bp::format_number(d.X(h.row, c), 4);
    for (int c = 0; c < d.Y.cols; ++c) ys += (c ? ", " : "") + ("y" + bp::subscript(c + 1)) + " = " + bp::format_number(d.Y(h.row, c), 4);
    ImGui::TextUnformatted(xs.c_str());
    ImGui::TextUnformatted(ys.c_str());
    ImGui::PushFont(ui.fonts.small);
    dim_text(ui, "drag to move · right-click to delete");
    ImGui::PopFont();
    ImGui::EndTooltip();
}

// What a click at data coordinates (u, v) adds.
void add_point(const AppState& s, ActionQueue& q, double u, double v) {
    const bp::Network& net = s.doc.net;
    std::vector<double> y = brush_target(net, s.lab.brush_class, s.lab.brush_value);
    std::vector<double> x = {u};
    if (plot_dims(s) == 2) {
        x.push_back(v);
    } else {  // one input: the height is the target
        const int k = std::clamp(s.lab.shown_output, 0, net.output_size() - 1);
        y[k] = net.loss == bp::Loss::binary_cross_entropy ? std::clamp(v, 0.0, 1.0) : v;
        if (net.loss == bp::Loss::cross_entropy) y = brush_target(net, s.lab.brush_class, 0);
    }
    push(q, lab::AddPoint{false, x, y});
}

void plot_legend(const AppState& s, const Ui& ui) {
    ImGui::PushFont(ui.fonts.small);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const auto swatch = [&](Rgb c, bool ring) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 ctr(at.x + h * 0.45f, at.y + h * 0.5f);
        if (ring) dl->AddCircle(ctr, h * 0.28f, to_u32(c), 0, 2.0f * ui.scale);
        else dl->AddCircleFilled(ctr, h * 0.3f, to_u32(c));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine(0, 2 * ui.scale);
    };
    const bp::Network& net = s.doc.net;
    if (lab_classifies(s)) {
        const int classes = std::max(2, net.output_size());
        for (int k = 0; k < classes && k < 6; ++k) {
            swatch(class_color(k), false);
            dim_text(ui, "class " + std::to_string(k));
            ImGui::SameLine(0, 8 * ui.scale);
        }
    } else {
        swatch(diverging(0.8), false);
        dim_text(ui, "training");
        ImGui::SameLine(0, 8 * ui.scale);
    }
    swatch(ui.colors.text_dim, true);
    dim_text(ui, "test");
    std::string what;
    if (plot_dims(s) == 2)
        what = net.output_size() == 1 || !lab_classifies(s) ? "· colour: " + output_name(net, net.output_size() == 1 ? 0 : s.lab.shown_output)
                                                            : "· colour: the class picked";
    else
        what = "· line: " + output_name(net, s.lab.shown_output) + "(x₁)";
    ImGui::SameLine(0, 8 * ui.scale);
    if (ImGui::CalcTextSize(what.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    dim_text(ui, what);
    item_tooltip(plot_dims(s) == 2 ? "Behind the points: the network's output at every point of the square (paler "
                                         "where it is unsure), recomputed a few times a second while training."
                                       : "The line: what the network outputs for every x₁.");
    ImGui::PopFont();
}

// At most `max_h` pixels tall with its axes and legend. Returns the data area drawn (w = 0: none).
Box data_plot(const AppState& s, const Ui& ui, ActionQueue& q, float max_h) {
    const int dims = plot_dims(s);
    const float w = ImGui::GetContentRegionAvail().x;
    if (dims == 0) {
        ImGui::PushTextWrapPos(0);
        dim_text(ui, "The plot shows networks with one or two inputs; this one has " +
                         std::to_string(s.doc.net.input_size()) + ". Type exact samples in the table below.");
        ImGui::PopTextWrapPos();
        return {};
    }
    if (!s.lab.cache_valid || w < 120) return {};
    const float left = 30 * ui.scale, bottom = ui.fonts.small->FontSize + 4 * ui.scale;
    // As large as the tab allows without scrolling (the legend's two lines below it), within limits.
    const float legend = ui.fonts.small->FontSize + 3 * ImGui::GetStyle().ItemSpacing.y + 2 * ui.scale;
    const float fit = max_h - bottom - legend;
    const float side = std::clamp(std::min(w - left - 4 * ui.scale, dims == 2 ? fit : fit / 0.7f), 160 * ui.scale, 560 * ui.scale);
    const float h = dims == 2 ? side : side * 0.7f;
    const ImVec2 c0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("plot", ImVec2(left + side, h + bottom), ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    Plot p;
    p.p0 = ImVec2(c0.x + left, c0.y);
    p.p1 = ImVec2(c0.x + left + side, c0.y + h);
    p.d = s.lab.domain;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Interaction: a press on a point starts a drag (one undo entry); a click on empty ground adds one.
    PointRef& dragging = ui.memory.lab_dragging;
    bool& adding = ui.memory.lab_adding;
    const ImGuiIO& io = ImGui::GetIO();
    const auto to_screen = [&](double u, double v, double& sx, double& sy) {
        const ImVec2 a = p.at(u, v);
        sx = a.x, sy = a.y;
    };
    PointRef hot;
    if (hovered || ImGui::IsItemActive())
        hot = nearest_sample(s.doc, dims, io.MousePos.x, io.MousePos.y, 9 * ui.scale, to_screen);
    if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(0)) {
        dragging = hot;
        adding = !hot.valid();
        if (dragging.valid()) q.push_back(act::BeginGesture{});
    }
    double u = 0, v = 0;
    p.data(io.MousePos, u, v);
    if (ImGui::IsItemActive() && dragging.valid() && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        push(q, lab::MovePoint{dragging, std::clamp(u, p.d.x0, p.d.x1), std::clamp(v, p.d.y0, p.d.y1)});
        hot = dragging;
    }
    if (ImGui::IsItemDeactivated()) {
        if (dragging.valid()) q.push_back(act::EndGesture{});
        else if (adding && hovered && io.MouseDragMaxDistanceSqr[0] < 25) add_point(s, q, u, v);
        dragging = {};
        adding = false;
    }
    if (hovered && ImGui::IsMouseClicked(1) && hot.valid()) push(q, lab::RemovePoint{hot});

    dl->PushClipRect(c0, ImVec2(c0.x + left + side + 1, c0.y + h + bottom), true);
    dl->AddRectFilled(p.p0, p.p1, to_u32(ui.colors.canvas));
    draw_field(dl, s, p);
    draw_axes(dl, p, ui, "x₁", dims == 2 ? "x₂" : ("y" + bp::subscript(s.lab.shown_output + 1)).c_str());
    dl->PushClipRect(p.p0, p.p1, true);
    draw_curve(dl, s, p, ui);
    draw_points(dl, s, p, ui, hot);
    dl->PopClipRect();
    dl->PopClipRect();
    if (hot.valid() && hovered && !ImGui::IsItemActive()) point_tooltip(s, ui, hot);
    else if (hovered && !ImGui::IsItemActive()) item_tooltip("Click: add a point (see \"a click adds\" below) · "
                                                          "right-click a point: delete it · drag a point: move it");
    plot_legend(s, ui);
    return Box{p.p0.x, p.p0.y, p.p1.x - p.p0.x, p.p1.y - p.p0.y};
}

// ---- [SECTION] settings, generator, table ----

void speed_and_stops(const AppState& s, ActionQueue& q) {
    const LabState& lab = s.lab;
    bool automatic = lab.auto_speed;
    if (ImGui::Checkbox("automatic speed", &automatic)) push(q, lab::SetSpeed{lab.steps_per_frame, automatic});
    item_tooltip("As many steps per frame as keep the window at 60 frames per second");
    ImGui::SameLine();
    int spf = lab.steps_per_frame;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##spf", &spf, 1, kMaxStepsPerFrame, "%d steps/frame", ImGuiSliderFlags_Logarithmic))
        push(q, lab::SetSpeed{spf, false});
    item_tooltip("Training steps per frame (moving it turns the automatic speed off)");
    long at_step = lab.stop_at_step;
    double at_loss = lab.stop_at_loss;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("stop at step");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    const long step_lo = 0, step_hi = 100000000;
    bool changed = ImGui::DragScalar("##stop_step", ImGuiDataType_S64, &at_step, 10.0f, &step_lo, &step_hi, at_step ? "%lld" : "off",
                                     ImGuiSliderFlags_AlwaysClamp);
    item_tooltip("Pause when the step counter reaches this number (0: off)");
    ImGui::SameLine();
    ImGui::TextUnformatted("or loss");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
    const double loss_lo = 0, loss_hi = 10;
    changed |= ImGui::DragScalar("##stop_loss", ImGuiDataType_Double, &at_loss, 0.001f, &loss_lo, &loss_hi, at_loss > 0 ? "%.4g" : "off",
                                 ImGuiSliderFlags_AlwaysClamp);
    item_tooltip("Pause when the loss over the whole training set falls to this value (0: off)");
    if (changed) push(q, lab::SetStops{at_step, at_loss});

    bp::TrainingConfig c = s.doc.training;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("L2 λ");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    double l2 = c.l2;
    const double l2_lo = 0, l2_hi = 1;
    if (ImGui::DragScalar("##l2", ImGuiDataType_Double, &l2, 0.0001f, &l2_lo, &l2_hi, "%.4g", ImGuiSliderFlags_AlwaysClamp) && l2 != c.l2) {
        c.l2 = l2;
        push(q, lab::SetConfig{c});
    }
    item_tooltip("Weight decay: the update adds λw to each weight's gradient, pulling weights towards 0");
    if (c.optimizer == bp::OptimizerKind::momentum) {
        ImGui::SameLine();
        ImGui::TextUnformatted("μ");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        double mu = c.momentum;
        const double mu_lo = 0, mu_hi = 0.999;
        if (ImGui::DragScalar("##mu", ImGuiDataType_Double, &mu, 0.005f, &mu_lo, &mu_hi, "%.3g", ImGuiSliderFlags_AlwaysClamp) && mu != c.momentum) {
            c.momentum = mu;
            push(q, lab::SetConfig{c});
        }
        item_tooltip("Momentum μ: how much of the last step's direction carries over");
    }
    Settings t = s.settings;
    if (ImGui::Checkbox("heatmaps in the neurons", &t.neuron_maps)) q.push_back(act::SetSettings{t});
    item_tooltip("For two inputs: each neuron shows its activation over the whole input square, as the plot "
                 "shows the output (only while the Lab tab is open)");
}

void generator(const AppState& s, const Ui& ui, ActionQueue& q) {
    bp::DatasetSpec spec = s.lab.spec;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo("##kind", std::string(bp::to_string(spec.kind)).c_str())) {
        for (bp::DatasetKind k : bp::kAllDatasetKinds) {
            const std::string name(bp::to_string(k));
            if (ImGui::Selectable(name.c_str(), k == spec.kind)) spec.kind = k, changed = true;
            item_tooltip(std::string(bp::describe(k)).c_str());
        }
        ImGui::EndCombo();
    }
    item_tooltip(std::string(bp::describe(spec.kind)).c_str());
    ImGui::SameLine();
    if (accent_button("Regenerate", ui, "Replace the data with a new set (Ctrl+Z undoes); the input and output "
                                        "layers are resized when the data need it"))
        push(q, lab::Generate{spec});
    const float field = ImGui::GetFontSize() * 4.2f;
    ImGui::SetNextItemWidth(field);
    changed |= ImGui::DragInt("points", &spec.points, 1.0f, 2, bp::kMaxDatasetPoints, "%d", ImGuiSliderFlags_AlwaysClamp);
    item_tooltip("How many points the generator makes (training and test together).");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    changed |= ImGui::DragScalar("noise", ImGuiDataType_Double, &spec.noise, 0.002f, nullptr, nullptr, "%.3g");
    item_tooltip("How far the points scatter from the clean pattern.");
    spec.noise = std::clamp(spec.noise, 0.0, bp::kMaxDatasetNoise);
    ImGui::SetNextItemWidth(field);
    float test_pct = static_cast<float>(spec.test_fraction * 100);
    if (ImGui::SliderFloat("% test", &test_pct, 0, 90, "%.0f")) spec.test_fraction = test_pct / 100.0, changed = true;
    item_tooltip("Share of the points held out as the test set");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    const std::uint64_t seed_lo = 0, seed_hi = 1000000;
    changed |= ImGui::DragScalar("seed", ImGuiDataType_U64, &spec.seed, 0.2f, &seed_lo, &seed_hi);
    item_tooltip("The generator's seed: the same seed gives the same points.");
    if (changed) push(q, lab::SetSpec{spec});

    // The brush: what a click on the plot adds.
    const bp::Network& net = s.doc.net;
    ImGui::AlignTextToFramePadding();
    dim_text(ui, "a click adds");
    ImGui::SameLine();
    if (lab_classifies(s)) {
        std::vector<std::string> names;
        for (int k = 0; k < std::max(2, net.output_size()); ++k) names.push_back("class " + std::to_string(k));
        const std::vector<const char*> help(names.size(), "The class (target) of the points a click on the plot adds.");
        const int c = segmented("brush", names, std::min(s.lab.brush_class, static_cast<int>(names.size()) - 1), ui, help);
        if (c >= 0) push(q, lab::SetBrush{c, s.lab.brush_value});
    } else if (plot_dims(s) == 2) {
        double v = s.lab.brush_value;
        ImGui::SetNextItemWidth(field);
        if (ImGui::DragScalar("##brush", ImGuiDataType_Double, &v, 0.01f, nullptr, nullptr, "y = %.3g"))
            push(q, lab::SetBrush{s.lab.brush_class, v});
        item_tooltip("The target y of the points a click on the plot adds.");
    } else {
        dim_text(ui, "a point at the clicked height");
    }
    if (!lab_classifies(s) && net.output_size() > 1) {
        ImGui::SameLine();
        std::vector<std::string> names;
        for (int k = 0; k < net.output_size(); ++k) names.push_back(output_name(net, k));
        const std::vector<const char*> help(names.size(), "Which output the plot shows.");
        const int k = segmented("shown", names, s.lab.shown_output, ui, help);
        if (k >= 0) push(q, lab::SetShownOutput{k});
    }
}

void table(const AppState& s, const Ui& ui, ActionQueue& q) {
    const bool test = s.lab.table_test;
    const int t = segmented("which", {"training set", "test set"}, test ? 1 : 0, ui,
                            {"The samples the network trains on.",
                             "Samples held out: the network never trains on them, so they show how well it generalises."});
    if (t >= 0) push(q, lab::ShowTable{t == 1});
    ImGui::SameLine();
    if (button("+ row", "Add a sample (inputs 0) at the end")) push(q, lab::AddRow{test});
    const bp::Dataset* d = test ? (s.doc.test ? &*s.doc.test : nullptr) : &*s.doc.data;
    if (!d || d->size() == 0) {
        dim_text(ui, "No test samples: Regenerate with a test share, or add rows.");
        return;
    }
    const int n_in = d->X.cols, n_out = d->Y.cols, cols = 2 + n_in + n_out;
    if (cols > 64) return dim_text(ui, "Too many columns for the table.");
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    const float height = std::min(row_h * (d->size() + 1.5f), row_h * 10.5f);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("samples", cols, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2);
    for (int c = 0; c < n_in; ++c) ImGui::TableSetupColumn(("x" + bp::subscript(c + 1)).c_str());
    for (int c = 0; c < n_out; ++c) ImGui::TableSetupColumn(("y" + bp::subscript(c + 1)).c_str());
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.4f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(d->size());
    while (clip.Step()) {
        for (int n = clip.DisplayStart; n < clip.DisplayEnd; ++n) {
            ImGui::PushID(n);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            dim_text(ui, std::to_string(n + 1));
            for (int c = 0; c < n_in + n_out; ++c) {
                ImGui::TableNextColumn();
                const bool target = c >= n_in;
                const int col = target ? c - n_in : c;
                double v = target ? d->Y(n, col) : d->X(n, col);
                ImGui::PushID(c);
                ImGui::SetNextItemWidth(-1);
                const bool edited = ImGui::InputDouble("##v", &v, 0, 0, "%.6g");
                if (ImGui::IsItemActivated()) q.push_back(act::BeginGesture{});
                if (edited && std::isfinite(v)) push(q, lab::SetValue{{test, n}, target, col, v});
                if (ImGui::IsItemDeactivated()) q.push_back(act::EndGesture{});
                ImGui::PopID();
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("×")) push(q, lab::RemovePoint{{test, n}});
            item_tooltip("Delete this sample");
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void controls(const AppState& s, const Ui& ui, ActionQueue& q) {
    presets_combo(s, ui, q);
    training_row(s, ui, q);
    optimizer_row(s, ui, q);
    if (s.lab.diverged) divergence_box(s, ui, q);
    numbers(s, ui);
}

}  // namespace

// ---- [SECTION] entry ----

void presets_menu_items(const AppState& s, const Ui& ui, ActionQueue& q) {
    static const std::vector<PresetInfo> presets = list_presets();  // read once: the files ship with the app
    if (presets.empty()) dim_text(ui, "No presets found (" + presets_dir() + ")");
    bool starters = true;
    for (std::size_t i = 0; i < presets.size(); ++i) {
        const PresetInfo& p = presets[i];
        if (i == 0 || p.starter != starters) {
            starters = p.starter;
            ImGui::PushFont(ui.fonts.small);
            dim_text(ui, starters ? "Playground starters" : "Course examples");
            ImGui::PopFont();
        }
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(p.title.c_str(), s.title == p.title)) q.push_back(act::Files{files_cmd::OpenPreset{p.path, p.title}});
        report_item("preset." + p.stem);
        ImGui::PushFont(ui.fonts.small);
        ImGui::Indent(ImGui::GetFontSize());
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + ImGui::GetFontSize() * 40);
        dim_text(ui, p.description);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(ImGui::GetFontSize());
        ImGui::PopFont();
        ImGui::PopID();
    }
}

// The controls above the plot; or, when that gives a clearly larger plot (a wide panel), the controls
// in a column left of it (a table row: it grows with the taller of the two).
void draw_lab(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    if (!s.lab.visible) push(q, lab::SetVisible{true});
    ImGui::BeginChild("lab_scroll", ImVec2(0, 0), false);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float row = ImGui::GetFrameHeightWithSpacing();
    const float column = ImGui::GetFontSize() * 13.0f;                // the narrowest the controls go
    const float around = 36 * ui.scale + 2 * row;                     // axis labels and the legend
    const float rows = (s.lab.diverged ? 10.0f : 6.0f) * row;         // the controls, one column
    const float single = std::min(avail.x, avail.y - rows) - around;
    const float twin = std::min(avail.x - column - 8 * ui.scale, avail.y) - around;
    if (plot_dims(s) != 0 && twin > 1.15f * single && ImGui::BeginTable("lab_columns", 2)) {
        ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthFixed, column);
        ImGui::TableSetupColumn("plot", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        controls(s, ui, q);
        ImGui::TableNextColumn();
        info.lab_plot = data_plot(s, ui, q, avail.y);
        ImGui::EndTable();
    } else {
        controls(s, ui, q);
        info.lab_plot = data_plot(s, ui, q, ImGui::GetContentRegionAvail().y);
    }
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("Speed, stopping, L2")) speed_and_stops(s, q);
    if (ImGui::CollapsingHeader("Data: generate, brush", ImGuiTreeNodeFlags_DefaultOpen)) generator(s, ui, q);
    // Open from the start when there is no plot: then the table is the way to see and edit the data.
    if (ImGui::CollapsingHeader("Table of samples", plot_dims(s) == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) table(s, ui, q);
    ImGui::EndChild();
}

}  // namespace studio
