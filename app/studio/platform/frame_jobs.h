// What the frame loop does besides drawing, after each frame: F12 screenshots and canvas exports, the
// scripted run's last-frame PNGs, the UI benchmark's timings, the --report-state file, full screen on
// and off. main.cpp's loop calls after_frame() and, at the end, finish(); the jobs say what they did
// in the status line (they are not document edits).
#pragma once
#include <chrono>
#include <string>

#include "app/studio/platform/platform_glfw.h"
#include "app/studio/program/bench.h"
#include "app/studio/program/cli_args.h"
#include "app/studio/views/ui.h"

namespace studio {

class FrameJobs {
public:
    explicit FrameJobs(const Options& o) : o_(o) {}
    void setup_timed(double setup_ms, long steps_before);  // --bench: building the scenario's state
    // After frame number `frame` was rendered (before the swap). frame_ms / render_ms: CPU time of our
    // drawing code and of the GL backend's calls.
    void after_frame(Platform& platform, AppState& s, Ui& ui, const FrameInfo& info, int frame, double frame_ms,
                     double render_ms);
    // After the loop: the benchmark's report on stdout. Returns the exit status (1 when a PNG asked on
    // the command line could not be written).
    int finish(const AppState& s);
    // --bench live: the run is over (its steps trained, its seconds gone, or training stopped).
    bool done(const AppState& s) const;

private:
    void live_frame(const AppState& s, int frame);  // records the frame, then paces frames at 60 a second

    const Options& o_;
    BenchResult bench_;
    LiveResult live_;
    std::chrono::steady_clock::time_point live_start_;
    long live_steps_before_ = 0;
    std::string last_report_;
    int status_ = 0;
};

}  // namespace studio
