// The formula of one value a student is asked for, in symbols and with the numbers substituted, as a
// hint and in check-my-homework's report: "δ²₁ = (a²₁ − y₁)·σ′(z²₁) = (0.7514 − 0.01)·0.1868 = 0.1385".
// The same words as the stepper's (formula_writer.h), so the window, quiz and CLI agree.
#pragma once
#include <string>

#include "engine/core/document.h"
#include "engine/core/passes.h"
#include "engine/teaching/notation.h"
#include "engine/teaching/quantity.h"

namespace bp {

struct FormulaInputs {
    const Network& net;            // before the step
    const Trace& trace;            // the pass over the batch
    const Matrix& Y;               // the batch's targets (N, n_L)
    const Network& after;          // after one SGD step
    const TrainingConfig& config;  // learning rate, l2, frozen biases
    Notation notation = Notation::per_neuron;  // the symbols (the numbers are the same in all)
};

std::string formula_with_numbers(const FormulaInputs& in, const QuantityRef& q);

}  // namespace bp
