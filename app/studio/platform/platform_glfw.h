// The platform layer: a GLFW window with an OpenGL 3.3 core context (glad loader), the ImGui GLFW and
// OpenGL3 backends, the font texture, and screenshots of the back buffer. Only main.cpp uses it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/studio/platform/grid_textures_gl.h"
#include "app/studio/views/keys.h"

struct GLFWwindow;

namespace studio {

// Writes w × h RGBA pixels given bottom row first (as glReadPixels returns them) to a PNG, atomically
// (a temporary file beside it, then a rename: an existing picture is never left half-written).
// Returns "" or the reason it failed.
std::string write_png_atomically(const std::string& path, int w, int h, const unsigned char* rgba_bottom_up);

class Platform {
public:
    // Opens the window and sets up ImGui's backends (the ImGui context must exist). On failure returns
    // false and says why in error.
    bool open(int width, int height, const std::string& title, bool vsync, std::string& error);
    void close();
    ~Platform() { close(); }

    bool should_close() const;
    void cancel_close();  // the close button was pressed but the app asks first (unsaved changes)
    std::vector<std::string> take_dropped_paths();  // files dropped on the window since the last call
    KeyPresses take_key_presses();  // every key press since the last call, in order (never lost to a short tap)
    // ImGui 1.86 sees a key only if it is down when the frame starts: a tap pressed and released between
    // two frames (a clicker's 4 ms, an 80 ms press during a slow 4K frame) would never reach ImGui's own
    // handling (Esc closing a menu, Enter in a dialog). hold_taps marks the presses ImGui missed as down
    // for this frame (call before ImGui::NewFrame); release_taps lets them go after it.
    void hold_taps(const KeyPresses& presses);
    void release_taps();
    bool fullscreen() const;
    void set_fullscreen(bool on);  // on the monitor the window is on; off restores the windowed size
    void poll_events();
    void new_frame();  // backends' NewFrame (call before ImGui::NewFrame)
    void render(float r, float g, float b);  // clears and draws ImGui's draw data
    void swap();
    void set_title(const std::string& title);
    void recreate_font_texture();  // after the font atlas was rebuilt
    GridTextures* grid_textures() { return grid_textures_.get(); }  // for Ui::textures while the window is open
    float content_scale() const;
    void window_size(int& w, int& h) const;
    // Writes the back buffer (the frame just rendered, before swap) to a PNG. "" or the reason it failed.
    std::string save_png(const std::string& path) const;

private:
    GLFWwindow* window_ = nullptr;
    bool imgui_ready_ = false;
    std::string title_;
    int windowed_[4] = {0, 0, 1280, 800};  // x, y, w, h before full screen
    std::vector<int> held_;                 // keys hold_taps marked down for this frame
    std::unique_ptr<GlGridTextures> grid_textures_;  // lives while the GL context does
};

}  // namespace studio
