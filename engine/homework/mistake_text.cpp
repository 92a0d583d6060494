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
    explicit Teller(const MistakeContext& c) : c_(c), S_(c.symbols), q_(c.answer), L_(c.net.L()), N_(c.trace.N()) {}

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
    std::string carried() const { return "; the slip carries through to " + label(q_, S_) + "."; }
    // The layer a sentence about a mistake made elsewhere names: the letter l when it was made everywhere.
    int named_layer() const { return c_.layer == kEveryLayer ? Symbols::kLayerL : S_.rule_layer(site()); }
    // The sample a factor names in the batch notation: the answer's own, the only one, or the letter n.
    int row() const {
        if (is_per_sample(q_.what)) return q_.n;
        return N_ == 1 ? 0 : Symbols::kAnyRow;
    }
    // The weights into a neuron are a row of the stored matrix (a column in the batch notation's W).
    std::string into() const { return S_.weights_into_a_row() ? "row" : "column"; }
    std::string out_of() const { return S_.weights_into_a_row() ? "column" : "row"; }
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
        if (!local()) {
            const int n = named_layer();
            return {"You left out the activation's derivative " + S_.derivative_name(std::nullopt, n) + " when computing " +
                        S_.delta_name(n) + " " + where() + carried(), at};
        }
        const int r = S_.rule_layer(l);
        if (f == Activation::softmax) {
            const std::string ai = S_.activation(r, Symbols::kAnyIndex, Symbols::kAnyRow).text;
            const std::string d(S_.partial());
            return {"You left out the softmax's derivative: " + S_.delta_name(r) + " of an output neuron is Σᵢ " +
                        S_.activation_gradient(r, Symbols::kAnyIndex, Symbols::kAnyRow).text + " · " + d + ai + "/" + d +
                        S_.pre_activation_name(r) + ", not " + S_.activation_gradient_name(r) + ".", at};
        }
        std::string name = S_.derivative(f, l, j, row()).text;
        if (const auto n = one_sample()) name += " = " + num(activation_derivative(f, c_.trace.layers[l].z(*n, j)));
        std::string rule;
        if (l == L_) {
            rule = S_.delta_name(r) + " of an output neuron is " + S_.activation_gradient_name(r) + " · " +
                   S_.derivative_name(f, r);
        } else {  // Σₖ wₖⱼ δₖ over the weights leaving neuron j
            const int up = S_.rule_layer(l + 1);
            rule = S_.delta_name(r) + " of a hidden neuron is (Σₖ " +
                   S_.weight(up, Symbols::kIndexK, Symbols::kIndexJ).text + " " +
                   S_.delta(up, Symbols::kIndexK, Symbols::kAnyRow).text + ") · " + S_.derivative_name(f, r);
        }
        std::string s = "You left out " + name + (q_.what == Quantity::delta ? "" : " in " + S_.delta(l, j, row()).text) +
                        ": " + rule + ".";
        if (also_above())
            s += " The same factor is missing from the " + S_.delta_name(Symbols::kLayerL) + " of the layers above.";
        return {s, at};
    }

    Explanation derivative_of_a() const {
        const int l = site(), j = neuron_at(l);
        const Activation f = c_.net.layers[l].activation;
        const std::string sigma(symbol(f));
        const ValueRef at{Kind::z, l, j, 0};
        if (!local()) {
            const int n = named_layer();
            return {"You applied " + sigma + "′ to " + S_.activation_name(n) + " instead of " + S_.pre_activation_name(n) +
                        " when computing " + S_.delta_name(n) + " " + where() + carried(), at};
        }
        const int r = S_.rule_layer(l);
        const std::string z_name = S_.pre_activation_name(r), a_name = S_.activation_name(r);
        const std::string identity = fill_in(activation_info(f).fprime_from_a, {{"$z", z_name}, {"$a", a_name}});
        const std::string a_label = S_.activation(l, j, row()).text, z_label = S_.pre_activation(l, j, row()).text;
        std::string s = "You used " + sigma + "′(" + a_label + ")";
        if (const auto n = one_sample()) {
            const double a = c_.trace.layers[l].a(*n, j), z = c_.trace.layers[l].z(*n, j);
            s += " = " + sigma + "′(" + num(a) + ") = " + num(activation_derivative(f, a)) + " instead of " + sigma +
                 "′(" + z_label + ") = " + num(activation_derivative(f, z));
        } else {
            s += " instead of " + sigma + "′(" + z_label + ")";
        }
        return {s + ": the derivative takes " + z_name + ", and " + identity + ".", at};
    }

    Explanation error_sign() const {
        const int j = neuron_at(L_), r = S_.rule_layer(L_);
        const ValueRef at{Kind::a, L_, j, 0};
        const std::string a_name = S_.activation_name(r), y_name = S_.target_name();
        const std::string flipped = y_name + " − " + a_name;
        std::string s = "Sign error: the error at the output is " + a_name + " − " + y_name +
                        " (output minus target), you used " + flipped;
        const auto n = one_sample();
        if (local() && n && q_.what != Quantity::loss) {
            const int K = c_.net.output_size();
            const double* a = c_.trace.layers[L_].a.row(*n);
            const double* y = c_.Y.row(*n);
            const std::string d = S_.activation_gradient(L_, j, *n).text;
            const std::string diff = S_.activation(L_, j, *n).text + " − " + S_.target(j, *n).text;
            const ErrorGradient& e = loss_info(c_.net.loss).error_gradient;
            const bool plain = e.written_out && e.scale == 1.0 && !e.over_outputs;
            if (plain || fused_output(c_.net.loss, c_.net.layers[L_].activation))  // ∂L/∂a or ∂L/∂z is a − y
                s = "Sign error: the error is " + diff + " = " + num(a[j] - y[j]) + " (output minus target), you used " +
                    flipped;
            else if (e.written_out)  // a multiple of the error: 2(a − y)/K
                s = "Sign error: " + d + " = " + num(e.scale) + "(" + diff + ")" + (e.over_outputs ? "/K" : "") +
                    " = " + num(loss_derivative(c_.net.loss, a, y, K, j)) + " (output minus target), you used " + flipped;
            else
                s = "Sign error: " + d + " = " + num(loss_derivative(c_.net.loss, a, y, K, j)) + ", you flipped its sign";
        }
        return {s + "; " + S_.delta_name(r) + ", every gradient and the step all flip with it.", at};
    }

    Explanation update_sign() const {
        const double eta = c_.config.learning_rate;
        const bool weight = q_.what == Quantity::W_after;
        const std::string p = weight ? S_.weight(q_.l, q_.j, q_.k).text : S_.bias(q_.l, q_.j).text;
        const std::string dp = weight ? S_.weight_gradient(q_.l, q_.j, q_.k).text : S_.bias_gradient(q_.l, q_.j).text;
        const ValueRef at = weight ? ValueRef{Kind::weight, q_.l, q_.j, q_.k} : ValueRef{Kind::bias, q_.l, q_.j, 0};
        std::string s = "You added the step instead of subtracting it: " + p + " ← " + p + " − η·" + dp;
        if (is_update(q_.what) && (!weight || c_.config.l2 == 0.0)) {
            const double old = weight ? c_.net.layers[q_.l].W(q_.j, q_.k) : c_.net.layers[q_.l].b[q_.j];
            const double g = weight ? c_.trace.layers[q_.l].dW(q_.j, q_.k) : c_.trace.layers[q_.l].db[q_.j];
            s += " = " + num(old) + " − " + num(eta) + "·" + factor(g) + " = " + num(sgd_update(old, g, eta, 0.0));
        } else if (weight) {
            s = "You added the step instead of subtracting it: " + p + " ← " + p + " − η(" + dp + " + λ" + p + ")";
        }
        return {s + "; a step goes against the gradient.", at};
    }

    Explanation batch_mean() const {
        const std::string n = std::to_string(N_);
        const ValueRef at{Kind::loss, 0, 0, 0};
        const int r = S_.rule_layer(L_);
        const std::string delta = S_.delta_name(r);
        if (c_.mistake == Mistake::batch_mean_forgotten) {
            if (q_.what == Quantity::loss)
                return {"You left out the 1/N: the batch's loss is the mean (1/N) Σₙ Lₙ over its N = " + n +
                            " samples, not their sum.", at};
            return {"You left out the 1/N of the batch-averaged loss (N = " + n + "): " + delta +
                        " of the output carries 1/N, and so does every gradient after it.", at};
        }
        if (q_.what == Quantity::loss)
            return {"You divided by N = " + n + " twice: the batch's loss is (1/N) Σₙ Lₙ.", at};
        return {"You divided by N = " + n + " twice: the 1/N of the batch mean enters once, in " + delta +
                    " of the output; " + S_.weight_gradient_name(r) + " = Σₙ " + delta + "ₙ " +
                    S_.activation_name(S_.rule_layer(L_ - 1)) + "ₙ then only sums.", at};
    }

    Explanation mse_factor() const {
        const bool mse = c_.net.loss == Loss::mse;
        const int r = S_.rule_layer(L_);
        const std::string a = S_.activation_name(r), y = S_.target_name();
        const std::string aj = S_.activation(r, Symbols::kIndexJ, Symbols::kAnyRow).text;
        const std::string error_j = aj + " − " + S_.target(Symbols::kIndexJ, Symbols::kAnyRow).text;
        if (q_.what == Quantity::loss)
            return {mse ? "You computed ½ Σ (" + a + " − " + y + ")²: this network's loss is MSE, (1/K) Σⱼ (" + error_j +
                              ")², with no ½."
                        : "You left out the ½: this network's loss is ½ Σⱼ (" + error_j + ")².",
                    {Kind::loss, 0, 0, 0}};
        const ValueRef at{Kind::delta, L_, neuron_at(L_), 0};
        const std::string d(S_.partial());
        return {mse ? "You used ½-MSE's gradient for MSE: " + d + "/" + d + aj + " of (1/K) Σ (" + a + " − " + y +
                          ")² is 2(" + error_j + ")/K; the factor 2 is missing."
                    : "You used MSE's gradient 2(" + a + " − " + y + ") for ½-MSE: the ½ cancels the 2, so " +
                          S_.activation_gradient(r, Symbols::kIndexJ, Symbols::kAnyRow).text + " = " + error_j + ".",
                at};
    }

    Explanation transposed_forward() const {
        const int l = site(), j = neuron_at(l);
        const ValueRef at{Kind::weight, l, j, j == 0 ? 1 : 0};
        if (!local() || (q_.what != Quantity::z && q_.what != Quantity::a))
            return {"You swapped the weight indices in " + S_.pre_activation_name(named_layer()) + " " + where() + " (" +
                        std::string(S_.weight_rule()) + " goes from neuron k of layer l−1 to neuron j of layer l)" +
                        carried(), at};
        const std::string i = std::to_string(j + 1);
        const int K = Symbols::kIndexK;
        return {"You swapped the weight indices: " + S_.pre_activation(l, j, row()).text + " sums " + S_.weight(l, j, K).text +
                    "·" + S_.activation(l - 1, K, row()).text + " over the weights into neuron " + i + " (" + into() +
                    " " + i + " of " + S_.matrix_name(l) + "); you used " + S_.weight(l, K, j).text + " (" + out_of() +
                    " " + i + ").", at};
    }

    Explanation transposed_backward() const {
        const int l = site(), j = neuron_at(l);
        const ValueRef at{Kind::weight, l + 1, j == 0 ? 1 : 0, j};
        if (!local() || q_.what != Quantity::delta)
            return {"You swapped the weight indices when sending " + S_.delta_name(named_layer()) + " back " + where() +
                        " (" + std::string(S_.backward_rule()) + " over the weights leaving neuron j)" + carried(), at};
        const std::string i = std::to_string(j + 1);
        const int K = Symbols::kIndexK;
        return {"You swapped the weight indices going back: " + S_.delta(l, j, row()).text + " collects " +
                    S_.weight(l + 1, K, j).text + "·" + S_.delta(l + 1, K, row()).text +
                    " over the weights leaving neuron " + i + " (" + out_of() + " " + i + " of " + S_.matrix_name(l + 1) +
                    "); you used " + S_.weight(l + 1, j, K).text + " (" + into() + " " + i + ").", at};
    }

    Explanation transposed_gradient() const {
        const int l = q_.l, j = q_.j, k = q_.k;
        const ValueRef at{Kind::weight, l, k, j};
        if (!is_weight(q_.what))
            return {"You swapped the indices of " + S_.weight_gradient_name(named_layer()) + " " + where() + " (" +
                        std::string(S_.gradient_rule()) + ")" + carried(), at};
        const std::string sum = N_ > 1 ? "Σₙ " : "";
        const int n = N_ > 1 ? Symbols::kAnyRow : 0;
        const auto delta = [&](int i) { return S_.delta(l, i, n).text; };
        const auto a = [&](int i) { return S_.activation(l - 1, i, n).text; };
        return {"You swapped the indices: " + S_.weight_gradient(l, j, k).text + " = " + sum + delta(j) + "·" + a(k) +
                    " (" + S_.delta_name(S_.rule_layer(l)) + " of the neuron the weight goes into, " +
                    S_.activation_name(S_.rule_layer(l - 1)) + " of the one it comes from); you computed " + sum +
                    delta(k) + "·" + a(j) + ", the gradient of " + S_.weight(l, k, j).text + ".", at};
    }

    Explanation updated_weights() const {
        const int l = site(), j = neuron_at(l);
        const double w = c_.net.layers[l + 1].W(0, j);
        const double w_new = sgd_update(w, c_.trace.layers[l + 1].dW(0, j), c_.config.learning_rate, c_.config.l2);
        const std::string name = S_.weight(l + 1, 0, j).text;
        std::string s = "You used the updated weights in the backward pass: " + S_.delta(l, j, row()).text +
                        " goes back through " + S_.matrix_name(l + 1) + " as it was before the step (" + name + " = " +
                        num(w) + ", not " + num(w_new) + "); update only after the whole backward pass";
        s += local() && (q_.what == Quantity::delta) ? "." : carried();
        return {s, {Kind::weight, l + 1, 0, j}};
    }

    Explanation bias_forgotten() const {
        const int l = site(), j = neuron_at(l);
        const ValueRef at{Kind::bias, l, j, 0};
        if (!local()) return {"You left out the biases in " + S_.layer_equation(named_layer()) + " " + where() + carried(), at};
        const std::string b = S_.bias(l, j).text;
        const int K = Symbols::kIndexK;
        std::string s = "You left out the bias: " + S_.pre_activation(l, j, row()).text + " = Σₖ " +
                        S_.weight(l, j, K).text + "·" + S_.activation(l - 1, K, row()).text + " + " + b + ", and " + b +
                        " = " + num(c_.net.layers[l].b[j]);
        return {s + (q_.what == Quantity::z ? "." : carried()), at};
    }

    Explanation bias_not_updated() const {
        const int l = site(), j = neuron_at(l);
        const std::string b = S_.bias(l, j).text;
        const double old = c_.net.layers[l].b[j], g = c_.trace.layers[l].db[j], eta = c_.config.learning_rate;
        return {"You left the bias unchanged: " + b + " ← " + b + " − η·" + S_.bias_gradient(l, j).text + " = " + num(old) +
                    " − " + num(eta) + "·" + factor(g) + " = " + num(sgd_update(old, g, eta, 0.0)) + "; biases learn too.",
                {Kind::bias, l, j, 0}};
    }

    const MistakeContext& c_;
    const Symbols& S_;
    const QuantityRef& q_;
    int L_, N_;
};

}  // namespace

Explanation explain(const MistakeContext& c) { return Teller(c).tell(); }

}  // namespace bp
