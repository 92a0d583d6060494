// The sentence for each classic mistake (see mistake_text.h). A mistake made at the answer's own neuron
// names the factor and its value; one made elsewhere says where, and that the slip carried through.
#include "engine/homework/mistake_text.h"

#include <optional>

#include "engine/core/activations.h"
#include "engine/core/losses.h"
#include "engine/teaching/notation.h"
#include "engine/core/optimizer.h"

namespace bp {
namespace {

using Kind = ValueRef::Kind;

std::string num(double x) { return format_number(x, 4); }
std::string factor(double x) { return x < 0 ? "(" + num(x) + ")" : num(x); }  // a number inside a product

class Teller {
public:
    explicit Teller(const MistakeContext& c) : c_(c), q_(c.answer), L_(c.net.L()), N_(c.trace.N()) {}

    Explanation tell() const {
        switch (c_.mistake) {
            case Mistake::forgot_derivative: return forgot_derivative();
            case Mistake::derivative_of_a: return derivative_of_a();
            case Mistake::error_sign: return error_sign();
            case Mistake::update_sign: return update_sign();
            case Mistake::batch_mean_forgotten:
            case Mistake::batch_mean_twice: return batch_mean();
            case Mistake::mse_factor: return mse_factor();
            case Mistake::transposed_forward: return transposed_forward();
            case Mistake::transposed_backward: return transposed_backward();
            case Mistake::transposed_gradient: return transposed_gradient();
            case Mistake::updated_weights_in_backward: return updated_weights();
            case Mistake::bias_forgotten_in_z: return bias_forgotten();
            case Mistake::bias_not_updated: return bias_not_updated();
            case Mistake::none: break;
        }
        return {};
    }

private:
    // ---- [SECTION] where the mistake bears on the answer ----
    bool made_at(int l) const {
        return (c_.layer == l || c_.layer == kEveryLayer) && mistake_applies(c_.mistake, l, c_.net, N_, c_.config);
    }
    // The mistake was made at the answer's own neuron (the answer has one, in a layer where it was made).
    bool local() const { return q_.what != Quantity::loss && q_.l >= 1 && made_at(q_.l); }
    // The layer to talk about: the answer's own, else the one named, else the highest where it was made.
    int site() const {
        if (local()) return q_.l;
        if (c_.layer != kEveryLayer) return c_.layer;
        for (int l = L_; l >= 1; --l)
            if (made_at(l)) return l;
        return L_;
    }
    std::string where() const {
        return c_.layer == kEveryLayer ? "at every layer" : "in layer " + std::to_string(c_.layer);
    }
    std::string carried() const { return "; the slip carries through to " + label(q_) + "."; }
    bool also_above() const {
        if (c_.layer != kEveryLayer) return false;
        for (int l = q_.l + 1; l <= L_; ++l)
            if (made_at(l)) return true;
        return false;
    }
    // The sample whose numbers a factor takes: the answer's own, or the only one.
    std::optional<int> one_sample() const {
        if (is_per_sample(q_.what)) return q_.n;
        if (N_ == 1) return 0;
        return std::nullopt;
    }
    int neuron_at(int l) const { return q_.l == l && q_.what != Quantity::loss ? q_.j : 0; }

    // ---- [SECTION] one sentence per mistake ----
    Explanation forgot_derivative() const {
        const int l = site(), j = neuron_at(l);
        const Activation f = c_.net.layers[l].activation;
        const ValueRef at{Kind::z, l, j, 0};
        if (!local()) return {"You left out the activation's derivative f′(z) when computing δ " + where() + carried(), at};
        if (f == Activation::softmax)
            return {"You left out the softmax's derivative: δ of an output neuron is Σᵢ ∂L/∂aᵢ · ∂aᵢ/∂z, not ∂L/∂a.", at};
        std::string name = derivative_label(f, l, j);
        if (const auto n = one_sample()) name += " = " + num(activation_derivative(f, c_.trace.layers[l].z(*n, j)));
        const std::string sigma(symbol(f));
        const std::string rule = l == L_ ? "δ of an output neuron is ∂L/∂a · " + sigma + "′(z)"
                                         : "δ of a hidden neuron is (Σₖ wₖⱼ δₖ) · " + sigma + "′(z)";
        std::string s = "You left out " + name + (q_.what == Quantity::delta ? "" : " in " + neuron_label("δ", l, j)) +
                        ": " + rule + ".";
        if (also_above()) s += " The same factor is missing from the δ of the layers above.";
        return {s, at};
    }

    Explanation derivative_of_a() const {
        const int l = site(), j = neuron_at(l);
        const Activation f = c_.net.layers[l].activation;
        const std::string sigma(symbol(f));
        const std::string identity(activation_info(f).fprime_from_a);
        const ValueRef at{Kind::z, l, j, 0};
        if (!local()) return {"You applied " + sigma + "′ to a instead of z when computing δ " + where() + carried(), at};
        const std::string a_label = neuron_label("a", l, j), z_label = neuron_label("z", l, j);
        std::string s = "You used " + sigma + "′(" + a_label + ")";
        if (const auto n = one_sample()) {
            const double a = c_.trace.layers[l].a(*n, j), z = c_.trace.layers[l].z(*n, j);
            s += " = " + sigma + "′(" + num(a) + ") = " + num(activation_derivative(f, a)) + " instead of " + sigma +
                 "′(" + z_label + ") = " + num(activation_derivative(f, z));
        } else {
            s += " instead of " + sigma + "′(" + z_label + ")";
        }
        return {s + ": the derivative takes z, and " + identity + ".", at};
    }

    Explanation error_sign() const {
        const int j = neuron_at(L_);
        const ValueRef at{Kind::a, L_, j, 0};
        std::string s = "Sign error: the error at the output is a − y (output minus target), you used y − a";
        const auto n = one_sample();
        if (local() && n && q_.what != Quantity::loss) {
            const int K = c_.net.output_size();
            const double* a = c_.trace.layers[L_].a.row(*n);
            const double* y = c_.Y.row(*n);
            const std::string d = "∂L/∂" + neuron_label("a", L_, j);
            const std::string diff = neuron_label("a", L_, j) + " − y" + subscript(j + 1);
            const ErrorGradient& e = loss_info(c_.net.loss).error_gradient;
            const bool plain = e.written_out && e.scale == 1.0 && !e.over_outputs;
            if (plain || fused_output(c_.net.loss, c_.net.layers[L_].activation))  // ∂L/∂a or ∂L/∂z is a − y
                s = "Sign error: the error is " + diff + " = " + num(a[j] - y[j]) + " (output minus target), you used y − a";
            else if (e.written_out)  // a multiple of the error: 2(a − y)/K
                s = "Sign error: " + d + " = " + num(e.scale) + "(" + diff + ")" + (e.over_outputs ? "/K" : "") +
                    " = " + num(loss_derivative(c_.net.loss, a, y, K, j)) + " (output minus target), you used y − a";
            else
                s = "Sign error: " + d + " = " + num(loss_derivative(c_.net.loss, a, y, K, j)) + ", you flipped its sign";
        }
        return {s + "; δ, every gradient and the step all flip with it.", at};
    }

    Explanation update_sign() const {
        const double eta = c_.config.learning_rate;
        const bool weight = q_.what == Quantity::W_after;
        const std::string p = weight ? weight_label(q_.l, q_.j, q_.k) : bias_label(q_.l, q_.j);
        const ValueRef at = weight ? ValueRef{Kind::weight, q_.l, q_.j, q_.k} : ValueRef{Kind::bias, q_.l, q_.j, 0};
        std::string s = "You added the step instead of subtracting it: " + p + " ← " + p + " − η·∂L/∂" + p;
        if (is_update(q_.what) && (!weight || c_.config.l2 == 0.0)) {
            const double old = weight ? c_.net.layers[q_.l].W(q_.j, q_.k) : c_.net.layers[q_.l].b[q_.j];
            const double g = weight ? c_.trace.layers[q_.l].dW(q_.j, q_.k) : c_.trace.layers[q_.l].db[q_.j];
            s += " = " + num(old) + " − " + num(eta) + "·" + factor(g) + " = " + num(sgd_update(old, g, eta, 0.0));
        } else if (weight) {
            s = "You added the step instead of subtracting it: " + p + " ← " + p + " − η(∂L/∂" + p + " + λ" + p + ")";
        }
        return {s + "; a step goes against the gradient.", at};
    }

    Explanation batch_mean() const {
        const std::string n = std::to_string(N_);
        const ValueRef at{Kind::loss, 0, 0, 0};
        if (c_.mistake == Mistake::batch_mean_forgotten) {
            if (q_.what == Quantity::loss)
                return {"You left out the 1/N: the batch's loss is the mean (1/N) Σₙ Lₙ over its N = " + n +
                            " samples, not their sum.", at};
            return {"You left out the 1/N of the batch-averaged loss (N = " + n +
                        "): δ of the output carries 1/N, and so does every gradient after it.", at};
        }
        if (q_.what == Quantity::loss)
            return {"You divided by N = " + n + " twice: the batch's loss is (1/N) Σₙ Lₙ.", at};
        return {"You divided by N = " + n + " twice: the 1/N of the batch mean enters once, in δ of the output; "
                "∂L/∂w = Σₙ δₙ aₙ then only sums.", at};
    }

    Explanation mse_factor() const {
        const bool mse = c_.net.loss == Loss::mse;
        if (q_.what == Quantity::loss)
            return {mse ? "You computed ½ Σ (a − y)²: this network's loss is MSE, (1/K) Σⱼ (aⱼ − yⱼ)², with no ½."
                        : "You left out the ½: this network's loss is ½ Σⱼ (aⱼ − yⱼ)².",
                    {Kind::loss, 0, 0, 0}};
        const ValueRef at{Kind::delta, L_, neuron_at(L_), 0};
        return {mse ? "You used ½-MSE's gradient for MSE: ∂/∂aⱼ of (1/K) Σ (a − y)² is 2(aⱼ − yⱼ)/K; the factor 2 "
                      "is missing."
                    : "You used MSE's gradient 2(a − y) for ½-MSE: the ½ cancels the 2, so ∂L/∂aⱼ = aⱼ − yⱼ.",
                at};
    }

    Explanation transposed_forward() const {
        const int l = site(), j = neuron_at(l);
        const ValueRef at{Kind::weight, l, j, j == 0 ? 1 : 0};
        if (!local() || (q_.what != Quantity::z && q_.what != Quantity::a))
            return {"You swapped the weight indices in z " + where() + " (w^l_jk goes from neuron k of layer l−1 to "
                    "neuron j of layer l)" + carried(), at};
        const std::string sup = superscript(l), sub = subscript(j + 1);
        return {"You swapped the weight indices: " + neuron_label("z", l, j) + " sums w" + sup + sub + "ₖ·a" +
                    superscript(l - 1) + "ₖ over the weights into neuron " + std::to_string(j + 1) + " (row " +
                    std::to_string(j + 1) + " of W" + sup + "); you used w" + sup + "ₖ" + sub + " (column " +
                    std::to_string(j + 1) + ").", at};
    }

    Explanation transposed_backward() const {
        const int l = site(), j = neuron_at(l);
        const ValueRef at{Kind::weight, l + 1, j == 0 ? 1 : 0, j};
        if (!local() || q_.what != Quantity::delta)
            return {"You swapped the weight indices when sending δ back " + where() +
                    " (δ^l_j collects w^(l+1)_kj δ^(l+1)_k over the weights leaving neuron j)" + carried(), at};
        const std::string up = superscript(l + 1), sub = subscript(j + 1);
        return {"You swapped the weight indices going back: " + neuron_label("δ", l, j) + " collects w" + up + "ₖ" +
                    sub + "·δ" + up + "ₖ over the weights leaving neuron " + std::to_string(j + 1) + " (column " +
                    std::to_string(j + 1) + " of W" + up + "); you used w" + up + sub + "ₖ (row " +
                    std::to_string(j + 1) + ").", at};
    }

    Explanation transposed_gradient() const {
        const int l = q_.l, j = q_.j, k = q_.k;
        const ValueRef at{Kind::weight, l, k, j};
        if (!is_weight(q_.what))
            return {"You swapped the indices of ∂L/∂w " + where() + " (∂L/∂w^l_jk = δ^l_j·a^(l−1)_k)" + carried(), at};
        const std::string sum = N_ > 1 ? "Σₙ " : "";
        const auto delta = [&](int i) { return neuron_label("δ", l, i); };
        const auto a = [&](int i) { return neuron_label("a", l - 1, i); };
        return {"You swapped the indices: ∂L/∂" + weight_label(l, j, k) + " = " + sum + delta(j) + "·" + a(k) +
                    " (δ of the neuron the weight goes into, a of the one it comes from); you computed " + sum +
                    delta(k) + "·" + a(j) + ", the gradient of " + weight_label(l, k, j) + ".", at};
    }

    Explanation updated_weights() const {
        const int l = site(), j = neuron_at(l);
        const double w = c_.net.layers[l + 1].W(0, j);
        const double w_new = sgd_update(w, c_.trace.layers[l + 1].dW(0, j), c_.config.learning_rate, c_.config.l2);
        const std::string name = weight_label(l + 1, 0, j);
        std::string s = "You used the updated weights in the backward pass: " + neuron_label("δ", l, j) +
                        " goes back through W" + superscript(l + 1) + " as it was before the step (" + name + " = " +
                        num(w) + ", not " + num(w_new) + "); update only after the whole backward pass";
        s += local() && (q_.what == Quantity::delta) ? "." : carried();
        return {s, {Kind::weight, l + 1, 0, j}};
    }

    Explanation bias_forgotten() const {
        const int l = site(), j = neuron_at(l);
        const ValueRef at{Kind::bias, l, j, 0};
        if (!local()) return {"You left out the biases in z = W a + b " + where() + carried(), at};
        const std::string b = bias_label(l, j);
        std::string s = "You left out the bias: " + neuron_label("z", l, j) + " = Σₖ w" + superscript(l) +
                        subscript(j + 1) + "ₖ·a" + superscript(l - 1) + "ₖ + " + b + ", and " + b + " = " +
                        num(c_.net.layers[l].b[j]);
        return {s + (q_.what == Quantity::z ? "." : carried()), at};
    }

    Explanation bias_not_updated() const {
        const int l = site(), j = neuron_at(l);
        const std::string b = bias_label(l, j);
        const double old = c_.net.layers[l].b[j], g = c_.trace.layers[l].db[j], eta = c_.config.learning_rate;
        return {"You left the bias unchanged: " + b + " ← " + b + " − η·∂L/∂" + b + " = " + num(old) + " − " + num(eta) +
                    "·" + factor(g) + " = " + num(sgd_update(old, g, eta, 0.0)) + "; biases learn too.",
                {Kind::bias, l, j, 0}};
    }

    const MistakeContext& c_;
    const QuantityRef& q_;
    int L_, N_;
};

}  // namespace

Explanation explain(const MistakeContext& c) { return Teller(c).tell(); }

}  // namespace bp
