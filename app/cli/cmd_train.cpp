// backprop-cli train NET.json --steps N [...]: the options, the files (train_files.h), the loop
// (train_loop.h) and how training ended: --out written first, the log after it, a message on stderr.
#include <climits>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/fd_writer.h"
#include "app/cli/input.h"
#include "app/cli/interrupt.h"
#include "app/cli/pass_check.h"
#include "app/cli/train_files.h"
#include "app/cli/train_loop.h"
#include "engine/core/training_settings.h"
#include "engine/core/optimizer.h"
#include "engine/io/serialize.h"

namespace {
using namespace cli;

const char* const kTrainHelp = R"(Usage: backprop-cli train NET.json --steps N [--lr X] [--batch B]
                          [--optimizer sgd|momentum|adam] [--out FILE] [--log FILE]
                          [--every K] [--force]

Trains the network on its data for N steps and prints one line per step on stdout: "step loss",
the step counted from 0 and the loss of that step's batch before its update (round-trip digits).
Lines are written as training goes: memory does not grow with N.

  --steps N       number of steps (updates), N >= 0
  --lr X          learning rate, 0 < X <= 1e9 (overrides training.learning_rate)
  --batch B       samples per step, 0..N, 0 = all of data (overrides training.batch_size)
  --optimizer O   sgd, momentum or adam (overrides training.optimizer; when the file gives no
                  learning rate: 0.001 for adam, 0.1 otherwise)
  --out FILE      write the trained network: the whole input document (unknown keys kept, its
                  training settings unchanged) with the new parameters, at round-trip precision
  --log FILE      write the losses as CSV: a "step,loss" header, then one row per printed step
  --every K       print (and log) only steps 0, K, 2K, ... and the last step, K >= 1 (default 1)
  --force         replace a read-only --out or --log file

Step t uses samples t·B … t·B+B−1 (mod N) in file order, wrapping around the end (an epoch is
N/B steps), unless training.shuffle is true. Other settings (momentum, Adam's betas, l2,
freeze_biases, seed) come from the file's "training". Without --out nothing is written.

Files are written atomically (a temporary file renamed into place) and opened before the first
step, so a path that cannot be written fails at once. --out and --log may not be the network file
itself. A symbolic link is followed (the file it names is replaced, the link stays); a FIFO, a
device or /dev/stdout is written through; a read-only file needs --force.

Stopping early, --out is written with the parameters reached and stderr says at which step:
  - SIGINT (Ctrl-C) or SIGTERM: at the end of the current step; exit status 130 or 143
    (a second signal ends the program at once, leaving any --out as it was);
  - stdout or the log cannot be written (a closed pipe, a full disk): exit status 1 (a log that
    failed is not written: the previous file is left as it was).
If the loss or the parameters stop being finite numbers, training stops: the lines and the log so
far are kept, a message names the step, --out is not written, and the exit status is 1.
)";

// The file's training settings with the command-line overrides applied.
bp::TrainingConfig training_config(const ParsedArgs& a, const Input& in, const bp::Dataset& data) {
    bp::TrainingConfig c = in.doc.training;
    if (const auto text = a.get("--optimizer")) {
        parse_choice(*text, "--optimizer", {"sgd", "momentum", "adam"});  // throws a usage error for others
        c.optimizer = *bp::parse_optimizer(*text);
        const bool file_has_lr = in.doc.extra->contains("training") && (*in.doc.extra)["training"].is_object() &&
                                 (*in.doc.extra)["training"].contains("learning_rate");
        if (!file_has_lr)  // torch.optim's default for Adam; the engine's for the others
            c.learning_rate = c.optimizer == bp::OptimizerKind::adam ? 0.001 : bp::TrainingConfig{}.learning_rate;
    }
    // The file's own validators: a value the file may not hold, the command line may not give either.
    if (const auto text = a.get("--lr")) {
        c.learning_rate = parse_number(*text, "--lr");
        if (const std::string problem = bp::setting_problem(bp::TrainingSetting::learning_rate, c.learning_rate);
            !problem.empty())
            throw UsageError("--lr " + *text + " is out of range: " + problem);
    }
    if (const auto text = a.get("--batch")) {
        const long long b = parse_integer(*text, "--batch", LLONG_MIN, LLONG_MAX);
        if (const std::string problem = bp::batch_size_problem(b, data.size()); !problem.empty())
            throw UsageError("--batch " + *text + " is out of range: " + problem);
        c.batch_size = static_cast<int>(b);
    }
    return c;
}

// Finishes the files after the loop — --out first (it holds the work), then the log — and says on stderr
// how training ended, then any file that could not be written. Returns the exit status.
int finish(const TrainOutcome& r, long long steps, TrainFiles& files, Input& in, bp::Network& net, std::ostream& err) {
    const std::string where = "backprop-cli train: ";
    std::vector<std::string> write_failures;
    const auto attempt = [&](const auto& write) {
        try {
            write();
            return true;
        } catch (const bp::Error& e) {
            write_failures.push_back(e.what());
            return false;
        }
    };
    std::string out_note;
    if (r.reason == StopReason::diverged) {
        if (files.out) files.out->abandon();
        out_note = files.out ? " (--out not written)" : "";
    } else if (files.out) {
        in.doc.net = std::move(net);
        const bool written = attempt([&] {
            files.out->write(bp::dump_document(in.doc));
            files.out->commit();
        });
        out_note = "; --out " + files.out->path() +
                   (written ? " written with the parameters after " + std::to_string(r.steps_done) +
                                  (r.steps_done == 1 ? " step" : " steps")
                            : " not written");
    }
    if (files.log && r.log_error.empty()) attempt([&] { files.log->commit(); });  // a failed log was abandoned
    const std::string reached = r.steps_done == 0 ? "before the first step"
                                                  : "after step " + std::to_string(r.steps_done - 1) + " of " +
                                                        std::to_string(steps);
    const std::string log_failure = "the log cannot be written: " + r.log_error;
    int status = 0;
    switch (r.reason) {
        case StopReason::finished: break;
        case StopReason::diverged:
            err << where << "training diverged: " << r.detail << "; try a smaller --lr" << out_note << '\n';
            status = 1;
            break;
        case StopReason::interrupted:
            err << where << "interrupted by " << signal_name(r.signal) << " " << reached << out_note << '\n';
            status = 128 + r.signal;
            break;
        case StopReason::stdout_failed:
            err << where << "stopped " << reached << ": standard output cannot be written ("
                << std::strerror(r.stdout_error) << ")" << (r.log_error.empty() ? "" : "; " + log_failure) << out_note
                << '\n';
            status = 1;
            break;
        case StopReason::log_failed:
            err << where << "stopped " << reached << ": " << log_failure << out_note << '\n';
            status = 1;
            break;
    }
    for (const std::string& failure : write_failures) err << where << failure << '\n';
    return write_failures.empty() || status != 0 ? status : 2;
}

}  // namespace

int run_train(const CommandArgs& args, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args("train", args,
                                    {{"--steps", true},
                                     {"--lr", true},
                                     {"--batch", true},
                                     {"--optimizer", true},
                                     {"--out", true},
                                     {"--log", true},
                                     {"--every", true},
                                     {"--force", false}});
    if (a.help) {
        out << kTrainHelp;
        return 0;
    }
    const auto steps_text = a.get("--steps");
    if (!steps_text) throw UsageError("train needs --steps N (the number of updates)");
    const long long steps = parse_integer(*steps_text, "--steps", 0, 1000000000);
    const long long every = a.has("--every") ? parse_integer(*a.get("--every"), "--every", 1, 1000000000) : 1;
    Input in = load_input(a, "train");
    const bp::Dataset& data = require_data(in, "train");
    const bp::TrainingConfig config = training_config(a, in, data);
    check_converges(in.doc.net, data);
    TrainFiles files = open_train_files(a, in.path);
    if (files.log) files.log->write("step,loss\n");

    const InterruptGuard interrupts;  // until --out is written: a second signal ends the program at once
    bp::Network net = in.doc.net;
    bp::Trainer trainer(data, config);
    FdWriter lines(1);
    const TrainOutcome r = train_loop(net, trainer, steps, every, lines, files.log.get());
    return finish(r, steps, files, in, net, err);
}
