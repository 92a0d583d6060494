// backprop-studio: parses the command line, opens the window and runs the frame loop. Everything the
// window shows is drawn by draw_frame() (ui_frame.cpp) from the AppState (studio_state.h).
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/studio/bench.h"
#include "app/studio/export.h"
#include "app/studio/platform_glfw.h"
#include "app/studio/platform_offscreen.h"
#include "app/studio/resources.h"
#include "app/studio/settings.h"
#include "app/studio/startup.h"
#include "app/studio/ui.h"
#include "app/studio/views.h"
#include "bp_version.h"
#include "engine/error.h"

using namespace studio;

namespace {

std::string window_title(const AppState& s) { return (s.modified ? "*" : "") + s.title + " — Backprop Studio"; }

// F12: ~/Pictures (or $XDG_PICTURES_DIR) / backprop-studio-YYYYMMDD-HHMMSS.png
std::string screenshot_path() {
    std::string dir;
    if (const char* x = std::getenv("XDG_PICTURES_DIR"); x && *x) dir = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        dir = std::filesystem::is_directory(std::string(h) + "/Pictures") ? std::string(h) + "/Pictures" : h;
    else dir = ".";
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char name[64];
    std::strftime(name, sizeof name, "backprop-studio-%Y%m%d-%H%M%S.png", &tm);
    return dir + "/" + name;
}

// --bench: one frame's figures; the first frame's time is taken when it is complete.
void record_frame(BenchResult& b, int frame, double ui_ms, double render_ms, const FrameInfo& info) {
    if (frame == 0) b.first_frame_ms = ms_since_process_start();
    b.frame.add(ui_ms);
    b.render.add(render_ms);
    b.loss_curve.add(info.loss_curve_ms);
}

std::string finish_bench(BenchResult& b, const std::string& scenario, const AppState& s) {
    b.scenario = scenario;
    for (const bp::Layer& layer : s.doc.net.layers) {
        b.network += (b.network.empty() ? "" : "-") + std::to_string(layer.size);
        b.edges += static_cast<long>(layer.W.rows) * layer.W.cols;
    }
    b.loss_points = static_cast<long>(s.history.size());
    b.training_steps = s.steps_done - b.steps_before;
    return bench_report(b);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    const std::string err = parse_command_line(std::vector<std::string>(argv + 1, argv + argc), o);
    if (!err.empty()) return std::fprintf(stderr, "backprop-studio: %s\n", err.c_str()), 2;
    if (o.help) return std::fputs(usage_text().c_str(), stdout), 0;
    if (o.version) return std::printf("backprop-studio %s\n", BP_VERSION), 0;
    if (o.list_presets) {  // resources.h: installed presets first, else the source tree's
        const std::string text = presets_listing();
        if (text.empty()) return std::fprintf(stderr, "backprop-studio: no presets found\n"), 1;
        return std::fputs(text.c_str(), stdout), 0;
    }
    AppState s;
    BenchResult bench;
    try {
        const double setup_started = thread_cpu_ms();
        s = o.bench.empty() ? initial_state(o) : bench_state(o.bench);
        bench.setup_ms = thread_cpu_ms() - setup_started;
        bench.steps_before = s.steps_done;
    } catch (const bp::Error& e) {
        return std::fprintf(stderr, "backprop-studio: %s\n", e.what()), 2;
    }
    const bool headless = o.frames > 0;  // a scripted run reads and writes no settings
    if (!headless) apply(s, act::SetSettings{load_settings(settings_path())});
    if (!headless) attach_quiz_file(s.quiz, quiz_file_path(), !o.quiz_what.empty());  // quiz choices and scores
    if (!o.hide.empty() || headless || !o.file_dialogs.empty()) {  // after the saved settings: the command line wins
        Settings t = s.settings;
        for (const std::string& h : o.hide) (h == "side" ? t.show_side : t.show_loss) = false;
        // A scripted run shows the in-app browser (the same pixels everywhere, no dialog on the desktop).
        if (!o.file_dialogs.empty()) t.desktop_dialogs = o.file_dialogs == "desktop";
        else if (headless) t.desktop_dialogs = false;
        apply(s, act::SetSettings{t});
    }
    // Recent files, and the autosave with the offer of a previous run's unsaved work.
    if (!headless || !o.autosave_dir.empty())
        attach_files(s.files, headless ? "" : recent_store_path(),
                     o.autosave_dir.empty() ? default_autosave_path() : o.autosave_dir + "/autosave.json");
    if (o.open_dialog == "open" || o.open_dialog == "save")
        apply(s, act::Files{files_cmd::ShowBrowser{o.open_dialog == "save"}});

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    const std::string ini = imgui_ini_path();
    ImGui::GetIO().IniFilename = headless || ini.empty() ? nullptr : ini.c_str();
    Platform platform;
    std::string open_error;
    const int w = o.width ? o.width : s.settings.window_w, h = o.height ? o.height : s.settings.window_h;
    if (!platform.open(w, h, window_title(s), !headless, open_error)) {
        std::fprintf(stderr, "backprop-studio: %s\n", open_error.c_str());
        ImGui::DestroyContext();
        return 1;
    }

    if (o.open_dialog == "help") show_help_overlay();
    if (o.open_dialog == "about") show_about();
    Ui ui;
    float built_scale = -1;
    bool built_light = false;
    int status = 0;
    for (int frame = 0; !s.files.quit && (!headless || frame < o.frames); ++frame) {
        platform.poll_events();
        if (platform.should_close()) {  // the close button: asks first when there are unsaved changes
            platform.cancel_close();
            apply(s, act::Files{files_cmd::RequestQuit{}});
            if (s.files.quit) break;
        }
        for (const std::string& path : platform.take_dropped_paths()) {  // a file dropped on the window
            apply(s, act::Files{files_cmd::Open{path}});
            break;  // one document at a time
        }
        const float scale = ui_scale(s, platform.content_scale());
        if (scale != built_scale || ui_light(s) != built_light) {  // fonts and theme follow the state
            ui.fonts = load_fonts(scale);
            if (built_scale > 0) platform.recreate_font_texture();
            ui.scale = built_scale = scale;
            ui.light = built_light = ui_light(s);
            ui.colors = theme_colors(ui.light);
            apply_theme(ui.light, scale);
        }
        platform.new_frame();
        const double frame_started = thread_cpu_ms();
        ImGui::NewFrame();
        const FrameInfo info = draw_frame(s, ui, ImGui::GetIO().DeltaTime);
        ImGui::Render();
        const double render_started = thread_cpu_ms();
        platform.render(ui.colors.background.r, ui.colors.background.g, ui.colors.background.b);
        if (!o.bench.empty()) record_frame(bench, frame, render_started - frame_started, thread_cpu_ms() - render_started, info);
        if (info.screenshot) {  // F12 (the status line is the loop's to set: it is not a document edit)
            const std::string path = screenshot_path();
            const std::string e = platform.save_png(path);
            s.status = e.empty() ? "Screenshot saved: " + path : "Screenshot not saved: " + e;
            s.status_is_error = !e.empty();
        }
        if (info.fullscreen) platform.set_fullscreen(*info.fullscreen);
        if (!s.present && platform.fullscreen()) platform.set_fullscreen(false);  // presentation ended
        if (headless && frame == o.frames - 1 && !o.screenshot.empty()) {
            if (const std::string e = platform.save_png(o.screenshot); !e.empty()) {
                std::fprintf(stderr, "backprop-studio: %s\n", e.c_str());
                status = 1;
            }
        }
        if (info.canvas_png_scale > 0) {  // File ▸ Export ▸ the network canvas, Shift+F12
            const std::string path = export_path(s, canvas_png_suffix(info.canvas_png_scale));
            const std::string e = save_canvas_png(platform, s, ui, info.canvas_png_scale, path);
            s.status = e.empty() ? "Exported the network canvas: " + path : "The canvas was not exported: " + e;
            s.status_is_error = !e.empty();
        }
        if (headless && frame == o.frames - 1 && !o.canvas_png.empty()) {
            if (const std::string e = save_canvas_png(platform, s, ui, o.canvas_scale, o.canvas_png); !e.empty()) {
                std::fprintf(stderr, "backprop-studio: %s\n", e.c_str());
                status = 1;
            }
        }
        platform.swap();
        platform.set_title(window_title(s));
    }
    if (!o.bench.empty()) std::fputs(finish_bench(bench, o.bench, s).c_str(), stdout);
    if (!headless) {
        Settings t = s.settings;
        platform.window_size(t.window_w, t.window_h);
        apply(s, act::SetSettings{t});
        if (const std::string e = save_settings(settings_path(), s.settings); !e.empty())
            std::fprintf(stderr, "backprop-studio: settings not saved: %s\n", e.c_str());
    }
    platform.close();
    ImGui::DestroyContext();
    return status;
}
