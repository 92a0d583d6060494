// A run of training steps held apart from the app state, so that the Lab's worker thread (lab_worker.h)
// and the UI thread (one Step, Train N, --train-steps) run the very same loop on the very same numbers:
// the network, the trainer and its data, the divergence watch, the checkpoints and the stop conditions
// go in; the trained network, each step's losses and why the run stopped come out. Same bits whoever runs it.
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "app/studio/state/divergence.h"
#include "engine/core/optimizer.h"

namespace studio {

// One step's losses: the batch loss, and the test-set loss before the step's update (when there is a test set).
struct StepLoss {
    double train = 0;
    std::optional<double> test;
};

enum class RunEnd {
    none,       // still going (or asked for no more steps)
    diverged,   // the watch or the trainer gave a divergence: `divergence` says which
    stop_step,  // steps_done reached stop_at_step
    stop_loss,  // the training-set loss fell to stop_at_loss: `end_loss` is it
};

inline constexpr int kCheckpointSamples = 20000;

struct TrainingRun {
    bp::Network net;
    std::shared_ptr<bp::Trainer> trainer;  // draws its batches from *data
    const bp::Dataset* data = nullptr;     // the training set (the document's: it outlives the run)
    const bp::Dataset* test = nullptr;     // the test set, or null
    // The samples a checkpoint's loss is measured on: the training set, or for a large one at most
    // kCheckpointSamples of it spread evenly (a checkpoint costs the same whatever the data's size).
    std::shared_ptr<const bp::Dataset> checkpoint_data;
    long steps_done = 0;                   // updates applied since load
    DivergenceWatch watch;
    Checkpoints checkpoints;
    long stop_at_step = 0;                 // 0: off
    double stop_at_loss = 0;               // 0: off

    std::vector<StepLoss> losses;          // one per step done, until the caller takes them
    RunEnd end = RunEnd::none;
    std::optional<Divergence> divergence;
    double end_loss = 0;
};

// The training set itself when it has at most kCheckpointSamples samples, else a spread of them (lab_data.h).
std::shared_ptr<const bp::Dataset> checkpoint_samples(const bp::Dataset& data);

// Trains up to `count` steps (fewer when the run ends: r.end is set, the step that ended it counted).
// Returns the steps done. A run that has ended does no more steps until r.end is reset.
long run_training(TrainingRun& r, long count);

}  // namespace studio
