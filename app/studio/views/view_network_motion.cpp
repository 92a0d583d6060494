// While playing, the values the next step reads travel along the edges into what it writes
// (figures/motion.h): a dot in the accent colour with the value's number beside it (for a few dots), so
// the class sees where each number comes from. View ▸ Motion while playing turns it off.
#include <algorithm>

#include "app/studio/figures/motion.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/view_network_parts.h"

namespace studio::canvas_view {

void draw_motion(const Canvas& c) {
    const std::vector<Travel> all = travels(c.s, c.lay);
    const float r = std::max(px(c.ui, ui_metric::motion_dot), c.lay.radius * 0.18f);
    ImFont* f = c.ui.fonts.small;
    const bool numbers = all.size() <= 8;  // more would be a cloud of digits
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Travel& t = all[i];
        const ImVec2 at(t.at.x, t.at.y);
        c.dl->AddCircleFilled(at, r * 1.8f, to_u32(c.ui.colors.accent, 0.25f));
        c.dl->AddCircleFilled(at, r, to_u32(c.ui.colors.accent));
        ImVec2 end(at.x + r, at.y + r);
        if (numbers && !t.text.empty()) {
            const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.text.c_str());
            const ImVec2 p(at.x + r * 1.6f, at.y - ts.y - r * 0.6f);
            c.dl->AddRectFilled(p, ImVec2(p.x + ts.x + 2 * r, p.y + ts.y), to_u32(c.ui.colors.canvas, 0.85f), r);
            c.dl->AddText(f, f->FontSize, ImVec2(p.x + r, p.y), to_u32(c.ui.colors.accent), t.text.c_str());
            end = ImVec2(p.x + ts.x + 2 * r, at.y + r);
        }
        report_rect("motion." + std::to_string(i), ImVec2(at.x - r, at.y - r), end, t.text);
    }
}

}  // namespace studio::canvas_view
