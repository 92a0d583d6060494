// A phase strip's segment (see ui_phase_segment.h).
#include "app/studio/views/ui_phase_segment.h"

#include <algorithm>

#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"

namespace studio {

bool phase_segment(ImDrawList* dl, ImVec2 a, float w, float h, const Ui& ui, const PhaseSegment& seg) {
    const ImVec2 b(a.x + w, a.y + h);
    ImGui::SetCursorScreenPos(a);
    const bool clicked = ImGui::InvisibleButton(seg.id, ImVec2(std::max(w, 1.0f), h));
    item_tooltip(seg.help);
    const ImU32 fill = seg.current    ? to_u32(ui.colors.accent)
                       : seg.complete ? to_u32(ui.colors.accent, ui.light ? 0.22f : 0.28f)
                                      : ImGui::GetColorU32(ImGuiCol_FrameBg);
    dl->AddRectFilled(a, b, fill, h * 0.5f);
    const ImU32 ink = seg.current ? (ui.light ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 28, 255))
                                  : to_u32(seg.complete ? ui.colors.text : ui.colors.text_dim);
    const std::string label = seg.name.empty() ? (seg.complete ? "✓" : "") : (seg.complete ? "✓ " : "") + seg.name;
    if (label.empty()) return clicked;
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    const ImVec2 at(a.x + std::max(0.0f, (w - ts.x) / 2), a.y + (h - ts.y) / 2);
    dl->PushClipRect(a, b, true);
    dl->AddText(at, ink, label.c_str());
    dl->PopClipRect();
    if (!seg.name.empty()) report_rect(seg.report_id, at, ImVec2(at.x + ts.x, at.y + ts.y), seg.current ? "lit" : "");
    return clicked;
}

}  // namespace studio
