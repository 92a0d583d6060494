// The NumPy training script: the forward and the backward pass written out layer by layer in the course's
// notation (z^l = W^l a^(l−1) + b^l; δ^l = (W^(l+1))ᵀ δ^(l+1) ⊙ f′(z^l)), the loss and the optimiser's
// update as the engine computes them, and the training loop of backprop-cli train.
#include <string>
#include <utility>
#include <vector>

#include "engine/export/script_parts.h"

namespace bp::script {
namespace numpy_text {
namespace {

std::string idx(int l) { return std::to_string(l); }

// f′(z^l) as a NumPy expression in a[l] or z[l], with its formula; empty when f′ = 1 (linear), and for softmax
// (its Jacobian is written at the output).
struct Derivative {
    std::string expression;  // "(a[1] * (1.0 - a[1]))"
    std::string formula;     // "σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)"
};

Derivative derivative(Activation f, int l) {
    const ActivationInfo& e = activation_info(f);
    const std::string a = "a[" + std::to_string(l) + "]", z = "z[" + std::to_string(l) + "]";
    return {fill_in(e.numpy_derivative, {{"$a", a}, {"$z", z}}), std::string(e.numpy_derivative_formula)};
}

std::string network_section(const Plan& p) {
    std::string s = "\n# ---- The network (the file's \"layers\") ----\n" + network_constants(p);
    s += commented("W = [None] * (L + 1)", "W[l] = W^l, (n_l, n_(l−1)): row j holds the weights into neuron j");
    s += commented("b = [None] * (L + 1)", "b[l] = b^l, (n_l)");
    for (int l = 1; l <= p.L(); ++l) {
        const Layer& layer = p.net().layers[l];
        s += "# " + layer_heading(p.net(), l) + "\n";
        s += "W[" + idx(l) + "] = np.array(" + rows(layer.W, 0) + ")\n";
        if (layer.bias)
            s += "b[" + idx(l) + "] = np.array(" + row(layer.b.data(), layer.size) + ")\n";
        else
            s += commented("b[" + idx(l) + "] = np.zeros(" + idx(layer.size) + ")", "no bias: b" + sup(l) + " stays 0");
    }
    return s;
}

// The functions the network's activations call (np.tanh and linear need none), each once, in the table's order.
std::string activation_functions(const Network& net) {
    std::vector<std::string> functions;
    for (const ActivationInfo& e : kActivations) {
        bool used = false;
        for (int l = 1; l <= net.L(); ++l) used = used || net.layers[l].activation == e.id;
        if (used && !e.numpy_function.empty()) functions.emplace_back(e.numpy_function);
    }
    if (functions.empty()) return "";
    std::string s = "\n\n# ---- Activations ----\n";
    for (std::size_t i = 0; i < functions.size(); ++i) s += (i ? "\n\n" : "") + functions[i];
    return s;
}

// a^l = f(z^l) as code and as its formula.
std::pair<std::string, std::string> activation_line(Activation f, int l) {
    const ActivationInfo& e = activation_info(f);
    return {fill_in(e.numpy_call, {{"$z", "z[" + idx(l) + "]"}}), "a" + sup(l) + " = " + fill_in(e.numpy_formula, {{"$z", "z" + sup(l)}})};
}

std::string forward_function(const Network& net) {
    std::string s = R"(

# ---- The forward pass ----
def forward(x):
    """The forward pass of a batch x (B, n⁰): z[l] = z^l and a[l] = a^l of every layer, one sample per row."""
    z = [None] * (L + 1)
    a = [None] * (L + 1)
)";
    s += commented("    a[0] = x", "a⁰ = x");
    for (int l = 1; l <= net.L(); ++l) {
        s += "    # " + layer_heading(net, l) + "\n";
        s += commented("    z[" + idx(l) + "] = a[" + idx(l - 1) + "] @ W[" + idx(l) + "].T + b[" + idx(l) + "]",
                       "z" + sup(l) + " = W" + sup(l) + " a" + sup(l - 1) + " + b" + sup(l));
        const auto [code, formula] = activation_line(net.layers[l].activation, l);
        s += commented("    a[" + idx(l) + "] = " + code, formula);
    }
    return s + "    return z, a\n";
}

// loss_of, after the function it needs (unless the activations' section has written the same one).
std::string loss_function(const Network& net) {
    const LossInfo& e = loss_info(net.loss);
    std::string s = "\n\n# ---- The loss ----\n";
    if (!e.numpy_function.empty() && activation_functions(net).find(e.numpy_function) == std::string::npos)
        s += std::string(e.numpy_function) + "\n\n";
    return s + "def loss_of(z_out, a_out, y):\n    \"\"\"" + loss_words(net.loss) + "\"\"\"\n" + std::string(e.numpy_body);
}

// ∂L_n/∂a^L as code, with its comment, for the losses whose δ^L is not fused.
std::pair<std::string, std::string> loss_derivative_line(const Network& net) {
    const LossInfo& e = loss_info(net.loss);
    const std::string a = "a[" + idx(net.L()) + "]", K = idx(net.output_size());
    return {fill_in(e.numpy_gradient, {{"$a", a}, {"$K", K}}), fill_in(e.numpy_gradient_formula, {{"$S", sup(net.L())}, {"$K", K}})};
}

std::string output_delta(const Network& net) {
    const int L = net.L();
    const std::string d = "    delta[" + idx(L) + "] = ", a = "a[" + idx(L) + "]", S = sup(L);
    const Activation f = net.layers[L].activation;
    if (fused_output(net.loss, f))
        return fill_in(loss_info(net.loss).numpy_fused_delta, {{"$S", S}, {"$L", idx(L)}, {"$a", a}});
    const auto [dl_da, dl_da_formula] = loss_derivative_line(net);
    std::string s = commented("    dL_da = " + dl_da, dl_da_formula);
    if (f == Activation::softmax)
        return s + "    # δ" + S + "_m = Σ_i ∂L/∂a_i · a_i(1[i=m] − a_m) / B: the softmax's full Jacobian (every a" + S +
               "\n    # depends on every z" + S + ")\n" + d + a + " * (dL_da - np.sum(dL_da * " + a +
               ", axis=1, keepdims=True)) / B\n";
    const Derivative fp = derivative(f, L);
    if (fp.expression.empty()) return s + commented(d + "dL_da / B", "δ" + S + " = ∂L/∂a" + S + " / B (linear: f′ = 1)");
    return s + "    # δ" + S + " = ∂L/∂a" + S + " ⊙ f′(z" + S + ") / B, " + fp.formula + "\n" + d + "dL_da * " + fp.expression + " / B\n";
}

std::string backward_function(const Network& net) {
    std::string s = R"(

# ---- The backward pass ----
def backward(z, a, y):
    """The backward pass of a batch (every batch has B rows): δ[l] = δ^l = ∂L/∂z^l of every layer, from
    the output back (it carries the 1/B of the batch mean), and the gradients dW[l] = ∂L/∂W^l and
    db[l] = ∂L/∂b^l, each summed over the batch's samples."""
    delta = [None] * (L + 1)
    dW = [None] * (L + 1)
    db = [None] * (L + 1)
)";
    for (int l = net.L(); l >= 1; --l) {
        s += "    # " + layer_heading(net, l) + "\n";
        if (l == net.L()) {
            s += output_delta(net);
        } else {
            const std::string d = "    delta[" + idx(l) + "] = ", back = "delta[" + idx(l + 1) + "] @ W[" + idx(l + 1) + "]";
            const std::string formula = "δ" + sup(l) + " = (W" + sup(l + 1) + ")ᵀ δ" + sup(l + 1);
            const Derivative fp = derivative(net.layers[l].activation, l);
            if (fp.expression.empty())
                s += commented(d + back, formula + " (linear: f′ = 1)");
            else
                s += commented(d + "(" + back + ") * " + fp.expression,
                               formula + " ⊙ f′(z" + sup(l) + "), " + fp.formula, 56);
        }
        s += commented("    dW[" + idx(l) + "] = delta[" + idx(l) + "].T @ a[" + idx(l - 1) + "]",
                       "∂L/∂W" + sup(l) + " = Σ_n δ" + sup(l) + "_n (a" + sup(l - 1) + "_n)ᵀ");
        s += commented("    db[" + idx(l) + "] = delta[" + idx(l) + "].sum(axis=0)", "∂L/∂b" + sup(l) + " = Σ_n δ" + sup(l) + "_n");
    }
    return s + "    return dW, db\n";
}

std::string optimizer_section(const TrainingConfig& c) {
    std::string s = "\n\n# ---- The optimiser: ";
    s += c.optimizer == OptimizerKind::sgd        ? "plain SGD, as torch.optim.SGD"
         : c.optimizer == OptimizerKind::momentum ? "SGD with momentum, as torch.optim.SGD(momentum=μ)"
                                                  : "Adam, as torch.optim.Adam";
    s += R"( ----
# It updates every W^l, and b^l of every layer with a bias unless FREEZE_BIASES.
TRAINED = [("W", l) for l in range(1, L + 1)]
TRAINED += [("b", l) for l in range(1, L + 1) if HAS_BIAS[l] and not FREEZE_BIASES]
PARAMETERS = [W[l] if kind == "W" else b[l] for kind, l in TRAINED]  # the same arrays: updated in place
)";
    if (c.optimizer == OptimizerKind::momentum)
        s += commented("VELOCITY = [np.zeros_like(w) for w in PARAMETERS]", "v of each parameter, from 0", 56);
    if (c.optimizer == OptimizerKind::adam) {
        s += commented("M = [np.zeros_like(w) for w in PARAMETERS]", "m: Adam's first moment of each parameter, from 0");
        s += commented("V = [np.zeros_like(w) for w in PARAMETERS]", "v: its second moment, from 0");
    }
    s += R"(

def gradients(dW, db):
    """The gradient g of each of PARAMETERS: ∂L/∂W^l + λW^l for a weight (L2 on the weights only),
    ∂L/∂b^l for a bias."""
    return [dW[l] + L2 * W[l] if kind == "W" else db[l] for kind, l in TRAINED]


def update(g, t):
)";
    switch (c.optimizer) {
        case OptimizerKind::sgd:
            s += R"(    """Plain SGD: w ← w − η g for every parameter (t, the update's number, is not needed)."""
    for w, g_w in zip(PARAMETERS, g):
        w -= LEARNING_RATE * g_w
)";
            break;
        case OptimizerKind::momentum:
            s += R"(    """SGD with momentum: v ← μv + g, w ← w − η v for every parameter (v = g at the first update;
    t, the update's number, is not needed)."""
    for w, v, g_w in zip(PARAMETERS, VELOCITY, g):
        v[...] = MOMENTUM * v + g_w
        w -= LEARNING_RATE * v
)";
            break;
        case OptimizerKind::adam:
            s += R"(    """Adam at update t = 1, 2, …: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², then
    w ← w − η m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ), for every parameter."""
    for w, m, v, g_w in zip(PARAMETERS, M, V, g):
        m[...] = BETA1 * m + (1.0 - BETA1) * g_w
        v[...] = BETA2 * v + (1.0 - BETA2) * g_w * g_w
        w -= LEARNING_RATE * (m / (1.0 - BETA1 ** t)) / (np.sqrt(v / (1.0 - BETA2 ** t)) + EPSILON)
)";
            break;
    }
    return s;
}

std::string train_function(const TrainingConfig& c) {
    TrainLoop t;
    t.loss = "        z, a = forward(x)\n        loss = float(loss_of(z[L], a[L], y))\n";
    t.gradients = "        g = gradients(*backward(z, a, y))\n";
    if (c.optimizer == OptimizerKind::adam)
        t.too_large_for_adam = "        too_large = not all(np.isfinite(g_w * g_w).all() for g_w in g)  # Adam squares g\n";
    t.update = "        update(g, step + 1)\n";
    t.parameters_finite = "np.isfinite(w).all() for w in PARAMETERS";
    return training_loop(t) + trained_parameters_function({"", "len(W[l])", "W[l].tolist()", "b[l].tolist()"});
}

}  // namespace
}  // namespace numpy_text

std::string numpy_script(const Plan& p) {
    using namespace numpy_text;
    const Network& net = p.net();
    return assemble(p, {.imports = "import json\nimport math\nimport sys\n\nimport numpy as np\n\nnp.seterr(all=\"ignore\")  "
                                   "# NaN and ∞ are caught and reported by train(), not warned about\n",
                        .network = network_section(p),
                        .data_open = "np.array(",
                        .data_close = ")",
                        .passes = activation_functions(net) + forward_function(net) + loss_function(net) +
                                  backward_function(net) + optimizer_section(p.doc.training),
                        .train = train_function(p.doc.training)});
}

}  // namespace bp::script
