// The network canvas: neurons in columns coloured by z, a or δ (diverging blue–orange scale, "?" while
// not computed), edges coloured by sign with width |w| or |∂L/∂w|, bias nodes and the loss. Highlights
// what the current step reads and writes. Click selects, drag on an edge changes the weight, double-click
// types an exact value, hover shows every value in course notation. The words (numbers, names, targets)
// are placed and drawn by view_network_words.cpp, the toggles and the legend by view_network_legend.cpp.
// [SECTION] scales and styles   [SECTION] edges   [SECTION] nodes   [SECTION] interaction   [SECTION] entry
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/studio/figures/describe.h"
#include "app/studio/figures/pass_view.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_network_parts.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio::canvas_view {

// ---- [SECTION] scales and styles ----

bool neuron_value(const AppState& s, NeuronValue which, int l, int j, double& v) {
    const bp::Trace& t = s.stepper->trace();
    const int n = shown_row(s);
    if (l == 0) {
        v = t.layers[0].a(n, j);
        return true;
    }
    const Kind kind = which == NeuronValue::z ? Kind::z : which == NeuronValue::a ? Kind::a : Kind::delta;
    if (!known(s, {kind, l, j, 0})) return false;
    const bp::LayerTrace& lt = t.layers[l];
    v = which == NeuronValue::z ? lt.z(n, j) : which == NeuronValue::a ? lt.a(n, j) : lt.delta(n, j);
    return true;
}

bool edge_value(const AppState& s, const Selection& e, double& v) {
    const bool bias = e.kind == Selection::Kind::bias;
    if (s.settings.edge_value == EdgeValue::weight) {
        v = bias ? bias_shown(s, e.l, e.j) : weight_shown(s, e.l, e.j, e.k);
        return true;
    }
    if (!known(s, {bias ? Kind::db : Kind::dW, e.l, e.j, e.k})) return false;
    const bp::LayerTrace& lt = s.stepper->trace().layers[e.l];
    v = bias ? lt.db[e.j] : lt.dW(e.j, e.k);
    return true;
}

namespace {

Scales compute_scales(const AppState& s) {
    Scales sc{0, 0, 0};
    const bp::Network& net = s.doc.net;
    double v = 0;
    for (int j = 0; j < net.layers[0].size; ++j)
        if (neuron_value(s, NeuronValue::a, 0, j, v)) sc.input = std::max(sc.input, std::fabs(v));
    for (int l = 1; l <= net.L(); ++l) {
        for (int j = 0; j < net.layers[l].size; ++j)
            if (neuron_value(s, neuron_value_of(s, l, j), l, j, v)) sc.neuron = std::max(sc.neuron, std::fabs(v));
    }
    for (int l = 1; l <= net.L(); ++l) {
        for (int j = 0; j < net.layers[l].size; ++j) {
            for (int k = 0; k < net.layers[l - 1].size; ++k)
                if (edge_value(s, Selection::weight(l, j, k), v)) sc.edge = std::max(sc.edge, std::fabs(v));
            if (net.layers[l].bias && edge_value(s, Selection::bias(l, j), v)) sc.edge = std::max(sc.edge, std::fabs(v));
        }
    }
    if (!(sc.neuron > 0)) sc.neuron = 1;
    if (!(sc.edge > 0)) sc.edge = 1;
    if (!(sc.input > 0)) sc.input = 1;
    return sc;
}

Marks current_marks(const AppState& s) {
    Marks m;
    if (!s.highlight.empty()) return m;  // a panel's route (drawn on its own) is what the user looks at
    // While a quiz question waits, the value to compute and what it needs; else the step just done.
    const int question = quiz_question(s);
    if (const bp::StepEvent* e = question >= 0 ? &s.stepper->events()[question] : s.stepper->current()) {
        m.writes.push_back(e->writes);
        m.reads = e->reads;
    }
    return m;  // s.highlight (a panel's emphasis) is drawn on its own: draw_highlight_*
}

bool neuron_marked(const Marks& m, const std::vector<bp::ValueRef>& v, int l, int j) {
    return m.has(v, Kind::z, Kind::a, l, j) || m.has(v, Kind::delta, Kind::target, l, j);
}

// ---- [SECTION] edges ----

void draw_edges(const Canvas& c, const Selection& focus) {
    const AppState& s = c.s;
    const bp::Network& net = s.doc.net;
    const float max_w = std::max(1.5f, std::min(8.0f * c.ui.scale, c.lay.radius * 0.3f));
    const float min_w = std::max(0.75f, 1.0f * c.ui.scale * (c.lay.radius < 8 ? 0.6f : 1.0f));
    for (int l = 1; l <= net.L(); ++l) {
        const int n = net.layers[l].size, m = net.layers[l - 1].size;
        const int pair = n * m;
        // Dense layers: draw the strongest edges only (at most kMaxDrawn per pair) and fade them.
        constexpr int kMaxDrawn = 360;
        std::vector<double> mags;
        mags.reserve(pair);
        double v = 0;
        for (int j = 0; j < n; ++j)
            for (int k = 0; k < m; ++k) mags.push_back(edge_value(s, Selection::weight(l, j, k), v) ? std::fabs(v) : 0.0);
        double cutoff = -1;
        if (pair > kMaxDrawn) {
            std::vector<double> sorted = mags;
            std::nth_element(sorted.begin(), sorted.end() - kMaxDrawn, sorted.end());
            cutoff = *(sorted.end() - kMaxDrawn);
        }
        const float alpha = std::clamp(0.9f * std::sqrt(36.0f / pair), 0.22f, 0.9f);
        for (int j = 0; j < n; ++j) {
            for (int k = 0; k < m; ++k) {
                const Selection e = Selection::weight(l, j, k);
                const bool touches = focus.kind == Selection::Kind::neuron &&
                                     ((focus.l == l && focus.j == j) || (focus.l == l - 1 && focus.j == k));
                if (mags[static_cast<std::size_t>(j) * m + k] < cutoff && !touches) continue;
                const Vec2 a = c.lay.neurons[l - 1][k], b = c.lay.neurons[l][j];
                if (!edge_value(s, e, v)) {
                    c.dl->AddLine(iv(a), iv(b), to_u32(c.ui.colors.unknown, alpha * 0.6f), min_w);
                    continue;
                }
                const float t = static_cast<float>(std::fabs(normalized(v, c.sc.edge)));
                const Rgb col = v >= 0 ? c.ui.colors.positive : c.ui.colors.negative;
                c.dl->AddLine(iv(a), iv(b), to_u32(col, touches ? 1.0f : alpha), min_w + (max_w - min_w) * t);
            }
        }
        if (!c.lay.has_bias[l]) continue;
        for (int j = 0; j < n; ++j) {  // bias edges, from the bias node of layer l
            const Vec2 a = c.lay.bias[l], b = c.lay.neurons[l][j];
            if (!edge_value(s, Selection::bias(l, j), v)) {
                c.dl->AddLine(iv(a), iv(b), to_u32(c.ui.colors.unknown, alpha * 0.5f), min_w);
                continue;
            }
            const float t = static_cast<float>(std::fabs(normalized(v, c.sc.edge)));
            const Rgb col = v >= 0 ? c.ui.colors.positive : c.ui.colors.negative;
            c.dl->AddLine(iv(a), iv(b), to_u32(col, alpha * 0.75f), min_w + (max_w - min_w) * t * 0.8f);
        }
    }
}

// One edge drawn over the others, for a selection, a hover or a highlight.
void overlay_edge(const Canvas& c, const Selection& e, Rgb color, float width) {
    if (!e.is_parameter()) return;
    const Vec2 a = e.kind == Selection::Kind::bias ? c.lay.bias[e.l] : c.lay.neurons[e.l - 1][e.k];
    const Vec2 b = c.lay.neurons[e.l][e.j];
    c.dl->AddLine(iv(a), iv(b), to_u32(color), width);
}

void draw_marked_edges(const Canvas& c) {
    const float w = std::max(2.0f, 3.0f * c.ui.scale);
    const auto draw = [&](const std::vector<bp::ValueRef>& refs, Rgb col, float width) {
        for (const bp::ValueRef& r : refs) {
            if (r.kind == Kind::weight || r.kind == Kind::dW) overlay_edge(c, Selection::weight(r.l, r.j, r.k), col, width);
            if ((r.kind == Kind::bias || r.kind == Kind::db) && r.l < static_cast<int>(c.lay.has_bias.size()) && c.lay.has_bias[r.l])
                overlay_edge(c, Selection::bias(r.l, r.j), col, width);
        }
    };
    draw(c.marks.reads, c.ui.colors.accent_read, w);
    draw(c.marks.writes, c.ui.colors.accent, w * 1.5f);
}

// A panel's highlight (a chain-rule path, or one factor of it) over everything else: thick accent edges
// with a halo, the line from the output to the loss, rings around the neurons.
void draw_highlight_edges(const Canvas& c) {
    const std::vector<bp::ValueRef>& h = c.s.highlight;
    const float sc = c.ui.scale;
    const int L = c.s.doc.net.L();
    bool to_loss = false;
    for (const bp::ValueRef& r : h) to_loss |= r.kind == Kind::loss;
    const auto line = [&](Vec2 a, Vec2 b) {
        c.dl->AddLine(iv(a), iv(b), to_u32(c.ui.colors.accent, 0.30f), 13 * sc);
        c.dl->AddLine(iv(a), iv(b), to_u32(c.ui.colors.accent), 5 * sc);
    };
    for (const bp::ValueRef& r : h) {
        if (r.kind == Kind::weight || r.kind == Kind::dW) line(c.lay.neurons[r.l - 1][r.k], c.lay.neurons[r.l][r.j]);
        if ((r.kind == Kind::bias || r.kind == Kind::db) && c.lay.has_bias[r.l]) line(c.lay.bias[r.l], c.lay.neurons[r.l][r.j]);
        if (to_loss && r.kind == Kind::a && r.l == L) {
            const Vec2 o = c.lay.neurons[L][r.j];
            line(Vec2{o.x + c.lay.radius, o.y}, c.lay.loss);
        }
    }
}

void draw_highlight_rings(const Canvas& c) {
    const float sc = c.ui.scale;
    for (const bp::ValueRef& r : c.s.highlight) {
        if (r.kind == Kind::z || r.kind == Kind::a || r.kind == Kind::delta || r.kind == Kind::target)
            c.dl->AddCircle(iv(c.lay.neurons[r.l][r.j]), c.lay.radius + 5 * sc, to_u32(c.ui.colors.accent), 0, 4.5f * sc);
        if (r.kind == Kind::loss)
            c.dl->AddCircle(iv(c.lay.loss), c.lay.radius * 0.95f, to_u32(c.ui.colors.accent), 0, 4 * sc);
    }
}

// ---- [SECTION] nodes ----

// A neuron's circle, filled with the colour of its value (its number: view_network_words.cpp).
void draw_neuron(const Canvas& c, int l, int j) {
    const Vec2 p = c.lay.neurons[l][j];
    const float r = c.lay.radius;
    double v = 0;
    const bool has = neuron_value(c.s, neuron_value_of(c.s, l, j), l, j, v);
    const double scale = l == 0 ? c.sc.input : c.sc.neuron;
    const float ring = std::max(1.0f, 1.5f * c.ui.scale * (r < 8 ? 0.6f : 1.0f));
    if (has) {
        c.dl->AddCircleFilled(iv(p), r, to_u32(diverging(normalized(v, scale))));
        c.dl->AddCircle(iv(p), r, to_u32(c.ui.colors.text_dim, 0.9f), 0, ring);
    } else {
        c.dl->AddCircleFilled(iv(p), r, to_u32(c.ui.colors.canvas));
        c.dl->AddCircle(iv(p), r, to_u32(c.ui.colors.unknown), 0, ring);
    }
}

void neuron_ring(const Canvas& c, int l, int j, Rgb color, float width, float grow) {
    c.dl->AddCircle(iv(c.lay.neurons[l][j]), c.lay.radius + grow, to_u32(color), 0, width);
}

void draw_bias_node(const Canvas& c, int l) {
    const Vec2 p = c.lay.bias[l];
    const float h = c.lay.bias_radius;
    c.dl->AddRectFilled(ImVec2(p.x - h, p.y - h), ImVec2(p.x + h, p.y + h), to_u32(c.ui.colors.panel), 3 * c.ui.scale);
    c.dl->AddRect(ImVec2(p.x - h, p.y - h), ImVec2(p.x + h, p.y + h), to_u32(c.ui.colors.text_dim), 3 * c.ui.scale, 0,
                  std::max(1.0f, 1.2f * c.ui.scale));
    if (h >= 9 * c.ui.scale) {
        const std::string t = "b" + bp::superscript(l);
        ImFont* f = c.ui.fonts.small;
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str());
        c.dl->AddText(f, f->FontSize, ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), to_u32(c.ui.colors.text), t.c_str());
    }
}


// The lines from the outputs to the loss, and the loss node: a rounded box "L" with the value once computed.
void draw_loss(const Canvas& c) {
    const AppState& s = c.s;
    const bp::Network& net = s.doc.net;
    const int L = net.L();
    const float sc = c.ui.scale;
    const bool loss_known = known(s, {Kind::loss, 0, 0, 0});
    const bool loss_marked = c.marks.has(c.marks.writes, Kind::loss, Kind::loss, 0, 0) ||
                             c.marks.has(c.marks.reads, Kind::loss, Kind::loss, 0, 0);
    const Vec2 lp = c.lay.loss;
    for (int j = 0; j < net.layers[L].size; ++j) {
        const Vec2 o = c.lay.neurons[L][j];
        c.dl->AddLine(ImVec2(o.x + c.lay.radius, o.y), iv(lp), to_u32(c.ui.colors.grid), std::max(1.0f, 1.2f * sc));
    }
    const std::string value = loss_value_text(s);
    ImFont* big = c.ui.fonts.body;
    ImFont* f = c.ui.fonts.small;
    const ImVec2 s1 = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, "L");
    const ImVec2 s2 = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, value.c_str());
    const Box box = loss_node_box(s, c.ui, c.lay);
    const ImVec2 q0(box.x, box.y), q1(box.x + box.w, box.y + box.h);
    c.dl->AddRectFilled(q0, q1, to_u32(c.ui.colors.panel), 8 * sc);
    c.dl->AddRect(q0, q1, to_u32(loss_marked ? c.ui.colors.accent : (loss_known ? c.ui.colors.text : c.ui.colors.unknown)),
                  8 * sc, 0, (loss_marked ? 3.0f : 1.5f) * sc);
    c.dl->AddText(big, big->FontSize, ImVec2(lp.x - s1.x / 2, q0.y + 4 * sc), to_u32(c.ui.colors.text), "L");
    c.dl->AddText(f, f->FontSize, ImVec2(lp.x - s2.x / 2, q0.y + 6 * sc + s1.y),
                  to_u32(loss_known ? c.ui.colors.text : c.ui.colors.unknown), value.c_str());
}

void draw_nodes(const Canvas& c) {
    const bp::Network& net = c.s.doc.net;
    for (int l = 1; l <= net.L(); ++l)
        if (c.lay.has_bias[l]) draw_bias_node(c, l);
    for (int l = 0; l <= net.L(); ++l)
        for (int j = 0; j < net.layers[l].size; ++j) draw_neuron(c, l, j);
    const float w = std::max(2.0f, 3.0f * c.ui.scale * (c.lay.radius < 10 ? 0.6f : 1.0f));
    const float grow = std::max(2.0f, 3.0f * c.ui.scale * (c.lay.radius < 10 ? 0.4f : 1.0f));
    for (int l = 0; l <= net.L(); ++l) {
        for (int j = 0; j < net.layers[l].size; ++j) {
            if (neuron_marked(c.marks, c.marks.reads, l, j)) neuron_ring(c, l, j, c.ui.colors.accent_read, w, grow);
            if (neuron_marked(c.marks, c.marks.writes, l, j)) neuron_ring(c, l, j, c.ui.colors.accent, w * 1.5f, grow);
        }
    }
}

void draw_focus(const Canvas& c, const Selection& sel, const Selection& hover) {
    const float sc = c.ui.scale;
    if (hover.kind == Selection::Kind::neuron && !(hover == sel))
        neuron_ring(c, hover.l, hover.j, c.ui.colors.text_dim, 2 * sc, 2 * sc);
    if (hover.is_parameter() && !(hover == sel)) overlay_edge(c, hover, c.ui.colors.text_dim, 3 * sc);
    if (sel.kind == Selection::Kind::neuron) neuron_ring(c, sel.l, sel.j, c.ui.colors.text, 2.5f * sc, 6 * sc);
    if (sel.is_parameter()) {
        overlay_edge(c, sel, c.ui.colors.text, 6 * sc);
        double v = 0;
        const Rgb col = edge_value(c.s, sel, v) ? (v >= 0 ? c.ui.colors.positive : c.ui.colors.negative) : c.ui.colors.unknown;
        overlay_edge(c, sel, col, 3 * sc);
    }
}

// ---- [SECTION] interaction ----

void draw_tooltip(const AppState& s, const Ui& ui, const Selection& hit) {
    ImGui::BeginTooltip();
    if (hit.kind == Selection::Kind::neuron)  // why its gradient vanishes, first
        if (const NeuronMark* m = mark_of(ui.memory.marks.get(s), hit.l, hit.j)) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
            ImGui::TextColored(to_vec4(m->kind == Vanishing::dead ? ui.colors.text_dim : ui.colors.negative), "%s", m->why.c_str());
            ImGui::PopTextWrapPos();
        }
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", headline(s, hit).c_str());
    ImGui::Separator();
    value_lines(describe(s, hit), ui, false);
    ImGui::PushFont(ui.fonts.small);  // the same symbols in the other notations (View ▸ Notation)
    for (const std::string& names : in_every_notation(s, hit)) ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", names.c_str());
    ImGui::PopFont();
    if (hit.is_parameter()) {
        ImGui::PushFont(ui.fonts.small);
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "click to select · drag up/down to change · double-click to type");
        ImGui::PopFont();
    }
    ImGui::EndTooltip();
}

void type_value_popup(const AppState& s, const Ui& ui, ActionQueue& q) {
    if (!ImGui::BeginPopup("type value")) return;
    double& typed = ui.memory.typed_value;  // the field's value while the popup is open
    const Selection sel = s.selection;
    if (!sel.is_parameter()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const bool bias = sel.kind == Selection::Kind::bias;
    const bp::Symbols sym = symbols(s);
    const std::string name = (bias ? sym.bias(sel.l, sel.j) : sym.weight(sel.l, sel.j, sel.k)).text;
    if (ImGui::IsWindowAppearing()) {
        typed = bias ? s.doc.net.layers[sel.l].b[sel.j] : s.doc.net.layers[sel.l].W(sel.j, sel.k);
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    const bool enter = ImGui::InputDouble((name + " =").c_str(), &typed, 0, 0, "%.10g", ImGuiInputTextFlags_EnterReturnsTrue);
    if (enter || ImGui::Button("Set")) {
        q.push_back(act::EditParameter{sel, typed});
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void interact(const AppState& s, const NetworkLayout& lay, const Ui& ui, ActionQueue& q, Selection& hit) {
    const ImGuiIO& io = ImGui::GetIO();
    hit = {};
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        hit = hit_test(lay, {io.MousePos.x, io.MousePos.y}, std::max(4.0f, 6.0f * ui.scale));
    if (!(hit == s.hover) && !ImGui::IsItemActive()) q.push_back(act::Hover{hit});
    if (ImGui::IsItemActivated()) {
        q.push_back(act::Select{hit});
        if (hit.is_parameter()) q.push_back(act::BeginGesture{});
    } else if (ImGui::IsItemActive() && s.gesture_open && s.selection.is_parameter() && io.MouseDelta.y != 0) {
        const Selection e = s.selection;  // drag up to increase
        const double now = e.kind == Selection::Kind::bias ? s.doc.net.layers[e.l].b[e.j] : s.doc.net.layers[e.l].W(e.j, e.k);
        const double per_px = (io.KeyShift ? 0.0005 : 0.005) / ui.scale;
        q.push_back(act::EditParameter{e, now - io.MouseDelta.y * per_px});
    }
    if (ImGui::IsItemDeactivated()) q.push_back(act::EndGesture{});
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0) && hit.is_parameter()) ImGui::OpenPopup("type value");
    if (hit.kind != Selection::Kind::none && !ImGui::IsItemActive() && ImGui::IsItemHovered()) draw_tooltip(s, ui, hit);
    type_value_popup(s, ui, q);
}

}  // namespace
}  // namespace studio::canvas_view

// ---- [SECTION] entry ----

namespace studio {

std::string loss_value_text(const AppState& s) {
    return known(s, {bp::ValueRef::Kind::loss, 0, 0, 0}) ? bp::format_number(s.stepper->trace().loss, 4) : "?";
}

Box loss_node_box(const AppState& s, const Ui& ui, const NetworkLayout& lay) {
    ImFont* big = ui.fonts.body;
    ImFont* f = ui.fonts.small;
    const std::string value = loss_value_text(s);
    const ImVec2 s1 = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, "L");
    const ImVec2 s2 = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, value.c_str());
    const float w = std::min(lay.loss_column_w * 0.9f, std::max(s1.x, s2.x) + px(ui, 16));
    const float h = s1.y + s2.y + px(ui, 10);
    return Box{lay.loss.x - w / 2, lay.loss.y - h / 2, w, h};
}

float canvas_min_height(const AppState& s, const Ui& ui, float width) {
    const float inner = width - 2 * px(ui, ui_metric::panel_pad_x) - 2 * px(ui, ui_metric::canvas_margin);
    return ui.memory.canvas_toggles_h + canvas_view::legend_height(s, ui, canvas_view::compute_scales(s), inner) +
           ImGui::GetFontSize() * ui_metric::canvas_min_em + 2 * px(ui, ui_metric::panel_pad_y);
}

void draw_network(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    if (s.blank) {  // a clicker's "black screen": nothing but a quiet word on how to come back
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const char* hint = "B brings the network back";
        const ImVec2 ts = ImGui::CalcTextSize(hint);
        ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail.x - ts.x) / 2, ImGui::GetCursorPosY() + avail.y - ts.y));
        ImGui::TextColored(to_vec4(ui.colors.text_dim, 0.5f), "%s", hint);
        return;
    }
    // The toggles above the canvas; presenting, the room goes to the network (View ▸ Neurons show has them).
    const float toggles_top = ImGui::GetCursorPosY();
    if (!s.present) canvas_view::draw_toggles(s, ui, q);
    ui.memory.canvas_toggles_h = ImGui::GetCursorPosY() - toggles_top;
    const canvas_view::Scales scales = canvas_view::compute_scales(s);
    const float margin = px(ui, ui_metric::canvas_margin);
    const float legend_h = canvas_view::legend_height(s, ui, scales, ImGui::GetContentRegionAvail().x - 2 * margin);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.y -= legend_h;
    if (size.x < 50 || size.y < 50) return;
    mouse_only_button("canvas", size);  // the keyboard selects with [ ] { } (ui_keyboard.h)
    if (quiz_field_on_canvas(s)) ImGui::SetItemAllowOverlap();  // the quiz's answer field sits on the canvas
    const bp::Network& net = s.doc.net;
    std::vector<int> sizes;
    std::vector<bool> bias;
    for (const bp::Layer& layer : net.layers) sizes.push_back(layer.size), bias.push_back(layer.bias);
    const Box box{p0.x + margin, p0.y, size.x - 2 * margin, size.y - margin};
    const NetworkLayout lay = layout_network(sizes, bias, box, ImGui::GetFontSize() * 1.8f, px(ui, ui_metric::max_radius));
    info.canvas = lay;
    info.canvas_box = box;
    info.canvas_picture = Box{p0.x, p0.y, size.x, size.y + legend_h};

    Selection hit;
    canvas_view::interact(s, lay, ui, q, hit);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    dl->PushClipRect(p0, p1, true);
    const std::optional<Box> field = quiz_field_box(s, ui, lay, p0, p1);  // quiz mode: placed before the words
    const canvas_view::Canvas c{s, ui, lay, dl, scales, canvas_view::current_marks(s), p0, p1, field, &ui.memory.marks.get(s)};
    const Selection focus = s.selection.kind == Selection::Kind::neuron ? s.selection : s.hover;
    canvas_view::draw_edges(c, focus);
    canvas_view::draw_marked_edges(c);
    canvas_view::draw_focus(c, s.selection, s.hover);
    canvas_view::draw_highlight_edges(c);
    canvas_view::draw_loss(c);
    canvas_view::draw_nodes(c);
    draw_neuron_maps(s, ui, lay, dl);  // view_neuron_maps.cpp (the Lab's per-neuron heatmaps)
    canvas_view::draw_highlight_rings(c);
    canvas_view::draw_marks(c);  // saturated neurons and dead ReLUs (view_network_marks.cpp)
    canvas_view::draw_words(c);  // every number and name, over everything (view_network_words.cpp)
    canvas_view::draw_motion(c);  // while playing, the values on their way (view_network_motion.cpp)
    dl->PopClipRect();
    canvas_view::draw_legend(s, ui, scales, ImVec2(p0.x + margin, p1.y), size.x - 2 * margin);
    draw_quiz_canvas(s, ui, q, lay, field);
}

}  // namespace studio
