// The one training loop of the Lab (see training_run.h).
#include "app/studio/state/training_run.h"

#include "app/studio/state/lab_data.h"

namespace studio {

std::shared_ptr<const bp::Dataset> checkpoint_samples(const bp::Dataset& data) {
    if (spread_stride(data.size(), kCheckpointSamples) == 1)
        return std::shared_ptr<const bp::Dataset>(std::shared_ptr<const bp::Dataset>(), &data);  // not owned: the document's
    return std::make_shared<const bp::Dataset>(spread_rows(data, kCheckpointSamples));
}

long run_training(TrainingRun& r, long count) {
    if (r.end != RunEnd::none) return 0;
    bp::Trace test_trace;  // reused: no allocation per step
    long done = 0;
    while (done < count) {
        if (r.checkpoints.due(r.steps_done)) r.checkpoints.add(r.steps_done, bp::evaluate_loss(r.net, *r.checkpoint_data), r.net);
        std::optional<double> test;  // before the step's update
        if (r.test) {
            bp::forward(r.net, r.test->X, test_trace);
            bp::compute_loss(r.net, r.test->Y, test_trace);
            test = test_trace.loss;
        }
        const double loss = r.trainer->step(r.net);
        const long step = r.steps_done++;
        r.losses.push_back({loss, test});
        ++done;
        if (auto d = r.watch.observe(step, loss, r.trainer->diverged(), r.trainer->config().learning_rate)) {
            r.divergence = d;
            r.end = RunEnd::diverged;
            break;
        }
        if (r.stop_at_step > 0 && r.steps_done >= r.stop_at_step) {
            r.end = RunEnd::stop_step;
            break;
        }
        if (r.stop_at_loss > 0 && r.watch.smoothed() <= r.stop_at_loss) {
            const double full = bp::evaluate_loss(r.net, *r.data);
            if (full <= r.stop_at_loss) {
                r.end = RunEnd::stop_loss;
                r.end_loss = full;
                break;
            }
        }
    }
    return done;
}

}  // namespace studio
