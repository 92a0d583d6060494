// The side panel: a tab bar with the selection (every value with its formula and meaning, the selected
// weight or bias as a drag field, a neuron's incoming weights), the matrix view and the network editor.
#include <string>

#include "app/studio/figures/describe.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

void incoming_parameters(const AppState& s, const Ui& ui, ActionQueue& q, int l, int j) {
    const bp::Network& net = s.doc.net;
    if (l < 1) return;
    ImGui::Spacing();
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "Incoming parameters (drag to change):");
    const int shown = std::min(net.layers[l - 1].size, 16);
    const float w = ImGui::GetFontSize() * 6.5f;
    for (int k = 0; k < shown; ++k) {
        ImGui::PushID(k);
        const std::string label = bp::weight_label(l, j, k);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine(ImGui::GetFontSize() * 4.5f);
        parameter_drag("##w", Selection::weight(l, j, k), net.layers[l].W(j, k), w, q);
        ImGui::PopID();
    }
    if (net.layers[l - 1].size > shown)
        ImGui::TextColored(to_vec4(ui.colors.text_dim), "… %d more in the Matrices tab", net.layers[l - 1].size - shown);
    if (net.layers[l].bias) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(bp::bias_label(l, j).c_str());
        ImGui::SameLine(ImGui::GetFontSize() * 4.5f);
        parameter_drag("##b", Selection::bias(l, j), net.layers[l].b[j], w, q);
    }
}

void selection_tab(const AppState& s, const Ui& ui, ActionQueue& q) {
    const Selection sel = s.selection;
    if (sel.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(to_vec4(ui.colors.text_dim),
                           "Click a neuron, an edge (a weight) or a bias edge on the network, or press ] for a neuron "
                           "and } for a weight, to see every value behind it with its formula. Drag an edge up "
                           "or down to change its weight.");
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(headline(s, sel).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (sel.is_parameter()) {
        const bool bias = sel.kind == Selection::Kind::bias;
        const std::string name = bias ? bp::bias_label(sel.l, sel.j) : bp::weight_label(sel.l, sel.j, sel.k);
        const double v = bias ? s.doc.net.layers[sel.l].b[sel.j] : s.doc.net.layers[sel.l].W(sel.j, sel.k);
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted((name + " =").c_str());
        ImGui::SameLine();
        parameter_drag("##value", sel, v, ImGui::GetFontSize() * 5.5f, q);
        ImGui::PopFont();
        ImGui::Spacing();
    }
    value_lines(describe(s, sel), ui, true);
    if (sel.kind == Selection::Kind::neuron) incoming_parameters(s, ui, q, sel.l, sel.j);
    if (sel.kind == Selection::Kind::neuron && sel.l >= 1) {  // the neuron's chain rule, node by node (issue 20)
        ImGui::Spacing();
        if (ImGui::Button("Show as a computation graph")) push_files(q, files_cmd::ShowAsGraph{sel, false});
        report_item("inspector.show_graph");
        item_tooltip("Opens this neuron, z = Σ w·a + b and a = f(z), as an expression of the current sample: step it "
                     "node by node and see every path. It replaces the network (unsaved changes are asked about first).");
        ImGui::SameLine();
        if (ImGui::Button("Its layer")) push_files(q, files_cmd::ShowAsGraph{sel, true});
        report_item("inspector.show_layer_graph");
        item_tooltip("The same for the whole layer: every neuron of it in one graph.");
    }
}

}  // namespace

void draw_inspector(const AppState& s, const Ui& ui, ActionQueue& q) {
    if (!ImGui::BeginTabBar("side")) return;
    if (ImGui::BeginTabItem("Selection")) {
        ImGui::BeginChild("selection_scroll");
        selection_tab(s, ui, q);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Matrices")) {
        ImGui::BeginChild("matrices_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
        draw_matrices(s, ui, q);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Network")) {
        ImGui::BeginChild("network_scroll");
        draw_architecture(s, ui, q);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace studio
