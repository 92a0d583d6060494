// The Training lab's part of the app state (AppState::lab): continuous training and its speed and stop
// conditions, the divergence watch and the checkpoints to rewind to, the data generator's fields and
// the brush for clicked points, and what the Lab draws (decision field, per-neuron maps, fitted curve,
// losses and accuracy), recomputed by lab::Tick while the Lab is shown, at most kRefreshHz times a
// second while training.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "app/studio/state/decision_field.h"
#include "app/studio/state/divergence.h"
#include "app/studio/state/lab_data.h"
#include "app/studio/state/lab_worker.h"
#include "engine/core/datasets.h"

namespace studio {

inline constexpr int kFieldCells = 48;       // the decision field: 48 × 48 forward passes (fewer for big networks)
inline constexpr double kFieldBudget = 4e6;  // multiply-adds one refresh of the field may take
inline constexpr int kNeuronMapCells = 14;   // each neuron's heatmap: 14 × 14
inline constexpr int kCurvePoints = 160;     // the fitted curve for one input
inline constexpr double kRefreshHz = 5.0;    // field, maps and numbers while training
inline constexpr int kMaxStepsPerFrame = 2000;
// Bounded work per frame, whatever the data's size (up to 10⁶ samples): the Lab's numbers are computed on
// at most kStatsSamples samples of each set, and the plot draws at most kPlotPoints of each (both spread
// evenly over the set: rows 0, k, 2k, …); the readout and the plot say so when they are fewer than all.
inline constexpr int kStatsSamples = 20000;
inline constexpr int kPlotPoints = 5000;

// Numbers for the Lab's readout, from the current network on the whole sets.
struct LabStats {
    double train_loss = 0, test_loss = 0;   // mean loss on the training / test set
    int train_counted = 0, test_counted = 0;  // the samples they were computed on (fewer than all: a spread)
    double train_acc = -1, test_acc = -1;   // fraction right (classifiers only; −1: not shown)
    bool has_test = false;
};

struct LabState {
    // ---- training ----
    bool training = false;       // play: train every frame
    int steps_per_frame = 10;    // fixed speed, or the steps the last frame adopted (automatic speed)
    bool auto_speed = true;      // the worker trains as fast as it can (else steps_per_frame a frame)
    long stop_at_step = 0;       // pause when steps_done reaches it (0: off)
    double stop_at_loss = 0;     // pause when the training-set loss falls to it (0: off)
    double last_train_ms = 0;    // the frame's time spent adopting the worker's steps
    // While training plays, the steps run on a worker thread (lab_worker.h) holding the network's run;
    // the frame adopts its snapshots. The checkpoints and the watch below are the worker's meanwhile.
    WorkerSlot worker;

    // ---- divergence ----
    DivergenceWatch watch;
    Checkpoints checkpoints;
    std::vector<int> run_sizes;  // the layer sizes and data (AppState::data_revision) the checkpoints
    std::uint64_t run_data_revision = 0;  // and the watch belong to
    std::optional<Divergence> diverged;  // set when training paused because of it; cleared by rewind/dismiss

    // ---- data ----
    bp::DatasetSpec spec;        // the generator's fields (from the document's extra["dataset"] when present)
    bool spec_loaded = false;    // spec was taken from the document already
    int brush_class = 1;         // the class a click adds (classifiers)
    double brush_value = 0.5;    // the target a click adds (regression with 2 inputs)
    int shown_output = 0;        // the output the field shows when there are several and no classes
    bool table_test = false;     // the table shows the test set

    bool visible = false;        // the Lab tab is shown: the network canvas draws the neuron maps

    // ---- what the Lab draws (see lab::Tick) ----
    PlotDomain domain;
    GridField field;             // empty unless the network has 2 inputs
    NeuronMaps maps;             // idem, and only while drawn (the Lab shown, settings.neuron_maps)
    Curve curve;                 // empty unless the network has 1 input
    LabStats stats;              // on at most kStatsSamples of each set (spread evenly over it)
    double target_scale = 1;     // largest |target| (colour scale for regression)
    bool cache_valid = false;
    double since_refresh = 0;    // seconds since the caches were computed
    bp::Network cached_net;      // the network and data (AppState::data_revision) the caches were computed from
    std::uint64_t cached_data_revision = 0;
    std::uint64_t domain_data_revision = 0;  // the data domain and target_scale were computed from
};

}  // namespace studio
