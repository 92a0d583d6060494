// Course notation as text: superscript layer, subscript neuron indices counted from 1 on screen
// (w²₁₂ is layers[2].weights[0][1]), and numbers formatted for formulas. Plain UTF-8, no GUI.
#pragma once
#include <string>

#include "engine/core/network.h"

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
// A number for a formula: up to `digits` significant digits, trailing zeros dropped, "−" for minus
// when unicode is true; scientific notation for very small or large magnitudes. NaN/Inf as words.
std::string format_number(double x, int digits = 4, bool unicode = true);
// Shortest text that reads back to exactly x (round-trip), for files and JSON.
std::string round_trip(double x);

// LaTeX forms of the same labels: "w^{2}_{12}", "z^{2}_{1}".
std::string latex_neuron(const std::string& symbol, int l, int j);
std::string latex_weight(int l, int j, int k);

}  // namespace bp
