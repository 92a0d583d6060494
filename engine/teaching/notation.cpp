// Course notation as text (see notation.h).
#include "engine/teaching/notation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace bp {
namespace {

const char* const kSuper[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
const char* const kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};

std::string digits_with(int n, const char* const* table, const char* minus) {
    std::string s = n < 0 ? minus : "";
    for (char c : std::to_string(n < 0 ? -static_cast<long>(n) : static_cast<long>(n))) s += table[c - '0'];
    return s;
}

}  // namespace

std::string superscript(int n) { return digits_with(n, kSuper, "⁻"); }
std::string subscript(int n) { return digits_with(n, kSub, "₋"); }

std::string neuron_label(const std::string& symbol, int l, int j) {
    return symbol + superscript(l) + subscript(j + 1);
}

std::string weight_label(int l, int j, int k) {
    const bool wide = j + 1 > 9 || k + 1 > 9;
    return "w" + superscript(l) + subscript(j + 1) + (wide ? "," : "") + subscript(k + 1);
}

std::string bias_label(int l, int j) { return neuron_label("b", l, j); }

std::string derivative_label(Activation f, int l, int j) {
    return std::string(symbol(f)) + "′(" + neuron_label("z", l, j) + ")";
}

std::string latex_neuron(const std::string& symbol, int l, int j) {
    return symbol + "^{" + std::to_string(l) + "}_{" + std::to_string(j + 1) + "}";
}

std::string latex_weight(int l, int j, int k) {
    const bool wide = j + 1 > 9 || k + 1 > 9;
    return "w^{" + std::to_string(l) + "}_{" + std::to_string(j + 1) + (wide ? "," : "") +
           std::to_string(k + 1) + "}";
}

// ---- The four notations ----------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 4> kNames = {"per-neuron", "vector", "derivation", "batch"};
constexpr std::array<std::string_view, 4> kTitles = {"Per-neuron (notes 004)", "Vector (notes 002)",
                                                     "Derivation (notes 003)", "Batch matrix (notes 000)"};

std::size_t index_of(Notation n) { return static_cast<std::size_t>(n); }

// A layer's number in LaTeX as a superscript or subscript: "^{2}", "_{2}".
std::string tex_script(char mark, int n) { return std::string(1, mark) + "{" + std::to_string(n) + "}"; }

}  // namespace

std::string_view to_string(Notation n) { return kNames[index_of(n)]; }
std::string_view notation_title(Notation n) { return kTitles[index_of(n)]; }

std::optional<Notation> parse_notation(std::string_view name) {
    for (Notation n : kNotations)
        if (to_string(n) == name) return n;
    return std::nullopt;
}

Symbols::Symbols(Notation notation, const Network& net)
    : notation_(notation), L_(net.L()), identity_output_(activation_info(net.layers.back().activation).identity) {
    const int L = net.L();
    const int hidden = std::max(L - 1, 0);
    for (const Layer& layer : net.layers) activations_.push_back(layer.activation);
    heads_.resize(static_cast<std::size_t>(L + 3) * kKinds);
    for (int l = 0; l <= L; ++l) {
        const auto set = [&](Kind kind, std::string text, std::string latex) {
            heads_[static_cast<std::size_t>(l) * kKinds + kind] = Phrase{std::move(text), std::move(latex)};
        };
        // A layer's subscript where the notes write one: "W₂", "h₁" (hidden layers only with several).
        const auto sub_if = [&](bool written) { return written ? Phrase{subscript(l), tex_script('_', l)} : Phrase{}; };
        switch (notation) {
            case Notation::per_neuron:
                set(kPre, "z" + superscript(l), "z" + tex_script('^', l));
                set(kAct, "a" + superscript(l), "a" + tex_script('^', l));
                set(kWeight, "w" + superscript(l), "w" + tex_script('^', l));
                set(kBias, "b" + superscript(l), "b" + tex_script('^', l));
                set(kTarget, "y", "y");
                set(kDelta, "δ" + superscript(l), "\\delta" + tex_script('^', l));
                break;
            case Notation::vector: {
                const Phrase h = sub_if(hidden > 1), w = sub_if(true);
                const bool softmax_out = net.layers[static_cast<std::size_t>(L)].activation == Activation::softmax;
                if (l == L) set(kPre, "f", "f");
                else set(kPre, "u" + h.text, "u" + h.latex);
                if (l == 0) set(kAct, "x", "x");
                else if (l == L) set(kAct, softmax_out ? "p" : "ŷ", softmax_out ? "p" : "\\hat{y}");
                else set(kAct, "h" + h.text, "h" + h.latex);
                set(kWeight, "W" + w.text, "W" + w.latex);
                set(kBias, "b" + w.text, "b" + w.latex);
                set(kTarget, "y", "y");
                break;
            }
            case Notation::derivation:
                set(kPre, "a" + subscript(l), "a" + tex_script('_', l));
                set(kAct, "z" + subscript(l + 1), "z" + tex_script('_', l + 1));
                set(kWeight, "W" + subscript(l), "W" + tex_script('_', l));
                set(kBias, "b" + subscript(l), "b" + tex_script('_', l));
                set(kTarget, "y", "y");
                set(kDelta, "ε" + subscript(l), "\\epsilon" + tex_script('_', l));
                set(kActGrad, "δ" + subscript(l), "\\delta" + tex_script('_', l));
                break;
            case Notation::batch: {
                const Phrase h = sub_if(hidden > 1), w = sub_if(L > 1);
                set(kPre, "Z" + w.text, "Z" + w.latex);
                if (l == 0) set(kAct, "X", "X");
                else if (l == L) set(kAct, "Ŷ", "\\hat{Y}");
                else set(kAct, "H" + h.text, "H" + h.latex);
                set(kWeight, "W" + w.text, "W" + w.latex);
                set(kBias, "b" + w.text, "b" + w.latex);
                set(kTarget, "Y", "Y");
                break;
            }
        }
    }
    set_letter_heads();
    int widest = 1;
    for (const Layer& layer : net.layers) widest = std::max(widest, layer.size);
    // The letters k and i, then the indices from 1, as each notation writes an index.
    const bool sub = notation == Notation::per_neuron, super = notation == Notation::derivation;
    tails_.push_back(Phrase{sub ? "ⱼ" : super ? "ʲ" : "j", "j"});
    tails_.push_back(Phrase{sub ? "ₖ" : super ? "ᵏ" : "k", "k"});
    tails_.push_back(Phrase{sub ? "ᵢ" : super ? "ⁱ" : "i", "i"});
    for (int i = 1; i <= widest; ++i) {
        const std::string n = std::to_string(i);
        switch (notation) {
            case Notation::per_neuron: tails_.push_back({subscript(i), n}); break;
            case Notation::derivation: tails_.push_back({superscript(i), n}); break;
            case Notation::vector:
            case Notation::batch: tails_.push_back({n, n}); break;
        }
    }
}

// The heads of the letters kLayerL (row L + 1) and kLayerBeforeL (row L + 2), for rules about any layer.
void Symbols::set_letter_heads() {
    for (const int l : {kLayerL, kLayerBeforeL}) {
        const bool before = l == kLayerBeforeL;
        const auto set = [&](Kind kind, std::string text, std::string latex) {
            heads_[static_cast<std::size_t>(L_ - l) * kKinds + kind] = Phrase{std::move(text), std::move(latex)};
        };
        const std::string sub = before ? "ₗ₋₁" : "ₗ", tex = before ? "_{l-1}" : "_{l}";
        switch (notation_) {
            case Notation::per_neuron:  // the notes' rules leave the layer out: "Σₖ wₖⱼ δₖ"
                set(kPre, "z", "z");
                set(kAct, "a", "a");
                set(kWeight, "w", "w");
                set(kBias, "b", "b");
                set(kDelta, "δ", "\\delta");
                break;
            case Notation::vector:
                set(kPre, "u", "u");
                set(kAct, "h", "h");
                set(kWeight, "W" + sub, "W" + tex);
                set(kBias, "b" + sub, "b" + tex);
                break;
            case Notation::derivation:  // layer l's output is z_(l+1): the one before it z_l
                set(kPre, "a" + sub, "a" + tex);
                set(kAct, before ? "zₗ" : "zₗ₊₁", before ? "z_{l}" : "z_{l+1}");
                set(kWeight, "W" + sub, "W" + tex);
                set(kBias, "b" + sub, "b" + tex);
                set(kDelta, "ε" + sub, "\\epsilon" + tex);
                set(kActGrad, "δ" + sub, "\\delta" + tex);
                break;
            case Notation::batch:
                set(kPre, "Z" + sub, "Z" + tex);
                set(kAct, "H" + sub, "H" + tex);
                set(kWeight, "W" + sub, "W" + tex);
                set(kBias, "b" + sub, "b" + tex);
                break;
        }
        set(kTarget, notation_ == Notation::batch ? "Y" : "y", notation_ == Notation::batch ? "Y" : "y");
    }
}

Phrase Symbols::index(int j, int row, bool per_sample) const {
    const Phrase& t = tail(j);
    switch (notation_) {
        case Notation::per_neuron: return {t.text, "_{" + t.latex + "}"};
        case Notation::derivation: return {t.text, "^{" + t.latex + "}"};
        case Notation::vector: return {"[" + t.text + "]", "[" + t.latex + "]"};
        case Notation::batch: {
            if (!per_sample) return {"[" + t.text + "]", "[" + t.latex + "]"};
            const std::string n = row == kAnyRow ? "n" : std::to_string(row + 1);
            return {"[" + n + "," + t.text + "]", "[" + n + "," + t.latex + "]"};
        }
    }
    return {};
}

Phrase Symbols::element(Kind kind, int l, int j, int k, int row) const {
    Phrase p = head(kind, kind == kTarget ? 0 : l);
    if (kind != kWeight) return p.add(index(j, row, kind != kBias));
    // Two indices: the row of the stored matrix first, except in the batch notation (W is n_in × n_out).
    const Phrase& first = tail(notation_ == Notation::batch ? k : j);
    const Phrase& second = tail(notation_ == Notation::batch ? j : k);
    const bool wide = j + 1 > 9 || k + 1 > 9;  // "w¹₁,₆₄": a comma keeps two-digit indices apart
    switch (notation_) {
        case Notation::per_neuron:
        case Notation::derivation: {
            const char* mark = notation_ == Notation::per_neuron ? "_{" : "^{";
            p.text.append(first.text).append(wide ? "," : "").append(second.text);
            return p.add("", mark).add("", first.latex).add("", wide ? "," : "").add("", second.latex).add("", "}");
        }
        case Notation::vector:
        case Notation::batch: {
            const std::string i = "[" + first.text + "," + second.text + "]";
            return p.add(i, i);
        }
    }
    return p;
}

Phrase Symbols::derivative_of(const Phrase& of) const {
    Phrase p;
    if (notation_ == Notation::batch) return p.add("dL/d", "\\frac{dL}{d ").add(of).add("", "}");
    return p.add("∂L/∂", "\\frac{\\partial L}{\\partial ").add(of).add("", "}");
}

Phrase Symbols::pre_activation(int l, int j, int row) const { return element(kPre, l, j, 0, row); }
Phrase Symbols::activation(int l, int j, int row) const { return element(kAct, l, j, 0, row); }
Phrase Symbols::weight(int l, int j, int k) const { return element(kWeight, l, j, k, 0); }
Phrase Symbols::bias(int l, int j) const { return element(kBias, l, j, 0, 0); }
Phrase Symbols::target(int j, int row) const { return element(kTarget, 0, j, 0, row); }

Phrase Symbols::delta(int l, int j, int row) const {
    if (notation_ == Notation::per_neuron || notation_ == Notation::derivation) return element(kDelta, l, j, 0, row);
    if (notation_ == Notation::batch && l == L_ && identity_output_) return derivative_of(activation(l, j, row));
    return derivative_of(pre_activation(l, j, row));
}

Phrase Symbols::activation_gradient(int l, int j, int row) const {
    if (notation_ == Notation::derivation) return element(kActGrad, l, j, 0, row);
    return derivative_of(activation(l, j, row));
}

Phrase Symbols::weight_gradient(int l, int j, int k) const {
    if (notation_ == Notation::derivation) return Phrase{"d", "d"}.add(weight(l, j, k));
    return derivative_of(weight(l, j, k));
}

Phrase Symbols::bias_gradient(int l, int j) const {
    if (notation_ == Notation::derivation) return Phrase{"d", "d"}.add(bias(l, j));
    return derivative_of(bias(l, j));
}

Phrase Symbols::derivative(Activation f, int l, int j, int row) const {
    Phrase p;
    if (notation_ == Notation::vector && f == Activation::relu)  // notes 002's 𝟙(h > 0), as the text writes 1[i=j]
        return p.add("1[", "\\mathbb{1}(").add(activation(l, j, row)).add(" > 0]", " > 0)");
    p.add(symbol(f), activation_info(f).fn.latex).add("′(", "'(").add(pre_activation(l, j, row)).add(")", ")");
    return p;
}

std::string Symbols::pre_activation_name(int l) const {
    return notation_ == Notation::per_neuron ? "z" : head(kPre, l).text;
}
std::string Symbols::activation_name(int l) const {
    return notation_ == Notation::per_neuron ? "a" : head(kAct, l).text;
}
std::string Symbols::delta_name(int l) const {
    switch (notation_) {
        case Notation::per_neuron: return "δ";
        case Notation::derivation: return head(kDelta, l).text;
        case Notation::vector: return "∂L/∂" + head(kPre, l).text;
        case Notation::batch: return "dL/d" + head(l == L_ && identity_output_ ? kAct : kPre, l).text;
    }
    return {};
}
std::string Symbols::weight_name(int l) const { return notation_ == Notation::per_neuron ? "w" : head(kWeight, l).text; }
std::string Symbols::bias_name(int l) const { return notation_ == Notation::per_neuron ? "b" : head(kBias, l).text; }
std::string_view Symbols::partial() const { return notation_ == Notation::batch ? "d" : "∂"; }

std::string Symbols::activation_gradient_name(int l) const {
    if (notation_ == Notation::derivation) return head(kActGrad, l).text;
    return derivative_of({activation_name(l), ""}).text;
}
std::string Symbols::weight_gradient_name(int l) const {
    if (notation_ == Notation::derivation) return "d" + head(kWeight, l).text;
    return derivative_of({weight_name(l), ""}).text;
}
std::string Symbols::bias_gradient_name(int l) const {
    if (notation_ == Notation::derivation) return "d" + head(kBias, l).text;
    return derivative_of({bias_name(l), ""}).text;
}
std::string Symbols::matrix_name(int l) const {
    if (notation_ != Notation::per_neuron) return head(kWeight, l).text;
    return l >= 0 ? "W" + superscript(l) : "W";
}
std::string Symbols::target_name() const { return head(kTarget, 0).text; }

std::string Symbols::derivative_name(std::optional<Activation> f, int l) const {
    if (!f && notation_ != Notation::per_neuron && l >= 0) f = activations_[static_cast<std::size_t>(l)];
    if (notation_ == Notation::vector && f == Activation::relu) return "1[" + activation_name(l) + " > 0]";
    return std::string(f ? symbol(*f) : "f") + "′(" + pre_activation_name(l) + ")";
}

std::string Symbols::layer_equation(int l) const {
    const int before = l >= 0 ? l - 1 : kLayerBeforeL;
    const std::string pre = pre_activation_name(l), W = matrix_name(l), in = activation_name(before), b = bias_name(l);
    if (notation_ == Notation::batch) return pre + " = " + in + " " + W + " + " + b;  // rows are samples
    return pre + " = " + W + " " + in + " + " + b;
}

namespace {
// The index rules in letters, in the order of kNotations.
constexpr std::array<std::string_view, 4> kWeightRules = {"w^l_jk", "Wₗ[j,k]", "Wₗʲᵏ", "Wₗ[k,j]"};
constexpr std::array<std::string_view, 4> kBackwardRules = {
    "δ^l_j collects w^(l+1)_kj δ^(l+1)_k", "∂L/∂h[j] collects Wₗ₊₁[k,j] ∂L/∂u[k]", "δₗʲ collects Wₗ₊₁ᵏʲ εₗ₊₁ᵏ",
    "dL/dHₗ[n,j] collects Wₗ₊₁[j,k] dL/dZₗ₊₁[n,k]"};
constexpr std::array<std::string_view, 4> kGradientRules = {"∂L/∂w^l_jk = δ^l_j·a^(l−1)_k", "∂L/∂Wₗ[j,k] = ∂L/∂u[j]·h[k]",
                                                            "dWₗʲᵏ = εₗʲ·zₗᵏ", "dL/dWₗ[k,j] = Σₙ Hₗ₋₁[n,k]·dL/dZₗ[n,j]"};
}  // namespace

std::string_view Symbols::weight_rule() const { return kWeightRules[index_of(notation_)]; }
std::string_view Symbols::backward_rule() const { return kBackwardRules[index_of(notation_)]; }
std::string_view Symbols::gradient_rule() const { return kGradientRules[index_of(notation_)]; }

const std::vector<NotationKeyRow>& notation_key() {
    static const std::vector<NotationKeyRow> rows = {
        {"input", {"a⁰ = x", "x", "z₁ = x", "X  (N × n₀)"}},
        {"weight, neuron k → neuron j", {"wˡⱼₖ  (Wˡ is nₗ × nₗ₋₁)", "Wₗ[j,k]", "Wₗʲᵏ", "Wₗ[k,j]  (nₗ₋₁ × nₗ)"}},
        {"bias", {"bˡⱼ", "bₗ[j]", "bₗʲ", "bₗ[j]  (1 × nₗ)"}},
        {"pre-activation", {"zˡ = Wˡaˡ⁻¹ + bˡ", "u = W₁x + b₁;  f = W₂h + b₂", "aₗ = Wₗzₗ + bₗ", "Zₗ = Hₗ₋₁Wₗ + bₗ"}},
        {"activation (layer output)", {"aˡ = f(zˡ)", "h = ReLU(u);  p = softmax(f)", "zₗ₊₁ = fₗ(aₗ)", "Hₗ = f(Zₗ);  Ŷ"}},
        {"target", {"y", "y", "y", "Y  (N × n_L)"}},
        {"∂L/∂ pre-activation", {"δˡ = ∂L/∂zˡ", "∂L/∂f, ∂L/∂u", "εₗ = ∂L/∂aₗ", "dL/dZₗ"}},
        {"∂L/∂ activation", {"∂L/∂aˡ", "∂L/∂h", "δₗ = ∂L/∂zₗ₊₁", "dL/dHₗ, dL/dŶ"}},
        {"f′ at the pre-activation", {"f′(zˡ)", "1[h > 0] for ReLU", "f′(aₗ)", "f′(Zₗ)"}},
        {"error sent back", {"δˡ = (Wˡ⁺¹)ᵀδˡ⁺¹ ⊙ f′(zˡ)", "∂L/∂h = W₂ᵀ ∂L/∂f", "δₗ₋₁ = Wₗᵀεₗ;  εₗ = δₗ ∘ f′(aₗ)",
                             "dL/dHₗ₋₁ = dL/dZₗ Wₗᵀ"}},
        {"weight gradient", {"∂L/∂wˡⱼₖ = Σₙ aˡ⁻¹ₖ δˡⱼ", "∂L/∂W₂ = ∂L/∂f hᵀ", "dWₗ = εₗ ⊗ zₗ", "dL/dWₗ = Hₗ₋₁ᵀ dL/dZₗ"}},
        {"bias gradient", {"∂L/∂bˡⱼ = Σₙ δˡⱼ", "∂L/∂b₂ = ∂L/∂f", "dbₗ = εₗ", "dL/dbₗ = 1ᵀ dL/dZₗ"}},
    };
    return rows;
}

}  // namespace bp
