// An expression's side panel and quiz question: the Expression tab (type the expression, Enter applies
// it; each variable's slider and exact field — a drag is one undo entry and every value, adjoint and path
// follows it; the node chosen on the canvas with its formula and the rule on each of its edges), the
// Paths tab (every path from the chosen variable to y with its factors and product, their sum beside the
// adjoint; hovering a row draws its route, a click pins it), the Quiz tab, and the quiz's question in the
// formula panel (the answer field, Check and Reveal, the verdict).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include <imgui_internal.h>

#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_graph_parts.h"
#include "app/studio/views/views.h"
#include "engine/graph/graph_formulas.h"
#include "engine/graph/graph_paths.h"
#include "engine/graph/graph_quiz.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

void push(ActionQueue& q, ExpressionCommand c) { q.push_back(act::Expression{std::move(c)}); }

// The slider's range for a value: ±5, or the power of ten above |v|, so a drag inside it never rescales.
double slider_limit(double v) { return std::max(5.0, std::pow(10.0, std::ceil(std::log10(std::fabs(v) + 1e-300)))); }

void expression_field(const AppState& s, const Ui& ui, ActionQueue& q) {
    const ExpressionState& e = *s.expression;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("y =");
    ImGui::SameLine();
    char* buf = ui.memory.expression_text;
    const ImGuiID id = ImGui::GetID("##expression");
    if (ImGui::GetActiveID() != id && e.doc.expression != buf)  // not being typed in: it shows the document's
        std::snprintf(buf, sizeof ui.memory.expression_text, "%s", e.doc.expression.c_str());
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    const bool enter = ImGui::InputText("##expression", buf, sizeof ui.memory.expression_text, ImGuiInputTextFlags_EnterReturnsTrue);
    report_item("expression.text");
    if ((enter || ImGui::IsItemDeactivatedAfterEdit()) && e.doc.expression != buf) push(q, expr_cmd::SetText{buf});
    item_tooltip("Type an expression and press Enter: + − * / ^ (or **), parentheses, pi and e, exp log sqrt sin cos "
                 "tanh sigmoid (σ) relu abs. 2x must be written 2*x.");
}

void variable_rows(const AppState& s, const Ui& ui, ActionQueue& q) {
    const ExpressionState& e = *s.expression;
    const bp::ExpressionGraph& g = e.stepper.graph();
    const float slider_w = px(ui, graph_metric::variable_w);
    for (const int v : g.variables) {
        const std::string& name = g.node(v).name;
        const double value = e.doc.variables.at(name);
        ImGui::PushID(name.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(g.node(v).label.c_str());
        ImGui::SameLine(ImGui::CalcTextSize("w_long").x + ImGui::GetStyle().ItemSpacing.x);
        double x = value;
        const double limit = slider_limit(value), lo = -limit;
        ImGui::SetNextItemWidth(std::min(slider_w, ImGui::GetContentRegionAvail().x * 0.55f));
        const bool slid = ImGui::SliderScalar("##slider", ImGuiDataType_Double, &x, &lo, &limit, "%.3g");
        report_item("expression.slider." + name);
        if (ImGui::IsItemActivated()) q.push_back(act::BeginGesture{});
        if (slid && x != value) push(q, expr_cmd::SetVariable{name, x});
        if (ImGui::IsItemDeactivated()) q.push_back(act::EndGesture{});
        item_tooltip("Drag: every value, adjoint and path follows at once; the whole drag is one undo entry (Ctrl+Z).");
        ImGui::SameLine();
        double typed = value;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        if (ImGui::InputDouble("##field", &typed, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue) && typed != value)
            push(q, expr_cmd::SetVariable{name, typed});
        report_item("expression.field." + name);
        item_tooltip("Type the exact value and press Enter.");
        ImGui::PopID();
    }
}

void chosen_node(const AppState& s, const Ui& ui) {
    const ExpressionState& e = *s.expression;
    if (e.selected < 0) {
        text_wrapped_at_spaces("Click a node on the graph to see its formula and the rule on each of its edges.", to_vec4(ui.colors.text_dim));
        return;
    }
    const bp::ExpressionGraph& g = e.stepper.graph();
    const int i = e.selected;
    ImGui::TextColored(to_vec4(ui.colors.accent), "%s", bp::node_equation(g, i).c_str());
    ImGui::TextUnformatted((bp::node_symbol(g, i).text + " = " + graph_value_text(e, i)).c_str());
    const std::string adjoint = graph_adjoint_text(e, i);
    if (!adjoint.empty()) ImGui::TextUnformatted(adjoint.c_str());
    const bp::GraphNode& n = g.node(i);
    for (int slot = 0; slot < static_cast<int>(n.inputs.size()); ++slot) {
        if (!bp::has_local_derivative(g, i, slot)) continue;
        text_wrapped_at_spaces(bp::local_symbol(g, i, slot).text + ":  " + bp::derivative_rule(n, slot, g.constant_exponent(i)).text,
                               to_vec4(ui.colors.text_dim));
    }
}

const bp::GraphPathListing& listing(const AppState& s, const Ui& ui, int from) {
    ViewMemory& m = ui.memory;
    const ExpressionState& e = *s.expression;
    if (!m.graph_paths || m.graph_paths_revision != e.pass_revision || m.graph_paths_from != from) {
        m.graph_paths = bp::enumerate_graph_paths(e.stepper.graph(), e.stepper.pass(), from);
        m.graph_paths_revision = e.pass_revision;
        m.graph_paths_from = from;
    }
    return *m.graph_paths;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

// Paths through the same nodes (the two of x·x) differ in which input of a node they enter: "  (input 2 of h₁)",
// at the first edge where they part.
std::string twin_note(const bp::ExpressionGraph& g, const bp::GraphPathListing& l, const bp::GraphPath& p) {
    for (const bp::GraphPath& o : l.paths) {
        if (&o == &p || o.nodes != p.nodes) continue;
        for (std::size_t i = 0; i < p.slots.size() && i < o.slots.size(); ++i)
            if (p.slots[i] != o.slots[i])
                return "  (input " + std::to_string(p.slots[i] + 1) + " of " + bp::node_symbol(g, p.nodes[i + 1]).text + ")";
    }
    return "";
}

}  // namespace

void draw_expression_tab(const AppState& s, const Ui& ui, ActionQueue& q) {
    expression_field(s, ui, q);
    ImGui::Spacing();
    variable_rows(s, ui, q);
    ImGui::Separator();
    chosen_node(s, ui);
}

void draw_graph_paths(const AppState& s, const Ui& ui, ActionQueue& q) {
    const ExpressionState& e = *s.expression;
    const bp::ExpressionGraph& g = e.stepper.graph();
    const int from = paths_variable(e);
    if (from < 0) return dim_text(ui, "The expression has no variable: nothing to differentiate.");
    // One button per variable: whose paths.
    for (const int v : g.variables) {
        if (v != g.variables.front()) ImGui::SameLine();
        if (ImGui::RadioButton(g.node(v).label.c_str(), v == from)) push(q, expr_cmd::ShowPathsOf{v});
        report_item("paths.variable." + g.node(v).name);
    }
    const bp::GraphPathListing* l = nullptr;
    try {
        l = &listing(s, ui, from);
    } catch (const bp::Error& err) {  // a product that overflows
        text_wrapped_at_spaces(err.what(), to_vec4(ui.colors.negative));
        return;
    }
    const std::string symbol = bp::adjoint_symbol(g, from).text;
    text_wrapped_at_spaces(symbol + " is the sum over " + bp::count_text(l->count) + (l->count == 1 ? " path" : " paths") +
                               " from " + g.node(from).label + " to " + bp::node_symbol(g, g.output).text +
                               " of the product of the local derivatives along each.",
                           to_vec4(ui.colors.text_dim));
    ImGui::TextUnformatted(("Σ = " + bp::format_number(l->sum, 6) + "   " + symbol + " = " + bp::format_number(l->adjoint, 6)).c_str());
    report_text("paths.sum", bp::format_number(l->sum, 6) + " " + bp::format_number(l->adjoint, 6));
    if (l->rest_count > 0)
        dim_text(ui, "and " + bp::count_text(l->rest_count) + " more, summing to " + bp::format_number(l->rest_sum, 6));
    ImGui::Separator();
    ui.memory.graph_hot_nodes.clear();
    ui.memory.graph_hot_slots.clear();
    ImGui::BeginChild("graph_paths_rows");
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(l->paths.size()));
    while (clip.Step()) {
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            const bp::GraphPath& p = l->paths[static_cast<std::size_t>(r)];
            std::vector<std::string> labels, numbers;
            for (int i = 0; i < static_cast<int>(p.factors.size()); ++i) {
                labels.push_back(bp::factor_label(g, p, i));
                numbers.push_back(bp::format_number(p.factors[static_cast<std::size_t>(i)]));
            }
            const bool pinned = e.pinned_nodes == p.nodes && e.pinned_slots == p.slots;
            const std::string text = bp::path_route(g, p) + twin_note(g, *l, p) + "\n  " + joined(labels, "·") + "\n  = " + joined(numbers, " · ") +
                                     " = " + bp::format_number(p.product, 6);
            ImGui::PushID(r);
            if (ImGui::Selectable(text.c_str(), pinned)) push(q, expr_cmd::PinPath{pinned ? std::vector<int>{} : p.nodes, pinned ? std::vector<int>{} : p.slots});
            if (ImGui::IsItemHovered()) ui.memory.graph_hot_nodes = p.nodes, ui.memory.graph_hot_slots = p.slots;
            report_text("paths.row." + std::to_string(r), bp::format_number(p.product, 6));
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void draw_graph_quiz_tab(const AppState& s, const Ui& ui, ActionQueue& q) {
    const ExpressionState& e = *s.expression;
    bool on = e.quiz.on;
    if (ImGui::Checkbox("Quiz mode", &on)) push(q, expr_cmd::SetQuiz{on});
    report_item("quiz.graph_on");
    text_wrapped_at_spaces("Stepping stops before each value and each adjoint: write it in the formula panel and press Enter. "
                           "Right to the digits you write counts; a wrong number that a classic mistake explains (a missing "
                           "path, a sign, a dropped factor) is named.",
                           to_vec4(ui.colors.text_dim));
    if (e.quiz.asked > 0) ImGui::Text("%d right of %d answered", e.quiz.right, e.quiz.asked);
}

bool draw_graph_quiz_question(const AppState& s, const Ui& ui, ActionQueue& q) {
    const int event = expression_quiz_question(s);
    if (event < 0) return false;
    const ExpressionState& e = *s.expression;
    const bp::GraphEvent& ev = e.stepper.events()[static_cast<std::size_t>(event)];
    const bp::ExpressionGraph& g = e.stepper.graph();
    const bp::GraphQuestion question{ev.kind == bp::GraphEventKind::value ? bp::GraphQuantity::value : bp::GraphQuantity::adjoint, ev.node, 0};
    const bp::EventText t = e.stepper.text(event);
    ImGui::TextColored(to_vec4(ui.colors.accent), "Your turn: %s", t.title.c_str());
    ImGui::PushFont(ui.fonts.large);
    text_wrapped_at_spaces(t.symbolic, ImGui::GetStyle().Colors[ImGuiCol_Text]);
    ImGui::PopFont();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted((bp::question_label(g, question) + " =").c_str());
    ImGui::SameLine();
    char* buf = ui.memory.quiz_answer;
    if (ui.memory.quiz_asked_event != event) {  // a new question: an empty field with the focus
        buf[0] = '\0';
        ui.memory.quiz_asked_event = event;
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(std::max(ImGui::CalcTextSize("−0.000000000").x, ImGui::GetContentRegionAvail().x * 0.3f));
    const bool enter = ImGui::InputText("##graph_answer", buf, sizeof ui.memory.quiz_answer, ImGuiInputTextFlags_EnterReturnsTrue);
    report_item("quiz.graph_answer");
    ImGui::SameLine();
    if ((ImGui::Button("Check") || enter) && buf[0]) {
        push(q, expr_cmd::Answer{buf});
        ImGui::SetKeyboardFocusHere(-1);
    }
    report_item("quiz.graph_check");
    ImGui::SameLine();
    if (ImGui::Button("Reveal")) push(q, expr_cmd::Reveal{});
    report_item("quiz.graph_reveal");
    if (!e.quiz.feedback.empty())
        text_wrapped_at_spaces(e.quiz.feedback, to_vec4(e.quiz.feedback_right ? ui.colors.right : ui.colors.wrong));
    return true;
}

}  // namespace studio
