// GLFW + glad + ImGui backends, and PNG screenshots (see platform_glfw.h).
#include "app/studio/platform/platform_glfw.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include "engine/io/atomic_file.h"

namespace studio {
namespace {

// Files dropped on the window since the last take_dropped_paths() (GLFW calls back during poll_events).
std::vector<std::string> dropped;

void on_drop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) dropped.emplace_back(paths[i]);
}

// Every key press and auto-repeat, queued as GLFW delivers them (ImGui's GLFW backend chains to this
// callback, installed before it, and keeps only the keys' state).
KeyPresses key_queue;

void on_key(GLFWwindow*, int key, int, int action, int mods) {
    if (action == GLFW_PRESS || action == GLFW_REPEAT) key_queue.push_back({key, mods, action == GLFW_REPEAT});
}

std::string glfw_error() {
    const char* text = nullptr;
    glfwGetError(&text);
    return text ? text : "unknown GLFW error";
}

}  // namespace

std::string write_png_atomically(const std::string& path, int w, int h, const unsigned char* rgba_bottom_up) {
    // Encoded in memory, then written by the engine's atomic writer: a write error (a full disk, the file
    // size limit) is reported with its reason and leaves no partial file (stbi's own file writer ignored
    // them and kept a truncated PNG).
    std::string png;
    const auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    // GL's rows go bottom-up; PNG's top-down: write from the last row with a negative stride.
    const int stride = w * 4;
    if (!stbi_write_png_to_func(append, &png, w, h, 4, rgba_bottom_up + static_cast<std::size_t>(h - 1) * stride, -stride))
        return "cannot encode " + path;
    try {
        bp::write_file_atomically(path, png);
    } catch (const bp::Error& e) {
        return e.what();
    }
    return "";
}

bool Platform::open(int width, int height, const std::string& title, bool vsync, std::string& error) {
    if (!glfwInit()) {
        error = "cannot open a window: " + glfw_error() + " (is DISPLAY set? headless: run under xvfb-run)";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_) {
        error = "cannot create an OpenGL 3.3 window: " + glfw_error();
        glfwTerminate();
        return false;
    }
    title_ = title;
    glfwMakeContextCurrent(window_);
    if (!gladLoadGL(glfwGetProcAddress)) {
        error = "cannot load the OpenGL 3.3 functions";
        close();
        return false;
    }
    glfwSwapInterval(vsync ? 1 : 0);
    glfwSetDropCallback(window_, on_drop);
    glfwSetKeyCallback(window_, on_key);  // before ImGui's backend, which chains to it
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ready_ = true;
    grid_textures_ = std::make_unique<GlGridTextures>();
    return true;
}

void Platform::close() {
    grid_textures_.reset();  // before the context goes
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        imgui_ready_ = false;
    }
    if (window_) {
        glfwDestroyWindow(window_);
        window_ = nullptr;
        glfwTerminate();
    }
}

bool Platform::should_close() const { return glfwWindowShouldClose(window_); }
void Platform::cancel_close() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }

std::vector<std::string> Platform::take_dropped_paths() { return std::exchange(dropped, {}); }
KeyPresses Platform::take_key_presses() { return std::exchange(key_queue, {}); }

void Platform::hold_taps(const KeyPresses& presses) {
    ImGuiIO& io = ImGui::GetIO();
    for (const KeyPress& p : presses) {
        if (p.key < 0 || p.key >= static_cast<int>(std::size(io.KeysDown)) || io.KeysDown[p.key]) continue;
        io.KeysDown[p.key] = true;
        held_.push_back(p.key);
    }
}

void Platform::release_taps() {
    ImGuiIO& io = ImGui::GetIO();
    for (const int k : std::exchange(held_, {})) io.KeysDown[k] = glfwGetKey(window_, k) == GLFW_PRESS;
}

bool Platform::fullscreen() const { return glfwGetWindowMonitor(window_) != nullptr; }

void Platform::set_fullscreen(bool on) {
    if (on == fullscreen()) return;
    if (!on) {
        glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], 0);
        return;
    }
    glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
    // The monitor the window is mostly on (the primary one when that cannot be told).
    GLFWmonitor* best = glfwGetPrimaryMonitor();
    int count = 0, best_area = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        int mx = 0, my = 0;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        const GLFWvidmode* m = glfwGetVideoMode(monitors[i]);
        if (!m) continue;
        const int w = std::max(0, std::min(windowed_[0] + windowed_[2], mx + m->width) - std::max(windowed_[0], mx));
        const int h = std::max(0, std::min(windowed_[1] + windowed_[3], my + m->height) - std::max(windowed_[1], my));
        if (w * h > best_area) best_area = w * h, best = monitors[i];
    }
    if (!best) return;
    const GLFWvidmode* mode = glfwGetVideoMode(best);
    if (mode) glfwSetWindowMonitor(window_, best, 0, 0, mode->width, mode->height, mode->refreshRate);
}
void Platform::poll_events() { glfwPollEvents(); }

void Platform::new_frame() {
    if (grid_textures_) grid_textures_->begin_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void Platform::render(float r, float g, float b) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::swap() { glfwSwapBuffers(window_); }

void Platform::set_title(const std::string& title) {
    if (title == title_) return;
    title_ = title;
    glfwSetWindowTitle(window_, title.c_str());
}

void Platform::recreate_font_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

float Platform::content_scale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    return y > 0 ? y : 1.0f;
}

void Platform::window_size(int& w, int& h) const { glfwGetWindowSize(window_, &w, &h); }

std::string Platform::save_png(const std::string& path) const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    if (w <= 0 || h <= 0) return "the window has no pixels";
    std::vector<unsigned char> rgba(static_cast<std::size_t>(w) * h * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    return write_png_atomically(path, w, h, rgba.data());
}

}  // namespace studio
