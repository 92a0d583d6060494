// The Lab's data plot: the decision field behind the points for two inputs, the fitted curve for one;
// a click adds a point, a right-click deletes one, a drag moves one (one undo entry).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/studio/figures/loss_curve.h"
#include "app/studio/handlers/lab.h"
#include "app/studio/views/ui_smooth_grid.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_lab_parts.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio::lab_view {
namespace {


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
        dl->AddText(f, f->FontSize, ImVec2(x - ts.x / 2, p.p1.y + px(ui, metric::nudge)), ink, t.c_str());
    }
    for (double v : nice_ticks(p.d.y0, p.d.y1, 5)) {
        const float y = p.at(0, v).y;
        dl->AddLine(ImVec2(p.p0.x, y), ImVec2(p.p1.x, y), v == 0 ? to_u32(ui.colors.text_dim, 0.6f) : grid, 1.0f);
        const std::string t = tick_label(v);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str());
        dl->AddText(f, f->FontSize, ImVec2(p.p0.x - ts.x - px(ui, metric::label_gap), y - ts.y / 2), ink, t.c_str());
    }
    dl->AddRect(p.p0, p.p1, ink, 0, 0, 1.0f);
    const ImVec2 xs = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, x_name);
    dl->AddText(f, f->FontSize, ImVec2(p.p1.x - xs.x - px(ui, metric::label_gap), p.p1.y - xs.y - px(ui, metric::nudge)), ink, x_name);
    dl->AddText(f, f->FontSize, ImVec2(p.p0.x + px(ui, metric::label_gap), p.p0.y + px(ui, metric::nudge)), ink, y_name);
}

// The decision field behind the points: its samples blended linearly between their cells' centres, as
// TensorFlow Playground's filtered canvas looks (ui_smooth_grid.h). False when there is none to draw.
bool draw_field(ImDrawList* dl, const AppState& s, const Plot& p, const Ui& ui) {
    const GridField& f = s.lab.field;
    if (f.n == 0 || !(f.domain == p.d)) return false;
    const bp::Network& net = s.doc.net;
    const bp::Activation out = net.layers[net.L()].activation;
    const bool classes = lab_classifies(s) && f.outputs > 1;
    const int k = std::clamp(s.lab.shown_output, 0, f.outputs - 1);
    std::vector<ImU32> colors(static_cast<std::size_t>(f.n) * f.n);
    for (int r = 0; r < f.n; ++r)
        for (int i = 0; i < f.n; ++i) {
            const Rgb c = f.outputs == 1 || classes ? field_color(f, i, r, out, s.lab.target_scale)
                                                    : diverging(shade(out, f.at(i, r, k), s.lab.target_scale));
            colors[static_cast<std::size_t>(r) * f.n + i] = to_u32(mix(c, diverging(0.0), 0.3f));
        }
    draw_smooth_grid(dl, p.p0, p.p1, f.n, colors, ui.textures);
    return true;
}

void draw_curve(ImDrawList* dl, const AppState& s, const Plot& p, const Ui& ui) {
    const Curve& c = s.lab.curve;
    if (c.x.empty()) return;
    for (int k = 0; k < c.y.cols; ++k) {
        const Rgb col = c.y.cols == 1 ? ui.colors.accent : class_color(k);
        std::vector<ImVec2> run;
        const auto flush = [&] {
            if (run.size() > 1) dl->AddPolyline(run.data(), static_cast<int>(run.size()), to_u32(col), 0, px(ui, metric::curve_width));
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
    const int total = std::min(s.doc.data->size(), kPlotPoints) + (s.doc.test ? std::min(s.doc.test->size(), kPlotPoints) : 0);
    const float size = total > 1500 ? metric::point_small : total > 400 ? metric::point_medium : metric::point_large;
    const ImU32 rim = IM_COL32(25, 25, 30, 220);
    for (int t = 0; t < 2; ++t) {
        const bp::Dataset* d = t == 0 ? &*s.doc.data : (s.doc.test ? &*s.doc.test : nullptr);
        if (!d) continue;
        const int stride = spread_stride(d->size(), kPlotPoints);  // at most kPlotPoints of a set, spread evenly
        for (int n = 0; n < d->size(); n += stride) {
            const double u = d->X(n, 0), v = dims == 2 ? d->X(n, 1) : d->Y(n, std::clamp(s.lab.shown_output, 0, d->Y.cols - 1));
            if (!std::isfinite(u) || !std::isfinite(v)) continue;
            const ImVec2 c = p.at(u, v);
            const ImU32 col = to_u32(point_color(s, *d, n));
            const PointCircles pc = point_circles(size, ui.scale, hover == PointRef{t == 1, n});
            const std::vector<CircleSprite>& sprites = ui.fonts.circles;  // ui_sprites.h: one quad per shape
            if (t == 0) {  // training: filled
                draw_disc(dl, sprites, c, pc.radius, col);
                draw_ring(dl, sprites, c, pc.radius, pc.rim_width, rim);
            } else {  // test: a ring
                draw_ring(dl, sprites, c, pc.halo_radius, pc.halo_width, rim);
                draw_ring(dl, sprites, c, pc.radius, pc.ring_width, col);
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
        const bp::Targets rule = bp::loss_info(net.loss).targets;
        y[k] = rule == bp::Targets::unit_interval ? std::clamp(v, 0.0, 1.0) : v;
        if (rule == bp::Targets::distribution) y = brush_target(net, s.lab.brush_class, 0);
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
        if (ring) dl->AddCircle(ctr, h * 0.28f, to_u32(c), 0, px(ui, metric::ring_width));
        else dl->AddCircleFilled(ctr, h * 0.3f, to_u32(c));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine(0, px(ui, metric::nudge));
    };
    const bp::Network& net = s.doc.net;
    if (lab_classifies(s)) {
        const int classes = std::max(2, net.output_size());
        for (int k = 0; k < classes && k < 6; ++k) {
            swatch(class_color(k), false);
            dim_text(ui, "class " + std::to_string(k));
            ImGui::SameLine(0, px(ui, metric::legend_gap));
        }
    } else {
        swatch(diverging(0.8), false);
        dim_text(ui, "training");
        ImGui::SameLine(0, px(ui, metric::legend_gap));
    }
    swatch(ui.colors.text_dim, true);
    dim_text(ui, "test");
    std::string what;
    if (plot_dims(s) == 2)
        what = net.output_size() == 1 || !lab_classifies(s) ? "· colour: " + output_name(net, net.output_size() == 1 ? 0 : s.lab.shown_output)
                                                            : "· colour: the class picked";
    else
        what = "· line: " + output_name(net, s.lab.shown_output) + "(x₁)";
    ImGui::SameLine(0, px(ui, metric::legend_gap));
    if (ImGui::CalcTextSize(what.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    dim_text(ui, what);
    if (const int k = spread_stride(std::max(s.doc.data->size(), s.doc.test ? s.doc.test->size() : 0), kPlotPoints); k > 1) {
        const std::string note = "every " + std::to_string(k) + "th point drawn";  // a large set: a spread of it
        dim_text_wrapped(ui, note);
        report_text("lab.plot.spread", note);
    }
    item_tooltip(plot_dims(s) == 2 ? "Behind the points: the network's output at every point of the square (paler "
                                         "where it is unsure), recomputed a few times a second while training."
                                       : "The line: what the network outputs for every x₁.");
    ImGui::PopFont();
}


}  // namespace

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
    const float left = px(ui, metric::plot_axis), bottom = ui.fonts.small->FontSize + px(ui, metric::label_gap);
    // As large as the tab allows without scrolling (the legend's two lines below it), within limits.
    const float legend = ui.fonts.small->FontSize + 3 * ImGui::GetStyle().ItemSpacing.y + px(ui, metric::nudge);
    const float fit = max_h - bottom - legend;
    const float side = std::clamp(std::min(w - left - px(ui, metric::plot_margin), dims == 2 ? fit : fit / 0.7f), px(ui, metric::plot_min), px(ui, metric::plot_max));
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
        hot = nearest_sample(s.doc, dims, io.MousePos.x, io.MousePos.y, px(ui, metric::point_pick), to_screen, kPlotPoints);
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
    if (!draw_field(dl, s, p, ui)) dl->AddRectFilled(p.p0, p.p1, to_u32(ui.colors.canvas));  // the field is opaque
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
    report_rect("lab.plot", p.p0, p.p1);  // the plot area (window.lab_field checks its pixels)
    return Box{p.p0.x, p.p0.y, p.p1.x - p.p0.x, p.p1.y - p.p0.y};
}

}  // namespace studio::lab_view
