"""The NumPy peer of the engine benchmark: forward and backward written by hand with float64 arrays
(z = a W^T + b, delta = (a - y)/N at the sigmoid + BCE output, delta^l = (delta^(l+1) W^(l+1)) * f'(z^l),
dW = delta^T a, db = sum of delta), then plain SGD. Batches are cut before the clock starts.
"""
import time

import numpy as np

from bench_spec import batch_indices

F = {"tanh": np.tanh, "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)), "relu": lambda z: np.maximum(z, 0.0)}
# f'(z) from a = f(z) (the same numbers for tanh and sigmoid, one transcendental fewer)
F_PRIME = {"tanh": lambda z, a: 1.0 - a * a, "sigmoid": lambda z, a: a * (1.0 - a),
           "relu": lambda z, a: (z > 0.0).astype(z.dtype)}


def initial_parameters(spec):
    Ws = [np.array(layer["weights"], dtype=np.float64) for layer in spec["layers"][1:]]
    bs = [np.array(layer["biases"], dtype=np.float64) for layer in spec["layers"][1:]]
    return Ws, bs


def forward(Ws, bs, acts, x):
    zs, As = [], [x]
    for W, b, f in zip(Ws, bs, acts):
        zs.append(As[-1] @ W.T + b)  # z^l = a^(l-1) W^T + b  (rows are samples)
        As.append(F[f](zs[-1]))
    return zs, As


def bce(z, y):
    """Mean binary cross-entropy from the output's z, stable: y softplus(-z) + (1 - y) softplus(z)."""
    return float(np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)))


def train(Ws, bs, acts, batches, lr):
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for x, y in batches:
        zs, As = forward(Ws, bs, acts, x)
        delta = (As[-1] - y) / x.shape[0]  # sigmoid + BCE: dL/dz^L = (a - y)/N
        for l in range(len(Ws) - 1, -1, -1):
            dW = delta.T @ As[l]
            db = delta.sum(axis=0)
            if l > 0:  # delta of the layer before, with W before its update
                delta = (delta @ Ws[l]) * F_PRIME[acts[l - 1]](zs[l - 1], As[l])
            Ws[l] -= lr * dW
            bs[l] -= lr * db
    return time.process_time() - cpu0, time.perf_counter() - wall0  # CPU and wall seconds


def run(spec, repeats):
    assert spec["loss"] == "binary_cross_entropy" and spec["training"]["optimizer"] == "sgd"
    acts = [layer["activation"] for layer in spec["layers"][1:]]
    assert acts[-1] == "sigmoid"
    X = np.array(spec["data"]["inputs"], dtype=np.float64)
    Y = np.array(spec["data"]["targets"], dtype=np.float64)
    by_start = {}
    batches = []
    for idx in batch_indices(spec):
        if idx[0] not in by_start:
            by_start[idx[0]] = (X[idx], Y[idx])
        batches.append(by_start[idx[0]])
    lr = spec["training"]["learning_rate"]
    train(*initial_parameters(spec), acts, batches[:50], lr)  # warm-up
    times = []
    for _ in range(repeats):
        Ws, bs = initial_parameters(spec)
        times.append(train(Ws, bs, acts, batches, lr))
    zs, _ = forward(Ws, bs, acts, X)
    return times, bce(zs[-1], Y)
