// backprop-cli trace NET.json [--format json|table]: one forward and backward pass over all of
// data.inputs as one batch (bp::run_pass), and every z, a, δ, ∂L/∂W and ∂L/∂b it produced, per sample.
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/input.h"
#include "app/cli/json_layout.h"
#include "app/cli/json_view.h"
#include "app/cli/output.h"
#include "app/cli/pass_check.h"
#include "app/cli/table.h"
#include "engine/core/losses.h"
#include "engine/teaching/notation.h"
#include "engine/core/passes.h"

namespace {
using namespace cli;

const std::string kTraceHelp = R"(Usage: backprop-cli trace NET.json [--format json|table] [--notation NAME]

One forward and one backward pass with all of data.inputs as one batch of N samples.

  --format json   (default) {"loss": L, "sample_losses": [...], "layers": [{"a": X},
                  {"z", "a", "delta", "dW", "db"}, ...]}: one row per sample in z, a and delta,
                  dW as n_l rows of n_(l-1), db as n_l numbers. Layer 0 is the input (a = x).
  --format table  every value in course notation (z²₁, a²₁, δ²₁, ∂L/∂w²₁₁, ...), neurons from 1.

L is the batch-averaged data loss (L2, when the file sets it, enters training updates only);
delta = ∂L/∂z of that loss, so it carries the 1/N; dW = Σ_n δ_n (a^(l−1)_n)ᵀ and db = Σ_n δ_n.
A layer with "bias": false still reports db (the gradient its bias would have).
If any value is NaN or infinite the pass diverged: a message names it and the exit status is 1.

The table's labels are written in --notation (the JSON has no symbols: the same in every notation);
with derivation the table adds each layer's δ = ∂L/∂(its output), the notes' δ beside ε = our δ:
)" + std::string(kNotationHelp);

// The trace as JSON, read where the numbers lie: nothing of the output is built in memory.
JsonView trace_view(const bp::Trace& t) {
    JsonView layers = JsonView::array();
    JsonView input = JsonView::object();
    input.add("a", JsonView::matrix(t.layers[0].a));
    layers.push(std::move(input));
    for (std::size_t l = 1; l < t.layers.size(); ++l) {
        const bp::LayerTrace& lt = t.layers[l];
        JsonView layer = JsonView::object();
        layer.add("z", JsonView::matrix(lt.z));
        layer.add("a", JsonView::matrix(lt.a));
        layer.add("delta", JsonView::matrix(lt.delta));
        layer.add("dW", JsonView::matrix(lt.dW));
        layer.add("db", JsonView::numbers(lt.db));
        layers.push(std::move(layer));
    }
    JsonView trace = JsonView::object();
    trace.add("loss", JsonView::number(t.loss));
    trace.add("sample_losses", JsonView::numbers(t.sample_losses));
    trace.add("layers", std::move(layers));
    return trace;
}

void print_table(const bp::Network& net, const bp::Dataset& data, const bp::Trace& t, bp::Notation notation,
                 std::ostream& out) {
    const bp::Symbols s(notation, net);
    const int N = t.N();
    out << "L = " << table_number(t.loss) << "   (" << bp::to_string(net.loss) << " averaged over " << N
        << " sample" << (N == 1 ? "" : "s") << "; per sample " << bp::loss_formula(net.loss) << ")\n";
    for (int l = 0; l <= net.L(); ++l) {
        const bp::Layer& layer = net.layers[l];
        const bp::LayerTrace& lt = t.layers[l];
        // The derivation notation's δ_l = ∂L/∂(output of layer l) beside its ε_l = δ_l ∘ f′(a_l).
        const bool with_output_gradient = notation == bp::Notation::derivation && l > 0;
        const bp::Matrix output_gradient =
            with_output_gradient ? bp::activation_gradients(net, t, data.Y, l) : bp::Matrix{};
        out << "\nLayer " << l << " — ";
        if (l == 0) out << "input, ";
        else out << bp::to_string(layer.activation) << (layer.bias ? ", " : ", no bias, ");
        out << layer.size << " neuron" << (layer.size == 1 ? "" : "s") << (l == net.L() ? " (output)" : "") << '\n';
        // One row per sample and neuron, made as it is printed (a million samples are never held as text).
        print_rows(out, {}, static_cast<std::size_t>(N) * layer.size, [&](std::size_t i, std::vector<std::string>& row) {
            const int n = static_cast<int>(i / layer.size), j = static_cast<int>(i % layer.size);
            row.push_back(j == 0 ? "sample " + std::to_string(n) : "");
            if (l > 0) row.push_back(labelled(s.pre_activation(l, j, n).text, lt.z(n, j)));
            row.push_back(labelled(s.activation(l, j, n).text, lt.a(n, j)));
            if (with_output_gradient) row.push_back(labelled(s.activation_gradient(l, j, n).text, output_gradient(n, j)));
            if (l > 0) row.push_back(labelled(s.delta(l, j, n).text, lt.delta(n, j)));
            if (l == net.L()) row.push_back(labelled(s.target(j, n).text, data.Y(n, j)));
        });
        if (l == 0) continue;
        out << "  gradients (summed over the batch):\n";
        TextTable gradients;
        for (int j = 0; j < layer.size; ++j) {
            std::vector<std::string> row;
            for (int k = 0; k < lt.dW.cols; ++k) row.push_back(labelled(s.weight_gradient(l, j, k).text, lt.dW(j, k)));
            row.push_back(labelled(s.bias_gradient(l, j).text, lt.db[j]));
            gradients.add_row(std::move(row));
        }
        gradients.print(out);
    }
    if (N > 1) {
        out << "\nLoss of each sample:\n";
        print_rows(out, {}, static_cast<std::size_t>(N), [&](std::size_t n, std::vector<std::string>& row) {
            row = {"sample " + std::to_string(n), table_number(t.sample_losses[n])};
        });
    }
}

}  // namespace

int run_trace(const CommandArgs& args, std::ostream& out, std::ostream&) {
    const ParsedArgs a = parse_args("trace", args, {{"--format", true}, {"--notation", true}});
    if (a.help) {
        out << kTraceHelp;
        return 0;
    }
    const Format format = format_option(a, Format::json);
    const bp::Notation notation = notation_option(a);
    const Input in = load_input(a, "trace");
    const bp::Dataset& data = require_data(in, "trace");
    const bp::Trace t = checked_pass(in.doc.net, data);
    if (format == Format::json) {
        layout::StreamSink sink{out};
        layout::write_document(sink, trace_view(t));
    }
    else print_table(in.doc.net, data, t, notation, out);
    return 0;
}
