// The parts of a training script that the PyTorch and the NumPy writers share, as Python text in the
// course's words: number literals, the header, the training settings, the data, the batch order (file
// order, or the seeded shuffle's order computed here and written out), the loss's definition, the
// output helpers (train's number format, the divergence stop) and the closing lines.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "engine/export/training_script.h"

namespace bp::script {

// What both writers read about one export.
struct Plan {
    const Document& doc;
    const Dataset& data;  // the training data (doc.data)
    ScriptKind kind;
    long steps;
    int batch;  // B: samples per step, as the Trainer takes them
    const Network& net() const { return doc.net; }
    int L() const { return doc.net.L(); }
};

// ---- Python text ----
std::string number(double x);                   // a float literal that reads back exactly: 0.5, 1e-05, 100.0
std::string row(const double* v, int n);        // [0.1, 0.2]
std::string rows(const Matrix& m, int indent);  // [[…], […]], wrapped at 100 columns below `indent`
std::string sup(int l);                         // ² (a superscript layer index for comments)
// "code" followed by "# comment" at column `column` (or two spaces after a longer code), one line.
std::string commented(const std::string& code, std::string_view comment, std::size_t column = 44);
// "layer 2 (output): 2 sigmoid neurons" — the heading of layer l's lines.
std::string layer_heading(const Network& net, int l);

// ---- Sections ----
std::string header(const Plan& p);
std::string settings_section(const Plan& p);
std::string network_constants(const Plan& p);  // L, ACTIVATION[l], HAS_BIAS[l]
// X and Y (and X_TEST, Y_TEST when the file has a test set) as `open` rows `close`.
std::string data_section(const Plan& p, std::string_view open, std::string_view close);
std::string batch_section(const Plan& p);  // N, B and batch_indices(t)
// The loss in the course's words, for a docstring: "½-squared error (mse_half): L = …".
std::string loss_words(Loss loss);
std::string output_functions();  // round_trip(x) (train's number format) and stop(message)
// The training loop's divergence tests, as both scripts word them.
// def train(), as backprop-cli train: for each step its batch (x, y), then these lines of the script's own
// (each indented for the loop's body, 8 spaces), the stops where train stops, the line "step loss".
struct TrainLoop {
    std::string loss;                // sets `loss`, the batch loss as a Python float
    std::string gradients;           // the backward pass
    std::string too_large_for_adam;  // Adam only: sets `too_large` when a g² would overflow (no update then)
    std::string update;              // the optimiser's step
    std::string parameters_finite;   // a Python condition: every trained parameter is a finite number
};
std::string training_loop(const TrainLoop& t);
// def trained_parameters(): the network as the file's "layers", layer l's entry from Python
// expressions (after `prelude`, lines that may name things for them).
struct LayerExpressions {
    std::string prelude, size, weights, biases;
};
std::string trained_parameters_function(const LayerExpressions& e);

// A whole script: the header, `imports`, the settings, `network`, the data (each matrix as
// `data_open` rows `data_close`), the batches, `passes` (activations, loss, backward, optimiser: what
// differs), the output helpers and `train`, and the closing lines.
struct ScriptBody {
    std::string imports, network, data_open, data_close, passes, train;
};
std::string assemble(const Plan& p, const ScriptBody& body);

}  // namespace bp::script

namespace bp::script {
// The two writers (script_numpy.cpp, script_pytorch.cpp).
std::string numpy_script(const Plan& p);
std::string pytorch_script(const Plan& p);
}  // namespace bp::script
