// backprop-cli train's loop: steps with bp::Trainer, each step's loss streamed to stdout ("step loss")
// and to the log ("step,loss") as it goes — memory bounded whatever --steps is — every K-th step and
// the last one. It stops at once on a divergence, on a write error on stdout or the log, or at the end
// of the current step on SIGINT/SIGTERM (see interrupt.h).
#pragma once
#include <string>

#include "app/cli/fd_writer.h"
#include "engine/io/atomic_file.h"
#include "engine/core/optimizer.h"

namespace cli {

enum class StopReason { finished, diverged, stdout_failed, log_failed, interrupted };

struct TrainOutcome {
    StopReason reason = StopReason::finished;
    long long steps_done = 0;  // updates made: the network holds the parameters after them
    std::string detail;        // diverged: what ("the loss of step 5 is infinite")
    int signal = 0;            // interrupted: SIGINT or SIGTERM
    int stdout_error = 0;      // errno of a failed write on stdout, else 0
    std::string log_error;     // why the log could not be written (then it was abandoned), else empty
};

// Trains net for `steps` steps, printing the loss of steps 0, every, 2·every, … and of the last step
// done to `out` and, when given, to `log` (which has its header already).
TrainOutcome train_loop(bp::Network& net, bp::Trainer& trainer, long long steps, long long every, FdWriter& out,
                        bp::AtomicFile* log);

}  // namespace cli
