// The two looks of the app: a calm dark theme for screens and a light, high-contrast one for projectors
// (presentation mode). Also the scale: text_scale.h's rules for this state and window.
#include "app/studio/views/ui.h"

namespace studio {

ImU32 to_u32(Rgb c, float alpha) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha)); }
ImVec4 to_vec4(Rgb c, float alpha) { return ImVec4(c.r, c.g, c.b, alpha); }

InterfaceScale ui_scale(const AppState& s, float content_scale, int width, int height) {
    return interface_scale(s.settings.ui_scale, s.present, content_scale, width, height);
}

bool ui_light(const AppState& s) { return s.present || s.settings.light_theme; }

void apply_theme(bool light, float scale) {
    ImGuiStyle style;  // start from the defaults, then scale once
    const ThemeColors t = theme_colors(light);
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(9, 5);
    style.ItemSpacing = ImVec2(8, 6);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.CellPadding = ImVec2(6, 3);
    style.ScrollbarSize = 14;
    style.GrabMinSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 5;
    style.PopupRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 5;
    style.ScrollbarRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = light ? 1.0f : 0.0f;
    style.PopupBorderSize = 1;
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    const auto col = [](unsigned v, float a = 1.0f) {
        return ImVec4(((v >> 16) & 0xff) / 255.0f, ((v >> 8) & 0xff) / 255.0f, (v & 0xff) / 255.0f, a);
    };
    if (light) {
        c[ImGuiCol_Text] = to_vec4(t.text);
        c[ImGuiCol_TextDisabled] = to_vec4(t.text_dim);
        c[ImGuiCol_WindowBg] = to_vec4(t.background);
        c[ImGuiCol_ChildBg] = to_vec4(t.panel);
        c[ImGuiCol_PopupBg] = col(0xffffff);
        c[ImGuiCol_Border] = col(0xb8bcc8);
        c[ImGuiCol_BorderShadow] = col(0, 0);
        c[ImGuiCol_FrameBg] = col(0xeef0f5);
        c[ImGuiCol_FrameBgHovered] = col(0xdde3f0);
        c[ImGuiCol_FrameBgActive] = col(0xc9d4ee);
        c[ImGuiCol_TitleBg] = col(0xe4e6ec);
        c[ImGuiCol_TitleBgActive] = col(0xd4d8e4);
        c[ImGuiCol_TitleBgCollapsed] = col(0xe4e6ec);
        c[ImGuiCol_MenuBarBg] = col(0xeceef3);
        c[ImGuiCol_ScrollbarBg] = col(0xf0f0f4);
        c[ImGuiCol_ScrollbarGrab] = col(0xb0b4c0);
        c[ImGuiCol_ScrollbarGrabHovered] = col(0x9096a6);
        c[ImGuiCol_ScrollbarGrabActive] = col(0x70788c);
        c[ImGuiCol_CheckMark] = col(0x1a56a8);
        c[ImGuiCol_SliderGrab] = col(0x2166ac);
        c[ImGuiCol_SliderGrabActive] = col(0x174a80);
        c[ImGuiCol_Button] = col(0xe2e6ef);
        c[ImGuiCol_ButtonHovered] = col(0xc8d6ef);
        c[ImGuiCol_ButtonActive] = col(0xa9c1ea);
        c[ImGuiCol_Header] = col(0xd6e0f2);
        c[ImGuiCol_HeaderHovered] = col(0xc3d3ee);
        c[ImGuiCol_HeaderActive] = col(0xa9c1ea);
        c[ImGuiCol_Separator] = col(0xc0c4d0);
        c[ImGuiCol_SeparatorHovered] = col(0x7b1fa2, 0.6f);
        c[ImGuiCol_SeparatorActive] = col(0x7b1fa2);
        c[ImGuiCol_ResizeGrip] = col(0, 0);
        c[ImGuiCol_ResizeGripHovered] = col(0x7b1fa2, 0.5f);
        c[ImGuiCol_ResizeGripActive] = col(0x7b1fa2);
        c[ImGuiCol_Tab] = col(0xe2e6ef);
        c[ImGuiCol_TabHovered] = col(0xc8d6ef);
        c[ImGuiCol_TabActive] = col(0xffffff);
        c[ImGuiCol_TabUnfocused] = col(0xe2e6ef);
        c[ImGuiCol_TabUnfocusedActive] = col(0xffffff);
        c[ImGuiCol_PlotLines] = to_vec4(t.train_curve);
        c[ImGuiCol_PlotHistogram] = to_vec4(t.train_curve);
        c[ImGuiCol_TableHeaderBg] = col(0xe4e8f0);
        c[ImGuiCol_TableBorderStrong] = col(0xb8bcc8);
        c[ImGuiCol_TableBorderLight] = col(0xd8dbe3);
        c[ImGuiCol_TableRowBg] = col(0, 0);
        c[ImGuiCol_TableRowBgAlt] = col(0xf2f4f8);
        c[ImGuiCol_TextSelectedBg] = col(0x2166ac, 0.3f);
        c[ImGuiCol_NavHighlight] = col(0x7b1fa2);
        c[ImGuiCol_ModalWindowDimBg] = col(0x000000, 0.25f);
    } else {
        c[ImGuiCol_Text] = to_vec4(t.text);
        c[ImGuiCol_TextDisabled] = to_vec4(t.text_dim);
        c[ImGuiCol_WindowBg] = to_vec4(t.background);
        c[ImGuiCol_ChildBg] = to_vec4(t.panel);
        c[ImGuiCol_PopupBg] = col(0x23262e);  // opaque: a menu over a busy panel stays readable
        c[ImGuiCol_Border] = col(0x30343e);
        c[ImGuiCol_BorderShadow] = col(0, 0);
        c[ImGuiCol_FrameBg] = col(0x2a2e37);
        c[ImGuiCol_FrameBgHovered] = col(0x343946);
        c[ImGuiCol_FrameBgActive] = col(0x3d4352);
        c[ImGuiCol_TitleBg] = col(0x1a1c22);
        c[ImGuiCol_TitleBgActive] = col(0x22252d);
        c[ImGuiCol_TitleBgCollapsed] = col(0x1a1c22);
        c[ImGuiCol_MenuBarBg] = col(0x1d2027);
        c[ImGuiCol_ScrollbarBg] = col(0x1a1c22);
        c[ImGuiCol_ScrollbarGrab] = col(0x3a3f4b);
        c[ImGuiCol_ScrollbarGrabHovered] = col(0x4a505e);
        c[ImGuiCol_ScrollbarGrabActive] = col(0x5a6172);
        c[ImGuiCol_CheckMark] = col(0x6baed6);
        c[ImGuiCol_SliderGrab] = col(0x4b8fc7);
        c[ImGuiCol_SliderGrabActive] = col(0x6baed6);
        c[ImGuiCol_Button] = col(0x2c313c);
        c[ImGuiCol_ButtonHovered] = col(0x3a4252);
        c[ImGuiCol_ButtonActive] = col(0x2f5f8f);
        c[ImGuiCol_Header] = col(0x2c3a4e);
        c[ImGuiCol_HeaderHovered] = col(0x34475f);
        c[ImGuiCol_HeaderActive] = col(0x2f5f8f);
        c[ImGuiCol_Separator] = col(0x30343e);
        c[ImGuiCol_SeparatorHovered] = col(0xffd23f, 0.5f);
        c[ImGuiCol_SeparatorActive] = col(0xffd23f);
        c[ImGuiCol_ResizeGrip] = col(0, 0);
        c[ImGuiCol_ResizeGripHovered] = col(0xffd23f, 0.4f);
        c[ImGuiCol_ResizeGripActive] = col(0xffd23f);
        c[ImGuiCol_Tab] = col(0x23262e);
        c[ImGuiCol_TabHovered] = col(0x3a4252);
        c[ImGuiCol_TabActive] = col(0x2f3846);
        c[ImGuiCol_TabUnfocused] = col(0x23262e);
        c[ImGuiCol_TabUnfocusedActive] = col(0x2f3846);
        c[ImGuiCol_PlotLines] = to_vec4(t.train_curve);
        c[ImGuiCol_PlotHistogram] = to_vec4(t.train_curve);
        c[ImGuiCol_TableHeaderBg] = col(0x262a33);
        c[ImGuiCol_TableBorderStrong] = col(0x3a3f4b);
        c[ImGuiCol_TableBorderLight] = col(0x2c3039);
        c[ImGuiCol_TableRowBg] = col(0, 0);
        c[ImGuiCol_TableRowBgAlt] = col(0xffffff, 0.03f);
        c[ImGuiCol_TextSelectedBg] = col(0x4b8fc7, 0.35f);
        c[ImGuiCol_NavHighlight] = col(0xffd23f);
        c[ImGuiCol_ModalWindowDimBg] = col(0x000000, 0.45f);
    }
    ImGui::GetStyle() = style;
}

}  // namespace studio
