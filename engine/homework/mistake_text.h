// What each classic mistake is, said in one plain sentence about one answer, naming the factor that was
// mishandled with its value where a single one is to blame, and where on the canvas to point. Every symbol
// is written in the student's notation (Symbols): the words change with it, the numbers never.
#pragma once
#include <string>

#include "engine/homework/mistake_pass.h"
#include "engine/teaching/notation.h"
#include "engine/teaching/quantity.h"
#include "engine/teaching/stepper.h"

namespace bp {

struct MistakeContext {
    const Network& net;             // before the step
    const Trace& trace;             // the correct pass
    const Matrix& Y;                // the batch's targets (N, n_L)
    const TrainingConfig& config;   // learning rate, l2
    const QuantityRef& answer;      // what the student was asked for
    Mistake mistake;
    int layer;                      // where it was made (kEveryLayer: everywhere)
    const Symbols& symbols;         // the notation the sentence is written in
};

struct Explanation {
    std::string sentence;  // "You left out σ′(z²₁) = 0.1868: δ of an output neuron is ∂L/∂a · σ′(z)."
    ValueRef point_at;     // the factor to highlight
};

Explanation explain(const MistakeContext& c);

}  // namespace bp
