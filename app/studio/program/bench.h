// backprop-studio --bench SCENARIO: the states the UI benchmark draws (issue 8) and the statistics it
// prints. Window-free, so the tests build every scenario; main.cpp runs the frames and times them.
//   start    the built-in example, as the app starts (the first-frame time is judged here)
//   spiral   the spiral preset 2-8-8-8-1 training 10 steps a frame, decision field and every neuron map on
//   wide     a 6 × 32 network (5 120 edges) after a whole pass, edges showing ∂L/∂w
//   largest  the largest network the limits allow (kMaxNeurons wide), after a whole pass, gradients shown
//   loss     the built-in example after a million training steps: the loss curve of a long run
//   live     FILE (default the spiral preset) training with the Train button's automatic speed on the Lab's
//            worker, the Lab open, decision field, every neuron map and the loss curve on, frames paced at
//            60 a second as a display's vsync paces them; until kLiveBenchSteps steps or --seconds S
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/studio/figures/clock.h"
#include "app/studio/state/studio_state.h"

namespace studio {

inline constexpr long kLossBenchSteps = 1000000;
inline constexpr long kLiveBenchSteps = 1000000;
inline constexpr double kLiveBenchMaxSeconds = 120;     // live: at most this long without --seconds
inline constexpr double kPlaygroundLiveSamples = 6675;  // Playground's live rate here: 26.7 epochs × 250 samples/s

const std::vector<std::string_view>& bench_scenarios();
// The state a scenario starts from (`file`: the live scenario's document, "" for the spiral preset).
// Throws bp::Error for an unknown name, a missing preset or a file that does not load.
AppState bench_state(std::string_view scenario, const std::string& file = "");

// Per-frame CPU times in milliseconds, summarised as the benchmark prints them.
class FrameTimes {
public:
    void add(double ms) { ms_.push_back(ms); }
    int count() const { return static_cast<int>(ms_.size()); }
    double median() const { return percentile(50); }
    double percentile(double p) const;  // nearest rank, p in [0, 100]; 0 when empty
    double max() const { return percentile(100); }

private:
    std::vector<double> ms_;
};

struct BenchResult {
    std::string scenario;
    std::string network;       // "2-8-8-8-1"
    long edges = 0;            // weights drawn or thinned on the canvas
    double setup_ms = 0;       // building the scenario's state (training the loss scenario's million steps)
    double first_frame_ms = 0; // process start to the end of the first frame (setup included)
    FrameTimes frame;          // draw_frame + ImGui::Render on the main thread: our code, no GL, no swap
    FrameTimes loss_curve;     // the loss panel alone
    FrameTimes render;         // the GL backend's draw calls (software GL under Xvfb: not our code)
    long loss_points = 0;      // points the loss history holds at the end
    long steps_before = 0;     // steps the state had trained before the first frame
    long training_steps = 0;   // steps trained during the frames
};

// One line of JSON, then a human summary with each target (issue 8) marked PASS or MISS.
std::string bench_report(const BenchResult& r);

// The live scenario, in wall-clock time: the end of every frame and the steps trained by then.
struct LiveFrame {
    double seconds = 0;  // since the first frame began
    long steps = 0;      // steps trained since the first frame began
};
struct LiveResult {
    std::string network;
    int batch = 1;             // samples per step
    int samples = 1;           // training samples (an epoch)
    std::vector<LiveFrame> frames;
    FrameTimes cpu;            // the main thread's CPU time per frame: our code and the GL backend's calls
};
// One line of JSON (steps_per_second, epochs_per_second, samples_per_second, frames_per_second,
// frame_p99_ms, the first and last tenth's samples per second, the ratio to Playground's live rate),
// then a summary with issue 25's targets (≥ 40 × Playground, ≥ 55 frames a second) marked PASS or MISS.
std::string live_report(const LiveResult& r);

}  // namespace studio
