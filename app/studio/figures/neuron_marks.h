// The neurons a teacher points at because their gradient vanishes, for the canvas's small markers and
// their one-line tooltips (as the glass-box simulators mark them): a saturated neuron, whose slope
// |f′(z)| on the sample the pass shows is below 1 % of its activation's largest (σ′ at most 0.25, tanh′
// at most 1), and a dead ReLU, zero for every sample of the training data (of a spread of at most
// kDeadCheckSamples of them for a large set, and the mark says so). A mark appears once the pass
// has computed the neuron's z, so nothing is said before its time, and in quiz mode not while its a or δ
// is still to be asked ("a = 0", σ′ would give the answer away).
// Window-free: tests/studio/test_neuron_marks.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/studio/state/studio_state.h"

namespace studio {

enum class Vanishing { saturated, dead };

struct NeuronMark {
    int l = 0, j = 0;
    Vanishing kind = Vanishing::saturated;
    std::string why;  // one line: "Saturated: σ′(z²₁) = 4.5e-05, under 1 % of its largest (0.25): almost no gradient …"
};

inline constexpr double kSaturatedShare = 0.01;  // of the activation's largest slope
inline constexpr int kDeadCheckSamples = 4096;   // a dead ReLU is checked on at most this many samples (spread evenly)

// The marks of the pass on screen.
std::vector<NeuronMark> neuron_marks(const AppState& s);

// The same, recomputed only when the pass, its cursor or the sample change (the dead-ReLU check runs the
// network over all of the data).
class NeuronMarksCache {
public:
    const std::vector<NeuronMark>& get(const AppState& s);

private:
    bool have_ = false;
    std::uint64_t revision_ = 0;
    int cursor_ = -1, sample_ = 0;
    bp::Notation notation_ = bp::Notation::per_neuron;  // the marks' words name symbols
    std::vector<NeuronMark> marks_;
};

}  // namespace studio
