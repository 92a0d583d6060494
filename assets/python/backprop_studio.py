"""Backprop Studio from PyTorch: save a small network, its data and its training settings as a network
file that backprop-studio and backprop-cli open (format_version 1).

    import sys
    sys.path.insert(0, "/usr/share/backprop-studio/python")
    from backprop_studio import save_network

    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    save_network(model, X, y, nn.CrossEntropyLoss(), "mine.json", optimizer)

The model is an nn.Sequential of nn.Linear layers, each followed by at most one activation module:
nn.Sigmoid, nn.Tanh, nn.ReLU, nn.LeakyReLU (slope 0.01), nn.Softplus (β = 1), nn.ELU (α = 1),
nn.Identity, or nn.Softmax(dim=1) on the output layer. The loss is one of the engine's names ("mse_half",
"mse", "cross_entropy", "binary_cross_entropy", "huber") or a PyTorch loss that equals one of them
(nn.MSELoss(), nn.CrossEntropyLoss(), nn.BCEWithLogitsLoss(), nn.BCELoss(), nn.HuberLoss() with
δ = 1; with the logits losses the output layer's softmax or sigmoid is
written into the file, as they apply it). The optimiser is torch.optim.SGD (with or without momentum)
or torch.optim.Adam, L2 (weight_decay) on the weights only. Anything the engine would not train the
same way is refused with a ValueError that says what and why; nothing is written then.

The parameters are written as float64 (float32 values exactly); the optimiser's state (momentum
buffers, Adam's moments) is not saved: training in Backprop Studio starts it afresh. Standard
library + torch only.
"""

import json
import math
import os
import tempfile

import torch
from torch import nn

__all__ = ["save_network", "LOSSES"]

LOSSES = ("mse_half", "mse", "cross_entropy", "binary_cross_entropy", "huber")
LEAKY_SLOPE = 0.01  # the engine's leaky ReLU slope
ACTIVATIONS = {nn.Sigmoid: "sigmoid", nn.Tanh: "tanh", nn.ReLU: "relu", nn.LeakyReLU: "leaky_relu",
               nn.Softplus: "softplus", nn.ELU: "elu", nn.Identity: "linear", nn.Softmax: "softmax"}
SUPPORTED_MODULES = "nn.Linear, each followed by at most one of nn.Sigmoid, nn.Tanh, nn.ReLU, " \
                    "nn.LeakyReLU(0.01), nn.Softplus(), nn.ELU(), nn.Identity, or nn.Softmax(dim=1) on the " \
                    "output layer"


def save_network(model, X, Y, loss, path, optimizer=None, *, batch_size=0, shuffle=False, seed=0,
                 test=None, title=None):
    """Writes `model` (an nn.Sequential), the data X (N, n⁰) and Y (N, K), the loss and the training
    settings as a Backprop Studio network file at `path`, atomically (a temporary file renamed into
    place). Y may be class indices (N,) with nn.CrossEntropyLoss: they are written as one-hot rows.
    batch_size (0 = every sample), shuffle and seed are the file's training settings; test is an
    optional held-out (X_test, Y_test); title an optional line for the app's menus."""
    layers = _layers_of(model)
    loss_name = _loss_name(loss, layers)
    data = {"inputs": _rows(X, "X", layers[0]["size"]), "targets": _targets(Y, "Y", loss, layers)}
    if len(data["inputs"]) != len(data["targets"]):
        raise ValueError(f"X has {len(data['inputs'])} samples but Y has {len(data['targets'])}")
    if not data["inputs"]:
        raise ValueError("X holds no samples: a network file's data needs at least one")
    if test is not None:
        X_test, Y_test = test
        data["test"] = {"inputs": _rows(X_test, "test X", layers[0]["size"]),
                        "targets": _targets(Y_test, "test Y", loss, layers)}
        if len(data["test"]["inputs"]) != len(data["test"]["targets"]):
            raise ValueError("the test set's X and Y hold different numbers of samples")
    training = _training_of(optimizer, model, batch_size, len(data["inputs"]), shuffle, seed)
    document = {"format_version": 1}
    if title is not None:
        document["title"] = str(title)
    document.update({"layers": layers, "loss": loss_name, "data": data, "training": training})
    _write_atomically(path, _dumps(document))


# ---- The network ----
def _layers_of(model):
    """The file's "layers" from an nn.Sequential: the input's size, then one entry per nn.Linear."""
    if not isinstance(model, nn.Sequential):
        raise ValueError(f"the model is {type(model).__name__}: Backprop Studio reads an nn.Sequential of "
                         + SUPPORTED_MODULES)
    modules = list(model)
    if not modules or not isinstance(modules[0], nn.Linear):
        raise ValueError("the model must start with an nn.Linear layer (" + SUPPORTED_MODULES + ")")
    layers = [{"size": modules[0].in_features}]
    i = 0
    while i < len(modules):
        index, linear = i, modules[i]
        if not isinstance(linear, nn.Linear):
            raise ValueError(f"model[{index}] is {_describe(linear)}: after an activation Backprop Studio expects "
                             "the next nn.Linear (" + SUPPORTED_MODULES + ")")
        if linear.in_features != layers[-1]["size"]:
            raise ValueError(f"model[{index}] is nn.Linear({linear.in_features}, {linear.out_features}) after a "
                             f"layer of {layers[-1]['size']}: the sizes do not chain")
        activation = "linear"  # an nn.Linear followed by another, or last
        i += 1
        if i < len(modules) and not isinstance(modules[i], nn.Linear):
            activation = _activation_of(modules[i], i, last=i + 1 == len(modules))
            i += 1
        layers.append({"size": linear.out_features, "activation": activation, "bias": linear.bias is not None,
                       "weights": _finite_rows(linear.weight, f"model[{index}].weight"),
                       "biases": _finite_list(linear.bias, linear.out_features, f"model[{index}].bias")})
    return layers


def _activation_of(module, index, last):
    name = ACTIVATIONS.get(type(module))
    if name is None:
        raise ValueError(f"model[{index}] is {_describe(module)}: Backprop Studio runs " + SUPPORTED_MODULES)
    if name == "leaky_relu" and module.negative_slope != LEAKY_SLOPE:
        raise ValueError(f"model[{index}] is nn.LeakyReLU({module.negative_slope}): the engine's leaky ReLU "
                         f"has slope {LEAKY_SLOPE}")
    # nn.Softplus() turns linear above its threshold (20), where log(1 + e^z) and z differ by under 2.1e-9
    if name == "softplus" and module.beta != 1:
        raise ValueError(f"model[{index}] is nn.Softplus(beta={module.beta}): the engine's softplus is "
                         "log(1 + e^z), β = 1")
    if name == "elu" and module.alpha != 1:
        raise ValueError(f"model[{index}] is nn.ELU(alpha={module.alpha}): the engine's ELU has α = 1")
    if name == "softmax":
        if module.dim not in (1, -1):
            raise ValueError(f"model[{index}] is nn.Softmax(dim={module.dim}): the softmax runs over each "
                             "sample's outputs, dim=1")
        if not last:
            raise ValueError(f"model[{index}] is an nn.Softmax before the last layer: Backprop Studio puts "
                             "a softmax on the output layer only")
    return name


def _describe(module):
    return type(module).__name__


def _finite(values, what):
    for v in values:
        if not math.isfinite(v):
            raise ValueError(f"{what} hold {v}: a network file holds finite numbers only")
    return values


def _finite_rows(tensor, what):
    rows = tensor.detach().to(torch.float64).tolist()
    for r in rows:
        _finite(r, what)
    return rows


def _finite_list(tensor, size, what):
    if tensor is None:
        return [0.0] * size  # "bias": false: b stays 0
    return _finite(tensor.detach().to(torch.float64).tolist(), what)


# ---- The loss ----
def _loss_name(loss, layers):
    """The engine's loss name for `loss`; for the logits losses, sets the output layer's activation."""
    out = layers[-1]
    if isinstance(loss, str):
        if loss not in LOSSES:
            raise ValueError(f"loss \"{loss}\" is not one of Backprop Studio's: {', '.join(LOSSES)}")
        needs = {"cross_entropy": "softmax", "binary_cross_entropy": "sigmoid"}.get(loss)
        if needs and out["activation"] != needs:
            module = "nn.Softmax(dim=1)" if needs == "softmax" else "nn.Sigmoid()"
            raise ValueError(f"loss \"{loss}\" needs a {needs} output layer: end the model with {module}")
        return loss
    reduction = getattr(loss, "reduction", "mean")
    if reduction != "mean":
        raise ValueError(f"{_describe(loss)}(reduction=\"{reduction}\"): Backprop Studio's losses average over the "
                         "samples, as reduction=\"mean\" does")
    if type(loss) is nn.MSELoss:
        return "mse"
    if type(loss) is nn.HuberLoss:
        if loss.delta != 1:
            raise ValueError(f"nn.HuberLoss(delta={loss.delta}): the engine's Huber loss has δ = 1")
        return "huber"
    if type(loss) is nn.CrossEntropyLoss:
        if loss.weight is not None or loss.label_smoothing != 0.0:
            raise ValueError("nn.CrossEntropyLoss with class weights or label smoothing is not the engine's "
                             "cross-entropy")
        return _logits_loss(loss, out, "softmax", "cross_entropy", "nn.Softmax")
    if type(loss) is nn.BCEWithLogitsLoss:
        if loss.weight is not None or loss.pos_weight is not None:
            raise ValueError("nn.BCEWithLogitsLoss with weight or pos_weight is not the engine's binary "
                             "cross-entropy")
        _one_output_bce(loss, out)
        return _logits_loss(loss, out, "sigmoid", "binary_cross_entropy", "nn.Sigmoid")
    if type(loss) is nn.BCELoss:
        if loss.weight is not None:
            raise ValueError("nn.BCELoss with weight is not the engine's binary cross-entropy")
        _one_output_bce(loss, out)
        if out["activation"] != "sigmoid":
            raise ValueError("nn.BCELoss takes probabilities: end the model with nn.Sigmoid()")
        return "binary_cross_entropy"
    raise ValueError(f"the loss is {_describe(loss)}: Backprop Studio trains with {', '.join(LOSSES)} "
                     "(or nn.MSELoss(), nn.CrossEntropyLoss(), nn.BCEWithLogitsLoss(), nn.BCELoss(), nn.HuberLoss())")


def _logits_loss(loss, out, activation, name, module):
    """nn.CrossEntropyLoss and nn.BCEWithLogitsLoss apply the softmax or σ themselves: the model ends
    with a linear layer, and the file's output layer gets that activation."""
    if out["activation"] == activation:
        raise ValueError(f"{_describe(loss)} applies the {activation} itself: the model's final {module} "
                         f"would apply it twice (remove it, or pass loss=\"{name}\")")
    if out["activation"] != "linear":
        raise ValueError(f"{_describe(loss)} takes the output layer's z: the model must end with nn.Linear, "
                         f"not with {out['activation']}")
    out["activation"] = activation
    return name


def _one_output_bce(loss, out):
    if out["size"] != 1:
        raise ValueError(f"{_describe(loss)}() averages over the {out['size']} outputs too, Backprop Studio's "
                         "binary_cross_entropy sums over them: pass loss=\"binary_cross_entropy\" (with a "
                         "final nn.Sigmoid) if that is the loss you train")


# ---- The data ----
def _rows(values, what, width):
    tensor = torch.as_tensor(values).detach().to(torch.float64)
    if tensor.dim() == 1 and width == 1:
        tensor = tensor.reshape(-1, 1)
    if tensor.dim() != 2 or tensor.shape[1] != width:
        raise ValueError(f"{what} has shape {tuple(tensor.shape)}: expected (N, {width})")
    return _finite_rows(tensor, what)


def _targets(values, what, loss, layers):
    K = layers[-1]["size"]
    tensor = torch.as_tensor(values).detach()
    if type(loss) is nn.CrossEntropyLoss and tensor.dim() == 1 and not tensor.is_floating_point():
        if tensor.numel() and (tensor.min() < 0 or tensor.max() >= K):
            raise ValueError(f"{what} holds class indices outside 0 … {K - 1}")
        return torch.nn.functional.one_hot(tensor.long(), K).to(torch.float64).tolist()  # class k → one-hot row
    return _rows(tensor, what, K)


# ---- The training settings ----
def _training_of(optimizer, model, batch_size, N, shuffle, seed):
    if not isinstance(batch_size, int) or not 0 <= batch_size <= N:
        raise ValueError(f"batch_size = {batch_size}: expected 0 (every sample) to N = {N}")
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed = {seed}: expected an integer >= 0")
    linears = [m for m in model if isinstance(m, nn.Linear)]
    weights = [linear.weight for linear in linears]
    biases = [linear.bias for linear in linears if linear.bias is not None]
    training = {"batch_size": batch_size, "seed": seed, "shuffle": bool(shuffle)}
    if optimizer is None:
        training["freeze_biases"] = bool(biases) and not any(b.requires_grad for b in biases)
        return training
    if type(optimizer) not in (torch.optim.SGD, torch.optim.Adam):
        raise ValueError(f"the optimiser is {type(optimizer).__name__}: Backprop Studio trains with "
                         "torch.optim.SGD (with or without momentum) and torch.optim.Adam"
                         + ("; AdamW's decoupled weight decay is not Adam's L2" if
                            type(optimizer).__name__ == "AdamW" else ""))
    groups = {id(p): group for group in optimizer.param_groups for p in group["params"]}
    if any(id(w) not in groups or not w.requires_grad for w in weights):
        raise ValueError("every weight must be trained by the optimiser: Backprop Studio has no frozen weights")
    trained_biases = [b for b in biases if id(b) in groups and b.requires_grad]
    if trained_biases and len(trained_biases) != len(biases):
        raise ValueError("the optimiser trains some biases and not others: Backprop Studio freezes all the "
                         "biases (freeze_biases) or none")
    used = [groups[id(p)] for p in weights + trained_biases]
    training["freeze_biases"] = bool(biases) and not trained_biases
    training["l2"] = _same(used[:len(weights)], "weight_decay", "the weights' weight_decay (L2)")
    if any(groups[id(b)]["weight_decay"] != 0 for b in trained_biases):
        raise ValueError("the biases have weight_decay: Backprop Studio's L2 applies to the weights only (put "
                         "the biases in a parameter group with weight_decay=0)")
    training["learning_rate"] = _same(used, "lr", "the learning rate")
    if _same(used, "maximize", "maximize"):
        raise ValueError("maximize=True: Backprop Studio minimises the loss")
    if type(optimizer) is torch.optim.SGD:
        if _same(used, "nesterov", "nesterov") or _same(used, "dampening", "dampening") != 0:
            raise ValueError("SGD with nesterov or dampening: Backprop Studio's momentum is v ← μv + g")
        momentum = _same(used, "momentum", "momentum")
        training["optimizer"] = "momentum" if momentum != 0 else "sgd"
        if momentum != 0:
            training["momentum"] = momentum
    else:  # torch.optim.Adam
        if _same(used, "amsgrad", "amsgrad"):
            raise ValueError("Adam(amsgrad=True) is not the engine's Adam")
        beta1, beta2 = _same(used, "betas", "betas")
        training.update({"optimizer": "adam", "beta1": beta1, "beta2": beta2, "epsilon": _same(used, "eps", "eps")})
    return training


def _same(groups, key, what):
    values = {repr(group[key]) for group in groups}
    if len(values) > 1:
        raise ValueError(f"the parameter groups differ in {what}: Backprop Studio has one value for the network")
    value = groups[0][key]
    return tuple(float(v) for v in value) if isinstance(value, tuple) else value


# ---- Writing ----
def _dumps(document):
    """JSON with one matrix row per line; floats in their shortest round-trip form (repr)."""
    def dump(value, indent):
        pad = " " * indent
        if isinstance(value, dict):
            items = [f"{pad}  {json.dumps(k)}: {dump(v, indent + 2)}" for k, v in value.items()]
            return "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(value, list) and value and isinstance(value[0], list):
            return "[\n" + ",\n".join(pad + "  " + json.dumps(r, allow_nan=False) for r in value) + "\n" + pad + "]"
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return "[\n" + ",\n".join(pad + "  " + dump(v, indent + 2) for v in value) + "\n" + pad + "]"
        return json.dumps(value, allow_nan=False, ensure_ascii=False)
    return dump(document, 0) + "\n"


def _write_atomically(path, text):
    """A temporary file beside `path`, flushed to disk, then renamed over it: a failure leaves any
    previous file whole."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=os.path.basename(path) + ".tmp-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
