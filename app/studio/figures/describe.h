// The values behind a neuron, weight or bias in course notation, with their formulas, for the hover
// tooltip and the inspector: "z²₁ = w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁ = 1.106", "∂L/∂w²₁₁ = a¹₁·δ²₁ = 0.08217".
// A value the pass has not computed yet reads "?". Window-free, so the tests check the text.
#pragma once
#include <string>
#include <vector>

#include "app/studio/state/studio_state.h"

namespace studio {

struct ValueLine {
    std::string name;     // "z²₁"
    std::string formula;  // "w²₁₁·a¹₁ + w²₁₂·a¹₂ + b²₁" (may be empty)
    std::string value;    // "1.106", or "?" when not computed yet
    double number = 0;    // the value itself (meaningless when !known)
    bool known = true;
    std::string meaning;  // one sentence for a student
    bp::ValueRef ref;     // where it lives, for highlighting
};

// "hidden neuron 1 of layer 1 (σ)", "weight w²₁₁: hidden 1 → output 1", "bias b¹₂ of hidden neuron 2".
std::string headline(const AppState& s, const Selection& sel);
std::vector<ValueLine> describe(const AppState& s, const Selection& sel);
// The selection's symbols in all four notations, one line per quantity, for a tooltip:
// "pre-activation: z²₁ · u[1] · a₁¹ · Z₁[1,1]" (the chosen notation first).
std::vector<std::string> in_every_notation(const AppState& s, const Selection& sel);
// The short name of a layer: "input", "hidden 1 (σ)", "output (σ)"; compact: "in", "h1", "out".
std::string layer_title(const bp::Network& net, int l, bool compact = false);

}  // namespace studio
