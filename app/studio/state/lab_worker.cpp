// The Lab's training thread (see lab_worker.h).
#include "app/studio/state/lab_worker.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace studio {
namespace {

constexpr double kChunkSeconds = 1e-3;  // steps between two snapshots: about a millisecond of them
constexpr long kMaxChunk = 1 << 16;

}  // namespace

LabWorker::LabWorker(TrainingRun run, long allowed) : run_(std::move(run)), allowed_(allowed) {
    thread_ = std::thread([this] { loop(); });
}

LabWorker::~LabWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void LabWorker::allow(long steps) {
    {
        std::lock_guard lock(mutex_);
        allowed_ = steps;
    }
    wake_.notify_all();
}

bool LabWorker::take(WorkerNews& out) {
    std::lock_guard lock(mutex_);
    if (!fresh_) return false;
    out.net = news_.net;
    out.steps_done = news_.steps_done;
    out.losses.swap(news_.losses);
    news_.losses.clear();
    out.ended = news_.ended;
    fresh_ = false;
    return true;
}

TrainingRun LabWorker::finish() {
    {
        // A worker stopped before its first chunk makes no progress at all: with both cores busy, a new
        // thread may not run before the next frame's edit stops it, and training stood still for good
        // (real.big_data beside other work). So it is stopped once it has done a chunk (about 1 ms of
        // steps), or at once when it is idle with no steps allowed.
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return chunk_done_ || allowed_ == 0; });
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    // The thread is gone: the run is ours. Its losses not taken yet come first, in order.
    std::vector<StepLoss> untaken = std::move(news_.losses);
    untaken.insert(untaken.end(), run_.losses.begin(), run_.losses.end());
    run_.losses = std::move(untaken);
    news_.losses.clear();
    fresh_ = false;
    return std::move(run_);
}

void LabWorker::loop() {
    long chunk = 16;
    for (;;) {
        long n = 0;
        bool unlimited = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || allowed_ != 0; });
            if (stop_) return;
            unlimited = allowed_ < 0;
            n = unlimited ? chunk : std::min(allowed_, chunk);
        }
        const auto started = std::chrono::steady_clock::now();
        const long done = run_training(run_, n);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (unlimited && done == n)
            chunk = std::clamp(static_cast<long>(static_cast<double>(chunk) * kChunkSeconds / std::max(seconds, 1e-6)), 1L, kMaxChunk);
        {
            std::lock_guard lock(mutex_);
            news_.net = run_.net;
            news_.steps_done = run_.steps_done;
            news_.losses.insert(news_.losses.end(), run_.losses.begin(), run_.losses.end());
            news_.ended = run_.end != RunEnd::none;
            fresh_ = true;
            chunk_done_ = true;
            if (allowed_ > 0) allowed_ = std::max(0L, allowed_ - done);
        }
        wake_.notify_all();  // a finish() waiting for the first chunk
        run_.losses.clear();
        if (run_.end != RunEnd::none) return;
    }
}

}  // namespace studio
