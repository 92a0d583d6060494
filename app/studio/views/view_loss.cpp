// The live loss curve, drawn with ImDrawList: axes with ticks and labels, linear or log y, the train and
// test loss decimated to min/max per pixel column, marks where the network was edited, the current
// network's loss as a live point (it moves while a weight is dragged), and a hover readout.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/studio/figures/loss_curve.h"
#include "app/studio/figures/pass_view.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

struct LossPlot {
    ImVec2 p0, p1;     // the plotting area in screen pixels
    double x_max = 1;  // steps shown: [0, x_max]
    double lo = 0, hi = 1;
    bool log = false;
    float x(double step) const { return p0.x + static_cast<float>(step / x_max) * (p1.x - p0.x); }
    float y(double v) const { return p1.y - static_cast<float>(axis_fraction(v, lo, hi, log)) * (p1.y - p0.y); }
};

// One series (&LossPoint::train or ::test) at the points' real steps.
void draw_series(ImDrawList* dl, const LossPlot& p, const std::vector<LossPoint>& pts, double LossPoint::*value, ImU32 col,
                 float width) {
    if (pts.empty()) return;
    const int columns = std::max(1, static_cast<int>(p.p1.x - p.p0.x));
    const std::size_t n = pts.size();
    if (n <= static_cast<std::size_t>(columns)) {  // few points: a polyline through every one
        ImVec2 prev;
        bool have = false;
        for (const LossPoint& pt : pts) {
            const double v = pt.*value;
            if (!std::isfinite(v) || (p.log && !(v > 0))) { have = false; continue; }
            const ImVec2 at(p.x(static_cast<double>(pt.step)), p.y(v));
            if (have) dl->AddLine(prev, at, col, width);
            if (n <= 60) dl->AddCircleFilled(at, width * 1.3f, col);
            prev = at, have = true;
        }
        return;
    }
    // Many points: one vertical min–max bar per pixel column, joined — no spike is lost.
    // (The bars are rectangles and each unbroken run of midpoints one polyline: a few calls instead of
    // two anti-aliased lines per column keep a full panel well under a millisecond.)
    const std::vector<ColumnRange> r = decimate_minmax(pts, value, p.x_max, columns);
    std::vector<ImVec2> run;
    run.reserve(static_cast<std::size_t>(columns));
    const auto join = [&] {
        if (run.size() >= 2) dl->AddPolyline(run.data(), static_cast<int>(run.size()), col, ImDrawFlags_None, width);
        run.clear();
    };
    for (int c = 0; c < columns; ++c) {
        if (r[c].first == r[c].last) continue;  // no point here (a thinned stretch): the line bridges it
        if (r[c].empty) { join(); continue; }   // not a number here: the line breaks
        const float x = p.p0.x + c + 0.5f;
        const float ya = p.y(r[c].min), yb = p.y(r[c].max);
        dl->AddRectFilled(ImVec2(x - width / 2, std::min(ya - 1.0f, yb)), ImVec2(x + width / 2, ya), col);
        run.push_back(ImVec2(x, (ya + yb) / 2));
    }
    join();
}

void draw_axes(ImDrawList* dl, const LossPlot& p, const Ui& ui) {
    ImFont* f = ui.fonts.small;
    const ImU32 grid = to_u32(ui.colors.grid), ink = to_u32(ui.colors.text_dim);
    // As many tick labels as the height holds without one running into the next.
    const int max_y_ticks = std::clamp(static_cast<int>((p.p1.y - p.p0.y) / (f->FontSize * 1.6f)), 2, 6);
    const std::vector<double> yt = p.log ? log_ticks(p.lo, p.hi, max_y_ticks) : nice_ticks(p.lo, p.hi, std::min(max_y_ticks, 5));
    for (double v : yt) {
        const float y = p.y(v);
        dl->AddLine(ImVec2(p.p0.x, y), ImVec2(p.p1.x, y), grid, 1.0f);
        const std::string t = tick_label(v);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str());
        dl->AddText(f, f->FontSize, ImVec2(p.p0.x - ts.x - 6 * ui.scale, y - ts.y / 2), ink, t.c_str());
    }
    const int max_x_ticks = std::max(2, static_cast<int>((p.p1.x - p.p0.x) / (70 * ui.scale)));
    for (double v : nice_ticks(0, p.x_max, max_x_ticks)) {
        if (v != std::floor(v)) continue;  // steps are whole numbers
        const float x = p.x(v);
        dl->AddLine(ImVec2(x, p.p1.y), ImVec2(x, p.p1.y + 4 * ui.scale), ink, 1.0f);
        const std::string t = tick_label(v);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str());
        dl->AddText(f, f->FontSize, ImVec2(x - ts.x / 2, p.p1.y + 5 * ui.scale), ink, t.c_str());
    }
    dl->AddLine(p.p0, ImVec2(p.p0.x, p.p1.y), ink, 1.0f);
    dl->AddLine(ImVec2(p.p0.x, p.p1.y), p.p1, ink, 1.0f);
}

// "Loss  this pass's L 0.2984 · 12 steps  test 0.31" and lin | log at the right; what does not fit beside
// the switch is left out (the steps first, then the test loss), never drawn under it.
void header(const AppState& s, const Ui& ui, ActionQueue& q, double live, bool live_hidden) {
    const float switch_w = ImGui::CalcTextSize("linlog").x + ImGui::GetStyle().FramePadding.x * 4 + 2 * ui.scale;
    const float right = ImGui::GetWindowContentRegionMax().x - switch_w - ImGui::GetStyle().ItemSpacing.x;
    const auto fits = [&](const char* text) { return ImGui::GetCursorPosX() + ImGui::CalcTextSize(text).x <= right; };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Loss");
    report_item("loss.title");
    const std::string sample = s.sample >= 0 ? "sample " + std::to_string(s.sample + 1)
                                             : "a batch of " + std::to_string(sample_count(s)) + " samples";
    const std::string help = "L of the pass on screen (" + sample +
                             "), with the network as it is now; the curve shows each step's batch loss. The Lab's "
                             "\"training set\" loss is the mean over every training sample.";
    const std::string now = "this pass's L " + (live_hidden ? std::string("?") : bp::format_number(live, 4));
    const std::string steps = "· " + std::to_string(s.steps_done) + (s.steps_done == 1 ? " step" : " steps");
    ImGui::SameLine();
    if (fits(now.c_str())) {
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", now.c_str());
        item_tooltip(live_hidden ? "Quiz mode asks for L: it shows once the pass has computed it." : help.c_str());
        report_text("loss.now", now);
        ImGui::SameLine();
    }
    if (fits(steps.c_str())) {
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", steps.c_str());
        ImGui::SameLine();
    }
    const LossHistory& h = s.history;
    if (!h.empty() && !std::isnan(h.last().test)) {
        const std::string test = "test " + bp::format_number(h.last().test, 4);
        if (fits(test.c_str())) {
            ImGui::TextColored(to_vec4(ui.colors.test_curve), "%s", test.c_str());
            ImGui::SameLine();
        }
    }
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - switch_w));
    const int c = segmented("scale", {"lin", "log"}, s.settings.loss_log_scale ? 1 : 0, ui,
                            {"A linear loss axis: equal steps of loss, equal heights.",
                             "A logarithmic loss axis: each tenfold fall of the loss is an equal height, so late, "
                             "small improvements stay visible."});
    report_item("loss.scale");
    if (c >= 0 && (c == 1) != s.settings.loss_log_scale) {
        Settings t = s.settings;
        t.loss_log_scale = c == 1;
        q.push_back(act::SetSettings{t});
    }
}

}  // namespace

void draw_loss_curve(const AppState& s, const Ui& ui, ActionQueue& q) {
    const LossHistory& h = s.history;
    const double live = s.stepper->trace().loss;
    const bool live_hidden = quiz_hides(s, {bp::ValueRef::Kind::loss, 0, 0, 0});  // the quiz asks for L
    header(s, ui, q, live, live_hidden);

    const ImVec2 c0 = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (avail.x < 80 || avail.y < 50) return;
    ImGui::InvisibleButton("plot", avail);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* f = ui.fonts.small;

    LossPlot p;
    p.log = s.settings.loss_log_scale;
    // The axis range depends only on the extremes, so value_range gets those and the live loss.
    const double shown_live = live_hidden ? std::nan("") : live;  // never drawn, never scales the axis
    double least = shown_live, most = shown_live;
    for (const LossPoint& pt : h.points())
        for (double v : {pt.train, pt.test}) {
            if (!std::isfinite(v) || (p.log && !(v > 0))) continue;
            if (!std::isfinite(least) || (p.log && !(least > 0)) || v < least) least = v;
            if (!std::isfinite(most) || (p.log && !(most > 0)) || v > most) most = v;
        }
    if (!value_range({least, most, shown_live}, p.log, p.lo, p.hi)) p.lo = p.log ? 0.01 : 0, p.hi = 1;
    p.x_max = std::max<double>(10.0, static_cast<double>(s.steps_done));
    const float left = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "0.0000").x + 10 * ui.scale;
    p.p0 = ImVec2(c0.x + left, c0.y + 6 * ui.scale);
    p.p1 = ImVec2(c0.x + avail.x - 10 * ui.scale, c0.y + avail.y - f->FontSize - 8 * ui.scale);
    if (p.p1.x - p.p0.x < 20 || p.p1.y - p.p0.y < 20) return;

    dl->PushClipRect(c0, ImVec2(c0.x + avail.x, c0.y + avail.y), true);
    draw_axes(dl, p, ui);
    for (long e : h.edits()) {  // where the user edited the network
        const float x = p.x(static_cast<double>(e));
        dl->AddLine(ImVec2(x, p.p0.y), ImVec2(x, p.p1.y), to_u32(ui.colors.edit_mark, 0.35f), 1.0f);
        dl->AddTriangleFilled(ImVec2(x - 4 * ui.scale, p.p0.y), ImVec2(x + 4 * ui.scale, p.p0.y), ImVec2(x, p.p0.y + 6 * ui.scale),
                              to_u32(ui.colors.edit_mark, 0.8f));
    }
    dl->PushClipRect(p.p0, ImVec2(p.p1.x + 1, p.p1.y + 1), true);
    draw_series(dl, p, h.points(), &LossPoint::test, to_u32(ui.colors.test_curve), 1.5f * ui.scale);
    draw_series(dl, p, h.points(), &LossPoint::train, to_u32(ui.colors.train_curve), 2.0f * ui.scale);
    dl->PopClipRect();
    // The live point: the current network's loss on this pass's batch.
    if (std::isfinite(shown_live)) {
        const ImVec2 lp(p.x(static_cast<double>(s.steps_done)), p.y(shown_live));
        if (!h.empty())
            dl->AddLine(ImVec2(p.x(static_cast<double>(h.last().step)), p.y(h.last().train)), lp,
                        to_u32(ui.colors.train_curve, 0.5f), 1.0f * ui.scale);
        dl->AddCircleFilled(lp, 5 * ui.scale, to_u32(ui.colors.accent));
        dl->AddCircle(lp, 5 * ui.scale, to_u32(ui.colors.text), 0, 1.0f * ui.scale);
    }
    if (h.empty() && p.p1.y - p.p0.y > f->FontSize * 4) {  // the hint, where the plot has room for it
        const char* hint = "Each finished pass (or Train) adds a point: the loss before that step's update.";
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, (p.p1.x - p.p0.x) * 0.8f, hint);
        dl->AddText(f, f->FontSize, ImVec2((p.p0.x + p.p1.x - ts.x) / 2, (p.p0.y + p.p1.y) / 2 - ts.y - 10 * ui.scale),
                    to_u32(ui.colors.text_dim), hint, nullptr, (p.p1.x - p.p0.x) * 0.8f);
    }
    dl->PopClipRect();

    const ImVec2 m = ImGui::GetIO().MousePos;
    if (hovered && !h.empty() && m.x >= p.p0.x && m.x <= p.p1.x) {  // hover readout: the kept step nearest the pointer
        const LossPoint& pt = h.points()[h.nearest(std::lround((m.x - p.p0.x) / (p.p1.x - p.p0.x) * p.x_max))];
        const float x = p.x(static_cast<double>(pt.step));
        dl->AddLine(ImVec2(x, p.p0.y), ImVec2(x, p.p1.y), to_u32(ui.colors.text_dim, 0.6f), 1.0f);
        dl->AddCircleFilled(ImVec2(x, p.y(pt.train)), 4 * ui.scale, to_u32(ui.colors.train_curve));
        ImGui::BeginTooltip();
        ImGui::Text("step %ld", pt.step);
        ImGui::TextColored(to_vec4(ui.colors.train_curve), "train loss %s", bp::format_number(pt.train, 5).c_str());
        if (!std::isnan(pt.test))
            ImGui::TextColored(to_vec4(ui.colors.test_curve), "test loss %s", bp::format_number(pt.test, 5).c_str());
        if (std::binary_search(h.edits().begin(), h.edits().end(), pt.step)) ImGui::TextUnformatted("the network was edited here");
        ImGui::EndTooltip();
    }
}

}  // namespace studio
