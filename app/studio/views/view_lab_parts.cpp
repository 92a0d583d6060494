// The Lab's small shared widgets (see view_lab_parts.h).
#include "app/studio/views/view_lab_parts.h"

#include "app/studio/handlers/lab.h"
#include "app/studio/views/ui_widgets.h"
#include "engine/teaching/notation.h"

namespace studio::lab_view {

void push(ActionQueue& q, lab::Op op) { q.push_back(act::Lab{std::move(op)}); }


bool button(const char* label, const char* help, bool enabled) {
    if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
    const bool pressed = ImGui::Button(label) && enabled;
    if (!enabled) ImGui::PopStyleVar();
    item_tooltip(help);
    return pressed;
}

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

const char* optimizer_name(bp::OptimizerKind k) {
    return k == bp::OptimizerKind::sgd ? "SGD" : k == bp::OptimizerKind::momentum ? "momentum" : "Adam";
}

std::string output_name(const bp::Network& net, int k) { return "a" + bp::superscript(net.L()) + bp::subscript(k + 1); }

PointCircles point_circles(float size, float scale, bool hot) {
    const float r = size * scale * (hot ? 1.5f : 1.0f);
    return {r, metric::rim_width * scale, r + metric::rim_width * scale / 2, metric::halo_width * scale, metric::ring_width * scale};
}

}  // namespace studio::lab_view
