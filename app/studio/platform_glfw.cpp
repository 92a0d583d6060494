// GLFW + glad + ImGui backends, and PNG screenshots (see platform_glfw.h).
#include "app/studio/platform_glfw.h"

#include <cstdio>
#include <vector>

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

namespace studio {
namespace {

std::string glfw_error() {
    const char* text = nullptr;
    glfwGetError(&text);
    return text ? text : "unknown GLFW error";
}

}  // namespace

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
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ready_ = true;
    return true;
}

void Platform::close() {
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
void Platform::poll_events() { glfwPollEvents(); }

void Platform::new_frame() {
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
    // GL's rows go bottom-up; PNG's top-down: write from the last row with a negative stride.
    const int stride = w * 4;
    if (!stbi_write_png(path.c_str(), w, h, 4, rgba.data() + static_cast<std::size_t>(h - 1) * stride, -stride))
        return "cannot write " + path;
    return "";
}

}  // namespace studio
