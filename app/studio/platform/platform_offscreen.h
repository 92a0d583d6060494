// The network canvas as a picture for slides: one frame of the window drawn again at `scale` times its
// size — fonts rasterised at that size, lines and circles drawn at that width, so nothing is blurred by
// enlarging pixels — into an offscreen framebuffer, and the canvas's part of it written as a PNG.
// GL and ImGui: only main.cpp uses it, between two frames.
#pragma once
#include <string>

#include "app/studio/handlers/export.h"
#include "app/studio/views/ui.h"

namespace studio {

class Platform;

// Draws a copy of `s` (the app's state is not touched) at `scale` (1 to kMaxCanvasScale) and writes the
// canvas to `path` atomically. `ui` is the window's current UI (its fonts are rebuilt for the picture
// and rebuilt back). Returns "" or the reason it failed.
std::string save_canvas_png(Platform& platform, const AppState& s, Ui& ui, int scale, const std::string& path);

}  // namespace studio
