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
#include "engine/core/datasets.h"

namespace studio {

inline constexpr int kFieldCells = 48;       // the decision field: 48 × 48 forward passes (fewer for big networks)
inline constexpr double kFieldBudget = 4e6;  // multiply-adds one refresh of the field may take
inline constexpr int kNeuronMapCells = 14;   // each neuron's heatmap: 14 × 14
inline constexpr int kCurvePoints = 160;     // the fitted curve for one input
inline constexpr double kRefreshHz = 5.0;    // field, maps and numbers while training
inline constexpr int kMaxStepsPerFrame = 2000;
inline constexpr double kTrainBudgetMs = 7.0;  // automatic speed: training time per frame (60 fps leaves ~16 ms)

// Numbers for the Lab's readout, from the current network on the whole sets.
struct LabStats {
    double train_loss = 0, test_loss = 0;   // mean loss on the training / test set
    double train_acc = -1, test_acc = -1;   // fraction right (classifiers only; −1: not shown)
    bool has_test = false;
};

struct LabState {
    // ---- training ----
    bool training = false;       // play: train every frame
    int steps_per_frame = 10;    // fixed speed, or the automatic speed's current value
    bool auto_speed = true;      // adapt steps per frame to kTrainBudgetMs
    long stop_at_step = 0;       // pause when steps_done reaches it (0: off)
    double stop_at_loss = 0;     // pause when the training-set loss falls to it (0: off)
    double last_train_ms = 0;    // training time of the last frame

    // ---- divergence ----
    DivergenceWatch watch;
    Checkpoints checkpoints;
    std::vector<int> run_sizes;  // the layer sizes and data the checkpoints and the watch belong to
    bp::Matrix run_X, run_Y, run_test_X, run_test_Y;
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
    LabStats stats;
    double target_scale = 1;     // largest |target| (colour scale for regression)
    bool cache_valid = false;
    double since_refresh = 0;    // seconds since the caches were computed
    bp::Network cached_net;      // the network and data the caches were computed from
    bp::Matrix cached_X, cached_Y, cached_test_X, cached_test_Y;
};

}  // namespace studio
