// The markers of neurons whose gradient vanishes (figures/neuron_marks.h): a small disc just outside the
// neuron's circle, upper right — "≈" on a saturated neuron, "✗" on a dead ReLU — with the one-line reason
// as its tooltip (the neuron's own tooltip starts with it too). The legend names them when any is shown.
#include <algorithm>
#include <cmath>

#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_network_parts.h"

namespace studio::canvas_view {

const NeuronMark* mark_of(const std::vector<NeuronMark>& marks, int l, int j) {
    for (const NeuronMark& m : marks)
        if (m.l == l && m.j == j) return &m;
    return nullptr;
}

Rect mark_box(const Canvas& c, const NeuronMark& m) {
    const float r = px(c.ui, ui_metric::marker_r), d = (c.lay.radius + r * 0.6f) * 0.7071f;
    const Vec2 p = c.lay.neurons[m.l][m.j];
    return centred(p.x + d, p.y - d, 2 * r, 2 * r);
}

void draw_marks(const Canvas& c) {
    if (!c.vanishing) return;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const NeuronMark& m : *c.vanishing) {
        const Rect b = mark_box(c, m);
        const ImVec2 centre((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
        const float r = (b.x1 - b.x0) / 2;
        const bool dead = m.kind == Vanishing::dead;
        c.dl->AddCircleFilled(centre, r, to_u32(dead ? c.ui.colors.text_dim : c.ui.colors.negative));
        c.dl->AddCircle(centre, r, to_u32(c.ui.colors.canvas), 0, std::max(1.0f, px(c.ui, ui_metric::marker_rim)));
        ImFont* f = c.ui.fonts.small;
        const char* glyph = dead ? "✗" : "≈";
        const float size = r * 1.7f;
        const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, glyph);
        c.dl->AddText(f, size, ImVec2(centre.x - ts.x / 2, centre.y - ts.y / 2), to_u32(c.ui.colors.canvas), glyph);
        report_rect("canvas.mark." + std::to_string(m.l) + "." + std::to_string(m.j), ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1),
                    dead ? "dead" : "saturated");
        const float dx = mouse.x - centre.x, dy = mouse.y - centre.y;
        if (dx * dx + dy * dy <= r * r * 2.25f && ImGui::IsWindowHovered()) {  // the one-line reason
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
            ImGui::TextUnformatted(m.why.c_str());
            report_text("tooltip.mark", m.why);
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

}  // namespace studio::canvas_view
