// The keys of the window that are not the menus': stepping (→ Space ← Home End P), undo and redo, the
// selection ([ ] { }), and keyboard mode (Tab), in which ImGui's own navigation reaches every control —
// arrows move, Space presses, Alt opens the menus — and the stepping keys rest so that it can have them.
#pragma once
#include "app/studio/views/ui.h"

namespace studio {

// Right after ImGui::NewFrame, before any item: Tab and Esc in and out of keyboard mode (Tab is then
// taken from ImGui, whose own Tab would start typing into the next drag field).
void keyboard_mode_keys(const AppState& s, ActionQueue& q);
// After the frame's views: the shortcuts of the pass, the history and the selection.
void shortcuts(const AppState& s, ActionQueue& q);
// After the frame's actions: ImGui's keyboard navigation follows s.keyboard_mode from the next frame on.
void sync_keyboard_navigation(const AppState& s);
// The status bar's key hint: the usual keys, or what keyboard mode's keys do.
const char* key_hint(const AppState& s);
// Keyboard mode's mark around the whole window (in the accent colour); nothing when it is off.
void draw_keyboard_mode_frame(const AppState& s, const Ui& ui);

}  // namespace studio
