// Course-notation text for the values of a selection (see describe.h).
#include "app/studio/figures/describe.h"

#include "app/studio/figures/pass_view.h"

#include "engine/core/activations.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

using bp::format_number;
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

// "w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁" for a small fan-in, "Σₖ w²₁ₖ·a¹ₖ + b²₁" for a large one (in the notation).
std::string z_formula(const bp::Network& net, const bp::Symbols& sym, int l, int j, int row) {
    const int n = net.layers[l - 1].size;
    std::string f;
    if (n <= 3) {
        for (int k = 0; k < n; ++k)
            f += (k ? " + " : "") + sym.weight(l, j, k).text + "·" + sym.activation(l - 1, k, row).text;
    } else {
        constexpr int k = bp::Symbols::kIndexK;
        f = "Σₖ " + sym.weight(l, j, k).text + "·" + sym.activation(l - 1, k, row).text;
    }
    if (net.layers[l].bias) f += " + " + sym.bias(l, j).text;
    return f;
}

std::string delta_formula(const bp::Network& net, const bp::Symbols& sym, int l, int j, int row) {
    const bp::Layer& layer = net.layers[l];
    if (l == net.L()) {
        if (bp::fused_output(net.loss, layer.activation))  // softmax + cross-entropy, sigmoid + BCE
            return sym.activation(l, j, row).text + " − " + sym.target(j, row).text;
        if (layer.activation == bp::Activation::softmax) {
            constexpr int i = bp::Symbols::kAnyIndex;
            const std::string d(sym.partial());
            return "Σᵢ " + sym.activation_gradient(l, i, row).text + " · " + d + sym.activation(l, i, row).text + "/" + d +
                   sym.pre_activation(l, j, row).text;
        }
        return sym.activation_gradient(l, j, row).text + " · " + sym.derivative(layer.activation, l, j, row).text;
    }
    const int m = net.layers[l + 1].size;
    std::string sum;
    if (m <= 2) {
        for (int i = 0; i < m; ++i)
            sum += (i ? " + " : "") + sym.weight(l + 1, i, j).text + "·" + sym.delta(l + 1, i, row).text;
    } else {
        constexpr int i = bp::Symbols::kAnyIndex;
        sum = "Σᵢ " + sym.weight(l + 1, i, j).text + "·" + sym.delta(l + 1, i, row).text;
    }
    return "(" + sum + ") · " + sym.derivative(layer.activation, l, j, row).text;
}

std::string batch_note(const AppState& s) { return s.stepper->trace().N() > 1 ? "Σₙ " : ""; }

void describe_neuron(const AppState& s, int l, int j, std::vector<ValueLine>& out) {
    const bp::Network& net = s.doc.net;
    const bp::Trace& t = s.stepper->trace();
    const bp::Symbols sym = symbols(s);
    const int n = shown_row(s);
    if (l == 0) {
        const bool plain = sym.notation() == bp::Notation::per_neuron;  // a⁰₁ = x₁; the others name the input itself
        out.push_back(line(s, sym.activation(0, j, n).text, plain ? "x" + bp::subscript(j + 1) : "input", t.layers[0].a(n, j),
                           {Kind::a, 0, j, 0}, "the input: the sample's x"));
        return;
    }
    const bp::Activation f = net.layers[l].activation;
    const double z = t.layers[l].z(n, j);
    const std::string z_name = sym.pre_activation(l, j, n).text;
    out.push_back(line(s, z_name, z_formula(net, sym, l, j, n), z, {Kind::z, l, j, 0},
                       "weighted input (pre-activation): the sum of the incoming activations times their weights, plus the bias"));
    out.push_back(line(s, sym.activation(l, j, n).text, std::string(bp::symbol(f)) + "(" + z_name + ")",
                       t.layers[l].a(n, j), {Kind::a, l, j, 0}, "activation: what this neuron passes on"));
    if (f != bp::Activation::softmax) {
        ValueLine d = line(s, sym.derivative(f, l, j, n).text, "", bp::activation_derivative(f, z), {Kind::z, l, j, 0},
                           "slope of the activation at " + z_name + ": how strongly a change of it reaches the activation");
        out.push_back(d);
    }
    if (l == net.L()) {
        ValueLine y = line(s, sym.target(j, n).text, "target", pass_targets(s)(n, j), {Kind::target, l, j, 0},
                           "what the output should be for this sample");
        y.known = true;
        y.value = format_number(y.number);
        out.push_back(y);
    }
    out.push_back(line(s, sym.delta(l, j, n).text, delta_formula(net, sym, l, j, n), t.layers[l].delta(n, j),
                       {Kind::delta, l, j, 0},
                       "∂L/∂" + z_name + ": how much the loss changes when this neuron's weighted input changes" +
                           std::string(t.N() > 1 ? " (batch mean: carries 1/N)" : "")));
}

void describe_parameter(const AppState& s, const Selection& sel, std::vector<ValueLine>& out) {
    const bp::Network& net = s.doc.net;
    const bp::Trace& t = s.stepper->trace();
    const bp::Symbols sym = symbols(s);
    const int l = sel.l, j = sel.j, k = sel.k;
    const bool bias = sel.kind == Selection::Kind::bias;
    const std::string name = bias ? sym.bias(l, j).text : sym.weight(l, j, k).text;
    const std::string grad_name = bias ? sym.bias_gradient(l, j).text : sym.weight_gradient(l, j, k).text;
    const int row = t.N() > 1 ? bp::Symbols::kAnyRow : 0;
    const double value = bias ? net.layers[l].b[j] : net.layers[l].W(j, k);
    ValueLine p = line(s, name, "", value, {bias ? Kind::bias : Kind::weight, l, j, k},
                       bias ? "bias: added to the weighted input of this neuron whatever the inputs"
                            : "weight: how strongly " + sym.activation(l - 1, k, row).text + " pushes " +
                                  sym.pre_activation(l, j, row).text);
    p.known = true;
    p.value = format_number(value);
    out.push_back(p);

    const double grad = bias ? t.layers[l].db[j] : t.layers[l].dW(j, k);
    const std::string grad_formula = bias ? batch_note(s) + sym.delta(l, j, row).text
                                          : batch_note(s) + sym.activation(l - 1, k, row).text + "·" + sym.delta(l, j, row).text;
    ValueLine g = line(s, grad_name, grad_formula, grad, {bias ? Kind::db : Kind::dW, l, j, k},
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
    std::string formula = name + " − η·" + grad_name;
    if (!bias && s.doc.training.l2 > 0) formula = name + " − η·(" + grad_name + " + λ·" + name + ")";
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
            return "weight " + symbols(s).weight(sel.l, sel.j, sel.k).text + ": " + neuron_role(net, sel.l - 1) + " " +
                   std::to_string(sel.k + 1) + " → " + neuron_role(net, sel.l) + " " + std::to_string(sel.j + 1);
        case Selection::Kind::bias:
            return "bias " + symbols(s).bias(sel.l, sel.j).text + " of " + neuron_role(net, sel.l) + " neuron " +
                   std::to_string(sel.j + 1);
        case Selection::Kind::none: break;
    }
    return "nothing selected";
}

std::vector<std::string> in_every_notation(const AppState& s, const Selection& sel) {
    std::vector<std::string> out;
    if (!valid(s.doc.net, sel) || sel.empty()) return out;
    std::vector<bp::Symbols> all{symbols(s)};  // the chosen one first
    for (bp::Notation n : bp::kNotations)
        if (n != s.settings.notation) all.emplace_back(n, s.doc.net);
    const int row = shown_row(s);
    const auto line = [&](const char* what, auto symbol) {
        std::string text = std::string(what) + ": ";
        for (std::size_t i = 0; i < all.size(); ++i) text += (i ? " · " : "") + symbol(all[i]).text;
        out.push_back(std::move(text));
    };
    const int l = sel.l, j = sel.j, k = sel.k;
    if (sel.kind == Selection::Kind::neuron) {
        if (l > 0) line("pre-activation", [&](const bp::Symbols& y) { return y.pre_activation(l, j, row); });
        line("activation", [&](const bp::Symbols& y) { return y.activation(l, j, row); });
        if (l > 0) line("∂L/∂ pre-activation", [&](const bp::Symbols& y) { return y.delta(l, j, row); });
    } else if (sel.kind == Selection::Kind::weight) {
        line("weight", [&](const bp::Symbols& y) { return y.weight(l, j, k); });
        line("its gradient", [&](const bp::Symbols& y) { return y.weight_gradient(l, j, k); });
    } else {
        line("bias", [&](const bp::Symbols& y) { return y.bias(l, j); });
        line("its gradient", [&](const bp::Symbols& y) { return y.bias_gradient(l, j); });
    }
    return out;
}

std::vector<ValueLine> describe(const AppState& s, const Selection& sel) {
    std::vector<ValueLine> out;
    if (!valid(s.doc.net, sel)) return out;
    if (sel.kind == Selection::Kind::neuron) describe_neuron(s, sel.l, sel.j, out);
    else if (sel.is_parameter()) describe_parameter(s, sel, out);
    return out;
}

}  // namespace studio
