"""The whole-process CLI benchmark (run by scripts/bench-cli.sh): `backprop-cli train` from start-up to exit —
reading the network file, per-sample SGD, the default output (one "step loss" line per step, written to a
file) and the trained network written with --out — against two peers on the same network file, weights,
data and batch order:

  (e) 100 000 steps against TensorFlow Playground's training core (../shared/peers/tfp/peer_core.js, a peer
      that is run from there, never copied), target ours ≥ 5× faster;
  (f) 10 000 steps against PyTorch float64's training loop (tests/bench/peer_torch.py), target ≥ 200×.

Our time is the whole process, start-up included; the peers' are their training loops only (PyTorch's
import and Node's start-up and first, JIT-warming run are not counted). Rates use CPU time (user + system),
which other programs on a shared machine do not stretch: ours from the child's resource usage, PyTorch's
from time.process_time around its loop, TFP's as the extra CPU time of the node process per additional
run (its own wall-clock loop times are printed too). All must reach the same final loss (mean binary
cross-entropy on the 500 points after the last step; float64, within 1e-9 relative); exit 1 if not.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

TARGETS = {"e": ("tfp", 100_000, 5.0), "f": ("torch64", 10_000, 200.0)}
TOLERANCE = 1e-9


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, stdout):
    """Runs cmd to completion; returns (CPU seconds of the process, wall seconds)."""
    cpu0, wall0 = child_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout)
    return child_cpu() - cpu0, time.perf_counter() - wall0


def run_ours(cli, net, steps, lr, repeats, work):
    """`backprop-cli train` `repeats` times as a user runs it; the final loss from `trace` of the result."""
    out_json = os.path.join(work, "trained-%d.json" % steps)
    cmd = [cli, "train", net, "--steps", str(steps), "--lr", repr(lr), "--batch", "1", "--optimizer", "sgd",
           "--out", out_json]
    times = []
    for _ in range(repeats):
        with open(os.path.join(work, "steps-%d.txt" % steps), "w") as lines:
            times.append(timed(cmd, lines))
    trace = subprocess.run([cli, "trace", out_json, "--format", "json"], check=True, capture_output=True, text=True)
    with open(os.path.join(work, "steps-%d.txt" % steps)) as lines:
        printed = sum(1 for _ in lines)
    if printed != steps:
        raise SystemExit("bench-cli: backprop-cli printed %d step lines, expected %d" % (printed, steps))
    return {"impl": "ours", "steps": steps, "cpu": [t[0] for t in times], "wall": [t[1] for t in times],
            "final_loss": json.loads(trace.stdout)["loss"]}


def run_tfp(peer, net, steps, lr, runs):
    """node peer_core.js: its own loop times (wall), and CPU per run from a 1-run and a (1 + runs)-run process."""
    one, _ = timed(["node", peer, net, str(steps), repr(lr), "1"], subprocess.DEVNULL)
    cpu0, wall0 = child_cpu(), time.perf_counter()
    out = subprocess.run(["node", peer, net, str(steps), repr(lr), str(1 + runs)], check=True, capture_output=True,
                         text=True).stdout
    many = child_cpu() - cpu0
    result = json.loads(out.splitlines()[-1])
    loops = result["times"][1:]  # the first run warms the JIT up
    return {"impl": "tfp", "steps": steps, "cpu": [(many - one) / runs], "wall": loops,
            "final_loss": result["final_loss"], "process_wall": time.perf_counter() - wall0}


def run_torch(net_doc, steps, repeats):
    import peer_torch
    import torch
    spec = dict(net_doc)
    spec["bench"] = {"steps": steps}
    times, final_loss = peer_torch.run(spec, torch.float64, repeats)
    return {"impl": "torch64", "steps": steps, "cpu": [t[0] for t in times], "wall": [t[1] for t in times],
            "final_loss": final_loss}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="the backprop-cli binary")
    parser.add_argument("--net", required=True, help="the network file (tests/bench/circle-2-8-8-1.json)")
    parser.add_argument("--tfp", required=True, help="peer_core.js of TensorFlow Playground's core")
    parser.add_argument("--work", required=True, help="directory for the outputs")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", help="also write every result to this file")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    with open(args.net) as f:
        net_doc = json.load(f)
    lr = net_doc["training"]["learning_rate"]

    results = {}
    for name, (peer, steps, _) in TARGETS.items():
        print("running backprop-cli train, %d steps ..." % steps, flush=True)
        results[(name, "ours")] = run_ours(args.cli, args.net, steps, lr, args.repeats, args.work)
        print("running %s, %d steps ..." % (peer, steps), flush=True)
        if peer == "tfp":
            results[(name, peer)] = run_tfp(args.tfp, args.net, steps, lr, args.repeats)
        else:
            results[(name, peer)] = run_torch(net_doc, steps, args.repeats)

    ok = True
    print()
    print("%-3s %-8s %8s %14s %14s %24s" % ("", "impl", "steps", "CPU s (median)", "wall s (median)", "final loss"))
    for (name, impl), r in results.items():
        ours = results[(name, "ours")]
        rel = abs(r["final_loss"] - ours["final_loss"]) / abs(ours["final_loss"])
        agree = impl == "ours" or rel <= TOLERANCE
        ok &= agree
        note = "" if impl == "ours" else "  rel. diff %.1e%s" % (rel, "" if agree else " DISAGREES")
        print("%-3s %-8s %8d %14.5f %14.5f %24.17g%s" % (name, impl, r["steps"], statistics.median(r["cpu"]),
                                                        statistics.median(r["wall"]), r["final_loss"], note))
    print("\ntargets (ours = the whole backprop-cli process; the peer = its training loop; CPU time):")
    for name, (peer, steps, target) in TARGETS.items():
        ours, them = results[(name, "ours")], results[(name, peer)]
        ratio = statistics.median(them["cpu"]) / statistics.median(ours["cpu"])
        wall_ratio = statistics.median(them["wall"]) / statistics.median(ours["wall"])
        print("  (%s) %d steps, ours vs %-8s %7.1f× (target ≥ %g×) %s   (wall clock: %.1f×)" % (
            name, steps, peer, ratio, target, "PASS" if ratio >= target else "MISS", wall_ratio))
    if args.json:
        with open(args.json, "w") as f:
            json.dump([dict(r, workload=name) for (name, _), r in results.items()], f, indent=1)
    if not ok:
        print("\nFAIL: the implementations do not reach the same final loss", file=sys.stderr)
        return 1
    print("\nall reach the same final loss (within %g relative)" % TOLERANCE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
