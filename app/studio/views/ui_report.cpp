// Recording the frame's controls for --report-state (see ui_report.h).
#include "app/studio/views/ui_report.h"

#include <algorithm>

namespace studio {
namespace {

FrameReport* current = nullptr;  // the frame being drawn's report, or none

}  // namespace

void begin_frame_report(FrameReport* report) { current = report; }
bool reporting() { return current != nullptr; }

void report_rect(const std::string& id, ImVec2 min, ImVec2 max, const std::string& text) {
    if (!current) return;
    // What is shown of the current window: its clip rectangle, within the window's (viewport's) bounds.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    const ImVec2 vp = ImGui::GetMainViewport()->Size;
    const float x0 = std::max(cmin.x, 0.0f), y0 = std::max(cmin.y, 0.0f);
    const float x1 = std::min(cmax.x, vp.x), y1 = std::min(cmax.y, vp.y);
    constexpr float slack = 1.0f;  // anti-aliased edges may touch the border
    const bool clipped = min.x < x0 - slack || min.y < y0 - slack || max.x > x1 + slack || max.y > y1 + slack;
    current->items.push_back({id, Box{min.x, min.y, max.x - min.x, max.y - min.y}, clipped, text});
}

void report_item(const std::string& id) {
    if (current) report_rect(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void report_text(const std::string& id, const std::string& text) {
    if (current) report_rect(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), text);
}

void report_dialog(const std::string& name) {
    if (current) current->dialogs.push_back(name);
}

void report_overflow(const std::string& id) {
    if (current) current->overflow.push_back(id);
}

}  // namespace studio
