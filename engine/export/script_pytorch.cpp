// The PyTorch training script: an nn.Sequential of nn.Linear and activation modules holding the file's
// weights and biases, the loss written with torch.nn.functional at the engine's reduction (each loss's
// mapping onto PyTorch's said in its docstring), torch.optim with the weights and the biases in two
// parameter groups (L2 on the weights only), and the training loop of backprop-cli train.
#include <string>

#include "engine/export/script_parts.h"

namespace bp::script {
namespace pytorch_text {
namespace {

std::string idx(int l) { return std::to_string(l); }

std::string network_section(const Plan& p) {
    const Network& net = p.net();
    std::string s = "\n# ---- The network (the file's \"layers\") ----\n" + network_constants(p);
    s += "model = nn.Sequential(\n";
    for (int l = 1; l <= net.L(); ++l) {
        const Layer& layer = net.layers[l];
        const std::string linear = "    nn.Linear(" + idx(net.layers[l - 1].size) + ", " + idx(layer.size) +
                                   (layer.bias ? "" : ", bias=False") + "),";
        s += commented(linear, layer_heading(net, l) + ": z" + sup(l) + " = W" + sup(l) + " a" + sup(l - 1) +
                                   (layer.bias ? " + b" + sup(l) : ""), 36);
        const std::string f = std::string(symbol(layer.activation));
        s += commented("    " + std::string(activation_info(layer.activation).torch_module) + ",",
                       "a" + sup(l) + " = " + (activation_info(layer.activation).identity ? "z" + sup(l) + " (linear)"
                                                                                          : f + "(z" + sup(l) + ")"),
                       36);
    }
    s += ")\n";
    s += commented("LINEAR = [None] + [model[2 * (l - 1)] for l in range(1, L + 1)]",
                   "LINEAR[l]: W^l is its .weight, b^l its .bias", 68);
    s += "with torch.no_grad():  # the file's parameters, in place of nn.Linear's random ones\n";
    for (int l = 1; l <= net.L(); ++l) {
        const Layer& layer = net.layers[l];
        s += "    # " + layer_heading(net, l) + "\n";
        s += "    LINEAR[" + idx(l) + "].weight.copy_(torch.tensor(" + rows(layer.W, 4) + "))\n";
        if (layer.bias) s += "    LINEAR[" + idx(l) + "].bias.copy_(torch.tensor(" + row(layer.b.data(), layer.size) + "))\n";
    }
    return s;
}

// loss_of: the loss's definition and how it maps onto PyTorch's losses, then its body (its entry's text).
std::string loss_function(Loss loss) {
    const LossInfo& e = loss_info(loss);
    return "\n\n# ---- The loss ----\ndef loss_of(x, y):\n    \"\"\"" + loss_words(loss) + "\n    " +
           std::string(e.torch_mapping) + "\"\"\"\n" + std::string(e.torch_body);
}

std::string optimizer_section(const TrainingConfig& c) {
    std::string s = "\n\n# ---- The optimiser: ";
    switch (c.optimizer) {
        case OptimizerKind::sgd:
            s += "plain SGD, w ← w − η g ----\n";
            break;
        case OptimizerKind::momentum:
            s += "SGD with momentum, v ← μv + g, w ← w − η v (v = g at the first update) ----\n";
            break;
        case OptimizerKind::adam:
            s += "Adam, m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − η m̂ / (√v̂ + ε),\n"
                 "# m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ) at update t ----\n";
            break;
    }
    s += R"(# g = ∂L/∂w + λw for a weight: L2 (λ) is torch.optim's weight_decay, on the weights only, so the
# weights and the biases are two parameter groups. Frozen biases (FREEZE_BIASES) are in neither group
# and ask for no gradient.
WEIGHTS = [LINEAR[l].weight for l in range(1, L + 1)]
BIASES = [LINEAR[l].bias for l in range(1, L + 1) if HAS_BIAS[l]]
TRAINED_BIASES = [] if FREEZE_BIASES else BIASES
for bias in BIASES:
    bias.requires_grad_(not FREEZE_BIASES)
GROUPS = [{"params": WEIGHTS, "weight_decay": L2}]
if TRAINED_BIASES:
    GROUPS.append({"params": TRAINED_BIASES, "weight_decay": 0.0})
)";
    switch (c.optimizer) {
        case OptimizerKind::sgd: s += "optimizer = torch.optim.SGD(GROUPS, lr=LEARNING_RATE)\n"; break;
        case OptimizerKind::momentum:
            s += "optimizer = torch.optim.SGD(GROUPS, lr=LEARNING_RATE, momentum=MOMENTUM)\n";
            break;
        case OptimizerKind::adam:
            s += "optimizer = torch.optim.Adam(GROUPS, lr=LEARNING_RATE, betas=(BETA1, BETA2), eps=EPSILON)\n";
            break;
    }
    return s;
}

std::string train_function(const TrainingConfig& c) {
    TrainLoop t;
    t.loss = "        optimizer.zero_grad()\n        batch_loss = loss_of(x, y)\n        loss = batch_loss.item()\n";
    t.gradients = "        batch_loss.backward()  # every δ^l, and ∂L/∂W^l and ∂L/∂b^l into .grad\n";
    if (c.optimizer == OptimizerKind::adam)
        t.too_large_for_adam = "        with torch.no_grad():  # Adam squares g = ∂L/∂w + λw: past ~1.3e154, v would be ∞\n"
                               "            g = [w.grad + L2 * w for w in WEIGHTS] + [bias.grad for bias in TRAINED_BIASES]\n"
                               "            too_large = not all(torch.isfinite(g_w * g_w).all() for g_w in g)\n";
    t.update = "        optimizer.step()\n";
    t.parameters_finite = "torch.isfinite(w).all() for w in WEIGHTS + TRAINED_BIASES";
    return training_loop(t) + trained_parameters_function(
                                  {"        linear = LINEAR[l]\n"
                                   "        biases = linear.bias.detach().tolist() if HAS_BIAS[l] else [0.0] * linear.out_features\n",
                                   "linear.out_features", "linear.weight.detach().tolist()", "biases"});
}

}  // namespace
}  // namespace pytorch_text

std::string pytorch_script(const Plan& p) {
    using namespace pytorch_text;
    return assemble(p, {.imports = "import json\nimport math\nimport sys\n\nimport torch\nimport torch.nn.functional as F\n"
                                   "from torch import nn\n\ntorch.set_default_dtype(torch.float64)  "
                                   "# float64 throughout, as Backprop Studio's engine\n",
                        .network = network_section(p),
                        .data_open = "torch.tensor(",
                        .data_close = ", dtype=torch.float64)",
                        .passes = loss_function(p.net().loss) + optimizer_section(p.doc.training),
                        .train = train_function(p.doc.training)});
}

}  // namespace bp::script
