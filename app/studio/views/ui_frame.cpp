// One frame of the window: the toolbar on top (and the banner when presenting), the network canvas
// with the inspector beside it, the formula and the loss curve below, a status line; splitters between
// the panels; the keys (ui_keyboard.h); then the frame's actions are applied in order.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "app/studio/figures/clock.h"
#include "app/studio/views/ui_backdrop.h"
#include "app/studio/views/ui_keyboard.h"
#include "app/studio/views/ui_metrics.h"
#include "app/studio/views/ui_report.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/view_graph_parts.h"
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
        const float len = px(ui, ui_metric::splitter_grip), width = px(ui, ui_metric::splitter_mark);
        const ImU32 col = to_u32(ui.colors.accent, active ? 1.0f : 0.6f);
        if (vertical) dl->AddLine(ImVec2(c.x, c.y - len), ImVec2(c.x, c.y + len), col, width);
        else dl->AddLine(ImVec2(c.x - len, c.y), ImVec2(c.x + len, c.y), col, width);
    }
    if (!active) return 0;
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    return vertical ? d.x : d.y;
}

// The status on the left, the key hint on the right; a status too long for the room between ends in "…",
// and the hint gives way to the status when the window is too narrow for both.
void status_bar(const AppState& s, const Ui& ui) {
    const Rgb col = s.status_is_error ? ui.colors.negative : ui.colors.text_dim;
    const char* keys = key_hint(s);
    const float gap = px(ui, ui_metric::status_gap), start = ImGui::GetCursorPosX();
    const float right = ImGui::GetWindowContentRegionMax().x, keys_w = ImGui::CalcTextSize(keys).x;
    const bool with_keys = right - start - keys_w - gap >= keys_w * 0.5f;  // the status keeps half the hint's width
    const float keys_x = with_keys ? right - keys_w : right + gap;
    ImGui::AlignTextToFramePadding();
    text_ellipsis(s.status, to_vec4(col), keys_x - gap - start);
    report_item("status.text");
    if (!with_keys) return;
    ImGui::SameLine(keys_x);
    ImGui::TextColored(to_vec4(s.keyboard_mode ? ui.colors.accent : ui.colors.text_dim), "%s", keys);
    report_item("status.keys");
}

void panel(const char* id, ImVec2 size, const Ui& ui) {
    // The frame is cleared to the panels' colour and the background painted around them (ui_backdrop.h):
    // neither the panel nor a scrolling region inside it fills itself again.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0u);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(ui, ui_metric::panel_pad_x), px(ui, ui_metric::panel_pad_y)));
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(ui, ui_metric::item_gap_x), px(ui, ui_metric::item_gap_y)));
    const ImVec2 pos = ImGui::GetWindowPos(), extent = ImGui::GetWindowSize();
    ui.memory.panels.push_back({pos.x, pos.y, extent.x, extent.y});
}

void end_panel() {
    ImGui::PopStyleVar();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// Whether the side panel has nothing to show: the Inspector with nothing selected. In presentation mode
// it then yields its room to the canvas (a click on the network, or the canvas's Panels button, brings
// it back).
bool side_panel_empty(const AppState& s, const Ui& ui) {
    return s.side_tab.empty() && ui.memory.side_tab_shown == "inspector" && s.selection.empty();
}

// The narrowest the side panel goes: its four tabs side by side.
float side_panel_min_width(const Ui& ui) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float w = 2 * px(ui, ui_metric::panel_pad_x);
    for (const char* tab : {"Inspector", "Paths", "Lab", "Quiz"})
        w += ImGui::CalcTextSize(tab).x + 2 * style.FramePadding.x + style.ItemInnerSpacing.x;
    return w;
}

// The side panel: one tab per job (Inspector, Paths, Lab, Quiz); each tab is one BeginTabItem block.
// s.side_tab (--tab) brings one forward once.
void side_panel(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    const auto flags = [&](const char* name) { return s.side_tab == name ? ImGuiTabItemFlags_SetSelected : 0; };
    // A tab brought forward is the one shown from now on (ImGui selects it only in the next frame, and the
    // frame's layout, which reads side_tab_shown, must not take the old tab for it meanwhile).
    if (!s.side_tab.empty()) ui.memory.side_tab_shown = s.side_tab;
    if (!s.side_tab.empty()) q.push_back(act::ShowTab{""});
    if (!ImGui::BeginTabBar("side_panel", ImGuiTabBarFlags_FittingPolicyScroll)) return;
    // Each tab: its content when it is the one shown; which one that is, the frame's layout remembers.
    const auto tab = [&](const char* label, const char* name, const std::function<void()>& content) {
        const bool open = ImGui::BeginTabItem(label, nullptr, flags(name));
        report_item(std::string("tab.") + name);
        if (!open) return false;
        if (s.side_tab.empty()) ui.memory.side_tab_shown = name;
        content();
        ImGui::EndTabItem();
        return true;
    };
    if (s.expression) {  // an expression: its text and variables, its paths, its quiz (view_graph_panels.cpp)
        tab("Expression", "expression", [&] { draw_expression_tab(s, ui, q); });
        tab("Paths", "paths", [&] { draw_graph_paths(s, ui, q); });
        tab("Quiz", "quiz", [&] { draw_graph_quiz_tab(s, ui, q); });
        return ImGui::EndTabBar();
    }
    tab("Inspector", "inspector", [&] { draw_inspector(s, ui, q); });
    tab("Paths", "paths", [&] { draw_paths(s, ui, q); });
    if (!tab("Lab", "lab", [&] { draw_lab(s, ui, q, info); }) && s.lab.visible) q.push_back(act::Lab{lab::SetVisible{false}});
    tab("Quiz", "quiz", [&] { draw_quiz_tab(s, ui, q); });
    ImGui::EndTabBar();
}

}  // namespace

FrameInfo draw_frame(AppState& s, const Ui& ui, double dt) {
    ActionQueue q;
    FrameInfo info;
    begin_frame_report(ui.report ? &info.report : nullptr);
    ui.memory.panels.clear();
    keyboard_mode_keys(s, ui, q);
    if (!s.keyboard_mode) close_menus_on_escape();  // keyboard mode: ImGui's navigation backs out a level at a time
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(ui, ui_metric::window_pad), px(ui, ui_metric::window_pad)));
    // No background: the platform clears the window to the same colour first, and under software GL a
    // second full-window fill costs the frame as much as everything else together (docs/PERFORMANCE.md).
    ImGui::Begin("Backprop Studio", nullptr,
                 ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_MenuBar);
    ImGui::PopStyleVar();
    draw_menu_bar(s, ui, q, info);

    // Presenting, an empty side panel yields its room (the toolbar then offers a Panels menu); so does the
    // Inspector while a lesson's panel takes a window too narrow for three columns at this text size.
    ui.memory.side_yielded = s.settings.show_side && ((s.present && side_panel_empty(s, ui)) || lesson_crowds_side_panel(s, ui));
    draw_toolbar(s, ui, q);
    if (s.present && !s.lesson.lesson) draw_banner(s, ui);  // presenting a lesson, its caption strip says what is on

    const float gap = px(ui, ui_metric::splitter);
    // A lesson open: its panel is a column on the left, the whole body's height; the rest beside it.
    const ImVec2 whole = ImGui::GetContentRegionAvail();
    const float lesson_w = lesson_panel_width(s, ui, whole.x);
    if (lesson_w > 0) {
        const float lesson_h = std::max(100.0f, whole.y - ImGui::GetFrameHeight() - ImGui::GetStyle().ItemSpacing.y);
        panel("lesson", ImVec2(lesson_w, lesson_h), ui);
        draw_lesson_panel(s, ui, q);
        end_panel();
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
    }
    const ImVec2 avail = lesson_w > 0 ? ImVec2(whole.x - lesson_w - gap, whole.y) : whole;
    const float status_h = ImGui::GetFrameHeight();
    const float strip_h = lesson_strip_height(s, ui, whole.y);  // presenting a lesson: its caption strip
    const float body_h = std::max(100.0f, avail.y - status_h - ImGui::GetStyle().ItemSpacing.y - (strip_h > 0 ? strip_h + gap : 0));
    const Settings& st = s.settings;
    // Hidden panels (View menu) give their room to the canvas and the formula; when presenting, so does
    // an empty side panel. The formula's row is as tall as the formula needs (measured when it was last
    // drawn: it wraps, it never scrolls), at least the user's share, and leaves the canvas its minimum.
    const bool side = st.show_side && !ui.memory.side_yielded;
    const float side_share = std::round(avail.x * (s.lab.visible ? st.lab_side_width : st.side_width));
    const float side_w = side ? std::min(std::max(side_share, side_panel_min_width(ui)), avail.x * 0.6f) : 0;
    const float canvas_w = side ? avail.x - side_w - gap : avail.x;
    // (beside a lesson's panel the formula keeps its share of the whole window: the loss curve yields first)
    const float formula_share = std::round((lesson_w > 0 ? whole.x : avail.x) * st.formula_width);
    const bool loss = st.show_loss && !s.expression && avail.x - formula_share - gap >= px(ui, ui_metric::loss_min_w);
    const float formula_w = loss ? formula_share : avail.x;
    const float canvas_min = canvas_min_height(s, ui, canvas_w);
    const float bottom_max = std::max(0.0f, body_h - gap - canvas_min);
    const float formula_need = formula_panel_height(s, ui, formula_w, bottom_max);
    const float bottom_h = std::round(std::clamp(std::max(body_h * st.bottom_height, formula_need), 0.0f, bottom_max));
    const float top_h = body_h - bottom_h - gap;
    Settings moved = st;

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    panel("canvas", ImVec2(canvas_w, top_h), ui);
    if (s.expression) draw_graph_canvas(s, ui, q, info);
    else draw_network(s, ui, q, info);
    end_panel();
    if (side) {
        ImGui::SameLine();
        (s.lab.visible ? moved.lab_side_width : moved.side_width) -= splitter("split_side", ImVec2(gap, top_h), true, ui) / avail.x;
        ImGui::SameLine();
        panel("inspector", ImVec2(side_w, top_h), ui);
        side_panel(s, ui, q, info);
        end_panel();
    } else if (s.lab.visible) {
        q.push_back(act::Lab{lab::SetVisible{false}});  // the Lab tab is not drawn
    }
    moved.bottom_height -= splitter("split_bottom", ImVec2(avail.x, gap), false, ui) / body_h;
    panel("formula", ImVec2(formula_w, bottom_h), ui);
    draw_formula(s, ui, q);
    end_panel();
    if (loss) {
        ImGui::SameLine();
        moved.formula_width += splitter("split_bottom_row", ImVec2(gap, bottom_h), true, ui) / avail.x;
        ImGui::SameLine();
        panel("loss", ImVec2(avail.x - formula_w - gap, bottom_h), ui);
        const double started = thread_cpu_ms();
        draw_loss_curve(s, ui, q);
        info.loss_curve_ms = thread_cpu_ms() - started;
        end_panel();
    }
    if (strip_h > 0) {
        ImGui::Dummy(ImVec2(0, gap));
        panel("lesson", ImVec2(avail.x, strip_h), ui);
        draw_lesson_panel(s, ui, q);
        end_panel();
    }
    ImGui::PopStyleVar();
    if (lesson_w > 0) ImGui::EndGroup();
    ImGui::Spacing();
    status_bar(s, ui);
    ImGui::End();
    if (!(moved == st)) q.push_back(act::SetSettings{moved});

    paint_backdrop(ImGui::GetBackgroundDrawList(), {vp->Pos.x, vp->Pos.y, vp->Size.x, vp->Size.y}, ui.memory.panels,
                   ImGui::GetStyle().ChildRounding, to_u32(ui.colors.background));
    draw_dialogs(s, ui, q);
    draw_lessons_window(s, ui, q);
    draw_help_overlay(ui, s.settings.notation);
    draw_keyboard_mode_frame(s, ui);
    shortcuts(s, ui, q, info);
    push_frame_ticks(q, dt);
    apply_all(s, q);
    sync_keyboard_navigation(s, ui);
    if (ui.report) {
        info.report.canvas = info.canvas;
        info.report.width = static_cast<int>(vp->Size.x);
        info.report.height = static_cast<int>(vp->Size.y);
        info.report.scale = ui.scale;
        info.report.sizing = ui.sizing;
        begin_frame_report(nullptr);
    }
    return info;
}

}  // namespace studio
