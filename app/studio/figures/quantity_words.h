// The words of the canvas's quantities in the chosen notation: the toggles above the canvas ("Neurons
// show z a δ auto", "Edges show w ∂L/∂w"), their tooltips, View's entries, the quiz's topics, the homework
// table's quantities and the phase strip's tooltips. Each
// letter comes from Symbols: the letter of any layer l ("z", "u", "aₗ", "Zₗ"), tooltips adding each layer's.
#pragma once
#include <string>

#include "app/studio/state/studio_state.h"

namespace studio {

struct QuantityWords {
    std::string button;   // "z", "u", "aₗ", "Zₗ"
    std::string tooltip;  // what it is, in the same letters
    std::string menu;     // View's entry: "z, the weighted input"
};

// z, a, δ and follow_pass (the "auto" button) of the network's neurons.
QuantityWords neuron_value_words(const bp::Symbols& sym, const bp::Network& net, NeuronValue v);
// w and ∂L/∂w of its edges.
QuantityWords edge_value_words(const bp::Symbols& sym, EdgeValue v);

// A quantity of the homework table's "what" column: "z", "δ", "∂L/∂w", "w after" ("εₗ", "dWₗ", …).
std::string quantity_name(const bp::Symbols& sym, bp::Quantity q);
// What a phase of the pass computes (the phase strip's tooltip): "Backward pass: each neuron's δ = ∂L/∂z, …".
std::string phase_help(const bp::Symbols& sym, bp::Phase p);
// A quiz topic's title: "forward values z, a", "output δ", … ("output ε₂", "hidden ∂L/∂u", …).
std::string quiz_topic_title(const bp::Symbols& sym, const bp::Network& net, QuizTopic t);

// Each layer's letter of what the neurons show, once each: "a", "h, ŷ", "z₂, z₃" (the legend's name).
std::string layer_letters(const bp::Symbols& sym, NeuronValue v, const bp::Network& net);

}  // namespace studio
