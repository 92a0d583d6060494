// engine_bench: Google Benchmark timings of the engine's kernels (issue 8) — forward, backward, one
// training step (bp::Trainer, as the app and backprop-cli use it), building the stepped pass of a network
// (every event with its formula) and chain-rule path enumeration — on the networks of the workloads.
// Counters: samples/s ("items_per_second") and FLOP/s, counting 2 FLOPs per multiply-add.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/teaching/chain_rule.h"
#include "engine/core/datasets.h"
#include "engine/core/optimizer.h"
#include "engine/core/rng.h"
#include "engine/teaching/stepper.h"

namespace {

// A benchmark network: hidden layers tanh, a sigmoid output with binary cross-entropy, torch-style
// uniform initialisation, and `batch` samples (circle data for two inputs, else seeded uniform inputs
// with 0/1 targets).
struct Setup {
    std::string name;
    bp::Network net;
    bp::Dataset data;
    long macs_per_sample = 0;  // Σ_l n_l · n_(l−1): multiply-adds of one forward pass
};

Setup make_setup(const std::string& name, const std::vector<int>& sizes, int batch) {
    std::vector<bp::Activation> f(sizes.size() - 1, bp::Activation::tanh);
    f.back() = bp::Activation::sigmoid;
    Setup s{name, bp::make_network(sizes, f, bp::Loss::binary_cross_entropy, bp::InitScheme::uniform, 7), {}, 0};
    for (std::size_t l = 1; l < sizes.size(); ++l) s.macs_per_sample += static_cast<long>(sizes[l]) * sizes[l - 1];
    if (sizes.front() == 2) {
        bp::DatasetSpec spec;
        spec.kind = bp::DatasetKind::circle;
        spec.points = std::max(batch, 2);  // a data set has at least two points
        spec.test_fraction = 0.0;
        const bp::Dataset all = bp::generate_dataset(spec).train;
        s.data = {bp::take_rows(all.X, 0, batch), bp::take_rows(all.Y, 0, batch)};
    } else {
        bp::Rng rng(11);
        s.data.X = bp::Matrix(batch, sizes.front());
        s.data.Y = bp::Matrix(batch, sizes.back());
        for (double& x : s.data.X.v) x = rng.uniform(-1.0, 1.0);
        for (double& y : s.data.Y.v) y = rng.below(2);
    }
    return s;
}

// Ten layers of 64 after an input of 64: the size cap docs/FORMAT.md promises at least (10 × 64), 41 600 parameters.
std::vector<int> ten_by_64() { return std::vector<int>(11, 64); }

std::vector<Setup> pass_setups() {
    return {make_setup("2-8-8-1/batch:1", {2, 8, 8, 1}, 1), make_setup("2-8-8-1/batch:500", {2, 8, 8, 1}, 500),
            make_setup("2-64-64-64-1/batch:32", {2, 64, 64, 64, 1}, 32), make_setup("10x64/batch:1", ten_by_64(), 1)};
}

void set_rates(benchmark::State& state, const Setup& s, double flops_per_sample) {
    const int N = s.data.size();
    state.SetItemsProcessed(state.iterations() * N);
    state.counters["FLOP/s"] = benchmark::Counter(flops_per_sample * N * static_cast<double>(state.iterations()),
                                                  benchmark::Counter::kIsRate);
}

void bm_forward(benchmark::State& state, const Setup& s) {
    bp::Trace t;
    for (auto _ : state) {
        bp::forward(s.net, s.data.X, t);
        bp::compute_loss(s.net, s.data.Y, t);
        benchmark::DoNotOptimize(t.loss);
    }
    set_rates(state, s, 2.0 * s.macs_per_sample);  // z = W a + b: one multiply-add per weight
}

void bm_backward(benchmark::State& state, const Setup& s) {
    bp::Trace t;
    bp::forward(s.net, s.data.X, t);
    bp::compute_loss(s.net, s.data.Y, t);
    for (auto _ : state) {
        bp::backward(s.net, s.data.Y, t);
        benchmark::DoNotOptimize(t.layers[1].dW.v.data());
    }
    set_rates(state, s, 4.0 * s.macs_per_sample);  // δ = Wᵀδ' and dW = δ aᵀ: two multiply-adds per weight
}

void bm_train_step(benchmark::State& state, const Setup& s) {
    bp::TrainingConfig config;
    config.learning_rate = 0.01;
    config.batch_size = s.data.size();
    bp::Network net = s.net;
    bp::Trainer trainer(s.data, config);
    for (auto _ : state) benchmark::DoNotOptimize(trainer.step(net));
    set_rates(state, s, 6.0 * s.macs_per_sample);  // forward + backward ≈ 3 × forward
}

void bm_stepper(benchmark::State& state, const Setup& s) {
    const bp::Matrix x = bp::take_rows(s.data.X, 0, 1), y = bp::take_rows(s.data.Y, 0, 1);
    long events = 0;
    for (auto _ : state) {
        bp::Stepper stepper(s.net, x, y, bp::TrainingConfig{}, 0);
        stepper.run_to_end();
        events = stepper.size();
        benchmark::DoNotOptimize(stepper.trace().loss);
    }
    state.counters["events"] = static_cast<double>(events);
    state.counters["events/s"] =
        benchmark::Counter(static_cast<double>(events * state.iterations()), benchmark::Counter::kIsRate);
}

void bm_paths(benchmark::State& state, const Setup& s) {
    const bp::Matrix x = bp::take_rows(s.data.X, 0, 1), y = bp::take_rows(s.data.Y, 0, 1);
    const bp::ParameterRef w{false, 1, 0, 0};  // w¹₁₁: the weight with the most paths to the loss
    long long paths = 0;
    for (auto _ : state) {
        const bp::PathListing listing = bp::enumerate_paths(s.net, x, y, w);
        paths = listing.total_count;
        benchmark::DoNotOptimize(listing.sum);
    }
    state.counters["paths"] = static_cast<double>(paths);
}

void register_all() {
    static const std::vector<Setup> passes = pass_setups();
    for (const Setup& s : passes) {
        benchmark::RegisterBenchmark(("forward/" + s.name).c_str(), bm_forward, s);
        benchmark::RegisterBenchmark(("backward/" + s.name).c_str(), bm_backward, s);
        benchmark::RegisterBenchmark(("train_step/" + s.name).c_str(), bm_train_step, s);
    }
    static const std::vector<Setup> stepped = {make_setup("2-8-8-1", {2, 8, 8, 1}, 1),
                                               make_setup("10x64", ten_by_64(), 1)};
    for (const Setup& s : stepped)
        benchmark::RegisterBenchmark(("stepper/" + s.name).c_str(), bm_stepper, s)->Unit(benchmark::kMillisecond);
    static const std::vector<Setup> paths = {make_setup("2-8-8-1", {2, 8, 8, 1}, 1),
                                             make_setup("2-8-8-8-1", {2, 8, 8, 8, 1}, 1),
                                             make_setup("10x64", ten_by_64(), 1)};
    for (const Setup& s : paths)
        benchmark::RegisterBenchmark(("paths/" + s.name).c_str(), bm_paths, s)->Unit(benchmark::kMicrosecond);
}

}  // namespace

int main(int argc, char** argv) {
    register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
