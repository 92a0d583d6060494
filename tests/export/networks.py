"""Network files for the export tests: a grid that reaches every activation (hidden and output), every
loss, every optimiser and every training option the engine has (shuffle, batch sizes that wrap around
the data, freeze_biases, l2, layers without a bias, custom momentum and Adam settings), plus runs that
diverge. Seeded: the same files on every run."""

import random

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "softplus", "elu", "linear"]
# (output activation, loss): every pair the engine accepts, some more than once with other outputs.
OUTPUTS = [("sigmoid", "binary_cross_entropy"), ("softmax", "cross_entropy"), ("softmax", "mse"),
           ("softmax", "mse_half"), ("linear", "mse_half"), ("linear", "mse"), ("tanh", "mse"),
           ("sigmoid", "mse_half"), ("relu", "mse_half"), ("leaky_relu", "mse"), ("linear", "huber"),
           ("softplus", "huber"), ("elu", "mse_half")]
OPTIMIZERS = ["sgd", "momentum", "adam"]
LEARNING_RATES = {"sgd": 0.3, "momentum": 0.1, "adam": 0.02}
N = 6  # samples: batches of 4 and 5 wrap around the end

OPTIONS = [
    {},
    {"batch_size": 1},
    {"batch_size": 4},
    {"batch_size": 0},
    {"shuffle": True, "seed": 7, "batch_size": 4},
    {"shuffle": True, "seed": 3, "batch_size": 1},
    {"freeze_biases": True, "batch_size": 5},
    {"l2": 0.01, "batch_size": 2},
    {"no_bias": [1], "batch_size": 3},
    {"momentum": 0.5, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6, "batch_size": 4},
    {"l2": 0.05, "freeze_biases": True, "shuffle": True, "seed": 11, "batch_size": 5, "no_bias": [2]},
]


def targets(rng, activation, loss, K):
    if loss == "binary_cross_entropy":
        return [[rng.choice([0.0, 1.0, rng.random()]) for _ in range(K)] for _ in range(N)]
    if loss == "cross_entropy":
        rows = []
        for n in range(N):
            if n % 2 == 0:  # one-hot
                rows.append([1.0 if k == n % K else 0.0 for k in range(K)])
            else:  # probabilities
                p = [rng.random() + 0.1 for _ in range(K)]
                rows.append([v / sum(p) for v in p])
        return rows
    if activation in ("sigmoid", "softmax"):
        return [[rng.random() for _ in range(K)] for _ in range(N)]
    return [[rng.uniform(-1.0, 1.0) for _ in range(K)] for _ in range(N)]


def network(hidden, output, loss, optimizer, options, seed):
    """A 3-4-3-K network with hidden activation `hidden` in both hidden layers."""
    rng = random.Random(seed)
    K = 3 if output == "softmax" else 2
    sizes = [3, 4, 3, K]
    activations = [None, hidden, hidden, output]
    layers = [{"size": sizes[0]}]
    for l in range(1, len(sizes)):
        layer = {"size": sizes[l], "activation": activations[l],
                 "weights": [[rng.uniform(-1.0, 1.0) for _ in range(sizes[l - 1])] for _ in range(sizes[l])]}
        if l in options.get("no_bias", []):
            layer["bias"] = False
        else:
            layer["biases"] = [rng.uniform(-0.5, 0.5) for _ in range(sizes[l])]
        layers.append(layer)
    training = {"optimizer": optimizer, "learning_rate": LEARNING_RATES[optimizer]}
    training.update({k: v for k, v in options.items() if k != "no_bias"})
    return {"format_version": 1, "layers": layers, "loss": loss,
            "data": {"inputs": [[rng.uniform(-1.0, 1.0) for _ in range(3)] for _ in range(N)],
                     "targets": targets(rng, output, loss, K)},
            "training": training}


def grid():
    """(name, network) of every hidden activation × output/loss × optimiser, each with one of OPTIONS
    in turn, then every option × optimiser on one network."""
    i = 0
    for hidden in HIDDEN:
        for output, loss in OUTPUTS:
            for optimizer in OPTIMIZERS:
                options = OPTIONS[i % len(OPTIONS)]
                yield (f"{hidden}-{output}-{loss}-{optimizer}-options{i % len(OPTIONS)}",
                       network(hidden, output, loss, optimizer, options, seed=i))
                i += 1
    for k, options in enumerate(OPTIONS):
        for optimizer in OPTIMIZERS:
            yield f"tanh-sigmoid-bce-{optimizer}-options{k}", network(
                "tanh", "sigmoid", "binary_cross_entropy", optimizer, options, seed=1000 + k)


def diverging():
    """Runs that blow up: a linear network with a far too large learning rate (the loss or an update
    overflows), with each optimiser that can."""
    for optimizer, lr in (("sgd", 40.0), ("momentum", 20.0)):
        net = network("linear", "linear", "mse", optimizer, {"batch_size": 2}, seed=77)
        net["training"]["learning_rate"] = lr
        yield f"diverging-{optimizer}", net
    net = network("relu", "linear", "mse_half", "sgd", {"batch_size": 0}, seed=78)
    net["training"]["learning_rate"] = 1e6
    yield "diverging-relu-sgd", net
    # A gradient of ~1e300: the update overflows (SGD, momentum), or Adam's g² would (no update is made).
    for optimizer in OPTIMIZERS:
        yield f"overflowing-update-{optimizer}", {
            "format_version": 1,
            "layers": [{"size": 1}, {"size": 1, "activation": "sigmoid", "weights": [[1e-300]], "biases": [0.0]}],
            "loss": "binary_cross_entropy",
            "data": {"inputs": [[1e300], [2e300]], "targets": [[0.0], [1.0]]},
            "training": {"optimizer": optimizer, "learning_rate": 1e9}}
