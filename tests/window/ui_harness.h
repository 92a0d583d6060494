// The no-GL ImGui harness of the window tests (as ImPlot's CI does it): an ImGui context with a display
// size and a built font atlas, no GLFW and no GL; frame() runs NewFrame → draw_frame → Render with the
// fonts and theme the state asks for at this display size, key() and mouse() simulate input.
#pragma once
#include <gtest/gtest.h>

#include "app/studio/views/ui.h"
#include "app/studio/views/views.h"

namespace studio {

class Harness {
public:
    explicit Harness(float w = 1280, float h = 800) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(w, h);
        io.IniFilename = nullptr;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL3 backend does
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = 300 + k;  // our own key indices
        rebuild(1.0f, false);
    }
    ~Harness() { ImGui::DestroyContext(); }

    void rebuild(float scale, bool light) {
        ui.fonts = load_fonts(scale);
        unsigned char* pixels = nullptr;
        int tw = 0, th = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
        ASSERT_NE(pixels, nullptr);
        ui.scale = scale;
        ui.light = light;
        ui.colors = theme_colors(light);
        apply_theme(light, scale);
    }

    FrameInfo frame(AppState& s) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        const ImVec2 size = io.DisplaySize;
        ui.sizing = ui_scale(s, 1.0f, static_cast<int>(size.x), static_cast<int>(size.y));
        if (ui.sizing.scale != ui.scale || ui_light(s) != ui.light) rebuild(ui.sizing.scale, ui_light(s));
        ImGui::NewFrame();
        const FrameInfo info = draw_frame(s, ui, io.DeltaTime);
        ImGui::Render();
        const ImDrawData* dd = ImGui::GetDrawData();
        EXPECT_TRUE(dd && dd->Valid);
        EXPECT_GT(dd->TotalVtxCount, 0);
        return info;
    }

    // Press and release: ImGui sees the key down for one frame (its navigation reads that), and the
    // window's own keys get the press in the frame's queue, as the platform gives them (keys.h).
    void key(AppState& s, ImGuiKey k, bool ctrl = false, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeysDown[io.KeyMap[k]] = true;
        ui.key_presses = {{glfw_code(k), (ctrl ? kModControl : 0) | (shift ? kModShift : 0)}};
        frame(s);
        ui.key_presses.clear();
        io.KeysDown[io.KeyMap[k]] = false;
        io.KeyCtrl = io.KeyShift = false;
        frame(s);
    }
    static int glfw_code(ImGuiKey k) {
        switch (k) {
            case ImGuiKey_RightArrow: return key::right;
            case ImGuiKey_LeftArrow: return key::left;
            case ImGuiKey_Home: return key::home;
            case ImGuiKey_End: return key::end;
            case ImGuiKey_Space: return key::space;
            case ImGuiKey_Enter: return key::enter;
            case ImGuiKey_Escape: return key::escape;
            case ImGuiKey_Tab: return key::tab;
            case ImGuiKey_Z: return 'Z';
            case ImGuiKey_Y: return 'Y';
            default: return 0;
        }
    }

    void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
    }

    Ui ui;
};

}  // namespace studio
