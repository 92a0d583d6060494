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
std::string loss_stop(std::string_view indent);    // "if not math.isfinite(loss): stop(…)"
std::string update_stop(std::string_view indent);  // stop(…) after an update that overflowed
std::string main_guard();

}  // namespace bp::script

namespace bp::script {
// The two writers (script_numpy.cpp, script_pytorch.cpp).
std::string numpy_script(const Plan& p);
std::string pytorch_script(const Plan& p);
}  // namespace bp::script
