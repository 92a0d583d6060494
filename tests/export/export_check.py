"""Shared by the export tests: runs backprop-cli train and an exported training script on the same
network file and compares what they print: the "step loss" lines (1e-9 relative), the exit status and
divergence message, and the trained parameters (against train --out)."""

import contextlib
import io
import json
import os
import runpy
import subprocess

TOLERANCE = 1e-9  # relative, the bar for the losses and the trained parameters
# When training fits the data exactly the loss falls to the square of rounding noise: ½(a − y)² with
# a − y a few ulps of the outputs, where no two implementations agree to 1e-9 relative (PyTorch's
# matrix products round differently from the engine's). There the losses must agree to what 100 ulps
# of the outputs make: |Δ½(a − y)²| = |a − y|·|Δa| ≤ sqrt(2L) · 100 ε · max(1, |y|). This is looser than
# 1e-9 relative only for losses below about 1e-9.
FLOOR_ULPS = 100
EPSILON = 2.0 ** -52
EXIT_SKIP = 77    # CTest's SKIP_RETURN_CODE for these tests


class Failures:
    """Collects failures so that one run reports every network that disagrees, not just the first."""

    def __init__(self):
        self.messages = []
        self.checked = 0
        self.worst = 0.0  # the largest relative difference of a loss held to TOLERANCE
        self.at_floor = 0  # losses of an exact fit, held to the rounding floor instead

    def fail(self, where, message):
        self.messages.append(f"{where}: {message}")

    def finish(self, what):
        for m in self.messages:
            print("FAIL", m)
        print(f"{what}: {self.checked} runs compared; largest relative difference of a loss {self.worst:.3g} "
              f"({self.at_floor} losses of exact fits, below ~1e-9, held to the rounding floor instead); "
              f"{len(self.messages)} failures")
        return 1 if self.messages else 0


def cli_run(cli, *args, check=True):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if check and result.returncode not in (0, 1):
        raise RuntimeError(f"backprop-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def step_lines(text):
    """The "step loss" lines of an output, as (step, loss text) pairs; other lines are left out."""
    pairs = []
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) == 2 and parts[0].isdigit():
            pairs.append((int(parts[0]), parts[1]))
    return pairs


def final_json(text):
    lines = [line for line in text.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def relative(a, b):
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def rounding_floor(a, b, target_scale):
    """What 100 ulps of the outputs make of ½(a − y)² at this loss (see FLOOR_ULPS)."""
    return FLOOR_ULPS * EPSILON * max(1.0, target_scale) * (2.0 * max(abs(a), abs(b))) ** 0.5


class Reference:
    """What backprop-cli train prints for a network file, and the parameters it writes with --out."""

    def __init__(self, cli, net_path, steps, workdir):
        trained = os.path.join(workdir, "trained.json")
        if os.path.exists(trained):
            os.unlink(trained)
        result = cli_run(cli, "train", net_path, "--steps", str(steps), "--out", trained)
        self.status = result.returncode
        self.stderr = result.stderr
        self.lines = step_lines(result.stdout)
        self.layers = json.load(open(trained))["layers"] if result.returncode == 0 else None
        with open(net_path) as f:
            targets = json.load(f)["data"]["targets"]
        self.target_scale = max(abs(v) for row in targets for v in row)


def run_script_in_process(path):
    """Runs a script as `python3 path` would (run_name "__main__"), here: stdout, stderr, exit status."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(path, run_name="__main__")
        except SystemExit as e:
            status = e.code if isinstance(e.code, int) else 1
    return out.getvalue(), err.getvalue(), status


def run_script_standalone(path):
    result = subprocess.run(["/usr/bin/python3", path], capture_output=True, text=True)
    return result.stdout, result.stderr, result.returncode


def compare(failures, where, reference, stdout, stderr, status):
    """A script's output against backprop-cli train's: the losses, the stop, the trained parameters."""
    if status != reference.status:
        failures.checked += 1
        failures.fail(where, f"exit status {status}, train's {reference.status} (stderr: {stderr.strip()[-300:]})")
        return
    if not compare_losses(failures, where, reference, stdout, same_text=True):
        return
    if status != 0:
        reason = stderr.strip().splitlines()[-1] if stderr.strip() else ""
        if not reason or reason not in reference.stderr:
            failures.fail(where, f"stopped with \"{reason}\", train said \"{reference.stderr.strip()}\"")
        return
    printed = final_json(stdout)
    if printed is None:
        failures.fail(where, "printed no trained parameters")
        return
    compare_layers(failures, where, printed["layers"], reference.layers)


def compare_losses(failures, where, reference, stdout, same_text=False):
    """The "step loss" lines of stdout against train's: 1e-9 relative (or the rounding floor of an
    exact fit); with same_text, a loss equal to train's must also be written as train writes it."""
    failures.checked += 1
    lines = step_lines(stdout)
    if len(lines) != len(reference.lines):
        failures.fail(where, f"{len(lines)} step lines, train printed {len(reference.lines)}")
        return False
    for (step, text), (ref_step, ref_text) in zip(lines, reference.lines):
        value, ref_value = float(text), float(ref_text)
        diff = relative(value, ref_value)
        floor = rounding_floor(value, ref_value, reference.target_scale)
        if floor > TOLERANCE * max(abs(value), abs(ref_value)):  # an exact fit's loss: compared at the floor
            failures.at_floor += 1
            agree = abs(value - ref_value) <= floor
        else:
            failures.worst = max(failures.worst, diff)
            agree = diff <= TOLERANCE
        if step != ref_step or not agree:
            failures.fail(where, f"step {step}: loss {text}, train's {ref_step} {ref_text} (relative {diff:.3g})")
            return False
        if same_text and value == ref_value and text != ref_text:
            failures.fail(where, f"step {step}: {text} is written differently from train's {ref_text}")
            return False
    return True


def compare_layers(failures, where, layers, ref_layers):
    """Every trained weight and bias within 1e-9 of train --out's, relative to the largest of its matrix."""
    if len(layers) != len(ref_layers):
        failures.fail(where, f"{len(layers)} layers, train --out has {len(ref_layers)}")
        return
    for l, (layer, ref) in enumerate(zip(layers, ref_layers)):
        for key in ("size", "activation", "bias"):
            if layer.get(key) != ref.get(key):
                failures.fail(where, f"layers[{l}].{key} = {layer.get(key)}, train --out: {ref.get(key)}")
                return
        if l == 0:
            continue
        for key in ("weights", "biases"):
            got = flat(layer[key])
            want = flat(ref[key])
            scale = max([abs(v) for v in want] + [1e-300])
            worst = max((abs(a - b) / scale for a, b in zip(got, want)), default=0.0)
            if len(got) != len(want) or worst > TOLERANCE:
                failures.fail(where, f"layers[{l}].{key} differ from train --out's (relative {worst:.3g})")
                return


def flat(values):
    out = []
    for v in values:
        out.extend(flat(v) if isinstance(v, list) else [v])
    return out


def torch_required():
    """scripts/check-export-torch.sh sets BP_REQUIRE_TORCH: there a missing torch fails, never skips."""
    return os.environ.get("BP_REQUIRE_TORCH") == "1"


def module_available(name):
    try:
        __import__(name)
        return True
    except ImportError:
        return False

