// The Lab's training on a thread of its own (issue 25), so that the window and training use two cores
// and a frame never waits for a training step. The worker owns a TrainingRun (training_run.h) while it
// runs and publishes, after every chunk of about a millisecond of steps, a snapshot: the network, the
// step count and the steps' losses. The frame takes the snapshot (take: a copy under a lock, never a
// step); anything that changes the document or the training first stops the worker and takes the whole
// run back (finish), so edits, undo, loading and saving see a still, exact state.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "app/studio/state/training_run.h"

namespace studio {

// What the worker has done since the frame last looked.
struct WorkerNews {
    bp::Network net;                // the network after the newest step
    long steps_done = 0;
    std::vector<StepLoss> losses;   // the steps' losses since the last take, in order
    bool ended = false;             // the run ended (divergence, a stop condition): finish() it
};

class LabWorker {
public:
    // Starts the thread on `run`; `allowed` as in allow().
    LabWorker(TrainingRun run, long allowed);
    ~LabWorker();  // stops and joins; what was not taken is dropped
    LabWorker(const LabWorker&) = delete;
    LabWorker& operator=(const LabWorker&) = delete;

    // How many more steps the worker may take: −1 as many as it can (automatic speed), else n (a fixed
    // speed: the frame grants its steps). It waits, not spins, at 0.
    void allow(long steps);
    // Moves what is new into `out` (its losses are replaced); false when nothing is. Never waits for a step.
    bool take(WorkerNews& out);
    // Stops after the step under way, joins, and gives back the run: its network, watch, checkpoints and
    // the losses not taken yet (in r.losses). The worker is done after this.
    TrainingRun finish();

private:
    void loop();

    TrainingRun run_;          // the worker thread's alone while it runs
    std::mutex mutex_;         // guards what follows
    std::condition_variable wake_;
    long allowed_ = -1;
    bool stop_ = false;
    WorkerNews news_;          // published
    bool fresh_ = false;       // news_ holds something not taken yet
    bool chunk_done_ = false;  // the thread has published at least one chunk (finish waits for it)
    std::thread thread_;       // last: started once the rest is ready
};

// A place for at most one worker inside the app state (LabState::worker). Copying a state gives the
// copy no worker (it starts its own when it trains); moving one stops the source's worker first.
class WorkerSlot {
public:
    WorkerSlot() = default;
    WorkerSlot(const WorkerSlot&) {}
    WorkerSlot(WorkerSlot&& other) noexcept { other.worker.reset(); }
    WorkerSlot& operator=(const WorkerSlot&) { return worker.reset(), *this; }
    WorkerSlot& operator=(WorkerSlot&& other) noexcept {
        worker.reset();
        other.worker.reset();
        return *this;
    }
    std::unique_ptr<LabWorker> worker;
};

}  // namespace studio
