// Course notation as text: superscript layer, subscript neuron indices counted from 1 on screen
// (w²₁₂ is layers[2].weights[0][1]), and numbers formatted for formulas. Plain UTF-8, no GUI.
// The four notations of the course notes (Notation, Symbols) are owned here: every symbol a formula,
// a label or a question writes comes from Symbols, so switching the notation changes words, never numbers.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/network.h"
#include "engine/core/number_text.h"  // format_number, round_trip: part of the notation's text

namespace bp {

std::string superscript(int n);  // 12 -> "¹²", -1 -> "⁻¹"
std::string subscript(int n);    // 12 -> "₁₂"
// "z²₁" for symbol "z", layer 2, neuron index 0 (shown 1-based).
std::string neuron_label(const std::string& symbol, int l, int j);
// "w²₁₂" for layers[2].weights[0][1]; indices past 9 are separated: "w²₁₀,₃".
std::string weight_label(int l, int j, int k);
std::string bias_label(int l, int j);  // "b²₁"
// f′ symbol of an activation applied to z^l_j: "σ′(z²₁)", "tanh′(z²₁)", "relu′(z²₁)".
std::string derivative_label(Activation f, int l, int j);

// LaTeX forms of the same labels: "w^{2}_{12}", "z^{2}_{1}".
std::string latex_neuron(const std::string& symbol, int l, int j);
std::string latex_weight(int l, int j, int k);

// ---- The four notations ----------------------------------------------------------------------------

// per_neuron (notes 004, the default): w^l_jk, z^l = W^l a^(l−1) + b^l, a^l = f(z^l), δ^l = ∂L/∂z^l.
// vector (notes 002): x, h (h₁, h₂ … with several hidden layers), u for a hidden pre-activation (the notes
//   leave it unnamed), f the output's pre-activation, p a softmax's probabilities (ŷ another output's
//   activation), W₂[j,k]; gradients ∂L/∂f, ∂L/∂h; ReLU′ written 1[h > 0] (the notes' 𝟙(h > 0)); no δ.
// derivation (notes 003): z_l layer outputs (z₁ = x̂ the input, so our a^l is z_(l+1)), a_l = W_l z_l + b_l
//   pre-activations; δ_l = ∂L/∂(output of layer l) = our ∂L/∂a^l, ε_l = δ_l ∘ f′(a_l) = our δ^l;
//   components as superscripts: W_l^jk, ε_l^j; dW_l = ε_l ⊗ z_l, db_l = ε_l, δ_(l−1) = W_lᵀ ε_l.
// batch (notes 000): rows are samples: X (N × n₀), Z_l = H_(l−1) W_l + b_l with W_l stored n_in × n_out
//   (W[k,j] is our w_jk), Ŷ the output, Y the targets; dL/dZ, dL/dW = Hᵀ dL/dZ; elements M[n,j].
enum class Notation { per_neuron, vector, derivation, batch };
inline constexpr std::array<Notation, 4> kNotations = {Notation::per_neuron, Notation::vector, Notation::derivation,
                                                       Notation::batch};
std::string_view to_string(Notation);  // "per-neuron", "vector", "derivation", "batch"
std::optional<Notation> parse_notation(std::string_view name);
std::string_view notation_title(Notation);  // "Per-neuron (notes 004)", …
inline constexpr std::string_view kNotationNames = "per-neuron, vector, derivation, batch";

// One piece of a formula in both forms: `text` is UTF-8 in the chosen notation, `latex` the same in LaTeX.
struct Phrase {
    std::string text, latex;
    Phrase& add(std::string_view t, std::string_view l) {
        text += t;
        latex += l;
        return *this;
    }
    Phrase& add(const Phrase& p) { return add(p.text, p.latex); }
    Phrase& add(const FormulaPiece& p) { return add(p.text, p.latex); }
};

// The symbols of one network's quantities in one notation. Indices as in the network (0-based l, j, k);
// `row` is the sample a batch-notation element names (its row of the matrix): 0-based, or kAnyRow for
// the letter n of a sum over the batch. The other notations leave the sample implicit.
class Symbols {
public:
    static constexpr int kAnyRow = -1;
    static constexpr int kAnyIndex = -1;  // as j or k: the letter i of a sum over neurons
    static constexpr int kIndexK = -2;    // as j or k: the letter k
    static constexpr int kIndexJ = -3;    // as j or k: the letter j
    // As a layer: the letter l of a rule about any layer ("at every layer"), and the layer before it.
    static constexpr int kLayerL = -1;
    static constexpr int kLayerBeforeL = -2;
    Symbols(Notation notation, const Network& net);
    Notation notation() const { return notation_; }

    Phrase pre_activation(int l, int j, int row = 0) const;       // z²₁, u[1], a₂¹, Z₂[1,1]
    Phrase activation(int l, int j, int row = 0) const;           // a²₁, h[1], z₃¹, H[1,1]
    Phrase weight(int l, int j, int k) const;                     // w²₁₂, W₂[1,2], W₂¹², W₂[2,1]
    Phrase bias(int l, int j) const;                              // b²₁, b₂[1], b₂¹, b₂[1]
    Phrase target(int j, int row = 0) const;                      // y₁, y[1], y¹, Y[1,1]
    Phrase delta(int l, int j, int row = 0) const;                // ∂L/∂z: δ²₁, ∂L/∂f[1], ε₂¹, dL/dZ₂[1,1]
    Phrase activation_gradient(int l, int j, int row = 0) const;  // ∂L/∂a: ∂L/∂a²₁, ∂L/∂h[1], δ₂¹, dL/dH[1,1]
    Phrase weight_gradient(int l, int j, int k) const;            // ∂L/∂w²₁₂, ∂L/∂W₂[1,2], dW₂¹², dL/dW₂[2,1]
    Phrase bias_gradient(int l, int j) const;                     // ∂L/∂b²₁, ∂L/∂b₂[1], db₂¹, dL/db₂[1]
    // f′ at the pre-activation: σ′(z²₁); in the vector notation ReLU′ is 1[h[1] > 0], notes 002's 𝟙(h > 0).
    Phrase derivative(Activation f, int l, int j, int row = 0) const;
    // The letters of a whole layer, for titles: "z", "u", "a₂", "Z₂" (pre-activation), "a", "h", "z₃", "H"
    // (activation), "δ", "∂L/∂f", "ε₂", "dL/dZ₂" (∂L/∂z).
    std::string pre_activation_name(int l) const;
    std::string activation_name(int l) const;
    std::string delta_name(int l) const;
    std::string weight_name(int l) const;  // "w", "W₂", "W₂", "W₂"
    std::string bias_name(int l) const;    // "b", "b₂", "b₂", "b₂"
    std::string_view partial() const;      // "∂" ("d" in the batch and derivation notations)
    std::string activation_gradient_name(int l) const;  // "∂L/∂a", "∂L/∂h", "δ₂", "dL/dH"
    std::string weight_gradient_name(int l) const;      // "∂L/∂w", "∂L/∂W₂", "dW₂", "dL/dW₂"
    std::string bias_gradient_name(int l) const;        // "∂L/∂b", "∂L/∂b₂", "db₂", "dL/db₂"
    std::string matrix_name(int l) const;               // the layer's weight matrix: "W²", "W₂", "W₂", "W₂"
    std::string target_name() const;                    // "y" ("Y" in the batch notation)
    // f′ at a layer's pre-activation: "σ′(z)", "1[h > 0]" (vector ReLU), "σ′(a₂)", "σ′(Z₂)". Without an
    // activation, any layer's f′: the letter f in the per-neuron notation and for kLayerL ("f′(z)"), else the
    // layer's own (the vector notation's f is the output's pre-activation: "f′(f)" would mislead).
    std::string derivative_name(std::optional<Activation> f, int l) const;
    // The layer a rule about layer l names: the per-neuron notes write their rules without the layer
    // ("δ = ∂L/∂a · σ′(z)", "Σₖ wₖⱼ δₖ"), so they get kLayerL; the other notations name layer l.
    int rule_layer(int l) const { return notation_ == Notation::per_neuron ? kLayerL : l; }
    // The weights into neuron j are row j of the stored matrix, except in the batch notation (column j).
    bool weights_into_a_row() const { return notation_ != Notation::batch; }
    // A layer's forward equation: "z = W a + b" (per-neuron), "a₂ = W₂ z₂ + b₂", "Z₂ = H₁ W₂ + b₂".
    std::string layer_equation(int l) const;
    // The index rules of any layer, in letters: the weight ("w^l_jk"), the error sent back ("δ^l_j collects
    // w^(l+1)_kj δ^(l+1)_k"), the weight's gradient ("∂L/∂w^l_jk = δ^l_j·a^(l−1)_k").
    std::string_view weight_rule() const;
    std::string_view backward_rule() const;
    std::string_view gradient_rule() const;

private:
    enum Kind { kPre, kAct, kWeight, kBias, kTarget, kDelta, kActGrad, kKinds };
    void set_letter_heads();
    Phrase element(Kind kind, int l, int j, int k, int row) const;
    Phrase index(int j, int row, bool per_sample) const;
    Phrase derivative_of(const Phrase& of) const;  // "∂L/∂x" in text and LaTeX
    // Rows 0 … L are the layers, L + 1 and L + 2 the letters kLayerL and kLayerBeforeL.
    const Phrase& head(Kind kind, int l) const {
        const int row = l >= 0 ? l : L_ - l;
        return heads_[static_cast<std::size_t>(row) * kKinds + kind];
    }

    Notation notation_;
    int L_;
    bool identity_output_;  // the batch notation's output error is then dL/dŶ (Ŷ = Z)
    std::vector<Activation> activations_;  // of each layer (the input's unused)
    std::vector<Phrase> heads_;  // [layer][kind]: "z²", "h", "a₂", "Ŷ"
    std::vector<Phrase> tails_;  // [index + 3]: "₁", "¹", "1" (0, 1, 2 are the letters j, k and i)
    const Phrase& tail(int index) const { return tails_[static_cast<std::size_t>(index + 3)]; }
};

// The key between the notations: every quantity in all four (F1's table, the README's).
struct NotationKeyRow {
    std::string_view quantity;               // "pre-activation of a layer"
    std::array<std::string_view, 4> symbol;  // in the order of kNotations
};
const std::vector<NotationKeyRow>& notation_key();

}  // namespace bp
