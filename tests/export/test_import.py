#!/usr/bin/env python3
"""backprop_studio.save_network, the way in from PyTorch:
  1. round trip: every preset and the export tests' grid of networks (networks.py) exported as a PyTorch script, its model, data and optimiser saved back
     with save_network: the same network file (layers, loss, data, training, as the engine reads them),
     and exported again, the same script, byte for byte;
  2. models a student would write (nn.CrossEntropyLoss on logits with class indices, nn.BCELoss after a
     sigmoid, nn.MSELoss with weight decay in parameter groups, frozen biases, a layer without bias):
     backprop-cli train on the saved file prints the losses the student's own PyTorch loop computes;
     a float32 model is saved with its float32 values exactly;
  3. what the engine cannot train the same way is refused with a ValueError naming it, and no file is
     written.

Usage: test_import.py --cli BUILD/app/cli/backprop-cli --presets assets/presets --module assets/python
Exits 77 (skipped) when python3-torch is not installed."""

import argparse
import glob
import json
import os
import runpy
import sys
import tempfile

import export_check as check
import networks

ENGINE_LAYER_KEYS = ("size", "activation", "bias", "weights", "biases")


def canonical(cli, path, workdir):
    """The document as the engine reads it: train --steps 0 --out rewrites layers, loss, data, training."""
    out = os.path.join(workdir, "canonical.json")
    result = check.cli_run(cli, "train", path, "--steps", "0", "--out", out, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"backprop-cli does not read {path}: {result.stderr.strip()}")
    with open(out) as f:
        doc = json.load(f)
    layers = [{k: layer[k] for k in ENGINE_LAYER_KEYS if k in layer} for layer in doc["layers"]]
    training = doc["training"]
    # A file may carry settings its optimiser does not read (momentum for Adam): the engine keeps them
    # on save, the exported script has no use for them.
    ignored = {"sgd": ("momentum", "beta1", "beta2", "epsilon"), "momentum": ("beta1", "beta2", "epsilon"),
               "adam": ("momentum",)}[training["optimizer"]]
    training = {k: v for k, v in training.items() if k not in ignored}
    return {"layers": layers, "loss": doc["loss"], "data": doc["data"], "training": training}


def export_script(cli, path, out):
    result = check.cli_run(cli, "export", path, "--to", "pytorch", "--out", out, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"backprop-cli export {path}: {result.stderr.strip()}")
    with open(out) as f:
        return f.read()


def round_trip(failures, cli, save_network, preset, workdir, where):
    failures.checked += 1
    script = os.path.join(workdir, "exported.py")
    first = export_script(cli, preset, script)
    g = runpy.run_path(script, run_name="exported")  # builds the model, data and optimiser; trains nothing
    with open(preset) as f:
        title = json.load(f).get("title")
    saved = os.path.join(workdir, "imported.json")
    test = (g["X_TEST"], g["Y_TEST"]) if "X_TEST" in g else None
    save_network(g["model"], g["X"], g["Y"], g["LOSS"], saved, g["optimizer"], batch_size=g["BATCH_SIZE"],
                 shuffle=g["SHUFFLE"], seed=g["SEED"], test=test, title=title)
    original, imported = canonical(cli, preset, workdir), canonical(cli, saved, workdir)
    for key in original:
        if original[key] != imported[key]:
            failures.fail(where, f"\"{key}\" differs after export → save_network:\n  {original[key]}\n  {imported[key]}")
            return
    if export_script(cli, saved, script) != first:
        failures.fail(where, "exporting the imported file gives a different script")


# ---- Models a student would write ----
def student_models(torch, nn):
    """(name, model, X, Y, loss, optimizer, steps): double precision, full-batch training."""
    torch.manual_seed(5)
    X2 = torch.randn(24, 2, dtype=torch.float64)
    classes = (X2[:, 0] > 0).long() + (X2[:, 1] > 0.5).long()  # 3 classes as indices
    labels = ((X2 ** 2).sum(dim=1) < 1.0).double().reshape(-1, 1)
    X1 = torch.linspace(-1, 1, 20, dtype=torch.float64).reshape(-1, 1)
    sine = torch.sin(3.0 * X1)
    cases = []

    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 3)).double()
    cases.append(("cross-entropy on logits, class indices, Adam", model, X2, classes, nn.CrossEntropyLoss(),
                  torch.optim.Adam(model.parameters(), lr=0.05), 30))

    model = nn.Sequential(nn.Linear(2, 6), nn.ReLU(), nn.Linear(6, 1), nn.Sigmoid()).double()
    cases.append(("BCELoss after a sigmoid, SGD with momentum", model, X2, labels, nn.BCELoss(),
                  torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9), 30))

    model = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1)).double()
    weights = [model[0].weight, model[2].weight]
    biases = [model[0].bias, model[2].bias]
    cases.append(("MSELoss, weight decay on the weights only", model, X1, sine, nn.MSELoss(),
                  torch.optim.SGD([{"params": weights, "weight_decay": 1e-3},
                                   {"params": biases, "weight_decay": 0.0}], lr=0.2), 40))

    model = nn.Sequential(nn.Linear(2, 5, bias=False), nn.LeakyReLU(0.01), nn.Linear(5, 4), nn.Sigmoid(),
                          nn.Linear(4, 1)).double()
    for p in (model[2].bias, model[4].bias):
        p.requires_grad_(False)
    cases.append(("BCEWithLogitsLoss, frozen biases, a layer without bias", model, X2, labels,
                  nn.BCEWithLogitsLoss(), torch.optim.Adam([model[0].weight, model[2].weight, model[4].weight],
                                                           lr=0.02, betas=(0.8, 0.99), eps=1e-7), 30))

    model = nn.Sequential(nn.Linear(1, 8), nn.Softplus(), nn.Linear(8, 6), nn.ELU(), nn.Linear(6, 1)).double()
    cases.append(("HuberLoss after softplus and ELU layers, SGD", model, X1, 3.0 * sine, nn.HuberLoss(),
                  torch.optim.SGD(model.parameters(), lr=0.1), 40))
    return cases


def student_training(failures, cli, save_network, case, workdir):
    """The student's own loop (full batch) against backprop-cli train on the saved file."""
    name, model, X, Y, loss_fn, optimizer, steps = case
    failures.checked += 1
    saved = os.path.join(workdir, "student.json")
    save_network(model, X, Y, loss_fn, saved, optimizer)  # before training: the same starting point
    reference = check.Reference(cli, saved, steps, workdir)
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(X), Y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    stdout = "".join(f"{t} {v!r}\n" for t, v in enumerate(losses))
    check.compare_losses(failures, name, reference, stdout)


def float32_model(failures, cli, save_network, torch, nn, workdir):
    """A model left in float32, as a student writes it: saved with its float32 values exactly."""
    failures.checked += 1
    model = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1))
    X = torch.randn(5, 2)
    saved = os.path.join(workdir, "float32.json")
    save_network(model, X, X[:, :1] * 2.0, nn.MSELoss(), saved)
    layers = canonical(cli, saved, workdir)["layers"]
    if layers[1]["weights"] != model[0].weight.double().tolist() or layers[2]["biases"] != model[2].bias.double().tolist():
        failures.fail("float32 model", "the saved parameters are not the model's float32 values")


# ---- Refusals ----
def refusals(torch, nn):
    """(what, call, words the message must hold): each must raise ValueError and write nothing."""
    X, Y = torch.zeros(4, 2, dtype=torch.float64), torch.zeros(4, 1, dtype=torch.float64)
    net = lambda *modules: nn.Sequential(*modules).double()  # noqa: E731
    small = lambda: net(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1), nn.Sigmoid())  # noqa: E731
    cases = [
        ("a dropout layer", lambda s, p: s(net(nn.Linear(2, 3), nn.Dropout(0.5), nn.Linear(3, 1)), X, Y, "mse", p),
         "Dropout"),
        ("two activations in a row", lambda s, p: s(net(nn.Linear(2, 3), nn.ReLU(), nn.Tanh(), nn.Linear(3, 1)), X, Y,
                                                    "mse", p), "model[2] is Tanh"),
        ("a softmax on a hidden layer", lambda s, p: s(net(nn.Linear(2, 3), nn.Softmax(dim=1), nn.Linear(3, 1)), X, Y,
                                                       "mse", p), "output layer only"),
        ("not an nn.Sequential", lambda s, p: s(nn.Linear(2, 1), X, Y, "mse", p), "nn.Sequential"),
        ("a leaky ReLU of another slope", lambda s, p: s(net(nn.Linear(2, 3), nn.LeakyReLU(0.2), nn.Linear(3, 1)),
                                                         X, Y, "mse", p), "slope"),
        ("a softplus of another β", lambda s, p: s(net(nn.Linear(2, 3), nn.Softplus(beta=2), nn.Linear(3, 1)),
                                                    X, Y, "mse", p), "β = 1"),
        ("an ELU of another α", lambda s, p: s(net(nn.Linear(2, 3), nn.ELU(alpha=0.5), nn.Linear(3, 1)),
                                               X, Y, "mse", p), "α = 1"),
        ("HuberLoss(delta=2)", lambda s, p: s(small(), X, Y, nn.HuberLoss(delta=2.0), p), "δ = 1"),
        ("cross-entropy after a softmax", lambda s, p: s(net(nn.Linear(2, 3), nn.Softmax(dim=1)), X,
                                                         torch.zeros(4, dtype=torch.long), nn.CrossEntropyLoss(), p),
         "twice"),
        ("MSELoss(reduction='sum')", lambda s, p: s(small(), X, Y, nn.MSELoss(reduction="sum"), p), "reduction"),
        ("BCELoss over two outputs", lambda s, p: s(net(nn.Linear(2, 2), nn.Sigmoid()), X, torch.zeros(4, 2),
                                                    nn.BCELoss(), p), "sums over them"),
        ("an unknown loss name", lambda s, p: s(small(), X, Y, "hinge", p), "not one of"),
        ("binary_cross_entropy without a sigmoid", lambda s, p: s(net(nn.Linear(2, 1)), X, Y, "binary_cross_entropy", p),
         "sigmoid output"),
        ("AdamW", lambda s, p: _with_optimizer(s, p, small(), lambda m: torch.optim.AdamW(m.parameters()), X, Y),
         "AdamW"),
        ("weight decay on the biases", lambda s, p: _with_optimizer(
            s, p, small(), lambda m: torch.optim.SGD(m.parameters(), lr=0.1, weight_decay=0.01), X, Y), "weights only"),
        ("Nesterov momentum", lambda s, p: _with_optimizer(
            s, p, small(), lambda m: torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, nesterov=True), X, Y),
         "nesterov"),
        ("some biases trained, some not", lambda s, p: _with_optimizer(
            s, p, small(), lambda m: torch.optim.SGD([m[0].weight, m[2].weight, m[0].bias], lr=0.1), X, Y),
         "some biases"),
        ("a frozen weight", lambda s, p: _with_optimizer(
            s, p, small(), lambda m: torch.optim.SGD([m[0].weight, m[0].bias, m[2].bias], lr=0.1), X, Y),
         "every weight"),
        ("X of the wrong width", lambda s, p: s(small(), torch.zeros(4, 3), Y, "mse", p), "expected (N, 2)"),
        ("a NaN weight", lambda s, p: s(_with_nan(small(), torch), X, Y, "mse", p), "finite"),
        ("class indices out of range", lambda s, p: s(net(nn.Linear(2, 3)), X, torch.tensor([0, 1, 2, 3]),
                                                      nn.CrossEntropyLoss(), p), "outside"),
    ]
    return cases


def _with_optimizer(save, path, model, make, X, Y):
    return save(model, X, Y, "mse", path, make(model))


def _with_nan(model, torch):
    with torch.no_grad():
        model[0].weight[0, 0] = float("nan")
    return model


def refused(failures, save_network, case, workdir):
    what, call, words = case
    failures.checked += 1
    path = os.path.join(workdir, "refused.json")
    if os.path.exists(path):
        os.unlink(path)
    try:
        call(save_network, path)
    except ValueError as e:
        if words not in str(e):
            failures.fail(what, f"refused, but the message does not say \"{words}\": {e}")
        elif os.path.exists(path) or any(n.startswith("refused.json.tmp") for n in os.listdir(workdir)):
            failures.fail(what, "refused, but a file was left behind")
        return
    failures.fail(what, "was not refused")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--presets", required=True)
    parser.add_argument("--module", required=True, help="the folder holding backprop_studio.py")
    args = parser.parse_args()
    if not check.module_available("torch"):
        print(f"{sys.executable} has no torch: install Debian's python3-torch to run the import tests")
        return 1 if check.torch_required() else check.EXIT_SKIP
    import torch
    from torch import nn
    sys.path.insert(0, args.module)
    from backprop_studio import save_network

    failures = check.Failures()
    with tempfile.TemporaryDirectory() as workdir:
        for preset in sorted(glob.glob(os.path.join(args.presets, "*.json"))):
            round_trip(failures, args.cli, save_network, preset, workdir, os.path.basename(preset))
        net_path = os.path.join(workdir, "net.json")
        for name, net in networks.grid():  # every activation, loss, optimiser and training option
            with open(net_path, "w") as f:
                json.dump(net, f)
            round_trip(failures, args.cli, save_network, net_path, workdir, name)
        for case in student_models(torch, nn):
            student_training(failures, args.cli, save_network, case, workdir)
        float32_model(failures, args.cli, save_network, torch, nn, workdir)
        for case in refusals(torch, nn):
            refused(failures, save_network, case, workdir)
    return failures.finish("import (save_network)")


if __name__ == "__main__":
    sys.exit(main())
