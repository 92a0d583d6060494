// What every view needs besides the state: the fonts, the theme's colours and the UI scale, plus the
// functions that build them (fonts from DejaVu with Greek, sub/superscripts and math symbols; a dark
// and a light high-contrast theme) and draw one whole frame. ImGui only: no GLFW, no GL here, so the
// no-GL smoke test drives draw_frame() exactly as main.cpp does.
#pragma once
#include <optional>
#include <string>

#include <imgui.h>

#include "app/studio/handlers/actions.h"
#include "app/studio/figures/frame_report.h"
#include "app/studio/views/keys.h"
#include "app/studio/views/ui_sprites.h"
#include "app/studio/views/ui_textures.h"
#include "app/studio/views/view_memory.h"
#include "app/studio/figures/layout.h"
#include "app/studio/state/palette.h"
#include "app/studio/state/text_scale.h"

namespace studio {

struct Fonts {
    ImFont* body = nullptr;   // labels, controls
    ImFont* small = nullptr;  // numbers on edges, axis ticks
    ImFont* large = nullptr;  // the formula of the current step
    ImFont* huge = nullptr;   // the presentation banner
    ImFont* mono = nullptr;   // matrices
    ImFont* bold = nullptr;   // a lesson's **bold** (the body font when DejaVu Sans Bold is missing)
    bool dejavu = false;      // false: ImGui's built-in font (no Greek: shows '?')
    std::vector<CircleSprite> circles;  // the Lab's points, in the same atlas (ui_sprites.h)
};

struct Ui {
    Fonts fonts;
    ThemeColors colors;
    float scale = 1.0f;  // content scale × settings.ui_scale (× presentation's), capped by the window
    InterfaceScale sizing;  // how `scale` came about: what was asked, what the window holds (text_scale.h)
    bool light = false;
    bool report = false;  // fill FrameInfo::report (--report-state)
    mutable ViewMemory memory;  // what the views remember between frames (view_memory.h)
    KeyPresses key_presses;     // this frame's key presses, in order (keys.h): the window's own keys
    GridTextures* textures = nullptr;  // the platform's (ui_textures.h); none: grids drawn as triangles
};

// What one frame drew that a test may need (e.g. where to click on a neuron).
struct FrameInfo {
    NetworkLayout canvas;  // the network canvas's geometry in screen pixels
    Box canvas_box;
    Box canvas_picture;    // the canvas with its legend: what File ▸ Export ▸ canvas writes
    Box lab_plot;          // the Lab's data plot area (w = 0 when not drawn)
    // Asked of the platform layer (main.cpp) by F12 / F11 and their menu items.
    bool screenshot = false;             // save the window as a PNG after this frame
    std::optional<bool> fullscreen;      // enter (true) or leave full screen
    double loss_curve_ms = 0;            // CPU time the loss panel took (--bench)
    int canvas_png_scale = 0;            // > 0: export the network canvas at this scale after this frame
    FrameReport report;                  // the controls drawn and where (only when Ui::report is set)
};

// Adds the fonts to ImGui's atlas (cleared first) for this scale; warns on stderr and falls back to the
// built-in font when DejaVu is missing. The caller (re)creates the GPU texture.
Fonts load_fonts(float scale);
// Sets ImGui's style (colours, rounding, spacing) for the theme, scaled.
void apply_theme(bool light, float scale);
// The scale and theme of a state, given the monitor's content scale and the window's size in pixels.
InterfaceScale ui_scale(const AppState& s, float content_scale, int width, int height);
bool ui_light(const AppState& s);

// Draws one frame of the whole window (between ImGui::NewFrame and ImGui::Render), handles the
// keyboard shortcuts, then applies the frame's actions (after a Tick of dt seconds).
FrameInfo draw_frame(AppState& s, const Ui& ui, double dt);

// Helpers for the views.
// A layout size given in pixels at scale 1 (the views' named metrics, e.g. ui_metrics.h) at the UI's scale.
inline float px(const Ui& ui, float metric) { return metric * ui.scale; }
ImU32 to_u32(Rgb c, float alpha = 1.0f);
ImVec4 to_vec4(Rgb c, float alpha = 1.0f);

}  // namespace studio
