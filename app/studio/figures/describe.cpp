// Course-notation text for the values of a selection (see describe.h).
#include "app/studio/figures/describe.h"

#include "app/studio/figures/pass_view.h"

#include "engine/core/activations.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

using bp::format_number;
using bp::neuron_label;
using Kind = bp::ValueRef::Kind;

std::string neuron_role(const bp::Network& net, int l) {
    return l == 0 ? "input" : l == net.L() ? "output" : "hidden";
}

ValueLine line(const AppState& s, std::string name, std::string formula, double v, bp::ValueRef ref,
               std::string meaning) {
    ValueLine out;
    out.name = std::move(name);
    out.formula = std::move(formula);
    out.ref = ref;
    out.known = known(s, ref);
    out.number = v;
    out.value = out.known ? format_number(v) : "?";
    out.meaning = std::move(meaning);
    return out;
}

// "w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁" for a small fan-in, "Σₖ w²₁ₖ·a¹ₖ + b²₁" for a large one.
std::string z_formula(const bp::Network& net, int l, int j) {
    const int n = net.layers[l - 1].size;
    std::string f;
    if (n <= 3) {
        for (int k = 0; k < n; ++k) f += (k ? " + " : "") + bp::weight_label(l, j, k) + "·" + neuron_label("a", l - 1, k);
    } else {
        f = "Σₖ w" + bp::superscript(l) + bp::subscript(j + 1) + "ₖ·a" + bp::superscript(l - 1) + "ₖ";
    }
    if (net.layers[l].bias) f += " + " + bp::bias_label(l, j);
    return f;
}

std::string delta_formula(const bp::Network& net, int l, int j) {
    const bp::Layer& layer = net.layers[l];
    if (l == net.L()) {
        if (bp::fused_output(net.loss, layer.activation))  // softmax + cross-entropy, sigmoid + BCE
            return neuron_label("a", l, j) + " − y" + bp::subscript(j + 1);
        if (layer.activation == bp::Activation::softmax)
            return "Σᵢ ∂L/∂a" + bp::superscript(l) + "ᵢ · ∂a" + bp::superscript(l) + "ᵢ/∂" + neuron_label("z", l, j);
        return "∂L/∂" + neuron_label("a", l, j) + " · " + bp::derivative_label(layer.activation, l, j);
    }
    const int m = net.layers[l + 1].size;
    std::string sum;
    if (m <= 2) {
        for (int i = 0; i < m; ++i)
            sum += (i ? " + " : "") + bp::weight_label(l + 1, i, j) + "·" + neuron_label("δ", l + 1, i);
    } else {
        sum = "Σᵢ w" + bp::superscript(l + 1) + "ᵢ" + bp::subscript(j + 1) + "·δ" + bp::superscript(l + 1) + "ᵢ";
    }
    return "(" + sum + ") · " + bp::derivative_label(layer.activation, l, j);
}

std::string batch_note(const AppState& s) { return s.stepper->trace().N() > 1 ? "Σₙ " : ""; }

void describe_neuron(const AppState& s, int l, int j, std::vector<ValueLine>& out) {
    const bp::Network& net = s.doc.net;
    const bp::Trace& t = s.stepper->trace();
    const int n = shown_row(s);
    if (l == 0) {
        out.push_back(line(s, neuron_label("a", 0, j), "x" + bp::subscript(j + 1), t.layers[0].a(n, j), {Kind::a, 0, j, 0},
                           "the input: a⁰ is the sample's x"));
        return;
    }
    const bp::Activation f = net.layers[l].activation;
    const double z = t.layers[l].z(n, j);
    out.push_back(line(s, neuron_label("z", l, j), z_formula(net, l, j), z, {Kind::z, l, j, 0},
                       "weighted input: the sum of the incoming activations times their weights, plus the bias"));
    out.push_back(line(s, neuron_label("a", l, j), std::string(bp::symbol(f)) + "(" + neuron_label("z", l, j) + ")",
                       t.layers[l].a(n, j), {Kind::a, l, j, 0}, "activation: what this neuron passes on"));
    if (f != bp::Activation::softmax) {
        ValueLine d = line(s, bp::derivative_label(f, l, j), "", bp::activation_derivative(f, z), {Kind::z, l, j, 0},
                           "slope of the activation at z: how strongly a change of z reaches a");
        out.push_back(d);
    }
    if (l == net.L()) {
        ValueLine y = line(s, "y" + bp::subscript(j + 1), "target", pass_targets(s)(n, j), {Kind::target, l, j, 0},
                           "what the output should be for this sample");
        y.known = true;
        y.value = format_number(y.number);
        out.push_back(y);
    }
    out.push_back(line(s, neuron_label("δ", l, j), delta_formula(net, l, j), t.layers[l].delta(n, j),
                       {Kind::delta, l, j, 0},
                       "δ = ∂L/∂z: how much the loss changes when this neuron's weighted input z changes" +
                           std::string(t.N() > 1 ? " (batch mean: carries 1/N)" : "")));
}

void describe_parameter(const AppState& s, const Selection& sel, std::vector<ValueLine>& out) {
    const bp::Network& net = s.doc.net;
    const bp::Trace& t = s.stepper->trace();
    const int l = sel.l, j = sel.j, k = sel.k;
    const bool bias = sel.kind == Selection::Kind::bias;
    const std::string name = bias ? bp::bias_label(l, j) : bp::weight_label(l, j, k);
    const double value = bias ? net.layers[l].b[j] : net.layers[l].W(j, k);
    ValueLine p = line(s, name, "", value, {bias ? Kind::bias : Kind::weight, l, j, k},
                       bias ? "bias: added to z of this neuron whatever the inputs"
                            : "weight: how strongly a" + bp::superscript(l - 1) + bp::subscript(k + 1) +
                                  " pushes z" + bp::superscript(l) + bp::subscript(j + 1));
    p.known = true;
    p.value = format_number(value);
    out.push_back(p);

    const double grad = bias ? t.layers[l].db[j] : t.layers[l].dW(j, k);
    const std::string grad_formula = bias ? batch_note(s) + neuron_label("δ", l, j)
                                          : batch_note(s) + neuron_label("a", l - 1, k) + "·" + neuron_label("δ", l, j);
    ValueLine g = line(s, "∂L/∂" + name, grad_formula, grad, {bias ? Kind::db : Kind::dW, l, j, k},
                       "gradient: how much the loss changes per unit change of " + name);
    out.push_back(g);

    const bool trains = bias ? bias_trains(s, l) : true;
    if (!trains) {
        ValueLine u;
        u.name = name + " after the update";
        u.value = format_number(value);
        u.formula = net.layers[l].bias ? "frozen: biases are not trained" : "this layer has no bias";
        u.meaning = "the update leaves it as it is";
        u.ref = p.ref;
        out.push_back(u);
        return;
    }
    const double after = bias ? s.stepper->network_after().layers[l].b[j] : s.stepper->network_after().layers[l].W(j, k);
    const std::string eta = format_number(s.doc.training.learning_rate);
    std::string formula = name + " − η·∂L/∂" + name;
    if (!bias && s.doc.training.l2 > 0) formula = name + " − η·(∂L/∂" + name + " + λ·" + name + ")";
    if (g.known) formula += " = " + format_number(value) + " − " + eta + "·" + format_number(grad);
    ValueLine u;
    u.name = name + "′";
    u.formula = formula;
    u.number = after;
    u.known = g.known && !quiz_hides_update(s, sel);  // quiz mode: "w after the step" is the student's to compute
    u.value = u.known ? format_number(after) : "?";
    u.meaning = update_pending(s, sel)
                    ? "pending: the update step computed it (η = " + eta + "); " + name +
                          " keeps its old value until the next pass (→ at the end) starts from the new one"
                    : "the new value after this pass's update (η = " + eta + ")";
    u.ref = {bias ? Kind::bias : Kind::weight, l, j, k};
    out.push_back(u);
}

}  // namespace

std::string layer_title(const bp::Network& net, int l, bool compact) {
    if (l == 0) return compact ? "in" : "input";
    const std::string f = std::string(bp::symbol(net.layers[l].activation));
    if (l == net.L()) return compact ? "out" : "output (" + f + ")";
    return compact ? "h" + std::to_string(l) : "hidden " + std::to_string(l) + " (" + f + ")";
}

std::string headline(const AppState& s, const Selection& sel) {
    const bp::Network& net = s.doc.net;
    switch (sel.kind) {
        case Selection::Kind::neuron:
            return neuron_role(net, sel.l) + " neuron " + std::to_string(sel.j + 1) + " of layer " +
                   std::to_string(sel.l) + " (" + layer_title(net, sel.l) + ")";
        case Selection::Kind::weight:
            return "weight " + bp::weight_label(sel.l, sel.j, sel.k) + ": " + neuron_role(net, sel.l - 1) + " " +
                   std::to_string(sel.k + 1) + " → " + neuron_role(net, sel.l) + " " + std::to_string(sel.j + 1);
        case Selection::Kind::bias:
            return "bias " + bp::bias_label(sel.l, sel.j) + " of " + neuron_role(net, sel.l) + " neuron " +
                   std::to_string(sel.j + 1);
        case Selection::Kind::none: break;
    }
    return "nothing selected";
}

std::vector<ValueLine> describe(const AppState& s, const Selection& sel) {
    std::vector<ValueLine> out;
    if (!valid(s.doc.net, sel)) return out;
    if (sel.kind == Selection::Kind::neuron) describe_neuron(s, sel.l, sel.j, out);
    else if (sel.is_parameter()) describe_parameter(s, sel, out);
    return out;
}

}  // namespace studio
