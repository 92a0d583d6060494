"""The shared benchmark spec of issue 8: one network file per workload, written once and read by every
implementation (our engine through bp::load_document, PyTorch, NumPy), so that all of them start from
the same initial weights, the same data, the same hyper-parameters and the same batch order (file order:
step s takes samples s*B .. s*B+B-1 mod N). Standard library only; seeded, so every run writes the same files.
"""
import json
import math
import os
import random


def circle_data(points, seed, noise=0.1):
    """Two classes: a disc of radius 0.5 (target 1) inside a ring 0.7..1.0 (target 0), with Gaussian
    jitter on the inputs so that the classes overlap a little (the loss does not go to 0), shuffled."""
    rng = random.Random(seed)
    samples = []
    for i in range(points):
        inside = i % 2 == 0
        r = 0.5 * math.sqrt(rng.random()) if inside else rng.uniform(0.7, 1.0)
        angle = rng.uniform(0.0, 2.0 * math.pi)
        x = [round(r * math.cos(angle) + rng.gauss(0.0, noise), 6), round(r * math.sin(angle) + rng.gauss(0.0, noise), 6)]
        samples.append((x, [1.0 if inside else 0.0]))
    rng.shuffle(samples)
    return [s[0] for s in samples], [s[1] for s in samples]


def random_data(points, inputs, outputs, seed):
    rng = random.Random(seed)
    X = [[round(rng.uniform(-1.0, 1.0), 6) for _ in range(inputs)] for _ in range(points)]
    Y = [[float(rng.randrange(2)) for _ in range(outputs)] for _ in range(points)]
    return X, Y


def layers(sizes, activations, seed):
    """torch.nn.Linear's initialisation: W and b uniform in +-1/sqrt(fan_in)."""
    rng = random.Random(seed)
    out = [{"size": sizes[0]}]
    for l in range(1, len(sizes)):
        bound = 1.0 / math.sqrt(sizes[l - 1])
        W = [[rng.uniform(-bound, bound) for _ in range(sizes[l - 1])] for _ in range(sizes[l])]
        b = [rng.uniform(-bound, bound) for _ in range(sizes[l])]
        out.append({"size": sizes[l], "activation": activations[l - 1], "weights": W, "biases": b})
    return out


def spec(name, kind, sizes, activations, data, lr, batch, steps, description):
    X, Y = data
    return {
        "format_version": 1,
        "layers": layers(sizes, activations, seed=42),
        "loss": "binary_cross_entropy",
        "data": {"inputs": X, "targets": Y},
        "training": {"optimizer": "sgd", "learning_rate": lr, "batch_size": batch, "seed": 0, "shuffle": False},
        "bench": {"name": name, "kind": kind, "steps": steps, "description": description},
    }


def workloads():
    circle = circle_data(500, seed=7)
    small = [2, 8, 8, 1], ["tanh", "tanh", "sigmoid"]
    wide = [2, 64, 64, 64, 1], ["tanh", "tanh", "tanh", "sigmoid"]
    deep = [64] * 11, ["tanh"] * 9 + ["sigmoid"]
    return [
        spec("a", "train", *small, circle, lr=0.1, batch=1, steps=20 * 500,
             description="per-sample SGD, 2-8-8-1, circle 500, 20 epochs"),
        spec("b", "train", *small, circle, lr=0.2, batch=500, steps=2000,
             description="full-batch SGD, 2-8-8-1, circle 500, 2000 steps"),
        spec("c", "train", *wide, circle, lr=0.05, batch=32, steps=2000,
             description="2-64-64-64-1, batch 32, 2000 steps"),
        spec("d", "stepped_pass", *deep, random_data(1, 64, 64, seed=9), lr=0.1, batch=1, steps=1,
             description="one stepped pass (every event with its formula), 10 x 64"),
    ]


def write_specs(directory):
    """Writes one spec file per workload; returns their paths in workload order."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    for s in workloads():
        path = os.path.join(directory, "workload_%s.json" % s["bench"]["name"])
        with open(path, "w") as f:
            json.dump(s, f)  # floats as repr: shortest round-trip form, read back bit for bit
        paths.append(path)
    return paths


def batch_indices(spec_dict):
    """The sample indices of every step, in file order with wrap-around, as bp::Trainer takes them."""
    N = len(spec_dict["data"]["inputs"])
    B = spec_dict["training"]["batch_size"] or N
    return [[(s * B + i) % N for i in range(B)] for s in range(spec_dict["bench"]["steps"])]


def forward_macs(spec_dict):
    """Multiply-adds of one forward pass of one sample: sum over layers of n_l * n_(l-1)."""
    sizes = [layer["size"] for layer in spec_dict["layers"]]
    return sum(sizes[l] * sizes[l - 1] for l in range(1, len(sizes)))
