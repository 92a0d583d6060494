// backprop-cli train's loop (see train_loop.h).
#include "app/cli/train_loop.h"

#include <cmath>

#include "app/cli/interrupt.h"

namespace cli {
namespace {

// Where each step's line goes, and which step each sink saw last (so the last step is printed once).
class LossLines {
public:
    LossLines(FdWriter& out, bp::AtomicFile* log) : out_(out), log_(log) {}

    void print(long long step, double loss) {
        char line[64];
        const LossLine made = loss_line(line, step, loss);
        if (!out_.failed() && printed_out_ != step) {
            out_.append({line, made.length});
            printed_out_ = step;
        }
        if (log_ != nullptr && log_error_.empty() && logged_ != step) {
            line[made.separator] = ',';
            try {
                log_->write({line, made.length});
                logged_ = step;
            } catch (const bp::WriteError& e) {
                log_error_ = e.what();
            }
        }
    }
    bool stdout_failed() const { return out_.failed(); }
    const std::string& log_error() const { return log_error_; }

private:
    FdWriter& out_;
    bp::AtomicFile* log_;
    long long printed_out_ = -1, logged_ = -1;
    std::string log_error_;
};

}  // namespace

TrainOutcome train_loop(bp::Network& net, bp::Trainer& trainer, long long steps, long long every, FdWriter& out,
                        bp::AtomicFile* log) {
    TrainOutcome r;
    LossLines lines(out, log);
    long long last_step = -1;  // the last step with a finite loss, and that loss
    double last_loss = 0.0;
    for (long long s = 0; s < steps; ++s) {
        if (const int signal = InterruptGuard::received()) {  // stop at the end of the step before
            r.reason = StopReason::interrupted;
            r.signal = signal;
            break;
        }
        const double loss = trainer.step(net);  // the batch loss before this step's update
        if (!std::isfinite(loss)) {  // nothing was updated: the network is that after step s − 1
            r.reason = StopReason::diverged;
            r.detail = "the loss of step " + std::to_string(s) + " is " + (std::isnan(loss) ? "NaN" : "infinite");
            break;
        }
        last_step = s;
        last_loss = loss;
        if (s % every == 0) lines.print(s, loss);
        if (trainer.diverged()) {  // the update overflowed and was undone
            r.reason = StopReason::diverged;
            r.detail = "the update of step " + std::to_string(s) + " made a parameter overflow (not a finite number)";
            break;
        }
        r.steps_done = s + 1;
        if (lines.stdout_failed()) {
            r.reason = StopReason::stdout_failed;
            break;
        }
        if (!lines.log_error().empty()) {
            r.reason = StopReason::log_failed;
            break;
        }
    }
    if (last_step >= 0) lines.print(last_step, last_loss);  // the last step always (a no-op if printed)
    out.flush();
    if (r.reason == StopReason::finished && lines.stdout_failed()) r.reason = StopReason::stdout_failed;
    if (r.reason == StopReason::finished && !lines.log_error().empty()) r.reason = StopReason::log_failed;
    r.log_error = lines.log_error();
    r.stdout_error = out.error();
    return r;
}

}  // namespace cli
