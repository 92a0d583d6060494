// backprop-cli train NET.json --steps N [...]: trains with bp::Trainer, prints "step loss" per step,
// optionally logs the losses as CSV and writes the trained network (the whole input document kept).
#include <climits>
#include <cmath>
#include <ostream>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/input.h"
#include "app/cli/output.h"
#include "app/cli/pass_check.h"
#include "engine/core/training_settings.h"
#include "engine/notation.h"
#include "engine/optimizer.h"
#include "engine/serialize.h"

namespace {
using namespace cli;

const char* const kTrainHelp = R"(Usage: backprop-cli train NET.json --steps N [--lr X] [--batch B]
                          [--optimizer sgd|momentum|adam] [--out FILE] [--log FILE]

Trains the network on its data for N steps and prints one line per step on stdout: "step loss",
the step counted from 0 and the loss of that step's batch before its update (round-trip digits).

  --steps N       number of steps (updates), N >= 0
  --lr X          learning rate, 0 < X <= 1e9 (overrides training.learning_rate)
  --batch B       samples per step, 0..N, 0 = all of data (overrides training.batch_size)
  --optimizer O   sgd, momentum or adam (overrides training.optimizer; when the file gives no
                  learning rate: 0.001 for adam, 0.1 otherwise)
  --out FILE      write the trained network: the whole input document (unknown keys kept, its
                  training settings unchanged) with the new parameters, at round-trip precision
  --log FILE      write the losses as CSV: a "step,loss" header, then one row per step

Step t uses samples t·B … t·B+B−1 (mod N) in file order, wrapping around the end (an epoch is
N/B steps), unless training.shuffle is true. Other settings (momentum, Adam's betas, l2,
freeze_biases, seed) come from the file's "training". Without --out nothing is written.
Files are written atomically (a temporary file renamed into place).

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

}  // namespace

int run_train(const CommandArgs& args, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args(
        "train", args,
        {{"--steps", true}, {"--lr", true}, {"--batch", true}, {"--optimizer", true}, {"--out", true}, {"--log", true}});
    if (a.help) {
        out << kTrainHelp;
        return 0;
    }
    const auto steps_text = a.get("--steps");
    if (!steps_text) throw UsageError("train needs --steps N (the number of updates)");
    const long long steps = parse_integer(*steps_text, "--steps", 0, 1000000000);
    Input in = load_input(a, "train");
    const bp::Dataset& data = require_data(in, "train");
    const bp::TrainingConfig config = training_config(a, in, data);
    check_converges(in.doc.net, data);

    bp::Network net = in.doc.net;
    bp::Trainer trainer(data, config);
    std::ostringstream log;
    log << "step,loss\n";
    std::string diverged;
    for (long long s = 0; s < steps && diverged.empty(); ++s) {
        const double loss = trainer.step(net);  // the batch loss before this step's update
        if (!std::isfinite(loss)) {
            diverged = "the loss of step " + std::to_string(s) + " is " + (std::isnan(loss) ? "NaN" : "infinite");
            break;
        }
        const std::string value = bp::round_trip(loss);
        out << s << ' ' << value << '\n';
        log << s << ',' << value << '\n';
        if (trainer.diverged())
            diverged = "the update of step " + std::to_string(s) + " made a parameter overflow (not a finite number)";
    }
    out.flush();
    if (const auto path = a.get("--log")) bp::write_file_atomically(*path, log.str());
    if (!diverged.empty()) {
        err << "backprop-cli train: training diverged: " << diverged << "; try a smaller --lr"
            << (a.has("--out") ? " (--out not written)" : "") << '\n';
        return 1;
    }
    if (const auto path = a.get("--out")) {
        in.doc.net = std::move(net);
        bp::save_document(*path, in.doc);
    }
    return 0;
}
