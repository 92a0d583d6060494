// The window's own keys and keyboard mode (see ui_keyboard.h). ImGui 1.86 keeps its navigation state in
// its context: imgui_internal.h tells whether Esc is ImGui's to back out of something, and cancels
// ImGui's Tab.
#include "app/studio/views/ui_keyboard.h"

#include <imgui_internal.h>

#include "app/studio/figures/selection_order.h"
#include "app/studio/views/views.h"

namespace studio {
namespace {

// GLFW key code of P (the 1.86 GLFW backend indexes io.KeysDown by GLFW key codes; letters are ASCII).
constexpr int kKeyP = 'P';

bool key_pressed(ImGuiKey k, bool repeat = true) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), repeat); }

// Whether, at the end of the last frame, ImGui's navigation had something of its own that Esc backs out
// of: a field being edited, the menu bar, a popup or menu, a panel entered with Space, the help overlay.
// ImGui handles Esc in NewFrame, before this frame's code runs, so the answer must come from before.
bool escape_is_imgui = false;

bool imgui_takes_escape() {
    const ImGuiContext& g = *GImGui;
    const bool in_child = g.NavWindow && g.NavWindow != g.NavWindow->RootWindow;
    return g.ActiveId != 0 || g.NavLayer != ImGuiNavLayer_Main || !g.OpenPopupStack.empty() || in_child ||
           help_overlay_open();
}

// [ ] the previous / next neuron, { } the previous / next weight or bias: read as typed characters, so
// they work on any keyboard layout, and each one counts (a slow frame may hold several repeats).
void select_keys(const AppState& s, ActionQueue& q) {
    Selection sel = s.selection;
    for (const ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        const SelectionStride stride = c == '[' || c == ']' ? SelectionStride::neuron : SelectionStride::parameter;
        if (c == '[' || c == '{') sel = next_selection(s.doc.net, sel, stride, -1);
        else if (c == ']' || c == '}') sel = next_selection(s.doc.net, sel, stride, +1);
    }
    if (!(sel == s.selection)) q.push_back(act::Select{sel});
}

}  // namespace

void keyboard_mode_keys(const AppState& s, ActionQueue& q) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;  // Tab moves between fields; Ctrl+Tab between windows
    if (key_pressed(ImGuiKey_Tab, false)) {
        ImGui::NavMoveRequestCancel();  // ImGui 1.86's own Tab, always on, would start typing into a drag field
        q.push_back(act::SetKeyboardMode{!s.keyboard_mode});
    } else if (s.keyboard_mode && !escape_is_imgui && key_pressed(ImGuiKey_Escape, false)) {
        q.push_back(act::SetKeyboardMode{false});
    }
}

void shortcuts(const AppState& s, ActionQueue& q) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // typing in a field
    if (io.KeyCtrl) {
        if (key_pressed(ImGuiKey_Z)) q.push_back(io.KeyShift ? Action{act::Redo{}} : Action{act::Undo{}});
        if (key_pressed(ImGuiKey_Y)) q.push_back(act::Redo{});
        return;
    }
    select_keys(s, q);
    if (s.keyboard_mode) return;  // the arrows, Space, Home and End are ImGui's navigation's
    if (key_pressed(ImGuiKey_RightArrow) || key_pressed(ImGuiKey_Space)) q.push_back(act::StepForward{});
    if (key_pressed(ImGuiKey_LeftArrow)) q.push_back(act::StepBack{});
    if (key_pressed(ImGuiKey_Home)) q.push_back(act::Restart{});
    if (key_pressed(ImGuiKey_End)) q.push_back(act::RunPass{});
    if (ImGui::IsKeyPressed(kKeyP, false)) q.push_back(act::SetPlaying{!s.playing});
}

void sync_keyboard_navigation(const AppState& s) {
    ImGuiIO& io = ImGui::GetIO();
    if (s.keyboard_mode) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    else io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    escape_is_imgui = s.keyboard_mode && imgui_takes_escape();
}

const char* key_hint(const AppState& s) {
    return s.keyboard_mode ? "Keyboard mode — arrows move · Space presses · Alt menus · Esc leaves"
                           : "→ step · ← back · End pass · Ctrl+Z undo · Tab keyboard mode";
}

void draw_keyboard_mode_frame(const AppState& s, const Ui& ui) {
    if (!s.keyboard_mode) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = 3 * ui.scale;
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(vp->Pos.x + w / 2, vp->Pos.y + w / 2),
                                            ImVec2(vp->Pos.x + vp->Size.x - w / 2, vp->Pos.y + vp->Size.y - w / 2),
                                            to_u32(ui.colors.accent), 0, 0, w);
}

}  // namespace studio
