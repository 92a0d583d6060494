// The canvas drawn again at a larger scale into an offscreen framebuffer (see platform_offscreen.h).
#include "app/studio/platform/platform_offscreen.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include <glad/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/studio/platform/platform_glfw.h"
#include "app/studio/views/ui_backdrop.h"

namespace studio {
namespace {

// A colour framebuffer of w × h pixels, bound while it lives; the window's framebuffer afterwards.
class Offscreen {
public:
    Offscreen(int w, int h) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glGenFramebuffers(1, &fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
        ok_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    ~Offscreen() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(1, &fbo_);
        glDeleteTextures(1, &texture_);
    }
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;
    bool ok() const { return ok_; }

private:
    GLuint fbo_ = 0, texture_ = 0;
    bool ok_ = false;
};

// Fonts and style for a UI scale, as main.cpp builds them when the scale changes.
void build_ui(Platform& platform, Ui& ui, float scale) {
    ui.fonts = load_fonts(scale);
    ui.scale = scale;
    apply_theme(ui.light, scale);
    platform.recreate_font_texture();
}

}  // namespace

std::string save_canvas_png(Platform& platform, const AppState& s, Ui& ui, int scale, const std::string& path) {
    if (scale < 1 || scale > kMaxCanvasScale) return "the scale must be 1 to " + std::to_string(kMaxCanvasScale);
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 display = io.DisplaySize, fb_scale = io.DisplayFramebufferScale;
    const int fb_w = static_cast<int>(display.x * fb_scale.x) * scale, fb_h = static_cast<int>(display.y * fb_scale.y) * scale;
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    if (fb_w <= 0 || fb_h <= 0 || fb_w > max_size || fb_h > max_size)
        return "a picture of " + std::to_string(fb_w) + " × " + std::to_string(fb_h) + " pixels is more than the " +
               "graphics driver allows (" + std::to_string(max_size) + ")";

    const float window_scale = ui.scale;
    std::string error;
    {
        Offscreen target(fb_w, fb_h);
        if (!target.ok()) return "the graphics driver refused an offscreen picture of that size";
        build_ui(platform, ui, window_scale * static_cast<float>(scale));
        // One frame of a copy of the state, as if the window were `scale` times larger; no pointer over it.
        const ImVec2 mouse = io.MousePos;
        const float dt = io.DeltaTime;
        io.DisplaySize = ImVec2(display.x * static_cast<float>(scale), display.y * static_cast<float>(scale));
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.DeltaTime = 1.0f / 60.0f;
        AppState copy = s;
        ImGui::NewFrame();
        const FrameInfo info = draw_frame(copy, ui, 0.0);
        ImGui::Render();
        glViewport(0, 0, fb_w, fb_h);
        const Rgb clear = clear_color(ui.colors);  // ui_backdrop.h
        glClearColor(clear.r, clear.g, clear.b, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        io.DisplaySize = display;
        io.MousePos = mouse;
        io.DeltaTime = dt;

        // The canvas panel in framebuffer pixels (GL's rows go bottom-up).
        const Box b = info.canvas_picture;
        const int x0 = std::clamp(static_cast<int>(std::floor(b.x * fb_scale.x)), 0, fb_w);
        const int y0 = std::clamp(static_cast<int>(std::floor(b.y * fb_scale.y)), 0, fb_h);
        const int x1 = std::clamp(static_cast<int>(std::ceil((b.x + b.w) * fb_scale.x)), 0, fb_w);
        const int y1 = std::clamp(static_cast<int>(std::ceil((b.y + b.h) * fb_scale.y)), 0, fb_h);
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            error = "the network canvas is not shown (too small a window?)";
        } else {
            std::vector<unsigned char> rgba(static_cast<std::size_t>(x1 - x0) * (y1 - y0) * 4);
            glReadBuffer(GL_COLOR_ATTACHMENT0);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glReadPixels(x0, fb_h - y1, x1 - x0, y1 - y0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
            error = write_png_atomically(path, x1 - x0, y1 - y0, rgba.data());
        }
    }
    build_ui(platform, ui, window_scale);  // the window's own fonts again
    return error;
}

}  // namespace studio
