// Which classic mistake a wrong answer came from. Every applicable mistake is run once (mistake_pass.h);
// a wrong answer that agrees, by the digit rule, with what one of them produced is explained in one
// plain sentence naming the factor, with the place on the canvas to point at.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/homework/answer_check.h"
#include "engine/homework/mistake_pass.h"
#include "engine/teaching/quantity.h"

namespace bp {

struct Diagnosis {
    Mistake mistake = Mistake::none;
    int layer = kEveryLayer;      // where the mistake was made
    double mistaken_value = 0.0;  // what the mistake gives for the answer
    std::string sentence;         // "You left out σ′(z²₁) = 0.1868: δ of an output neuron is ∂L/∂a · σ′(z)."
    ValueRef point_at;            // the factor to highlight
};

class Diagnoser {
public:
    // The batch (X, Y) and the step's settings, as the answers were computed (see run_with_mistake).
    Diagnoser(const Network& net, const Matrix& X, const Matrix& Y, const TrainingConfig& config);

    // The mistake the answer matches, or nullopt when the answer is right or no mistake explains it, its
    // sentence written in the student's notation. A mistake whose value would itself pass as right at the
    // digits written is not blamed. When several match, one made at the answer's own layer comes first,
    // then one made at every layer, then the rest.
    std::optional<Diagnosis> diagnose(const QuantityRef& q, const WrittenNumber& given, Notation notation) const;

    double exact(const QuantityRef& q) const { return value_of(q, correct_.trace, correct_.after); }
    const std::vector<MistakeRun>& runs() const { return runs_; }

private:
    Network net_;
    Matrix Y_;
    TrainingConfig config_;
    MistakeRun correct_;
    std::vector<MistakeRun> runs_;
};

}  // namespace bp
