// Small ImGui helpers shared by the views: segmented toggles, tooltips, value rows, a drag field for a
// parameter that turns a drag into one undo entry.
#pragma once
#include <string>
#include <vector>

#include "app/studio/figures/describe.h"
#include "app/studio/views/ui.h"

namespace studio {

// A row of buttons, one lit; returns the index clicked, or -1. help[i], when given, is button i's tooltip.
// With a report id, button i is reported (--report-state) as "<report>.<i>" with its label.
int segmented(const char* id, const std::vector<std::string>& labels, int current, const Ui& ui,
              const std::vector<const char*>& help = {}, const char* report = nullptr);
// At the start of a frame: Esc closes the open menus and popups (ImGui 1.86 does only with keyboard
// navigation on); a modal dialog keeps it for its own Cancel.
void close_menus_on_escape();
// A tooltip with one sentence when the last item is hovered.
void item_tooltip(const char* text);
// A line in the theme's dimmed text colour.
void dim_text(const Ui& ui, const std::string& text);
void dim_text_wrapped(const Ui& ui, const std::string& text);  // the same, wrapped at the panel's edge
// The lines of describe() as a two-column block: "name = formula = value", unknown values dimmed.
void value_lines(const std::vector<ValueLine>& lines, const Ui& ui, bool with_meaning);
// A drag field (double-click or Ctrl+click to type) editing a weight or bias through actions:
// BeginGesture when the drag starts, EditParameter while it moves, EndGesture when it ends.
void parameter_drag(const char* id, Selection target, double value, float width, ActionQueue& q);
// An invisible button that keyboard mode's navigation skips: the mouse's tools (the canvas, splitters),
// which would otherwise catch the arrows in a large empty frame.
bool mouse_only_button(const char* id, ImVec2 size);
// One line of text cut to `width` pixels with "…" when longer (its tooltip then shows it whole).
void text_ellipsis(const std::string& text, ImVec4 color, float width);
// Text centred horizontally in the current window at the cursor's line.
void centered_text(const char* text, ImU32 color);
// Before an item of next_width pixels in a row of items: on the same line if it fits (spacing pixels
// after the last item; -1 = the style's), else a new line.
void same_line_or_wrap(float next_width, float spacing = -1);
// A files command for the frame's queue.
void push_files(ActionQueue& q, FilesCommand c);
// The width of a button with this label.
float button_width(const char* label);
// The lines of `text` broken at spaces in the current font: the first at most first_room pixels wide, the
// others `room` (a word longer than that gets a line of its own).
std::vector<std::string> wrap_at_spaces(const std::string& text, float first_room, float room);
inline std::vector<std::string> wrap_at_spaces(const std::string& text, float room) { return wrap_at_spaces(text, room, room); }
// Text that wraps only at spaces, so a number (0.2413) or a product (a⁰₁·δ¹₁) is never split the way
// ImGui's own wrapping splits after '.' and ','. Continues the current line (after SameLine) when there
// is room; continuation lines start `hanging` pixels right of the indent.
void text_wrapped_at_spaces(const std::string& text, ImVec4 color, float hanging = 0.0f);

}  // namespace studio
