// The frame loop's side jobs (see frame_jobs.h).
#include "app/studio/platform/frame_jobs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <thread>

#include "app/studio/figures/frame_report.h"
#include "app/studio/handlers/export.h"
#include "app/studio/platform/platform_offscreen.h"
#include "engine/core/error.h"
#include "engine/io/serialize.h"

namespace studio {
namespace {

// F12: ~/Pictures (or $XDG_PICTURES_DIR) / backprop-studio-YYYYMMDD-HHMMSS.png
std::string screenshot_path() {
    std::string dir;
    std::error_code ec;
    if (const char* x = std::getenv("XDG_PICTURES_DIR"); x && *x) dir = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        dir = std::filesystem::is_directory(std::string(h) + "/Pictures", ec) ? std::string(h) + "/Pictures" : h;
    else dir = ".";
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char name[64];
    std::strftime(name, sizeof name, "backprop-studio-%Y%m%d-%H%M%S.png", &tm);
    return dir + "/" + name;
}

// A PNG the command line asked for: a failure is reported on stderr and in the exit status.
void command_line_png(const std::string& error, int& status) {
    if (error.empty()) return;
    std::fprintf(stderr, "backprop-studio: %s\n", error.c_str());
    status = 1;
}

}  // namespace

void FrameJobs::setup_timed(double setup_ms, long steps_before) {
    bench_.setup_ms = setup_ms;
    bench_.steps_before = steps_before;
}

void FrameJobs::live_frame(const AppState& s, int frame) {
    using clock = std::chrono::steady_clock;
    if (frame == 0) {
        live_start_ = clock::now();
        live_steps_before_ = s.steps_done;
    }
    live_.frames.push_back({std::chrono::duration<double>(clock::now() - live_start_).count(), s.steps_done - live_steps_before_});
    std::this_thread::sleep_until(live_start_ + std::chrono::microseconds(static_cast<long>((frame + 1) * 1e6 / 60)));
}

bool FrameJobs::done(const AppState& s) const {
    if (o_.bench != "live" || live_.frames.empty()) return false;
    const LiveFrame& last = live_.frames.back();
    const double limit = o_.seconds > 0 ? o_.seconds : kLiveBenchMaxSeconds;
    return last.seconds >= limit || (o_.seconds == 0 && last.steps >= kLiveBenchSteps) || !s.lab.training;
}

void FrameJobs::after_frame(Platform& platform, AppState& s, Ui& ui, const FrameInfo& info, int frame,
                            double frame_ms, double render_ms) {
    if (o_.bench == "live") {
        live_.cpu.add(frame_ms + render_ms);
        live_frame(s, frame);
    }
    if (!o_.bench.empty()) {
        if (frame == 0) bench_.first_frame_ms = ms_since_process_start();
        bench_.frame.add(frame_ms);
        bench_.render.add(render_ms);
        bench_.loss_curve.add(info.loss_curve_ms);
    }
    if (info.screenshot) {  // F12
        const std::string path = screenshot_path();
        const std::string e = platform.save_png(path);
        set_status(s, e.empty() ? "Screenshot saved: " + path : "Screenshot not saved: " + e, !e.empty());
    }
    if (info.canvas_png_scale > 0) {  // File ▸ Export ▸ the network canvas, Shift+F12
        const std::string path = export_path(s, canvas_png_suffix(info.canvas_png_scale));
        const std::string e = save_canvas_png(platform, s, ui, info.canvas_png_scale, path);
        set_status(s, e.empty() ? "Exported the network canvas: " + path : "The canvas was not exported: " + e, !e.empty());
    }
    if (info.fullscreen) platform.set_fullscreen(*info.fullscreen);
    if (!s.present && platform.fullscreen()) platform.set_fullscreen(false);  // presentation ended
    const bool last = o_.frames > 0 && frame == o_.frames - 1;  // a scripted run's last frame
    if (last && !o_.screenshot.empty()) command_line_png(platform.save_png(o_.screenshot), status_);
    if (last && !o_.canvas_png.empty()) command_line_png(save_canvas_png(platform, s, ui, o_.canvas_scale, o_.canvas_png), status_);
    if (!o_.report_state.empty()) {  // written only when it changed
        std::string text = state_report_json(s, info.report);
        if (text != last_report_) {
            try {
                bp::write_file_atomically(o_.report_state, text);
                last_report_ = std::move(text);
            } catch (const bp::Error& e) {
                std::fprintf(stderr, "backprop-studio: --report-state: %s\n", e.what());
            }
        }
    }
}

int FrameJobs::finish(const AppState& s) {
    if (o_.bench.empty()) return status_;
    std::string report;
    if (o_.bench == "live") {
        for (const bp::Layer& layer : s.doc.net.layers) live_.network += (live_.network.empty() ? "" : "-") + std::to_string(layer.size);
        live_.samples = sample_count(s);
        live_.batch = s.doc.training.batch_size > 0 ? std::min(s.doc.training.batch_size, live_.samples) : live_.samples;
        report = live_report(live_);
    }
    bench_.scenario = o_.bench;
    for (const bp::Layer& layer : s.doc.net.layers) {
        bench_.network += (bench_.network.empty() ? "" : "-") + std::to_string(layer.size);
        bench_.edges += static_cast<long>(layer.W.rows) * layer.W.cols;
    }
    bench_.loss_points = static_cast<long>(s.history.size());
    bench_.training_steps = s.steps_done - bench_.steps_before;
    if (report.empty()) report = bench_report(bench_);
    if (std::fputs(report.c_str(), stdout) < 0 || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "backprop-studio: --bench: standard output cannot be written (%s)\n", std::strerror(errno));
        return 1;
    }
    return status_;
}

}  // namespace studio
