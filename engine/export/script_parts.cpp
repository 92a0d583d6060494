// The shared parts of the training scripts (see script_parts.h).
#include "engine/export/script_parts.h"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/error.h"
#include "engine/teaching/notation.h"
#include "engine/core/optimizer.h"

namespace bp::script {
namespace {

constexpr std::size_t kWidth = 100;  // the scripts' line width

// A comment's text on one line: the file's own strings (its title) may hold line breaks or control
// characters, which would end the comment or the script.
std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
    return out;
}

std::string title_of(const Document& doc) {
    const nlohmann::json& j = *doc.extra;
    if (j.is_object() && j.contains("title") && j["title"].is_string()) {
        const std::string t = one_line(j["title"].get<std::string>());
        if (!t.empty()) return t;
    }
    std::string sizes;
    for (const Layer& layer : doc.net.layers) sizes += (sizes.empty() ? "" : "-") + std::to_string(layer.size);
    return "A " + sizes + " network";
}

std::string python_bool(bool b) { return b ? "True" : "False"; }

// Items of a Python list, as many per line as fit below `indent`: "[\n    item, item,\n    item,\n]".
std::string wrap_items(const std::vector<std::string>& items, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) + 4, ' ');
    std::string out = "[\n", line;
    for (const std::string& item : items) {
        if (!line.empty() && pad.size() + line.size() + 1 + item.size() + 1 > kWidth) {
            out += pad + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + item + ",";
    }
    if (!line.empty()) out += pad + line + "\n";
    return out + std::string(static_cast<std::size_t>(indent), ' ') + "]";
}

// One list that starts at column `indent`, continued below its first item when it is too long:
// "[1, 2, 3,\n     4, 5]".
std::string wrap_row(const std::vector<std::string>& items, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) + 1, ' ');
    std::string out = "[";
    std::size_t column = static_cast<std::size_t>(indent) + 1;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& item = items[i];
        if (i > 0 && column + 2 + item.size() + 2 > kWidth) {
            out += ",\n" + pad;
            column = pad.size();
        } else if (i > 0) {
            out += ", ";
            column += 2;
        }
        out += item;
        column += item.size();
    }
    return out + "]";
}

}  // namespace

// ---- Python text ----
std::string number(double x) {
    std::string s = round_trip(x);  // 17 significant digits at most; Python reads it back to the same double
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::string row(const double* v, int n) {
    std::string s = "[";
    for (int i = 0; i < n; ++i) s += (i ? ", " : "") + number(v[i]);
    return s + "]";
}

std::string rows(const Matrix& m, int indent) {
    std::vector<std::string> items;
    std::size_t total = 2, longest = 0;
    for (int r = 0; r < m.rows; ++r) {
        items.push_back(row(m.row(r), m.cols));
        total += items.back().size() + 2;
        longest = std::max(longest, items.back().size());
    }
    if (static_cast<std::size_t>(indent) + total <= kWidth - 30) {  // room left for "X = np.array(" and a comment
        std::string s = "[";
        for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + items[i];
        return s + "]";
    }
    if (static_cast<std::size_t>(indent) + 4 + longest + 1 <= kWidth) return wrap_items(items, indent);
    std::string s = "[\n";
    const std::string pad(static_cast<std::size_t>(indent) + 4, ' ');
    for (int r = 0; r < m.rows; ++r) {
        std::vector<std::string> numbers;
        for (int c = 0; c < m.cols; ++c) numbers.push_back(number(m(r, c)));
        s += pad + wrap_row(numbers, indent + 4) + ",\n";
    }
    return s + std::string(static_cast<std::size_t>(indent), ' ') + "]";
}

std::string sup(int l) { return superscript(l); }

std::string commented(const std::string& code, std::string_view comment, std::size_t column) {
    // Count characters, not bytes: the code may hold σ or ².
    const auto width = [](std::string_view text) {
        std::size_t n = 0;
        for (unsigned char c : text) n += (c & 0xC0) != 0x80;
        return n;
    };
    const std::size_t code_width = width(code), at = std::max(code_width + 2, column);
    if (at + 2 + width(comment) > kWidth + 10) {  // too long for one line: the comment goes above the code
        return code.substr(0, code.find_first_not_of(' ')) + "# " + std::string(comment) + "\n" + code + "\n";
    }
    return code + std::string(at - code_width, ' ') + "# " + std::string(comment) + "\n";
}

std::string layer_heading(const Network& net, int l) {
    const Layer& layer = net.layers[l];
    std::string s = "layer " + std::to_string(l) + (l == net.L() ? " (output)" : "") + ": " +
                    std::to_string(layer.size) + " " + std::string(activation_info(layer.activation).words) + " neuron" +
                    (layer.size == 1 ? "" : "s");
    if (!layer.bias) s += ", no bias";
    return s;
}

// ---- Sections ----
std::string header(const Plan& p) {
    const bool torch = p.kind == ScriptKind::pytorch;
    std::string s = "#!/usr/bin/env python3\n";
    s += "# " + title_of(p.doc) + " — training exported by Backprop Studio (backprop-cli export --to " +
         std::string(to_string(p.kind)) + ").\n#\n";
    s += "# The same training as `backprop-cli train NET.json --steps " + std::to_string(p.steps) +
         "` on the network file it came from:\n"
         "# the same network and parameters, data, loss, optimiser and batch order, in float64, written ";
    s += torch ? "with\n# PyTorch: an nn.Sequential of nn.Linear and activation modules, autograd and torch.optim.\n"
               : "with\n# NumPy alone: the forward and the backward pass layer by layer, in the course's notation.\n";
    s += "# It prints one line per step, \"step loss\" (the loss of that step's batch before its update), as\n"
         "# backprop-cli train does, then the trained parameters as JSON (the network file's \"layers\"). If\n"
         "# the loss or a parameter stops being a finite number it says so and exits with status 1, as train does.\n";
    s += torch ? "# Run it with Debian's python3-torch:  /usr/bin/python3 SCRIPT.py\n"
               : "# Run it with Debian's python3-numpy:  /usr/bin/python3 SCRIPT.py\n";
    s += "#\n"
         "# Notation (the course notes'): layer 0 is the input, a⁰ = x; for the layers l = 1 … L\n"
         "#     z^l = W^l a^(l−1) + b^l        a^l = f(z^l)        δ^l = ∂L/∂z^l\n"
         "#     δ^l = (W^(l+1))ᵀ δ^(l+1) ⊙ f′(z^l)        ∂L/∂W^l = δ^l (a^(l−1))ᵀ        ∂L/∂b^l = δ^l\n"
         "# W^l holds w^l_jk, the weight from neuron k of layer l−1 to neuron j of layer l, in row j, column k.\n";
    s += torch ? "# nn.Linear(n_(l−1), n_l) holds W^l as its .weight and b^l as its .bias; loss.backward() computes\n"
                 "# every δ^l and gradient.\n"
               : "# A batch holds one sample per row, so W^l a^(l−1) is a[l-1] @ W[l].T, (W^(l+1))ᵀ δ^(l+1) is\n"
                 "# delta[l+1] @ W[l+1], and ∂L/∂W^l, summed over the batch's samples n, is delta[l].T @ a[l-1].\n";
    return s;
}

std::string settings_section(const Plan& p) {
    const TrainingConfig& c = p.doc.training;
    std::string s = "\n# ---- Training settings (the file's \"training\") ----\n";
    s += commented("STEPS = " + std::to_string(p.steps), "steps (updates) to train: backprop-cli export --steps");
    s += commented("LEARNING_RATE = " + number(c.learning_rate), "η");
    s += commented("BATCH_SIZE = " + std::to_string(c.batch_size), "samples per step; 0 = every sample");
    s += commented("L2 = " + number(c.l2), "λ: the L2 penalty (weight decay), on the weights only");
    s += commented("FREEZE_BIASES = " + python_bool(c.freeze_biases), "True: the biases are never updated");
    s += commented("SHUFFLE = " + python_bool(c.shuffle), "False: batches in file order; True: a new order each epoch");
    s += commented("SEED = " + std::to_string(c.seed), "the shuffle's seed");
    if (c.optimizer == OptimizerKind::momentum) s += commented("MOMENTUM = " + number(c.momentum), "μ");
    if (c.optimizer == OptimizerKind::adam) {
        s += commented("BETA1 = " + number(c.beta1), "β₁: Adam's decay of the first moment m");
        s += commented("BETA2 = " + number(c.beta2), "β₂: Adam's decay of the second moment v");
        s += commented("EPSILON = " + number(c.epsilon), "ε");
    }
    return s;
}

std::string network_constants(const Plan& p) {
    std::string activations = "[None", biases = "[None";
    for (int l = 1; l <= p.L(); ++l) {
        activations += ", \"" + std::string(to_string(p.net().layers[l].activation)) + "\"";
        biases += ", " + python_bool(p.net().layers[l].bias);
    }
    std::string s = commented("L = " + std::to_string(p.L()), "the output layer's index; layer 0 is the input");
    s += commented("LOSS = \"" + std::string(to_string(p.net().loss)) + "\"", "the file's \"loss\" (see loss_of)");
    s += commented("ACTIVATION = " + activations + "]", "f of each layer l = 1 … L");
    s += commented("HAS_BIAS = " + biases + "]", "False: the layer has no bias (\"bias\": false), b^l = 0");
    return s;
}

std::string data_section(const Plan& p, std::string_view open, std::string_view close) {
    const auto matrix = [&](const char* name, const Matrix& m, const char* what) {
        return std::string(name) + " = " + std::string(open) + rows(m, 0) + std::string(close) + "  # " + what + "\n";
    };
    std::string s = "\n# ---- The data (the file's \"data\"): one sample per row ----\n";
    s += matrix("X", p.data.X, "(N, n⁰) inputs");
    s += matrix("Y", p.data.Y, "(N, n^L) targets");
    if (p.doc.test) {
        s += "# The held-out test set (\"data.test\"): training does not use it.\n";
        s += matrix("X_TEST", p.doc.test->X, "test inputs");
        s += matrix("Y_TEST", p.doc.test->Y, "test targets");
    }
    return s;
}

std::string batch_section(const Plan& p) {
    const TrainingConfig& c = p.doc.training;
    const int N = p.data.size();
    std::string s = "\n# ---- Batches ----\n";
    s += commented("N = len(X)", "samples");
    s += commented("B = BATCH_SIZE if BATCH_SIZE > 0 else N", "samples per step");
    if (!c.shuffle) {
        s += "\n\ndef batch_indices(t):\n"
             "    \"\"\"The samples of step t: t·B … t·B+B−1 (mod N) in file order, wrapping around the end of\n"
             "    the data (an epoch is N/B steps).\"\"\"\n"
             "    return [(t * B + i) % N for i in range(B)]\n";
        return s;
    }
    // The Trainer's own orders: epoch e shuffles epoch e−1's order with the seeded generator.
    const long positions = p.steps * p.batch;
    const long epochs = positions == 0 ? 0 : (positions - 1) / N + 1;
    if (epochs * N > kMaxScriptOrder)
        throw Error(std::to_string(p.steps) + " steps of " + std::to_string(p.batch) + " samples reach " +
                    std::to_string(epochs) + " shuffled epochs of " + std::to_string(N) +
                    " samples: the script would hold " + std::to_string(epochs * N) +
                    " sample indices (training.shuffle writes every epoch's order), the limit is " +
                    std::to_string(kMaxScriptOrder) + "; export fewer steps");
    std::vector<int> order(static_cast<std::size_t>(N));
    for (int i = 0; i < N; ++i) order[static_cast<std::size_t>(i)] = i;
    s += "\n# SHUFFLE is on: every epoch visits the N samples in a new order. Backprop Studio's engine drew\n"
         "# these orders with its seeded generator (SEED; each epoch shuffles the order before it); here are\n"
         "# the " + std::to_string(epochs) + " epoch" + (epochs == 1 ? "" : "s") + " that " + std::to_string(p.steps) +
         " steps reach, one list per epoch.\n";
    s += "EPOCH_ORDERS = [\n";
    for (long e = 0; e < epochs; ++e) {
        shuffle_epoch(order, c.seed, e);
        std::vector<std::string> items;
        for (int n : order) items.push_back(std::to_string(n));
        s += "    " + wrap_row(items, 4) + ",\n";
    }
    s += "]\n";
    s += "\n\ndef batch_indices(t):\n"
         "    \"\"\"The samples of step t: positions t·B … t·B+B−1 of the epochs' orders laid end to end.\"\"\"\n"
         "    if (t + 1) * B > len(EPOCH_ORDERS) * N:\n"
         "        stop(f\"the shuffled orders written here cover " + std::to_string(p.steps) +
         " steps: export again with --steps {t + 1} or more\")\n"
         "    return [EPOCH_ORDERS[p // N][p % N] for p in range(t * B, (t + 1) * B)]\n";
    return s;
}

std::string loss_words(Loss loss) { return std::string(loss_info(loss).script_definition); }

std::string output_functions() {
    return R"(

def round_trip(x):
    """x in the shortest text that reads back exactly, as backprop-cli train writes it (C++'s
    std::to_chars): plain or scientific notation, whichever is shorter, plain on a tie."""
    if x == 0.0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    mantissa, _, exponent = repr(abs(x)).partition("e")  # repr: Python's shortest round-trip digits
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(whole + fraction) - len(digits))  # digits before the point
    digits = digits.rstrip("0")
    e = point - 1
    scientific = digits[0] + ("." + digits[1:] if len(digits) > 1 else "") + ("e-" if e < 0 else "e+") + f"{abs(e):02d}"
    if point <= 0:
        plain = "0." + "0" * -point + digits
    elif point >= len(digits):
        plain = str(int(abs(x)))  # a whole number: all its digits, as printf's %f writes them
    else:
        plain = digits[:point] + "." + digits[point:]
    return ("-" if x < 0 else "") + (plain if len(plain) <= len(scientific) else scientific)


def stop(message):
    """Says why training stops, on stderr, and exits with status 1, as backprop-cli train does."""
    sys.stdout.flush()
    print(message, file=sys.stderr)
    sys.exit(1)
)";
}

std::string training_loop(const TrainLoop& t) {
    const std::string overflow =
        "            stop(f\"training diverged: the update of step {step} made a parameter overflow (not a finite number)\")\n";
    std::string s = R"(

# ---- Training, as backprop-cli train ----
def train():
    """STEPS steps of: the step's batch, the forward pass and the loss, the backward pass, the update;
    one line "step loss" each, then the trained parameters as JSON."""
    for step in range(STEPS):
        samples = batch_indices(step)
        x, y = X[samples], Y[samples]
)" + t.loss + R"(        if not math.isfinite(loss):  # NaN or ∞: the run diverged, as train says
            stop(f"training diverged: the loss of step {step} is {'NaN' if math.isnan(loss) else 'infinite'}")
)" + t.gradients;
    if (!t.too_large_for_adam.empty())
        s += t.too_large_for_adam + "        if too_large:  # no update: train stops here too\n"
                                    "            print(step, round_trip(loss))\n" + overflow;
    return s + t.update + "        print(step, round_trip(loss))\n        if not all(" + t.parameters_finite + "):\n" +
           overflow + "    print(json.dumps(trained_parameters()))\n";
}

std::string trained_parameters_function(const LayerExpressions& e) {
    return R"(

def trained_parameters():
    """The network as the file's "layers" (layers[0] is the input), with the trained W^l and b^l."""
    layers = [{"size": X.shape[1]}]
    for l in range(1, L + 1):
)" + e.prelude + "        layers.append({\"size\": " + e.size +
           ", \"activation\": ACTIVATION[l], \"bias\": HAS_BIAS[l],\n"
           "                       \"weights\": " + e.weights + ", \"biases\": " + e.biases + "})\n"
           "    return {\"layers\": layers}\n";
}

std::string assemble(const Plan& p, const ScriptBody& body) {
    return header(p) + body.imports + settings_section(p) + body.network +
           data_section(p, body.data_open, body.data_close) + batch_section(p) + body.passes + output_functions() +
           body.train + "\n\nif __name__ == \"__main__\":\n    train()\n";
}

}  // namespace bp::script
