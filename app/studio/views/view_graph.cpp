// The computation graph's canvas: the nodes left to right from the variables to the output
// (graph_layout.h), each labelled as the notes name it (x, h₁, h₂, …, y) with its operation above it,
// its value under it once computed and its adjoint ∂y/∂node once the backward pass has reached it; on
// each edge the local derivative once the backward pass uses it. What the current step writes is lit in
// the accent colour, what it reads in the reading colour; the Paths tab's route (hovered or pinned) and a
// quiz diagnosis's missing path are drawn wide. Click a node to choose it (a variable: its paths).
#include <algorithm>
#include <cmath>
#include <string>

#include "app/studio/figures/graph_layout.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_graph_parts.h"
#include "app/studio/views/views.h"
#include "engine/graph/graph_formulas.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

using bp::GraphRef;

inline constexpr int kCurveSegments = 24;  // an edge is drawn as this many straight pieces

ImVec2 im(Vec2 v) { return ImVec2(v.x, v.y); }

// Whether the current step (the last event done) writes or reads r.
bool written(const bp::GraphStepper& st, const GraphRef& r) { return st.current() && st.current()->writes == r; }
bool read(const bp::GraphStepper& st, const GraphRef& r) {
    const bp::GraphEvent* e = st.current();
    return e && std::find(e->reads.begin(), e->reads.end(), r) != e->reads.end();
}

// An edge's curve: a cubic Bézier from a to b through controls c1, c2.
struct Curve {
    ImVec2 a, c1, c2, b;
    ImVec2 at(float t) const {
        const float u = 1 - t, w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
        return ImVec2(w0 * a.x + w1 * c1.x + w2 * c2.x + w3 * b.x, w0 * a.y + w1 * c1.y + w2 * c2.y + w3 * b.y);
    }
};

// From a to b: bent sideways by `bend` pixels (parallel edges), or, from one band to the next, leaving to
// the right and arriving from the left as a line of text continues on the next.
Curve edge_curve(ImVec2 a, ImVec2 b, float bend, bool next_band, float column_w) {
    if (next_band) return {a, ImVec2(a.x + column_w, a.y), ImVec2(b.x - column_w, b.y), b};
    const float dx = b.x - a.x, dy = b.y - a.y, len = std::max(1.0f, std::sqrt(dx * dx + dy * dy));
    const ImVec2 c((a.x + b.x) / 2 - dy / len * bend, (a.y + b.y) / 2 + dx / len * bend);
    return {a, ImVec2(a.x + (c.x - a.x) * 2 / 3, a.y + (c.y - a.y) * 2 / 3), ImVec2(b.x + (c.x - b.x) * 2 / 3, b.y + (c.y - b.y) * 2 / 3), b};
}

// A number in a small box (an edge's local derivative), centred at p.
void boxed_number(ImDrawList* dl, ImVec2 p, const std::string& text, ImU32 ink, const Ui& ui) {
    ImGui::PushFont(ui.fonts.small);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const float pad = 2 * ui.scale;
    dl->AddRectFilled(ImVec2(p.x - ts.x / 2 - pad, p.y - ts.y / 2 - pad), ImVec2(p.x + ts.x / 2 + pad, p.y + ts.y / 2 + pad),
                      to_u32(ui.colors.canvas, 0.92f), 3 * ui.scale);
    dl->AddText(ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), ink, text.c_str());
    ImGui::PopFont();
}

struct Canvas {
    const AppState& s;
    const ExpressionState& e;
    const Ui& ui;
    ImDrawList* dl;
    GraphLayout lay;
    std::vector<int> route_nodes, route_slots;  // the Paths tab's route shown (hovered, else pinned)
    std::vector<int> missing;                   // a quiz diagnosis's missing path

    const bp::ExpressionGraph& g() const { return e.stepper.graph(); }

    void edges() {
        const bp::GraphStepper& st = e.stepper;
        const float r = lay.radius, w = px(ui, graph_metric::edge_width), arrow = px(ui, graph_metric::arrow);
        for (int to = 0; to < g().size(); ++to) {
            const bp::GraphNode& n = g().node(to);
            for (int slot = 0; slot < static_cast<int>(n.inputs.size()); ++slot) {
                const int from = n.inputs[static_cast<std::size_t>(slot)];
                // Parallel edges (x·x: the same input in two slots) bend apart.
                int twins = 0, index = 0;
                for (int k = 0; k < static_cast<int>(n.inputs.size()); ++k) {
                    if (n.inputs[static_cast<std::size_t>(k)] != from) continue;
                    ++twins;
                    if (k < slot) ++index;
                }
                const ImVec2 a = im(lay.center[static_cast<std::size_t>(from)]), b = im(lay.center[static_cast<std::size_t>(to)]);
                const float bend = twins > 1 ? (index - (twins - 1) / 2.0f) * graph_metric::twin_bend * r * 2 : 0;
                const bool wraps = lay.band[static_cast<std::size_t>(from)] != lay.band[static_cast<std::size_t>(to)];
                const Curve curve = edge_curve(a, b, bend, wraps, lay.column_w);
                // Trim the ends to the circles (the chord's length stands for the curve's).
                const float len = std::max(1.0f, std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y))) * (wraps ? 1.5f : 1.0f);
                const float t0 = std::min(0.45f, r / len), t1 = 1 - std::min(0.45f, (r + 1) / len);
                const ImVec2 b2 = curve.at(t1);
                const GraphRef local{GraphRef::Kind::local, to, slot};
                const bool on_path = on_route(route_nodes, route_slots, to, slot), on_missing = on_route(missing, {}, to, -1);
                const bool lit = written(st, {GraphRef::Kind::value, to, 0}) || read(st, local);
                ImU32 col = to_u32(ui.colors.text_dim, 0.7f);
                float width = w;
                if (lit) col = to_u32(ui.colors.accent_read), width = w * 2;
                if (on_missing) col = to_u32(ui.colors.wrong), width = w * 3;
                if (on_path) col = to_u32(ui.colors.accent), width = w * 3;
                // The part of the curve between the circles, as a polyline.
                dl->PathClear();
                for (int k = 0; k <= kCurveSegments; ++k) dl->PathLineTo(curve.at(t0 + (t1 - t0) * static_cast<float>(k) / kCurveSegments));
                dl->PathStroke(col, 0, width);
                const ImVec2 before = curve.at(t1 - 0.02f);
                const float ax = b2.x - before.x, ay = b2.y - before.y, al = std::max(0.001f, std::sqrt(ax * ax + ay * ay));
                const ImVec2 u(ax / al, ay / al);
                dl->AddTriangleFilled(b2, ImVec2(b2.x - u.x * arrow - u.y * arrow * 0.5f, b2.y - u.y * arrow + u.x * arrow * 0.5f),
                                      ImVec2(b2.x - u.x * arrow + u.y * arrow * 0.5f, b2.y - u.y * arrow - u.x * arrow * 0.5f), col);
                // The local derivative, once the backward pass uses it: for the adjoint of the node it leaves.
                if (bp::has_local_derivative(g(), to, slot) && st.known(local) &&
                    (st.known({GraphRef::Kind::adjoint, from, 0}) || read(st, local))) {
                    const std::string text = bp::format_number(st.pass().local[static_cast<std::size_t>(to)][static_cast<std::size_t>(slot)]);
                    const ImVec2 at = curve.at(0.5f);
                    boxed_number(dl, at, text, to_u32(read(st, local) || on_path ? ui.colors.accent : ui.colors.text), ui);
                    report_rect("graph.edge." + std::to_string(to) + "." + std::to_string(slot), at, at, text);
                }
            }
        }
    }

    void nodes(ActionQueue& q) {
        const bp::GraphStepper& st = e.stepper;
        const float r = lay.radius;
        const ImVec2 mouse = ImGui::GetMousePos();
        const int hovered = ImGui::IsWindowHovered() ? graph_node_at(lay, {mouse.x, mouse.y}) : -1;
        for (int i = 0; i < g().size(); ++i) {
            const bp::GraphNode& n = g().node(i);
            const ImVec2 c = im(lay.center[static_cast<std::size_t>(i)]);
            const bool known = st.known({GraphRef::Kind::value, i, 0}) || bp::is_leaf(n.op);
            const bool writes = written(st, {GraphRef::Kind::value, i, 0}) || written(st, {GraphRef::Kind::adjoint, i, 0});
            const bool reads = read(st, {GraphRef::Kind::value, i, 0}) || read(st, {GraphRef::Kind::adjoint, i, 0});
            const bool on_path = std::find(route_nodes.begin(), route_nodes.end(), i) != route_nodes.end();
            ImU32 fill = to_u32(ui.colors.panel), ring = to_u32(known ? ui.colors.text : ui.colors.unknown);
            float ring_w = px(ui, graph_metric::edge_width);
            if (reads) ring = to_u32(ui.colors.accent_read), ring_w *= 2.5f;
            if (writes) fill = to_u32(ui.colors.accent, 0.35f), ring = to_u32(ui.colors.accent), ring_w *= 2.5f;
            if (on_path) ring = to_u32(ui.colors.accent), ring_w = px(ui, graph_metric::edge_width) * 3;
            if (i == e.selected || i == hovered) ring_w += 1.5f * ui.scale;
            if (n.op == bp::Op::constant) {  // a constant: a rounded box, as it has no adjoint
                const ImVec2 lo(c.x - r * 0.8f, c.y - r * 0.6f), hi(c.x + r * 0.8f, c.y + r * 0.6f);
                dl->AddRectFilled(lo, hi, fill, r * 0.2f);
                dl->AddRect(lo, hi, ring, r * 0.2f, 0, ring_w);
            } else {
                dl->AddCircleFilled(c, r, fill);
                dl->AddCircle(c, r, ring, 0, ring_w);
            }
            // The name inside (y for a numbered output, as the formulas call it).
            const std::string name = bp::node_symbol(g(), i).text;
            ImGui::PushFont(ImGui::CalcTextSize(name.c_str()).x > 1.7f * r ? ui.fonts.small : ui.fonts.body);  // a small circle: small type
            const ImVec2 ns = ImGui::CalcTextSize(name.c_str());
            dl->AddText(ImVec2(c.x - ns.x / 2, c.y - ns.y / 2), to_u32(ui.colors.text), name.c_str());
            ImGui::PopFont();
            ImGui::PushFont(ui.fonts.small);
            const float line = ImGui::GetTextLineHeight();
            // The operation above an operation node: "e^(h₁)".
            if (!bp::is_leaf(n.op)) {
                const std::string op = bp::node_expression(g(), i).text;
                const ImVec2 os = ImGui::CalcTextSize(op.c_str());
                const float half = lay.column_w / 2 - ui.scale;  // a long sum is cut at its column's edges
                dl->PushClipRect(ImVec2(c.x - half, c.y - r - line - 4 * ui.scale), ImVec2(c.x + half, c.y - r), true);
                dl->AddText(ImVec2(c.x - std::min(os.x, 2 * half) / 2, c.y - r - line - 2 * ui.scale), to_u32(ui.colors.text_dim), op.c_str());
                dl->PopClipRect();
            }
            // The value, then the adjoint, under it.
            const std::string value = n.op == bp::Op::constant ? "" : graph_value_text(e, i);  // a constant's box says it
            const std::string adjoint = graph_adjoint_text(e, i);
            const ImVec2 vs = ImGui::CalcTextSize(value.c_str());
            const ImVec2 vp(c.x - vs.x / 2, c.y + r + 2 * ui.scale);
            dl->AddText(vp, to_u32(known ? ui.colors.text : ui.colors.unknown), value.c_str());
            if (!adjoint.empty()) {
                const ImVec2 as = ImGui::CalcTextSize(adjoint.c_str());
                dl->AddText(ImVec2(c.x - as.x / 2, vp.y + line), to_u32(ui.colors.accent), adjoint.c_str());
            }
            ImGui::PopFont();
            report_rect("graph.node." + std::to_string(i), ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), name + " " + value + " " + adjoint);
        }
        if (hovered >= 0) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(bp::node_equation(g(), hovered).c_str());
            ImGui::TextUnformatted((bp::node_symbol(g(), hovered).text + " = " + graph_value_text(e, hovered)).c_str());
            const std::string adjoint = graph_adjoint_text(e, hovered);
            if (!adjoint.empty()) ImGui::TextUnformatted(adjoint.c_str());
            ImGui::TextDisabled(g().node(hovered).op == bp::Op::variable ? "Click: its paths in the Paths tab" : "Click to choose it");
            ImGui::EndTooltip();
        }
        if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) q.push_back(act::Expression{expr_cmd::SelectNode{hovered}});
    }
};

// The widest words under a node (its value and its adjoint at their widest) in the current font: a
// column narrower than that would let neighbours' numbers run into each other.
float min_column_width(const ExpressionState& e) {
    const bp::ExpressionGraph& g = e.stepper.graph();
    float w = ImGui::CalcTextSize("−0.0000e−00").x;
    for (int i = 0; i < g.size(); ++i)
        if (bp::has_adjoint(g, i)) w = std::max(w, ImGui::CalcTextSize((bp::adjoint_symbol(g, i).text + " = −0.0000").c_str()).x);
    return w;
}

}  // namespace

std::string graph_value_text(const ExpressionState& e, int node) {
    const bp::GraphStepper& st = e.stepper;
    const bool known = bp::is_leaf(st.graph().node(node).op) || st.known({GraphRef::Kind::value, node, 0});
    return known ? bp::format_number(st.pass().value[static_cast<std::size_t>(node)]) : "?";
}

std::string graph_adjoint_text(const ExpressionState& e, int node) {
    const bp::GraphStepper& st = e.stepper;
    if (!st.known({GraphRef::Kind::adjoint, node, 0})) return "";
    return bp::adjoint_symbol(st.graph(), node).text + " = " + bp::format_number(st.pass().adjoint[static_cast<std::size_t>(node)]);
}

bool on_route(const std::vector<int>& nodes, const std::vector<int>& slots, int to, int slot) {
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i)
        if (nodes[i + 1] == to && (slot < 0 || slots.size() <= i || slots[i] == slot)) return true;
    return false;
}

void draw_graph_canvas(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    const ExpressionState& e = *s.expression;
    const ImVec2 p0 = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + avail.x, p0.y + avail.y), to_u32(ui.colors.canvas));
    info.canvas_box = {p0.x, p0.y, avail.x, avail.y};
    info.canvas_picture = info.canvas_box;
    if (s.blank) return;
    // The title line: the expression as typed (and where a network's graph came from).
    ImGui::PushFont(ui.fonts.body);
    text_ellipsis((e.stepper.graph().output_symbol == "L" ? "L = " : "y = ") + e.doc.expression + (e.origin.empty() ? "" : "   (" + e.origin + ")"), to_vec4(ui.colors.text_dim), avail.x);
    report_item("graph.title");
    ImGui::PopFont();
    const float pad = px(ui, graph_metric::canvas_pad);
    ImGui::PushFont(ui.fonts.small);
    const float line = ImGui::GetTextLineHeight();
    const float column = min_column_width(e) + pad;
    ImGui::PopFont();
    // The graph scrolls sideways when its columns need more than the width (graph_layout.h).
    const ImVec2 room = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("graph_scroll", room, false, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoBackground);
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // moves left as the view scrolls
    const auto layout = [&](float height) {
        // Room above each node for its operation, below it for its value and adjoint.
        const Box area{origin.x + pad, origin.y + pad, room.x - 2 * pad, height - 2 * pad};
        return layout_graph(e.stepper.graph(), area, px(ui, graph_metric::node_radius), line + 2 * ui.scale, 2 * line + 2 * ui.scale,
                            std::min(column, area.w), px(ui, graph_metric::min_node_radius));
    };
    GraphLayout lay = layout(room.y);
    const bool wide = lay.area.w > room.x - 2 * pad + 0.5f;
    if (wide) lay = layout(room.y - ImGui::GetStyle().ScrollbarSize);
    const bool scrolls = wide || lay.area.h > room.y - 2 * pad + 0.5f;
    Canvas c{s, e, ui, ImGui::GetWindowDrawList(), lay, {}, {}, e.quiz.mistake_path};
    if (!ui.memory.graph_hot_nodes.empty()) c.route_nodes = ui.memory.graph_hot_nodes, c.route_slots = ui.memory.graph_hot_slots;
    else c.route_nodes = e.pinned_nodes, c.route_slots = e.pinned_slots;
    c.edges();
    c.nodes(q);
    if (scrolls) {
        ImGui::Dummy(ImVec2(lay.area.w + 2 * pad, lay.area.h + 2 * pad));  // what there is to scroll over
        // A new step brings its node into view.
        const bp::GraphEvent* ev = e.stepper.current();
        if (ev && ui.memory.graph_scrolled_to != e.stepper.cursor()) {
            const Vec2 at = lay.center[static_cast<std::size_t>(ev->node)];
            const float x = at.x - origin.x, y = at.y - origin.y, margin = lay.radius * 3;
            if (x < ImGui::GetScrollX() + margin || x > ImGui::GetScrollX() + room.x - margin) ImGui::SetScrollX(std::max(0.0f, x - room.x / 2));
            if (y < ImGui::GetScrollY() + margin || y > ImGui::GetScrollY() + room.y - margin) ImGui::SetScrollY(std::max(0.0f, y - room.y / 2));
        }
    }
    ui.memory.graph_scrolled_to = e.stepper.cursor();
    ImGui::EndChild();
}

}  // namespace studio
