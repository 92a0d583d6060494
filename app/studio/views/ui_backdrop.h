// The window's background around its panels. The platform clears each frame to the panels' colour and
// the background colour is painted only where no panel is (the menu bar, the toolbar, the gaps, the
// status line, the panels' rounded corners): every pixel is filled once. Under software GL (llvmpipe:
// a classroom VM, a remote desktop, the benchmark machine) filling the panels over a cleared window
// cost a fifth of the Lab's frame.
#pragma once
#include <vector>

#include <imgui.h>

#include "app/studio/figures/layout.h"
#include "app/studio/state/palette.h"

namespace studio {

// What the platform clears a frame to (the window itself and the canvas picture's export).
inline Rgb clear_color(const ThemeColors& c) { return c.panel; }

// Paints `color` over `window` except inside the panels (boxes that do not overlap, each with rounded
// corners of `rounding`).
void paint_backdrop(ImDrawList* dl, const Box& window, const std::vector<Box>& panels, float rounding, ImU32 color);

}  // namespace studio
