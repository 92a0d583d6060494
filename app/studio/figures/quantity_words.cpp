// The canvas's quantities in words (see quantity_words.h).
#include "app/studio/figures/quantity_words.h"

#include "app/studio/figures/pass_view.h"

namespace studio {
namespace {

constexpr int kAny = bp::Symbols::kLayerL;

// ", in this network h₁, h₂, ŷ" when the layers' own letters say more than the button's.
std::string in_this_network(const bp::Symbols& sym, NeuronValue v, const bp::Network& net, const std::string& button) {
    const std::string letters = layer_letters(sym, v, net);
    return letters == button ? "" : " Here: " + letters + ".";
}

}  // namespace

std::string layer_letters(const bp::Symbols& sym, NeuronValue v, const bp::Network& net) {
    std::string names;
    for (int l = 1; l <= net.L(); ++l) {
        const std::string letter = neuron_value_name(sym, v, l);
        if (names.find(letter) == std::string::npos) names += (names.empty() ? "" : ", ") + letter;
    }
    return names;
}

QuantityWords neuron_value_words(const bp::Symbols& sym, const bp::Network& net, NeuronValue v) {
    const std::string z = sym.pre_activation_name(kAny), a = sym.activation_name(kAny), delta = sym.delta_name(kAny);
    const std::string d(sym.partial());
    const std::string dl_dz = d + "L/" + d + z;  // the derivative δ is, where the notation names it otherwise
    switch (v) {
        case NeuronValue::z:
            return {z,
                    z + ": the neuron's weighted input, " + sym.layer_equation(kAny) + ", before the activation." +
                        in_this_network(sym, v, net, z),
                    z + ", the weighted input"};
        case NeuronValue::a:
            return {a,
                    a + " = f(" + z + "): the neuron's activation, the value it passes on to the next layer." +
                        in_this_network(sym, v, net, a),
                    a + ", the activation"};
        case NeuronValue::delta: {
            const std::string named = delta == dl_dz ? delta : delta + " = " + dl_dz;
            std::string tip = named + ": how much the loss changes when this neuron's weighted input " + z + " changes.";
            if (const std::string by_output = sym.activation_gradient_name(kAny); by_output != d + "L/" + d + a)
                tip += " (" + by_output + " = " + d + "L/" + d + a + " is the derivative by the layer's output " + a + ".)";
            return {delta, tip + in_this_network(sym, v, net, delta), named};
        }
        case NeuronValue::follow_pass:
            return {"auto",
                    "Follow the pass: " + a + " in the forward pass, " + delta + " from the backward pass on (picking " + z +
                        ", " + a + " or " + delta + " keeps that one).",
                    "follow the pass: " + a + ", then " + delta};
    }
    return {};
}

QuantityWords edge_value_words(const bp::Symbols& sym, EdgeValue v) {
    const std::string w = sym.weight_name(kAny);
    if (v == EdgeValue::weight)
        return {w,
                w + ": each weight, how strongly one neuron's " + sym.activation_name(bp::Symbols::kLayerBeforeL) +
                    " feeds the next one's " + sym.pre_activation_name(kAny) + " (width = size, colour = sign).",
                "the weight " + w};
    const std::string g = sym.weight_gradient_name(kAny);
    return {g,
            g + ": each weight's gradient, how much the loss changes when that weight changes (width = size, "
                "colour = sign).",
            "the gradient " + g};
}

std::string quantity_name(const bp::Symbols& sym, bp::Quantity q) {
    switch (q) {
        case bp::Quantity::z: return sym.pre_activation_name(kAny);
        case bp::Quantity::a: return sym.activation_name(kAny);
        case bp::Quantity::delta: return sym.delta_name(kAny);
        case bp::Quantity::dW: return sym.weight_gradient_name(kAny);
        case bp::Quantity::db: return sym.bias_gradient_name(kAny);
        case bp::Quantity::loss: return "L";
        case bp::Quantity::W_after: return sym.weight_name(kAny) + " after";
        case bp::Quantity::b_after: return sym.bias_name(kAny) + " after";
    }
    return {};
}

std::string phase_help(const bp::Symbols& sym, bp::Phase p) {
    const std::string z = sym.pre_activation_name(kAny), a = sym.activation_name(kAny), delta = sym.delta_name(kAny);
    const std::string w = sym.weight_name(kAny), dw = sym.weight_gradient_name(kAny);
    const std::string d(sym.partial()), dl_dz = d + "L/" + d + z;
    switch (p) {
        case bp::Phase::forward:
            return "Forward pass: " + sym.layer_equation(kAny) + " and " + a + " = f(" + z + "), layer by layer from the input";
        case bp::Phase::loss: return "The loss: how far the outputs are from the targets";
        case bp::Phase::backward:
            return "Backward pass: each neuron's " + (delta == dl_dz ? delta : delta + " = " + dl_dz) +
                   ", how much the loss changes with its " + z + ", from the output back by the chain rule";
        case bp::Phase::gradients:
            return "Gradients: how much the loss changes with each parameter, " + dw + " = " +
                   sym.activation_name(bp::Symbols::kLayerBeforeL) + "·" + delta + " and " + sym.bias_gradient_name(kAny) +
                   " = " + delta;
        case bp::Phase::update: return "Update: " + w + " ← " + w + " − η·" + dw + " (gradient descent)";
    }
    return {};
}

std::string quiz_topic_title(const bp::Symbols& sym, const bp::Network& net, QuizTopic t) {
    const std::string w = sym.weight_name(kAny), dw = sym.weight_gradient_name(kAny);
    switch (t) {
        case QuizTopic::forward: return "forward values " + sym.pre_activation_name(kAny) + ", " + sym.activation_name(kAny);
        case QuizTopic::loss: return "the loss L";
        case QuizTopic::output_delta: return "output " + sym.delta_name(sym.rule_layer(net.L()));
        case QuizTopic::hidden_delta: return "hidden " + sym.delta_name(kAny);
        case QuizTopic::gradients: return "gradients " + dw + ", " + sym.bias_gradient_name(kAny);
        case QuizTopic::updates: return "updates " + w + " − η·" + dw;
    }
    return {};
}

}  // namespace studio
