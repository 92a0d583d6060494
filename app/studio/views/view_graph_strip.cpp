// The toolbar's second row while an expression is open: the graph's two phases — the forward pass (each
// operation's value) and the backward pass (each adjoint) — the one on screen lit, a finished one ticked,
// a click jumping to its start; then the step counter and the quiz switch.
#include <cstdio>
#include <string>

#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_phase_segment.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_graph_parts.h"

namespace studio {

void draw_graph_phase_strip(const AppState& s, const Ui& ui, ActionQueue& q) {
    const ExpressionState& e = *s.expression;
    const bp::GraphStepper& st = e.stepper;
    constexpr const char* kNames[] = {"Forward: values", "Backward: adjoints"};
    constexpr const char* kHelp[] = {"Forward pass: the value of each operation, from the variables to y",
                                     "Backward pass: ∂y/∂node for each node, from y back, the sum over its outgoing edges "
                                     "of adjoint · local derivative"};
    int first[2] = {-1, -1}, count[2] = {0, 0}, done[2] = {0, 0};
    for (int i = 0; i < st.size(); ++i) {
        const int p = st.events()[static_cast<std::size_t>(i)].phase == bp::Phase::forward ? 0 : 1;
        if (first[p] < 0) first[p] = i;
        ++count[p];
        if (i < st.cursor()) ++done[p];
    }
    const int lit = st.current() ? (st.current()->phase == bp::Phase::forward ? 0 : 1) : -1;
    char counter[64];
    std::snprintf(counter, sizeof counter, "step %d / %d", st.cursor(), st.size());
    const char* quiz = e.quiz.on ? "✓ Quiz" : "Quiz";
    const float gap = px(ui, ui_metric::phase_gap), counter_gap = px(ui, ui_metric::counter_gap);
    const float right = counter_gap + ImGui::CalcTextSize(counter).x + ImGui::GetStyle().ItemSpacing.x + button_width(quiz);
    const float seg = std::max(1.0f, (ImGui::GetContentRegionAvail().x - right - gap) / 2);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight() * 1.05f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int p = 0; p < 2; ++p) {
        const bool complete = count[p] > 0 && done[p] == count[p];
        ImGui::PushID(p);
        if (phase_segment(dl, ImVec2(p0.x + p * (seg + gap), p0.y), seg, h, ui,
                          {"graph_phase", kHelp[p], kNames[p], std::string("phase.graph.") + (p == 0 ? "forward" : "backward"), p == lit, complete}) &&
            first[p] >= 0)
            q.push_back(act::Seek{first[p]});
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(p0.x + 2 * seg + gap + counter_gap, p0.y + (h - ImGui::GetFrameHeight()) / 2));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(to_vec4(ui.colors.text_dim), "%s", counter);
    report_item("toolbar.counter");
    ImGui::SameLine();
    if (ImGui::Button(quiz)) q.push_back(act::Expression{expr_cmd::SetQuiz{!e.quiz.on}});
    item_tooltip("Quiz mode: stepping stops before each value and adjoint for you to work it out first.");
    report_item("toolbar.quiz");
    ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h));
    ImGui::Dummy(ImVec2(1, 0));
}

}  // namespace studio
