// One value of a pass that a student can be asked to compute: z, a or δ of a neuron (for one sample of
// the batch), a gradient, the loss, or a parameter after one SGD step. Indices are 0-based, as in the
// network file: l the layer (input = 0), j a neuron of layer l, k a neuron of layer l−1, n a sample.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/passes.h"
#include "engine/teaching/notation.h"
#include "engine/teaching/stepper.h"

namespace bp {

enum class Quantity { z, a, delta, dW, db, loss, W_after, b_after };
std::string_view to_string(Quantity);                  // "z", "a", "delta", "dW", ..., "W_after"
std::optional<Quantity> parse_quantity(std::string_view);

inline bool is_per_sample(Quantity q) { return q == Quantity::z || q == Quantity::a || q == Quantity::delta; }
inline bool is_weight(Quantity q) { return q == Quantity::dW || q == Quantity::W_after; }
inline bool is_bias(Quantity q) { return q == Quantity::db || q == Quantity::b_after; }
inline bool is_update(Quantity q) { return q == Quantity::W_after || q == Quantity::b_after; }

struct QuantityRef {
    Quantity what = Quantity::loss;
    int l = 0;  // layer (unused for the loss)
    int j = 0;  // neuron of layer l (the "neuron" of z, a, delta, db, b_after; the row of dW, W_after)
    int k = 0;  // neuron of layer l−1 (dW, W_after)
    int n = 0;  // sample: the row of the batch, for z, a and delta
};

// A field of a QuantityRef that does not fit the network or the batch: its name ("layer", "neuron", "j",
// "k", "sample") and why, starting with the value: "5 is past the last layer (2)".
struct RefProblem {
    std::string field;
    std::string message;
};
std::optional<RefProblem> check_ref(const Network& net, int batch_size, const QuantityRef& r);

// The value r names in a pass over the batch (t) and in the network after the update (after).
double value_of(const QuantityRef& r, const Trace& t, const Network& after);

// In course notation, subscripts from 1: "z²₁", "δ²₁", "∂L/∂w²₁₂", "∂L/∂b²₁", "L", "w²₁₂ after the step".
std::string label(const QuantityRef& r);

// The same in a notation (per-sample values name r.n as their row in the batch notation): "u[1]", "ε₂¹".
std::string label(const QuantityRef& r, const Symbols& s);

// Where r sits on the canvas (the UI's highlight): W_after → the weight, b_after → the bias.
ValueRef value_ref(const QuantityRef& r);

// The value a stepper event computes, for quiz mode: z, a, loss, δ, dW, db, or the parameter after its
// update; per-sample values are those of the stepper's shown sample.
QuantityRef quantity_of(const StepEvent& e, int shown_sample);

}  // namespace bp
