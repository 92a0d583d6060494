// backprop-cli export NET.json --to pytorch|numpy [--steps N] [--out SCRIPT.py]: the file's training
// written out as a self-contained Python script (engine/export/training_script.h) that prints the same
// "step loss" lines as backprop-cli train, then the trained parameters as JSON.
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/input.h"
#include "engine/export/training_script.h"
#include "engine/io/serialize.h"

namespace {
using namespace cli;

const char* const kExportHelp = R"(Usage: backprop-cli export NET.json --to pytorch|numpy [--steps N] [--out SCRIPT.py]

Writes the file's training as a self-contained Python script: the same network and parameters,
data, loss (same reduction), optimiser and hyper-parameters, and batch order (file order, or the
seeded shuffle's order computed here and written out) as `backprop-cli train NET.json --steps N`,
in float64, commented in the course's notation. Run it with /usr/bin/python3: it prints one line
per step, "step loss", as train does (the same losses to 1e-9 relative; a loss that has fallen to
rounding noise at an exact fit, to rounding), then the trained parameters as JSON (the file's
"layers"). A diverging run stops with a message and exit status 1, as train does.

  --to pytorch    an nn.Sequential of nn.Linear and activation modules, torch.optim, autograd
                  (Debian's python3-torch)
  --to numpy      NumPy alone: the forward and the backward pass written out layer by layer
                  (Debian's python3-numpy)
  --steps N       steps the script trains, N >= 0 (default 100)
  --out FILE      write the script to FILE (atomically) instead of standard output

The script uses the file's "training" settings (optimizer, learning_rate, batch_size, l2,
freeze_biases, shuffle, seed, momentum, beta1, beta2, epsilon).
)";

}  // namespace

int run_export(const CommandArgs& args, std::ostream& out, std::ostream&) {
    const ParsedArgs a = parse_args("export", args, {{"--to", true}, {"--steps", true}, {"--out", true}});
    if (a.help) {
        out << kExportHelp;
        return 0;
    }
    const auto to = a.get("--to");
    if (!to) throw UsageError("export needs --to pytorch or --to numpy");
    const bp::ScriptKind kind =
        parse_choice(*to, "--to", {"pytorch", "numpy"}) == 0 ? bp::ScriptKind::pytorch : bp::ScriptKind::numpy;
    long steps = bp::kDefaultScriptSteps;
    if (const auto text = a.get("--steps")) steps = static_cast<long>(parse_integer(*text, "--steps", 0, bp::kMaxScriptSteps));
    const Input in = load_input(a, "export");
    require_data(in, "export");
    const std::string script = bp::training_script(in.doc, kind, steps);
    if (const auto path = a.get("--out"))
        bp::write_file_atomically(*path, script);
    else
        out << script;
    return 0;
}
