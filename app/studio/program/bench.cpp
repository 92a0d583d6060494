// The UI benchmark's scenarios and report (see bench.h).
#include "app/studio/program/bench.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <unistd.h>

#include "app/studio/handlers/actions.h"
#include "app/studio/handlers/example.h"
#include "app/studio/state/resources.h"
#include "engine/core/error.h"
#include "engine/core/rng.h"
#include "engine/io/serialize.h"

namespace studio {
namespace {

const std::vector<std::string_view> kScenarios = {"start", "spiral", "wide", "largest", "loss", "live"};

// Issue 8's targets per frame of our code (ms): the two everyday scenarios 4 ms, the largest network 16.
double frame_target_ms(std::string_view scenario) { return scenario == "largest" ? 16.0 : 4.0; }
constexpr double kFirstFrameTargetMs = 300, kLossCurveTargetMs = 0.5;

// A network of the given sizes (tanh hidden, sigmoid output, MSE) with one seeded sample, already
// stepped to the end of its pass so every value and every gradient is on the canvas.
AppState stepped_network(const std::vector<int>& sizes, const std::string& title) {
    std::vector<bp::Activation> f(sizes.size() - 1, bp::Activation::tanh);
    f.back() = bp::Activation::sigmoid;
    bp::Document doc;
    doc.net = bp::make_network(sizes, f, bp::Loss::mse_half, bp::InitScheme::xavier, 7);
    bp::Rng rng(11);
    bp::Dataset d{bp::Matrix(1, sizes.front()), bp::Matrix(1, sizes.back())};
    for (double& x : d.X.v) x = rng.uniform(-1.0, 1.0);
    for (double& y : d.Y.v) y = rng.uniform(0.0, 1.0);
    doc.data = d;
    AppState s = make_state(doc, "", title);
    apply(s, act::StepForward{s.stepper->size(), false});  // to the end of the pass, not past it
    Settings t = s.settings;
    t.edge_value = EdgeValue::gradient;
    apply(s, act::SetSettings{t});
    return s;
}

// `file` (else the spiral preset) in the Lab, every view on, training at `steps_per_frame` (0: automatic).
AppState lab_training(const std::string& file, int steps_per_frame) {
    AppState s;
    if (file.empty()) {
        const std::vector<PresetInfo> presets = list_presets();
        const auto it = std::find_if(presets.begin(), presets.end(),
                                     [](const PresetInfo& p) { return p.stem.rfind("spiral", 0) == 0; });
        if (it == presets.end()) throw bp::Error("--bench: the spiral preset is not installed");
        s = make_state(bp::load_document(it->path), it->path, it->title);
    } else {
        s = make_state(bp::load_document(file), file, file);
    }
    Settings t = s.settings;
    t.neuron_maps = true;
    apply(s, act::SetSettings{t});
    apply(s, act::ShowTab{"lab"});
    apply(s, act::Lab{lab::SetSpeed{std::max(1, steps_per_frame), steps_per_frame == 0}});
    apply(s, act::Lab{lab::SetTraining{true}});
    return s;
}

// The widest network the limits allow: as many kMaxNeurons-wide layers as kMaxParameters leaves room for.
std::vector<int> largest_sizes() {
    const long per_layer = static_cast<long>(bp::kMaxNeurons) * bp::kMaxNeurons + bp::kMaxNeurons;
    const int layers = static_cast<int>(std::min<long>(bp::kMaxLayers, bp::kMaxParameters / per_layer));
    return std::vector<int>(static_cast<std::size_t>(layers) + 1, bp::kMaxNeurons);
}

std::string fixed(double x, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

std::string verdict(double value, double limit) { return value <= limit ? "PASS" : "MISS"; }

}  // namespace

const std::vector<std::string_view>& bench_scenarios() { return kScenarios; }


AppState bench_state(std::string_view scenario, const std::string& file) {
    if (scenario == "start") return make_state(builtin_example(), "", "Mazur's 2-2-2 example");
    if (scenario == "spiral") return lab_training("", 10);
    if (scenario == "live") return lab_training(file, 0);
    if (scenario == "wide") return stepped_network(std::vector<int>(6, 32), "6 × 32");
    if (scenario == "largest") return stepped_network(largest_sizes(), "the largest network");
    if (scenario == "loss") {
        AppState s = make_state(builtin_example(), "", "Mazur's 2-2-2 example");
        apply(s, act::Lab{lab::Train{kLossBenchSteps}});
        if (s.status_is_error) throw bp::Error("--bench loss: " + s.status);
        return s;
    }
    std::string names;
    for (std::string_view n : kScenarios) names += (names.empty() ? "" : ", ") + std::string(n);
    throw bp::Error("--bench: no scenario \"" + std::string(scenario) + "\" (one of " + names + ")");
}


double FrameTimes::percentile(double p) const {
    if (ms_.empty()) return 0;
    std::vector<double> sorted = ms_;
    std::sort(sorted.begin(), sorted.end());
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size()));
    const std::size_t i = static_cast<std::size_t>(std::max(1.0, rank)) - 1;
    return sorted[std::min(i, sorted.size() - 1)];
}

std::string bench_report(const BenchResult& r) {
    const double target = frame_target_ms(r.scenario);
    std::string json = "{\"scenario\": \"" + r.scenario + "\", \"network\": \"" + r.network +
                       "\", \"edges\": " + std::to_string(r.edges) + ", \"frames\": " + std::to_string(r.frame.count()) +
                       ", \"frame_median_ms\": " + fixed(r.frame.median(), 4) +
                       ", \"frame_p99_ms\": " + fixed(r.frame.percentile(99), 4) +
                       ", \"loss_curve_median_ms\": " + fixed(r.loss_curve.median(), 4) +
                       ", \"loss_curve_p99_ms\": " + fixed(r.loss_curve.percentile(99), 4) +
                       ", \"render_median_ms\": " + fixed(r.render.median(), 4) +
                       ", \"setup_ms\": " + fixed(r.setup_ms, 2) + ", \"first_frame_ms\": " + fixed(r.first_frame_ms, 2) +
                       ", \"loss_points\": " + std::to_string(r.loss_points) +
                       ", \"training_steps\": " + std::to_string(r.training_steps) + "}\n";
    std::string text = json;
    text += "scenario " + r.scenario + ": " + r.network + " (" + std::to_string(r.edges) + " edges), " +
            std::to_string(r.frame.count()) + " frames\n";
    text += "  our code per frame (CPU): median " + fixed(r.frame.median(), 3) + " ms, 99th percentile " +
            fixed(r.frame.percentile(99), 3) + " ms   target median ≤ " + fixed(target, 0) + " ms: " +
            verdict(r.frame.median(), target) + "\n";
    text += "  loss curve (" + std::to_string(r.loss_points) + " points kept): median " + fixed(r.loss_curve.median(), 3) +
            " ms, 99th percentile " + fixed(r.loss_curve.percentile(99), 3) + " ms   target ≤ " +
            fixed(kLossCurveTargetMs, 1) + " ms: " + verdict(r.loss_curve.percentile(99), kLossCurveTargetMs) + "\n";
    text += "  first frame " + fixed(r.first_frame_ms, 1) + " ms after the process started (setup " +
            fixed(r.setup_ms, 1) + " ms)";
    text += r.scenario == "start" ? "   target ≤ " + fixed(kFirstFrameTargetMs, 0) + " ms: " +
                                        verdict(r.first_frame_ms, kFirstFrameTargetMs) + "\n"
                                  : "\n";
    text += "  GL draw calls (software GL under Xvfb, not counted above): median " + fixed(r.render.median(), 3) + " ms\n";
    if (r.training_steps > 0) text += "  trained " + std::to_string(r.training_steps) + " steps during the frames\n";
    return text;
}

std::string live_report(const LiveResult& r) {
    const std::size_t n = r.frames.size();
    const double seconds = n ? r.frames.back().seconds : 0;
    const long steps = n ? r.frames.back().steps : 0;
    const auto per_second = [](double x, double s) { return s > 0 ? x / s : 0.0; };
    // The samples per second over the frames from the fraction a to b of the run's wall time.
    const auto rate_between = [&](double a, double b) {
        const LiveFrame* first = nullptr;
        const LiveFrame* last = nullptr;
        for (const LiveFrame& f : r.frames) {
            if (f.seconds < a * seconds) continue;
            if (f.seconds > b * seconds) break;
            if (!first) first = &f;
            last = &f;
        }
        return first && last != first ? per_second(static_cast<double>(last->steps - first->steps) * r.batch, last->seconds - first->seconds) : 0.0;
    };
    FrameTimes frame;
    for (std::size_t i = 1; i < n; ++i) frame.add(1000 * (r.frames[i].seconds - r.frames[i - 1].seconds));
    const double sps = per_second(static_cast<double>(steps), seconds);
    const double samples = sps * r.batch;
    const double epochs = samples / std::max(1, r.samples);
    const double fps = per_second(static_cast<double>(n), seconds);
    const double ratio = samples / kPlaygroundLiveSamples;
    const double first = rate_between(0.0, 0.1), last = rate_between(0.9, 1.0);
    std::string json = "{\"scenario\": \"live\", \"network\": \"" + r.network + "\", \"batch\": " + std::to_string(r.batch) +
                       ", \"samples\": " + std::to_string(r.samples) + ", \"seconds\": " + fixed(seconds, 3) +
                       ", \"steps\": " + std::to_string(steps) + ", \"frames\": " + std::to_string(n) +
                       ", \"steps_per_second\": " + fixed(sps, 1) + ", \"epochs_per_second\": " + fixed(epochs, 2) +
                       ", \"samples_per_second\": " + fixed(samples, 0) + ", \"frames_per_second\": " + fixed(fps, 2) +
                       ", \"frame_p99_ms\": " + fixed(frame.percentile(99), 3) +
                       ", \"frame_cpu_median_ms\": " + fixed(r.cpu.median(), 3) + ", \"frame_cpu_p99_ms\": " + fixed(r.cpu.percentile(99), 3) +
                       ", \"samples_per_second_first_tenth\": " + fixed(first, 0) +
                       ", \"samples_per_second_last_tenth\": " + fixed(last, 0) +
                       ", \"playground_samples_per_second\": " + fixed(kPlaygroundLiveSamples, 0) +
                       ", \"ratio_to_playground\": " + fixed(ratio, 2) + "}\n";
    std::string text = json;
    text += "live: " + r.network + ", batch " + std::to_string(r.batch) + ", " + std::to_string(r.samples) + " training samples, " +
            std::to_string(steps) + " steps in " + fixed(seconds, 1) + " s (wall clock)\n";
    text += "  " + fixed(samples, 0) + " samples/s = " + fixed(ratio, 1) + " × Playground's live " + fixed(kPlaygroundLiveSamples, 0) +
            " samples/s   target ≥ 40×: " + (ratio >= 40 ? "PASS" : "MISS") + "\n";
    text += "  first tenth " + fixed(first, 0) + " samples/s, last tenth " + fixed(last, 0) + " samples/s: " +
            (last >= 0.8 * first ? "not slowing (the last tenth at least 80 % of the first)" : "SLOWING (the last tenth under 80 % of the first)") +
            "\n";
    text += "  " + fixed(fps, 1) + " frames/s, 99th percentile frame " + fixed(frame.percentile(99), 2) +
            " ms   target ≥ 55 frames/s: " + (fps >= 55 ? "PASS" : "MISS") + "\n";
    text += "  the main thread's CPU per frame (our code and GL calls): median " + fixed(r.cpu.median(), 2) + " ms, 99th percentile " +
            fixed(r.cpu.percentile(99), 2) + " ms (under 16.7 ms: the frame rate is the machine's to give)\n";
    return text;
}

}  // namespace studio
