// backprop-studio: parses the command line, opens the window and runs the frame loop. Everything the
// window shows is drawn by draw_frame() (ui_frame.cpp) from the AppState (studio_state.h).
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <imgui.h>

#include "app/studio/handlers/autosave.h"
#include "app/studio/platform/frame_jobs.h"
#include "app/studio/platform/platform_glfw.h"
#include "app/studio/program/startup.h"
#include "app/studio/state/resources.h"
#include "app/studio/state/settings.h"
#include "app/studio/views/ui_backdrop.h"
#include "app/studio/views/views.h"
#include "bp_version.h"
#include "engine/core/error.h"

using namespace studio;

namespace {

std::string window_title(const AppState& s) { return (is_modified(s) ? "*" : "") + s.title + " — Backprop Studio"; }

// Prints text on stdout; a write error (a closed pipe, a full disk) is said on stderr and gives exit 1.
int print_out(const std::string& text) {
    if (std::fputs(text.c_str(), stdout) >= 0 && std::fflush(stdout) == 0) return 0;
    std::fprintf(stderr, "backprop-studio: standard output cannot be written (%s)\n", std::strerror(errno));
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    // A write error becomes a message, never a death: a closed pipe (EPIPE) or a file over the size limit
    // (EFBIG) fails the write that meets it, and its caller says so.
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
    Options o;
    const std::string err = parse_command_line(std::vector<std::string>(argv + 1, argv + argc), o);
    if (!err.empty()) return std::fprintf(stderr, "backprop-studio: %s\n", err.c_str()), 2;
    if (o.help) return print_out(usage_text());
    if (o.version) return print_out("backprop-studio " + std::string(BP_VERSION) + "\n");
    if (o.list_presets) {  // resources.h: installed presets first, else the source tree's
        const std::string text = presets_listing();
        if (text.empty()) return std::fprintf(stderr, "backprop-studio: no presets found\n"), 1;
        return print_out(text);
    }
    AppState s;
    FrameJobs jobs(o);
    try {
        const double setup_started = thread_cpu_ms();
        s = o.bench.empty() ? initial_state(o) : bench_state(o.bench, o.file);
        jobs.setup_timed(thread_cpu_ms() - setup_started, s.steps_done);
    } catch (const bp::Error& e) {
        return std::fprintf(stderr, "backprop-studio: %s\n", e.what()), 2;
    }
    const bool headless = o.frames > 0;  // a scripted run reads and writes no settings
    if (!headless) apply(s, act::SetSettings{load_settings(settings_path())});
    if (!headless) attach_quiz_file(s.quiz, quiz_file_path(), !o.quiz_what.empty());  // quiz choices and scores
    if (!headless) attach_lesson_progress(s, lesson_progress_path());  // the lessons' progress book
    if (!headless && s.lesson.lesson) apply(s, act::Lesson{lesson_cmd::ReturnToPage{}});  // the page's views over the saved ones
    if (!o.hide.empty() || o.text_scale || o.notation || headless || !o.file_dialogs.empty()) {  // after the saved settings: the command line wins
        Settings t = s.settings;
        for (const std::string& h : o.hide) (h == "side" ? t.show_side : t.show_loss) = false;
        if (o.text_scale) t.ui_scale = *o.text_scale;
        if (o.notation) t.notation = *o.notation;
        // A scripted run shows the in-app browser (the same pixels everywhere, no dialog on the desktop).
        if (!o.file_dialogs.empty()) t.desktop_dialogs = o.file_dialogs == "desktop";
        else if (headless) t.desktop_dialogs = false;
        apply(s, act::SetSettings{t});
    }
    // Recent files, and the autosave with the offer of a previous run's unsaved work.
    if (!headless || !o.autosave_dir.empty())
        attach_files(s.files, headless ? "" : recent_store_path(), o.autosave_dir.empty() ? default_autosave_dir() : o.autosave_dir);
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

    Ui ui;
    ui.textures = platform.grid_textures();
    ui.memory.help_open = o.open_dialog == "help";
    ui.memory.about_open = o.open_dialog == "about";
    ui.report = !o.report_state.empty();
    float built_scale = -1;
    bool built_light = false;
    for (int frame = 0; !s.files.quit && (!headless || frame < o.frames) && !jobs.done(s); ++frame) {
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
        int window_w = 0, window_h = 0;
        platform.window_size(window_w, window_h);
        ui.sizing = ui_scale(s, platform.content_scale(), window_w, window_h);
        const float scale = ui.sizing.scale;
        if (scale != built_scale || ui_light(s) != built_light) {  // fonts and theme follow the state and the window
            ui.fonts = load_fonts(scale);
            if (built_scale > 0) platform.recreate_font_texture();
            ui.scale = built_scale = scale;
            ui.light = built_light = ui_light(s);
            ui.colors = theme_colors(ui.light);
            apply_theme(ui.light, scale);
        }
        ui.key_presses = platform.take_key_presses();
        platform.hold_taps(ui.key_presses);
        platform.new_frame();
        const double frame_started = thread_cpu_ms();
        ImGui::NewFrame();
        const FrameInfo info = draw_frame(s, ui, ImGui::GetIO().DeltaTime);
        ImGui::Render();
        platform.release_taps();
        const double render_started = thread_cpu_ms();
        const Rgb clear = clear_color(ui.colors);  // ui_backdrop.h
        platform.render(clear.r, clear.g, clear.b);
        jobs.after_frame(platform, s, ui, info, frame, render_started - frame_started, thread_cpu_ms() - render_started);
        platform.swap();
        platform.set_title(window_title(s));
        if (o.frame_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(o.frame_delay_ms));
    }
    const int status = jobs.finish(s);
    detach_autosave(s.files.autosave);  // a clean end: this instance's autosave and lock go
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
