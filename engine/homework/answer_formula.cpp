// The formula of each kind of answer (see answer_formula.h): the stepper's FormulaWriter, with the
// answer's sample shown, plus the two cases it has no event for (a⁰ = x, a bias that does not move).
#include "engine/homework/answer_formula.h"

#include "engine/teaching/formula_writer.h"
#include "engine/teaching/notation.h"

namespace bp {

std::string formula_with_numbers(const FormulaInputs& in, const QuantityRef& q) {
    const int L = in.net.L();
    FormulaWriter w(in.net, in.trace, in.Y, is_per_sample(q.what) ? q.n : 0, in.notation);
    const Symbols& sym = w.symbols();
    switch (q.what) {
        case Quantity::z: return equation_text(w.z(q.l, q.j));
        case Quantity::a:
            if (q.l == 0) {  // a⁰ = x (the other notations name the input itself)
                const std::string x = in.notation == Notation::per_neuron ? " = x" + subscript(q.j + 1) : "";
                return sym.activation(0, q.j, q.n).text + x + " = " +
                       format_number(in.trace.layers[0].a(q.n, q.j), kFormulaDigits);
            }
            return equation_text(w.a(q.l, q.j));
        case Quantity::delta: return equation_text(q.l == L ? w.output_delta(q.j) : w.hidden_delta(q.l, q.j));
        case Quantity::dW: return equation_text(w.weight_gradient(q.l, q.j, q.k));
        case Quantity::db: return equation_text(w.bias_gradient(q.l, q.j));
        case Quantity::loss: return equation_text(w.loss());
        case Quantity::W_after:
            return equation_text(w.weight_update(q.l, q.j, q.k, in.net.layers[q.l].W(q.j, q.k),
                                                 in.after.layers[q.l].W(q.j, q.k), in.config));
        case Quantity::b_after: {
            const double b = in.net.layers[q.l].b[q.j];
            const std::string stays = sym.bias(q.l, q.j).text + " = " + format_number(b, kFormulaDigits) + " stays: ";
            if (!in.net.layers[q.l].bias) return stays + "layer " + std::to_string(q.l) + " has no bias";
            if (in.config.freeze_biases) return stays + "this file freezes the biases";
            return equation_text(w.bias_update(q.l, q.j, b, in.after.layers[q.l].b[q.j], in.config));
        }
    }
    return {};
}

}  // namespace bp
