"""The engine benchmark of issue 8 (run by scripts/bench-engine.sh): writes the shared spec, runs our engine
(engine_workloads), PyTorch float64 and float32 (one thread) and NumPy float64 on it one after the other,
checks that all reach the same final loss, and prints steps/s, samples/s, GFLOP/s, the ratios and PASS/MISS
per target. Exit status 1 when the implementations disagree on the loss (the timings are never asserted).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_spec  # noqa: E402

# Throughput targets of issue 8: ours / PyTorch float64 at least this; (d) under 50 ms.
TARGETS = {"a": 100.0, "b": 3.0, "c": 1.0}
STEPPED_PASS_LIMIT_S = 0.050
# Final-loss agreement with our float64 engine, relative: rounding differences only for float64; the
# float32 peer carries about 1e-7 relative error per operation through thousands of steps.
TOLERANCE = {"torch64": 1e-9, "numpy64": 1e-9, "torch32": 1e-3}
PEER_REPEATS = 3


def run_ours(binary, paths):
    out = subprocess.run([binary] + paths, check=True, capture_output=True, text=True).stdout
    return {r["workload"]: r for r in map(json.loads, out.splitlines())}


def peer_result(spec, impl, times, final_loss):
    """Rates from the median CPU time of the runs, as engine_workloads reports them."""
    steps = spec["bench"]["steps"]
    batch = spec["training"]["batch_size"] or len(spec["data"]["inputs"])
    cpu = [t[0] for t in times]
    sec = statistics.median(cpu)
    return {"workload": spec["bench"]["name"], "impl": impl, "steps": steps, "batch": batch, "seconds": sec,
            "best_seconds": min(cpu), "wall_seconds": statistics.median(t[1] for t in times),
            "repeats": len(times), "steps_per_s": steps / sec,
            "samples_per_s": steps * batch / sec, "final_loss": final_loss}


def run_peers(spec, only):
    results = []
    if only in (None, "torch"):
        import peer_torch
        import torch
        for impl, dtype in (("torch64", torch.float64), ("torch32", torch.float32)):
            results.append(peer_result(spec, impl, *peer_torch.run(spec, dtype, PEER_REPEATS)))
    if only in (None, "numpy"):
        import peer_numpy
        results.append(peer_result(spec, "numpy64", *peer_numpy.run(spec, PEER_REPEATS)))
    return results


def read_peaks(path):
    """FLOP/s of the peak/* loops of engine_bench's JSON output, by name, in GFLOP/s."""
    if not path or not os.path.exists(path):
        return {}
    with open(path) as f:
        data = json.load(f)
    return {b["name"].split("/", 1)[1]: b["FLOP/s"] / 1e9 for b in data.get("benchmarks", [])
            if b["name"].startswith("peak/") and "FLOP/s" in b}


def gflops(spec, r):
    """Forward 2 FLOPs per multiply-add; forward + backward ~ 3 x forward."""
    return 3 * 2 * bench_spec.forward_macs(spec) * r["samples_per_s"] / 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", required=True, help="CMake build directory with tests/bench/engine_workloads")
    parser.add_argument("--peaks", help="engine_bench --benchmark_out JSON with the peak/* loops")
    parser.add_argument("--only", choices=["torch", "numpy"], help="run just one peer")
    parser.add_argument("--json", help="also write every result to this file")
    args = parser.parse_args()

    paths = bench_spec.write_specs(os.path.join(args.build, "bench-spec"))
    specs = {}
    for p in paths:
        with open(p) as f:
            s = json.load(f)
        specs[s["bench"]["name"]] = s
    print("running our engine ...", flush=True)
    ours = run_ours(os.path.join(args.build, "tests", "bench", "engine_workloads"), paths)
    results = []
    for name, spec in specs.items():
        results.append(ours[name])
        if spec["bench"]["kind"] == "train":
            print("running the peers on workload (%s) ..." % name, flush=True)
            results += run_peers(spec, args.only)

    ok = True
    print()
    print("%-3s %-8s %12s %12s %22s %8s %10s" % ("", "impl", "steps/s", "samples/s", "final loss", "GFLOP/s",
                                              "ours ÷ it"))
    for r in results:
        spec = specs[r["workload"]]
        if spec["bench"]["kind"] != "train":
            continue
        o = ours[r["workload"]]
        rel = abs(r["final_loss"] - o["final_loss"]) / abs(o["final_loss"])
        agree = r["impl"] == "ours" or rel <= TOLERANCE[r["impl"]]
        ok &= agree
        note = "" if r["impl"] == "ours" else ("  loss rel. diff %.1e%s" % (rel, "" if agree else " DISAGREES"))
        print("%-3s %-8s %12.4g %12.4g %22.17g %8.3f %9.1f×%s" % (
            r["workload"], r["impl"], r["steps_per_s"], r["samples_per_s"], r["final_loss"], gflops(spec, r),
            o["steps_per_s"] / r["steps_per_s"], note))

    peaks = read_peaks(args.peaks)
    if peaks:
        print("\nsingle-core ceilings measured by engine_bench: " +
              ", ".join("%s %.1f GFLOP/s" % (k, v) for k, v in peaks.items()))

    print("\ntargets (ratios are steps/s of ours ÷ the peer's, measured in this run):")
    by = {(r["workload"], r["impl"]): r for r in results}
    for name, target in TARGETS.items():
        if (name, "torch64") not in by:
            continue
        ratio = {impl: ours[name]["steps_per_s"] / by[(name, impl)]["steps_per_s"]
                 for impl in ("torch64", "torch32", "numpy64") if (name, impl) in by}
        verdict = "PASS" if ratio["torch64"] >= target else "MISS"
        print("  (%s) %-50s ours/torch64 %7.1f× (target ≥ %g×) %s   ours/torch32 %.1f×   ours/numpy %.1f×" % (
            name, specs[name]["bench"]["description"], ratio["torch64"], target, verdict,
            ratio.get("torch32", float("nan")), ratio.get("numpy64", float("nan"))))
    d = ours.get("d")
    if d:
        verdict = "PASS" if d["seconds"] < STEPPED_PASS_LIMIT_S else "MISS"
        print("  (d) %-50s %d events in %.1f ms (median of %d; best %.1f ms) (target < %.0f ms) %s" % (
            specs["d"]["bench"]["description"], d["events"], d["seconds"] * 1e3, d["repeats"],
            d["best_seconds"] * 1e3, STEPPED_PASS_LIMIT_S * 1e3, verdict))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"results": results, "peaks_gflops": peaks}, f, indent=1)
    if not ok:
        print("\nFAIL: the implementations do not reach the same final loss", file=sys.stderr)
        return 1
    print("\nall implementations reach the same final loss (float64 within %g, float32 within %g relative)" % (
        TOLERANCE["torch64"], TOLERANCE["torch32"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
