// The window's own keys, read from the frame's key presses (keys.h: a tap is never lost) — stepping
// (→ Space ← Home End P, and a presentation clicker's Page Down / Page Up), blanking the canvas (B or
// .), undo and redo, files (Ctrl+N/O/S/Shift+S/Q), text size (Ctrl+= / Ctrl+-), F1 F11 F12, the
// selection ([ ] { }) — and keyboard mode (Tab), in which ImGui's own navigation reaches every control:
// arrows move, Space presses, Alt opens the menus, and the stepping keys rest so that it can have them.
#pragma once
#include "app/studio/views/ui.h"

namespace studio {

// Right after ImGui::NewFrame, before any item: Tab and Esc in and out of keyboard mode (Tab is then
// taken from ImGui, whose own Tab would start typing into the next drag field).
void keyboard_mode_keys(const AppState& s, const Ui& ui, ActionQueue& q);
// After the frame's views: every other key of the window.
void shortcuts(const AppState& s, const Ui& ui, ActionQueue& q, FrameInfo& info);
// After the frame's actions: ImGui's keyboard navigation follows s.keyboard_mode from the next frame on.
void sync_keyboard_navigation(const AppState& s, const Ui& ui);
// The status bar's key hint: the usual keys, or what keyboard mode's keys do.
const char* key_hint(const AppState& s);
// Keyboard mode's mark around the whole window (in the accent colour); nothing when it is off.
void draw_keyboard_mode_frame(const AppState& s, const Ui& ui);

}  // namespace studio
