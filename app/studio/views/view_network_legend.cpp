// Above the network canvas (not when presenting: the View menu has them), what the neurons and the edges
// show (z, a, δ or auto; w or ∂L/∂w), wrapping onto a second row when the canvas is narrow; below it the
// legend — the colour scale of what the neurons
// show, "not computed yet", "computed now", "read by it" — flowing onto as many rows as its width needs.
#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/studio/figures/pass_view.h"
#include "app/studio/figures/quantity_words.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_network_parts.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio::canvas_view {
namespace {

// ---- the legend: entries that flow left to right and wrap ----

struct Entry {
    float width;
    std::function<void(ImDrawList*, ImVec2 at, float line_h)> draw;
};

std::vector<Entry> entries(const AppState& s, const Ui& ui, const Scales& sc, float room) {
    ImFont* f = ui.fonts.small;
    const ImU32 dim = to_u32(ui.colors.text_dim);
    const auto width = [f](const std::string& t) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str()).x; };
    const float gap = px(ui, ui_metric::label_gap) * 1.5f, bar_w = std::min(px(ui, ui_metric::legend_bar_w), room * 0.3f),
                bar_h = px(ui, ui_metric::legend_bar_h), swatch = px(ui, ui_metric::legend_swatch);
    // "a:", or in another notation each layer's letter: "h, ŷ:", "z₂, z₃:"
    const std::string name = layer_letters(symbols(s), neuron_value_shown(s), s.doc.net) + ":";
    const std::string lo = "−" + bp::format_number(sc.neuron, 2, false), hi = "+" + bp::format_number(sc.neuron, 2, false);
    std::vector<Entry> out;
    out.push_back({width(name) + width(lo) + width(hi) + bar_w + 3 * gap, [=](ImDrawList* dl, ImVec2 at, float h) {
                       const float ty = at.y + (h - f->FontSize) / 2, by = at.y + (h - bar_h) / 2;
                       float x = at.x;
                       dl->AddText(f, f->FontSize, ImVec2(x, ty), dim, name.c_str());
                       x += width(name) + gap;
                       dl->AddText(f, f->FontSize, ImVec2(x, ty), dim, lo.c_str());
                       x += width(lo) + gap;
                       constexpr int kSteps = 32;
                       for (int i = 0; i < kSteps; ++i)
                           dl->AddRectFilled(ImVec2(x + bar_w * i / kSteps, by), ImVec2(x + bar_w * (i + 1) / kSteps + 0.5f, by + bar_h),
                                             to_u32(diverging(-1.0 + 2.0 * i / kSteps + 1.0 / kSteps)));
                       x += bar_w + gap;
                       dl->AddText(f, f->FontSize, ImVec2(x, ty), dim, hi.c_str());
                   }});
    const auto ring = [&](const char* text, Rgb color, float thickness) {
        out.push_back({2 * swatch + gap + width(text), [=](ImDrawList* dl, ImVec2 at, float h) {
                           dl->AddCircle(ImVec2(at.x + swatch, at.y + h / 2), swatch, to_u32(color), 0, thickness);
                           dl->AddText(f, f->FontSize, ImVec2(at.x + 2 * swatch + gap, at.y + (h - f->FontSize) / 2), dim, text);
                       }});
    };
    ring("? not computed yet", ui.colors.unknown, px(ui, ui_metric::legend_ring_thin));
    ring("computed now", ui.colors.accent, px(ui, ui_metric::legend_ring));
    ring("read by it", ui.colors.accent_read, px(ui, ui_metric::legend_ring));
    // The markers, when the canvas shows any.
    bool saturated = false, dead = false;
    for (const NeuronMark& m : ui.memory.marks.get(s)) (m.kind == Vanishing::dead ? dead : saturated) = true;
    const auto mark = [&](const char* glyph, const char* text, Rgb color) {
        out.push_back({2 * swatch + gap + width(text), [=](ImDrawList* dl, ImVec2 at, float h) {
                           const ImVec2 c(at.x + swatch, at.y + h / 2);
                           dl->AddCircleFilled(c, swatch, to_u32(color));
                           const ImVec2 ts = f->CalcTextSizeA(swatch * 1.7f, FLT_MAX, 0, glyph);
                           dl->AddText(f, swatch * 1.7f, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), to_u32(ui.colors.canvas), glyph);
                           dl->AddText(f, f->FontSize, ImVec2(at.x + 2 * swatch + gap, at.y + (h - f->FontSize) / 2), dim, text);
                       }});
    };
    if (saturated) mark("≈", "saturated: f′(z) ≈ 0", ui.colors.negative);
    if (dead) mark("✗", "dead ReLU", ui.colors.text_dim);
    return out;
}

float line_height(const Ui& ui) { return ui.fonts.small->FontSize * 1.4f; }

// The rows of the legend for this width: how many entries each row holds.
std::vector<int> rows(const std::vector<Entry>& all, float width, float gap) {
    std::vector<int> out;
    float x = 0;
    for (const Entry& e : all) {
        if (out.empty() || (x > 0 && x + e.width > width)) out.push_back(0), x = 0;
        ++out.back();
        x += e.width + gap;
    }
    return out;
}

}  // namespace

void draw_toggles(const AppState& s, const Ui& ui, ActionQueue& q) {
    // "Neurons show … Edges show …", or in a narrow canvas "Neurons … Edges …", or the buttons alone (their
    // tooltips say what they show) before the row wraps: the letters of the notation may be long ("∂L/∂u").
    const bp::Symbols sym = symbols(s);
    const auto neuron = [&](NeuronValue v) { return neuron_value_words(sym, s.doc.net, v); };
    const QuantityWords z = neuron(NeuronValue::z), a = neuron(NeuronValue::a), delta = neuron(NeuronValue::delta),
                        follow_words = neuron(NeuronValue::follow_pass), w = edge_value_words(sym, EdgeValue::weight),
                        dw = edge_value_words(sym, EdgeValue::gradient);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float buttons = button_width(z.button.c_str()) + button_width(a.button.c_str()) +
                          button_width(delta.button.c_str()) + button_width(follow_words.button.c_str()) +
                          button_width(w.button.c_str()) + button_width(dw.button.c_str()) + 6 * spacing +
                          px(ui, ui_metric::toggle_gap);
    const float room = ImGui::GetContentRegionAvail().x;
    const bool brief = ImGui::CalcTextSize("Neurons showEdges show").x + buttons > room;
    const bool bare = ImGui::CalcTextSize("NeuronsEdges").x + 2 * spacing + buttons > room;
    if (!bare) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", brief ? "Neurons" : "Neurons show");
        ImGui::SameLine();
    }
    const bool follow = s.settings.neuron_value == NeuronValue::follow_pass;
    const int nv = segmented("nv", {z.button, a.button, delta.button}, static_cast<int>(neuron_value_shown(s)), ui,
                             {z.tooltip.c_str(), a.tooltip.c_str(), delta.tooltip.c_str()}, "canvas.neurons_show");
    ImGui::SameLine(0, px(ui, ui_metric::toggle_pair_gap));
    const bool follow_clicked =
        segmented("nv_follow", {follow_words.button}, follow ? 0 : -1, ui, {follow_words.tooltip.c_str()}) == 0;
    report_item("canvas.neurons_show");
    // "Edges show w ∂L/∂w" on this row when it fits, else on the next.
    const char* edges = bare ? "" : brief ? "Edges" : "Edges show";
    const float edges_w = (bare ? 0 : ImGui::CalcTextSize(edges).x + spacing) + button_width(w.button.c_str()) +
                          button_width(dw.button.c_str());
    ImGui::SameLine(0, px(ui, ui_metric::toggle_gap));
    if (ImGui::GetCursorPosX() + edges_w > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
    if (!bare) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", edges);
        ImGui::SameLine();
    }
    const int ev = segmented("ev", {w.button, dw.button}, static_cast<int>(s.settings.edge_value), ui,
                             {w.tooltip.c_str(), dw.tooltip.c_str()}, "canvas.edges_show");
    Settings t = s.settings;
    if (nv >= 0) t.neuron_value = static_cast<NeuronValue>(nv);
    if (follow_clicked) t.neuron_value = follow ? neuron_value_shown(s) : NeuronValue::follow_pass;
    if (ev >= 0) t.edge_value = static_cast<EdgeValue>(ev);
    if (!(t == s.settings)) q.push_back(act::SetSettings{t});
}

float legend_height(const AppState& s, const Ui& ui, const Scales& sc, float width) {
    return rows(entries(s, ui, sc, width), width, px(ui, ui_metric::legend_gap)).size() * line_height(ui);
}

void draw_legend(const AppState& s, const Ui& ui, const Scales& sc, ImVec2 at, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::vector<Entry> all = entries(s, ui, sc, width);
    const float gap = px(ui, ui_metric::legend_gap), h = line_height(ui);
    std::size_t i = 0;
    float y = at.y;
    for (const int n : rows(all, width, gap)) {
        float x = at.x;
        for (int k = 0; k < n; ++k, ++i) {
            all[i].draw(dl, ImVec2(x, y), h);
            report_rect("legend." + std::to_string(i), ImVec2(x, y), ImVec2(x + all[i].width, y + h));
            x += all[i].width + gap;
        }
        y += h;
    }
}

}  // namespace studio::canvas_view
