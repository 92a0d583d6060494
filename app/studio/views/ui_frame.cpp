// One frame of the window: the toolbar on top (and the banner when presenting), the network canvas
// with the inspector beside it, the formula and the loss curve below, a status line; splitters between
// the panels; the keys (ui_keyboard.h); then the frame's actions are applied in order.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/studio/figures/clock.h"
#include "app/studio/views/ui_keyboard.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"
#include "bp_version.h"

namespace studio {
namespace {

// A bar between two panels; dragging it moves the boundary. Returns the drag in pixels.
float splitter(const char* id, ImVec2 size, bool vertical, const Ui& ui) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    mouse_only_button(id, size);
    const bool active = ImGui::IsItemActive(), hot = active || ImGui::IsItemHovered();
    if (hot) ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    if (hot) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 c(p.x + size.x / 2, p.y + size.y / 2);
        const float len = 28 * ui.scale;
        const ImU32 col = to_u32(ui.colors.accent, active ? 1.0f : 0.6f);
        if (vertical) dl->AddLine(ImVec2(c.x, c.y - len), ImVec2(c.x, c.y + len), col, 3 * ui.scale);
        else dl->AddLine(ImVec2(c.x - len, c.y), ImVec2(c.x + len, c.y), col, 3 * ui.scale);
    }
    if (!active) return 0;
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    return vertical ? d.x : d.y;
}

// The status on the left, the key hint on the right; a status too long for the room between ends in "…".
void status_bar(const AppState& s, const Ui& ui) {
    const Rgb col = s.status_is_error ? ui.colors.negative : ui.colors.text_dim;
    const char* keys = key_hint(s);
    const float gap = 20 * ui.scale, start = ImGui::GetCursorPosX();
    const float keys_x = std::max(start + gap, ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(keys).x);
    ImGui::AlignTextToFramePadding();
    text_ellipsis(s.status, to_vec4(col), keys_x - gap - start);
    ImGui::SameLine(keys_x);
    ImGui::TextColored(to_vec4(s.keyboard_mode ? ui.colors.accent : ui.colors.text_dim), "%s", keys);
}

void panel(const char* id, ImVec2 size, const Ui& ui, bool scroll = false) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * ui.scale, 8 * ui.scale));
    ImGui::BeginChild(id, size, true, scroll ? 0 : (ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse));
    ImGui::PopStyleVar();
}

// The side panel: one tab per job (Inspector, Paths, Lab, Quiz); each tab is one BeginTabItem block.
// s.side_tab (--tab) brings one forward once.
void side_panel(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    const auto flags = [&](const char* name) { return s.side_tab == name ? ImGuiTabItemFlags_SetSelected : 0; };
    if (!s.side_tab.empty()) q.push_back(act::ShowTab{""});
    if (!ImGui::BeginTabBar("side_panel")) return;
    if (ImGui::BeginTabItem("Inspector", nullptr, flags("inspector"))) {
        draw_inspector(s, ui, q);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Paths", nullptr, flags("paths"))) {
        draw_paths(s, ui, q);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Lab", nullptr, flags("lab"))) {
        draw_lab(s, ui, q, info);
        ImGui::EndTabItem();
    } else if (s.lab.visible) {
        q.push_back(act::Lab{lab::SetVisible{false}});
    }
    if (ImGui::BeginTabItem("Quiz", nullptr, flags("quiz"))) {
        draw_quiz_tab(s, ui, q);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace

FrameInfo draw_frame(AppState& s, const Ui& ui, double dt) {
    ActionQueue q;
    FrameInfo info;
    begin_frame_report(ui.report ? &info.report : nullptr);
    keyboard_mode_keys(s, ui, q);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8 * ui.scale, 8 * ui.scale));
    ImGui::Begin("Backprop Studio", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_MenuBar);
    ImGui::PopStyleVar();
    draw_menu_bar(s, ui, q, info);

    draw_toolbar(s, ui, q);
    if (s.present) draw_banner(s, ui);

    const float gap = 6 * ui.scale;  // splitter thickness
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float status_h = ImGui::GetFrameHeight();
    const float body_h = std::max(100.0f, avail.y - status_h - ImGui::GetStyle().ItemSpacing.y);
    const Settings& st = s.settings;
    const float bottom_h = std::round(body_h * st.bottom_height);
    const float top_h = body_h - bottom_h - gap;
    // Hidden panels (View menu) give their room to the canvas and the formula.
    const float side_w = st.show_side ? std::round(avail.x * (s.lab.visible ? st.lab_side_width : st.side_width)) : 0;  // the Lab keeps its own
    const float canvas_w = st.show_side ? avail.x - side_w - gap : avail.x;
    const float formula_w = st.show_loss ? std::round(avail.x * st.formula_width) : avail.x;
    Settings moved = st;

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    panel("canvas", ImVec2(canvas_w, top_h), ui);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * ui.scale, 6 * ui.scale));
    draw_network(s, ui, q, info);
    ImGui::PopStyleVar();
    ImGui::EndChild();
    if (st.show_side) {
        ImGui::SameLine();
        (s.lab.visible ? moved.lab_side_width : moved.side_width) -= splitter("split_side", ImVec2(gap, top_h), true, ui) / avail.x;
        ImGui::SameLine();
        panel("inspector", ImVec2(side_w, top_h), ui);
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * ui.scale, 6 * ui.scale));
        side_panel(s, ui, q, info);
        ImGui::PopStyleVar();
        ImGui::EndChild();
    } else if (s.lab.visible) {
        q.push_back(act::Lab{lab::SetVisible{false}});  // the Lab tab is not drawn
    }
    moved.bottom_height -= splitter("split_bottom", ImVec2(avail.x, gap), false, ui) / body_h;
    panel("formula", ImVec2(formula_w, bottom_h), ui, true);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * ui.scale, 6 * ui.scale));
    draw_formula(s, ui, q);
    ImGui::PopStyleVar();
    ImGui::EndChild();
    if (st.show_loss) {
        ImGui::SameLine();
        moved.formula_width += splitter("split_bottom_row", ImVec2(gap, bottom_h), true, ui) / avail.x;
        ImGui::SameLine();
        panel("loss", ImVec2(avail.x - formula_w - gap, bottom_h), ui);
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * ui.scale, 6 * ui.scale));
        const double started = thread_cpu_ms();
        draw_loss_curve(s, ui, q);
        info.loss_curve_ms = thread_cpu_ms() - started;
        ImGui::PopStyleVar();
        ImGui::EndChild();
    }
    ImGui::PopStyleVar();
    ImGui::Spacing();
    status_bar(s, ui);
    ImGui::End();
    if (!(moved == st)) q.push_back(act::SetSettings{moved});

    draw_dialogs(s, ui, q);
    draw_help_overlay(ui);
    draw_keyboard_mode_frame(s, ui);
    shortcuts(s, ui, q, info);
    q.push_back(act::Files{files_cmd::Tick{dt}});  // the autosave clock
    q.push_back(act::Tick{dt});
    q.push_back(act::Lab{lab::Tick{dt}});  // Lab training and its plot's refresh
    apply_all(s, q);
    sync_keyboard_navigation(s, ui);
    if (ui.report) {
        info.report.canvas = info.canvas;
        info.report.width = static_cast<int>(vp->Size.x);
        info.report.height = static_cast<int>(vp->Size.y);
        info.report.scale = ui.scale;
        begin_frame_report(nullptr);
    }
    return info;
}

}  // namespace studio
