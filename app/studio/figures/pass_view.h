// What the window shows follows the pass: the phase of the step on screen (the phase strip lights it),
// what the neurons show when the user has not picked z, a or δ (a while the forward pass and the loss
// are on screen, δ from the backward pass on), a parameter's update written as pending ("0.4 → 0.359")
// until the next pass applies it, and which values a waiting quiz question would give away (every copy
// stays hidden). Window-free: tests/studio/test_pass_view.cpp checks each rule.
#pragma once
#include <optional>
#include <string>

#include "app/studio/state/studio_state.h"

namespace studio {

// The phase of the step on screen: the last step done, or the value a waiting quiz question asks for;
// none before the first step of a pass.
std::optional<bp::Phase> phase_on_screen(const AppState& s);
// What the neurons show: the user's pick, or for NeuronValue::follow_pass a up to the loss and δ from
// the backward pass on (before the first step: a).
NeuronValue neuron_value_shown(const AppState& s);
// What neuron (l, j) shows: neuron_value_shown, except that, following the pass, the neuron whose z the
// step on screen computed shows that z (the others keep a until their own a is computed).
NeuronValue neuron_value_of(const AppState& s, int l, int j);
// "z", "a" or "δ": the symbol of what the neurons show.
const char* neuron_value_symbol(NeuronValue v);
// The same in a notation: neuron (l, j)'s symbol, "z²₁", "u[1]", "a₁¹", "Z₁[1,1]" (an input neuron's is its
// input whatever v is: x₁, x[1], z₁¹, X[1,1]); `row` is the sample the batch notation names.
std::string neuron_value_label(const bp::Symbols& sym, NeuronValue v, int l, int j, int row);
// A whole layer's letter: "z", "u", "a₁", "Z₁" (the per-neuron notation's is neuron_value_symbol's).
std::string neuron_value_name(const bp::Symbols& sym, NeuronValue v, int l);

// Whether a weight's or bias's update step is done but not applied: the document still holds the old
// value, the next pass (→ at the end) starts from the new one.
bool update_pending(const AppState& s, const Selection& parameter);
// A weight or bias as the canvas writes it, `digits` significant digits: "0.4", or while its update is
// pending "0.4 → 0.359" (more digits when these would look alike: "0.15 → 0.1498").
std::string parameter_text(const AppState& s, const Selection& parameter, int digits);

// Whether quiz mode is about to ask for this value (a neuron's z, a, δ, a gradient or the loss), so
// nothing may show it yet: not the loss panel, the Lab, a tooltip, the matrices, the paths or an export.
bool quiz_hides(const AppState& s, const bp::ValueRef& r);
// The same for a parameter's value after the update (the quiz's "w after the step").
bool quiz_hides_update(const AppState& s, const Selection& parameter);

}  // namespace studio
