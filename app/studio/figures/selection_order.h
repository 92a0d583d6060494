// Moving the selection from the keyboard ([ ] a neuron, { } a parameter at a time): the network read in
// one order, each neuron followed by the weights and the bias that lead into it —
// x₁ x₂ h₁ w¹₁₁ w¹₁₂ b¹₁ h₂ w¹₂₁ … — walked forwards or backwards, wrapping at the ends.
#pragma once
#include "app/studio/state/selection.h"
#include "engine/core/network.h"

namespace studio {

enum class SelectionStride { neuron, parameter };

// The next (direction > 0) or previous neuron or parameter after `from` in that order. From nothing (or
// a selection the network does not have) it is the first, or the last.
Selection next_selection(const bp::Network& net, const Selection& from, SelectionStride stride, int direction);

}  // namespace studio
