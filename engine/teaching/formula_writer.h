// The formulas of one pass as text, in course notation (Unicode) and in LaTeX side by side:
// "z²₁ = w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁", then the shown sample's numbers, then the result.
// Shared by the stepper (one formula per event) and the chain-rule listing (the compact form).
// Long sums keep their first three terms and the last one ("w¹₁₁·a⁰₁ + … + w¹₁,₆₄·a⁰₆₄").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.h"
#include "engine/core/passes.h"
#include "engine/teaching/notation.h"

namespace bp {


// A whole equation: symbols = numbers = result (substituted may be empty when it would repeat the result).
struct FormulaText {
    std::string symbolic, substituted, result, latex;
};

// Sums with more terms than this show their first kElidedHead terms, "…", and the last term.
inline constexpr int kMaxShownTerms = 8;
inline constexpr int kElidedHead = 3;
inline constexpr int kFormulaDigits = 4;  // significant digits of the numbers in a formula

// Appends term(p, i) for i = 0..n−1 joined by " + "; a long sum keeps its head, "…" and its last term.
// Out is a Phrase or anything with the same add(text, latex).
template <class Out, class Term>
void append_sum(Out& p, int n, Term term) {
    for (int i = 0; i < n; ++i) {
        if (n > kMaxShownTerms && i == kElidedHead) {
            p.add(" + …", " + \\dots");
            i = n - 1;
        }
        if (i > 0) p.add(" + ", " + ");
        term(p, i);
    }
}

// The equation "symbols = numbers = result" from its three sides (an empty substitution is left out).
FormulaText make_formula(Phrase&& sym, Phrase&& sub, Phrase&& result);

// The same text as notation.h's format_number(x, digits, false) for a finite x, without printf.
std::string format_number_fast(double x, int digits = kFormulaDigits);

// "symbolic = substituted = result", leaving out an empty substitution.
std::string equation_text(const std::string& symbolic, const std::string& substituted, const std::string& result);
inline std::string equation_text(const FormulaText& f) { return equation_text(f.symbolic, f.substituted, f.result); }

// "input", "hidden", "hidden 2", "output": the name of layer l on screen (hidden layers counted from 1;
// a network with one hidden layer calls it just "hidden").
std::string layer_name(const Network& net, int l);
// "hidden neuron 1", "hidden 2 neuron 3", "output neuron 2" (neuron j shown 1-based).
std::string neuron_name(const Network& net, int l, int j);

// Writes the formulas of a complete (or partly complete) pass. It reads only the values a formula
// needs, so the stepper may call it for an event as soon as that event's value is in the trace.
class FormulaWriter {
public:
    // trace: the pass of net over the batch whose targets are Y; `shown` is the sample whose numbers the
    // per-neuron formulas substitute; every symbol is written in `notation` (the numbers never change).
    // The writer keeps references: net, trace and Y must outlive it.
    FormulaWriter(const Network& net, const Trace& trace, const Matrix& Y, int shown,
                  Notation notation = Notation::per_neuron);

    FormulaText z(int l, int j) const;               // z^l_j = Σ_k w^l_jk a^(l−1)_k + b^l_j
    FormulaText a(int l, int j) const;               // a^l_j = f(z^l_j)
    FormulaText loss() const;                        // L, the batch mean of the sample losses
    FormulaText output_delta(int j) const;           // δ^L_j (carries 1/N when N > 1)
    FormulaText hidden_delta(int l, int j) const;    // δ^l_j = (Σ_i w^(l+1)_ij δ^(l+1)_i)·f′(z^l_j)
    FormulaText weight_gradient(int l, int j, int k);  // ∂L/∂w^l_jk = Σ_n a^(l−1)_k δ^l_j
    FormulaText bias_gradient(int l, int j);           // ∂L/∂b^l_j = Σ_n δ^l_j
    // w ← w − η(∂L/∂w + λw) with the old value, the gradient and the new value w_new.
    FormulaText weight_update(int l, int j, int k, double w_old, double w_new, const TrainingConfig& c);
    FormulaText bias_update(int l, int j, double b_old, double b_new, const TrainingConfig& c);

    // The symbols in the writer's notation (in the per-neuron notation their text equals notation.h's
    // neuron_label / weight_label / bias_label); per-sample symbols name the shown sample.
    const Symbols& symbols() const { return sym_; }
    int shown() const { return shown_; }
    static Phrase number(double x);                              // "0.3775", "−0.0381"
    static Phrase factor(double x);                              // a number in a product: "(−0.0381)"

private:
    FormulaText update(bool is_bias, int l, int j, int k, double old_value, double gradient, double new_value,
                       double learning_rate, double l2) const;
    const std::vector<Phrase>& layer_numbers(const Matrix& m, int l, std::vector<std::vector<Phrase>>& cache);
    std::vector<int> shown_rows() const;  // the samples a Σ_n formula writes out

    const Network& net_;
    const Trace& t_;
    const Matrix& Y_;
    int shown_;
    Symbols sym_;
    std::vector<int> rows_;  // shown_rows(), computed once
    // "a¹₂", "δ¹₂" for every neuron as a sum over the batch writes them (the batch notation's row n)
    std::vector<std::vector<Phrase>> a_label_, delta_label_;
    // Numbers formatted once per layer for the gradient formulas: a^l and δ^l of the rows in rows_,
    // laid out [row position][neuron].
    std::vector<std::vector<Phrase>> a_text_, delta_text_;
};

}  // namespace bp
