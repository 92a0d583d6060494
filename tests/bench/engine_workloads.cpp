// engine_workloads: runs the side-by-side benchmark workloads of issue 8 on our engine. Each SPEC is a
// network file (loaded with bp::load_document, as the app does) with data, training settings and a
// "bench" section that tests/bench/bench_engine.py writes; the PyTorch and NumPy peers read the same file.
// Prints one JSON object per line: final loss, median and best CPU seconds (and median wall seconds),
// steps/s, samples/s.
#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"
#include "engine/core/optimizer.h"
#include "engine/io/serialize.h"
#include "engine/teaching/stepper.h"

namespace {

// Both clocks: wall time, and the CPU time of the process (the rates use CPU time, which other programs
// running on a shared machine do not inflate; the peers measure the same pair).
struct Timer {
    std::chrono::steady_clock::time_point wall0 = std::chrono::steady_clock::now();
    std::clock_t cpu0 = std::clock();
    double wall() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count(); }
    double cpu() const { return static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC; }
};

struct Times {
    std::vector<double> cpu, wall;
    void add(const Timer& t) {
        cpu.push_back(t.cpu());  // read first: the CPU clock is the one the rates use
        wall.push_back(t.wall());
    }
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

// How often a workload is repeated: at least `min_repeats` times and until about a second has passed,
// so that a run of a few milliseconds is not one noisy sample (capped at 200 runs).
struct RepeatPolicy {
    int min_repeats = 3;
    double min_total_seconds = 1.0;
    bool more(const Times& times) const {
        double total = 0.0;
        for (double t : times.wall) total += t;
        const int n = static_cast<int>(times.wall.size());
        return n < min_repeats || (total < min_total_seconds && n < 200);
    }
};

// Workloads (a), (b), (c): `steps` updates of plain bp::Trainer::step, exactly the loop of
// backprop-cli train, each run from the file's initial parameters. The final loss is the mean loss on the
// whole training set after the last step (not timed).
nlohmann::json run_training(const bp::Document& doc, long steps, const RepeatPolicy& policy) {
    const bp::Dataset& data = *doc.data;
    Times times;
    double final_loss = 0.0, last_batch_loss = 0.0;
    int batch = 0;
    while (policy.more(times)) {
        bp::Network net = doc.net;
        bp::Trainer trainer(data, doc.training);
        batch = trainer.batch_size();
        const Timer timer;
        for (long s = 0; s < steps; ++s) last_batch_loss = trainer.step(net);
        times.add(timer);
        if (trainer.diverged() || !std::isfinite(last_batch_loss)) throw bp::Error("training diverged");
        final_loss = bp::evaluate_loss(net, data);
    }
    const double sec = median(times.cpu);
    return {{"steps", steps},
            {"batch", batch},
            {"repeats", times.cpu.size()},
            {"seconds", sec},
            {"best_seconds", *std::min_element(times.cpu.begin(), times.cpu.end())},
            {"wall_seconds", median(times.wall)},
            {"steps_per_s", steps / sec},
            {"samples_per_s", static_cast<double>(steps) * batch / sec},
            {"final_loss", final_loss},
            {"last_batch_loss", last_batch_loss}};
}

// Workload (d): one full stepped pass of one sample, as the app builds it when a file is opened or
// edited (bp::Stepper over sample 0 with the file's training settings), then walked to the end one
// event at a time, writing every event's formula and title as the formula panel does.
nlohmann::json run_stepped_pass(const bp::Document& doc, int sample, const RepeatPolicy& policy) {
    const bp::Matrix x = bp::take_rows(doc.data->X, sample, 1);
    const bp::Matrix y = bp::take_rows(doc.data->Y, sample, 1);
    Times times;
    double loss = 0.0;
    int events = 0;
    std::size_t formula_chars = 0;
    while (policy.more(times)) {
        const Timer timer;
        bp::Stepper stepper(doc.net, x, y, doc.training, 0);
        formula_chars = 0;
        while (!stepper.at_end()) {  // a student pressing → to the end: each step writes its formula
            stepper.step_forward();
            const bp::EventText t = stepper.text(*stepper.current());
            formula_chars += t.symbolic.size() + t.substituted.size() + t.result.size() + t.latex.size() + t.title.size();
        }
        times.add(timer);
        events = stepper.size();
        loss = stepper.trace().loss;
    }
    const double sec = median(times.cpu);
    return {{"steps", 1},
            {"batch", 1},
            {"repeats", times.cpu.size()},
            {"events", events},
            {"formula_chars", formula_chars},
            {"seconds", sec},
            {"best_seconds", *std::min_element(times.cpu.begin(), times.cpu.end())},
            {"wall_seconds", median(times.wall)},
            {"steps_per_s", 1.0 / sec},
            {"samples_per_s", 1.0 / sec},
            {"events_per_s", events / sec},
            {"final_loss", loss}};
}

// The bits of every parameter after `steps` training steps of a train spec, folded into one FNV-1a hash,
// and the final loss's bits: builds whose engines compute the same bits print the same line
// (scripts/check-same-bits.sh compares the AVX-512, AVX2 and SSE2 builds). Null for other specs.
nlohmann::json digest_spec(const std::string& path, long steps) {
    const bp::Document doc = bp::load_document(path);
    if (!doc.data) throw bp::Error(path + ": the spec needs \"data\"");
    const nlohmann::json bench = doc.extra->value("bench", nlohmann::json::object());
    if (bench.value("kind", "train") != "train") return nullptr;
    bp::Network net = doc.net;
    bp::Trainer trainer(*doc.data, doc.training);
    for (long s = 0; s < steps; ++s) trainer.step(net);
    std::uint64_t hash = 1469598103934665603ull;
    const auto fold = [&hash](double x) {
        const auto bits = std::bit_cast<std::uint64_t>(x);
        for (int byte = 0; byte < 8; ++byte) hash = (hash ^ ((bits >> (8 * byte)) & 0xff)) * 1099511628211ull;
    };
    for (int l = 1; l <= net.L(); ++l) {
        for (double w : net.layers[l].W.v) fold(w);
        for (double b : net.layers[l].b) fold(b);
    }
    const double loss = bp::evaluate_loss(net, *doc.data);
    fold(loss);
    char text[32];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return {{"workload", bench.value("name", path)}, {"steps", steps}, {"digest", text}, {"final_loss", loss}};
}

nlohmann::json run_spec(const std::string& path, const RepeatPolicy& policy) {
    const bp::Document doc = bp::load_document(path);
    if (!doc.data) throw bp::Error(path + ": the spec needs \"data\"");
    const nlohmann::json bench = doc.extra->value("bench", nlohmann::json::object());
    const std::string kind = bench.value("kind", "train");
    nlohmann::json result;
    if (kind == "train")
        result = run_training(doc, bench.value("steps", 100L), policy);
    else if (kind == "stepped_pass")
        result = run_stepped_pass(doc, bench.value("sample", 0), policy);
    else
        throw bp::Error(path + ": unknown bench.kind \"" + kind + "\"");
    result["workload"] = bench.value("name", path);
    result["impl"] = "ours";
    return result;
}

constexpr const char* kUsage =
    "usage: engine_workloads [--repeat R | --digest STEPS] SPEC.json...\n"
    "Runs each benchmark spec (a network file with data, training and a \"bench\" section written by\n"
    "tests/bench/bench_engine.py) on the engine and prints one JSON line per spec. --repeat R runs each\n"
    "workload exactly R times (default: at least 3 times and until about a second has passed).\n"
    "--digest STEPS trains each training spec STEPS steps, untimed, and prints a hash of the bits of every\n"
    "parameter and of the final loss instead.\n";

}  // namespace

int main(int argc, char** argv) {
    RepeatPolicy policy;
    long digest_steps = 0;
    std::vector<std::string> specs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (arg == "--digest" && i + 1 < argc) {
            digest_steps = std::max(1L, std::atol(argv[++i]));
        } else if (arg == "--repeat" && i + 1 < argc) {
            policy.min_repeats = std::max(1, std::atoi(argv[++i]));
            policy.min_total_seconds = 0.0;
        } else {
            specs.push_back(arg);
        }
    }
    if (specs.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    try {
        for (const std::string& path : specs) {
            const nlohmann::json line = digest_steps > 0 ? digest_spec(path, digest_steps) : run_spec(path, policy);
            if (!line.is_null()) std::cout << line.dump() << std::endl;
        }
    } catch (const std::exception& e) {
        std::cerr << "engine_workloads: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
