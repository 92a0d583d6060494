#!/usr/bin/env python3
"""backprop-cli export --to numpy|pytorch against backprop-cli train: every preset at the default 100
steps (run as a user would, /usr/bin/python3 SCRIPT.py), then a grid of networks reaching every
activation, loss, optimiser and training option, and diverging runs (networks.py). The script must
print train's "step loss" lines to 1e-9 relative, the same trained parameters as train --out, and stop
at the same step with the same message when training diverges.

Usage: test_export.py --to numpy|pytorch --cli BUILD/app/cli/backprop-cli --presets assets/presets
Exits 77 (skipped) when --to pytorch and python3-torch is not installed."""

import argparse
import glob
import json
import os
import sys
import tempfile
import time

import export_check as check
import networks

GRID_STEPS = 40  # N = 6 with batches up to 5: every shuffled run crosses epochs many times


def export(cli, net_path, kind, script_path, steps=None):
    args = ["export", net_path, "--to", kind, "--out", script_path]
    if steps is not None:
        args += ["--steps", str(steps)]
    result = check.cli_run(cli, *args, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"backprop-cli export {net_path} failed: {result.stderr}")


def check_network(failures, cli, kind, where, net_path, workdir, steps, standalone):
    script = os.path.join(workdir, "script.py")
    export(cli, net_path, kind, script, steps)
    reference = check.Reference(cli, net_path, steps if steps is not None else 100, workdir)
    run = check.run_script_standalone if standalone else check.run_script_in_process
    check.compare(failures, where, reference, *run(script))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--to", choices=["numpy", "pytorch"], required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--presets", required=True)
    args = parser.parse_args()
    module = "numpy" if args.to == "numpy" else "torch"
    if not check.module_available(module):
        package = "python3-numpy" if module == "numpy" else "python3-torch"
        print(f"{sys.executable} has no {module}: install Debian's {package} (scripts/setup.sh installs numpy)")
        return check.EXIT_SKIP if module == "torch" and not check.torch_required() else 1
    started = time.monotonic()
    failures = check.Failures()
    with tempfile.TemporaryDirectory() as workdir:
        presets = sorted(glob.glob(os.path.join(args.presets, "*.json")))
        if not presets:
            print(f"no presets in {args.presets}")
            return 1
        for i, preset in enumerate(presets):  # the default --steps (100); NumPy's run as a user runs them
            standalone = args.to == "numpy" or i == 0
            check_network(failures, args.cli, args.to, os.path.basename(preset), preset, workdir, None, standalone)
        net_path = os.path.join(workdir, "net.json")
        for name, net in list(networks.grid()) + list(networks.diverging()):
            with open(net_path, "w") as f:
                json.dump(net, f)
            check_network(failures, args.cli, args.to, name, net_path, workdir, GRID_STEPS, False)
    print(f"({time.monotonic() - started:.1f} s)")
    return failures.finish(f"export --to {args.to}")


if __name__ == "__main__":
    sys.exit(main())
