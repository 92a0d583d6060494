"""The PyTorch peer of the engine benchmark: the network of a spec as plain torch.nn.Linear layers and
activation modules, nn.BCELoss, torch.optim.SGD, and the usual loop (zero_grad, forward, loss, backward,
step), on one thread, in float64 or float32. Batches are cut before the clock starts (favouring PyTorch).
"""
import time

import torch

from bench_spec import batch_indices

ACTIVATIONS = {"tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid, "relu": torch.nn.ReLU}


def build_model(spec, dtype):
    modules = []
    for layer in spec["layers"][1:]:
        linear = torch.nn.Linear(len(layer["weights"][0]), layer["size"], dtype=dtype)
        with torch.no_grad():  # the spec's initial weights (rounded to float32 for float32)
            linear.weight.copy_(torch.tensor(layer["weights"], dtype=torch.float64))
            linear.bias.copy_(torch.tensor(layer["biases"], dtype=torch.float64))
        modules += [linear, ACTIVATIONS[layer["activation"]]()]
    return torch.nn.Sequential(*modules)


def make_batches(spec, X, Y):
    """One (inputs, targets) pair per step; steps that start at the same sample share their tensors."""
    by_start = {}
    batches = []
    for idx in batch_indices(spec):
        if idx[0] not in by_start:
            t = torch.tensor(idx)
            by_start[idx[0]] = (X[t].contiguous(), Y[t].contiguous())
        batches.append(by_start[idx[0]])
    return batches


def train(model, batches, lr):
    loss_fn = torch.nn.BCELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for x, y in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return time.process_time() - cpu0, time.perf_counter() - wall0  # CPU and wall seconds


def run(spec, dtype, repeats):
    """Trains `repeats` times from the spec's initial weights; returns the (CPU, wall) seconds of each
    run and the final mean loss on the whole training set."""
    torch.set_num_threads(1)
    assert spec["loss"] == "binary_cross_entropy" and spec["training"]["optimizer"] == "sgd"
    X = torch.tensor(spec["data"]["inputs"], dtype=dtype)
    Y = torch.tensor(spec["data"]["targets"], dtype=dtype)
    batches = make_batches(spec, X, Y)
    lr = spec["training"]["learning_rate"]
    train(build_model(spec, dtype), batches[:50], lr)  # warm-up: first calls allocate and dispatch
    times = []
    for _ in range(repeats):
        model = build_model(spec, dtype)
        times.append(train(model, batches, lr))
    with torch.no_grad():
        final_loss = torch.nn.BCELoss()(model(X), Y).item()
    return times, final_loss
