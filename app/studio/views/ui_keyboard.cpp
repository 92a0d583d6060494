// The window's own keys and keyboard mode (see ui_keyboard.h). ImGui 1.86 keeps its navigation state in
// its context: imgui_internal.h tells whether Esc is ImGui's to back out of something, and cancels
// ImGui's Tab.
#include "app/studio/views/ui_keyboard.h"

#include <algorithm>

#include <imgui_internal.h>

#include "app/studio/figures/selection_order.h"
#include "app/studio/state/text_scale.h"
#include "app/studio/views/ui_widgets.h"
#include "app/studio/views/views.h"

namespace studio {
namespace {

// The frame's presses of `k` with exactly the modifiers `mods` (Shift, Ctrl, Alt); held keys repeat only
// where `repeat` allows it (stepping, like a held arrow in a text editor).
int presses(const Ui& ui, int k, int mods = 0, bool repeat = false) {
    int n = 0;
    for (const KeyPress& p : ui.key_presses)
        if (p.key == k && (p.mods & (kModShift | kModControl | kModAlt)) == mods && (repeat || !p.repeat)) ++n;
    return n;
}

// Whether, at the end of the last frame, ImGui's navigation had something of its own that Esc backs out
// of: a field being edited, the menu bar, a popup or menu, a panel entered with Space, the help overlay.
// ImGui handles Esc in NewFrame, before this frame's code runs, so the answer must come from before.
bool imgui_takes_escape(const Ui& ui) {
    const ImGuiContext& g = *GImGui;
    const bool in_child = g.NavWindow && g.NavWindow != g.NavWindow->RootWindow;
    return g.ActiveId != 0 || g.NavLayer != ImGuiNavLayer_Main || !g.OpenPopupStack.empty() || in_child ||
           ui.memory.help_open;
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

// Keys with Ctrl, and the function keys: they work in keyboard mode too.
void command_keys(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    constexpr int C = kModControl, CS = kModControl | kModShift;
    for (int i = presses(ui, 'Z', C, true); i > 0; --i) q.push_back(act::Undo{});
    for (int i = presses(ui, 'Z', CS, true) + presses(ui, 'Y', C, true); i > 0; --i) q.push_back(act::Redo{});
    if (presses(ui, 'N', C)) push_files(q, files_cmd::New{});
    if (presses(ui, 'O', C)) push_files(q, files_cmd::ShowBrowser{false});
    if (presses(ui, 'S', C)) push_files(q, files_cmd::Save{});
    if (presses(ui, 'S', CS)) push_files(q, files_cmd::ShowBrowser{true});
    if (presses(ui, 'Q', C)) push_files(q, files_cmd::RequestQuit{});
    // Text size: Ctrl+= (or Ctrl++, Shift held) larger, Ctrl+- smaller.
    const int larger = presses(ui, key::equal, C) + presses(ui, key::equal, CS) + presses(ui, key::keypad_add, C);
    const int smaller = presses(ui, key::minus, C) + presses(ui, key::keypad_subtract, C);
    if (larger != smaller) {
        Settings t = s.settings;
        t.ui_scale = next_text_scale(t.ui_scale, larger > smaller ? +1 : -1);
        q.push_back(act::SetSettings{t});
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (presses(ui, key::f1) % 2 || (!io.WantTextInput && !io.KeyCtrl && io.InputQueueCharacters.contains('?')))
        ui.memory.help_open = !ui.memory.help_open;
    if (presses(ui, key::f11) % 2) {
        q.push_back(act::SetPresent{!s.present});
        info.fullscreen = !s.present;
    }
    if (presses(ui, key::f12)) info.screenshot = true;
    if (presses(ui, key::f12, kModShift)) info.canvas_png_scale = 2;
}

// The pass's keys, and a presentation clicker's: Page Down / Page Up are what clickers send (while a
// lesson is open they turn its pages: lesson_keys).
void stepping_keys(const AppState& s, const Ui& ui, ActionQueue& q) {
    const bool clicker_steps = !s.lesson.lesson;
    const int forward = presses(ui, key::right, 0, true) + presses(ui, key::space, 0, true) +
                        (clicker_steps ? presses(ui, key::page_down, 0, true) : 0);
    const int back = presses(ui, key::left, 0, true) + (clicker_steps ? presses(ui, key::page_up, 0, true) : 0);
    if (forward) q.push_back(act::StepForward{forward});
    if (back) q.push_back(act::StepBack{back});
    if (presses(ui, key::home)) q.push_back(act::Restart{});
    if (presses(ui, key::end)) q.push_back(act::RunPass{});
    if (presses(ui, 'P') % 2) q.push_back(act::SetPlaying{!s.playing});
    if ((presses(ui, 'B') + presses(ui, key::period)) % 2) q.push_back(act::SetBlank{!s.blank});
}

// A lesson's keys: Page Down / Page Up (a clicker's, issues 18 and 22) and Alt+→ / Alt+← the next and
// previous page — → / ← still step the pass — and R the page's state again. They work in keyboard mode too.
void lesson_keys(const AppState& s, const Ui& ui, ActionQueue& q, bool with_letters) {
    if (!s.lesson.lesson) return;
    const int pages = static_cast<int>(s.lesson.lesson->pages.size());
    const int moved = presses(ui, key::right, kModAlt) + presses(ui, key::page_down, 0, true) -
                      presses(ui, key::left, kModAlt) - presses(ui, key::page_up, 0, true);
    const int page = std::clamp(s.lesson.page + moved, 0, pages - 1);
    if (page != s.lesson.page) q.push_back(act::Lesson{lesson_cmd::GoTo{page}});
    if (with_letters && presses(ui, 'R')) q.push_back(act::Lesson{lesson_cmd::ReturnToPage{}});
}

}  // namespace

void keyboard_mode_keys(const AppState& s, const Ui& ui, ActionQueue& q) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;  // Tab moves between fields
    if (presses(ui, key::tab) % 2) {
        ImGui::NavMoveRequestCancel();  // ImGui 1.86's own Tab, always on, would start typing into a drag field
        q.push_back(act::SetKeyboardMode{!s.keyboard_mode});
    } else if (s.keyboard_mode && !ui.memory.escape_is_imgui && presses(ui, key::escape)) {
        q.push_back(act::SetKeyboardMode{false});
    }
}

void shortcuts(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info) {
    if (ImGui::GetIO().WantTextInput) return;  // typing in a field
    // A dialog (the unsaved-changes question, the file browser, an error) or an open menu has the keys.
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    command_keys(s, ui, q, info);
    select_keys(s, q);
    lesson_keys(s, ui, q, !s.keyboard_mode);
    if (s.keyboard_mode) return;  // the arrows, Space, Home and End are ImGui's navigation's
    stepping_keys(s, ui, q);
}

void sync_keyboard_navigation(const AppState& s, const Ui& ui) {
    ImGuiIO& io = ImGui::GetIO();
    if (s.keyboard_mode) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    else io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    ui.memory.escape_is_imgui = s.keyboard_mode && imgui_takes_escape(ui);
}

const char* key_hint(const AppState& s) {
    if (s.lesson.lesson && !s.keyboard_mode) return "PgDn PgUp (Alt+→ Alt+←) page · R the page's state · → step · ← back";
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
