// Saturated neurons and dead ReLUs (see neuron_marks.h).
#include "app/studio/figures/neuron_marks.h"

#include "app/studio/figures/pass_view.h"
#include <cmath>

#include "app/studio/state/lab_data.h"
#include "engine/core/activations.h"
#include "engine/core/passes.h"
#include "engine/teaching/notation.h"

namespace studio {
namespace {

// The largest slope of an activation whose slope can all but vanish; 0: it cannot (ReLU is on or off,
// leaky ReLU and the identity keep theirs, softmax's is a matrix).
double largest_slope(bp::Activation f) {
    switch (f) {
        case bp::Activation::sigmoid: return 0.25;  // σ′(0)
        case bp::Activation::tanh: return 1.0;      // tanh′(0)
        default: return 0.0;
    }
}

// Which ReLU neurons are zero (z ≤ 0) for every sample of the data: [l][j].
std::vector<std::vector<bool>> dead_relus(const bp::Network& net, const bp::Dataset& data) {
    std::vector<std::vector<bool>> dead(net.layers.size());
    bool any = false;
    for (int l = 1; l <= net.L(); ++l) any |= net.layers[l].activation == bp::Activation::relu;
    if (!any || data.size() == 0) return dead;
    bp::Trace t;
    bp::forward(net, data.X, t);
    for (int l = 1; l <= net.L(); ++l) {
        if (net.layers[l].activation != bp::Activation::relu) continue;
        dead[l].assign(net.layers[l].size, true);
        for (int n = 0; n < t.N(); ++n)
            for (int j = 0; j < net.layers[l].size; ++j)
                if (t.layers[l].a(n, j) != 0.0) dead[l][j] = false;
    }
    return dead;
}

}  // namespace

std::vector<NeuronMark> neuron_marks(const AppState& s) {
    std::vector<NeuronMark> out;
    if (!s.stepper) return out;
    const bp::Network& net = s.doc.net;
    const bp::Trace& t = s.stepper->trace();
    const int row = shown_row(s);
    // A large set is checked on kDeadCheckSamples samples spread evenly over it, and the mark says so.
    const int N = training_data(s).size(), stride = spread_stride(N, kDeadCheckSamples);
    const std::vector<std::vector<bool>> dead =
        dead_relus(net, stride > 1 ? spread_rows(training_data(s), kDeadCheckSamples) : training_data(s));
    const std::string checked = stride > 1 ? "all " + std::to_string((N + stride - 1) / stride) + " samples checked (every " +
                                                 std::to_string(stride) + "th of the " + std::to_string(N) + ")"
                                           : "all " + std::to_string(N) + " samples";
    const bp::Symbols sym = symbols(s);  // the tooltips in the notation on screen
    for (int l = 1; l <= net.L(); ++l) {
        const int r = sym.rule_layer(l);
        const std::string z = sym.pre_activation_name(r), a = sym.activation_name(r);
        const bp::Activation f = net.layers[l].activation;
        for (int j = 0; j < net.layers[l].size; ++j) {
            if (!known(s, {bp::ValueRef::Kind::z, l, j, 0})) continue;  // said once the pass has computed z
            // Quiz mode: "a = 0" or σ′ would give away the a or δ still to be asked of this neuron.
            if (quiz_hides(s, {bp::ValueRef::Kind::a, l, j, 0}) || quiz_hides(s, {bp::ValueRef::Kind::delta, l, j, 0})) continue;
            if (!dead[l].empty() && dead[l][j]) {
                out.push_back({l, j, Vanishing::dead,
                               "Dead ReLU: " + z + " ≤ 0 for " + checked + ", so " + a + " = 0 and " +
                                   sym.derivative_name(bp::Activation::relu, r) +
                                   " = 0: no gradient reaches its weights and gradient descent cannot revive it."});
                continue;
            }
            const double top = largest_slope(f);
            if (top <= 0) continue;
            const double slope = bp::activation_derivative(f, t.layers[l].z(row, j));
            if (!(std::fabs(slope) < kSaturatedShare * top)) continue;
            out.push_back({l, j, Vanishing::saturated,
                           "Saturated: " + sym.derivative(f, l, j, row).text + " = " + bp::format_number(slope, 2) +
                               ", under 1 % of its largest (" + bp::format_number(top) + "): " + sym.delta_name(r) +
                               " = … · " + sym.derivative_name(std::nullopt, r) +
                               " is almost 0, so almost no gradient flows back through it."});
        }
    }
    return out;
}

const std::vector<NeuronMark>& NeuronMarksCache::get(const AppState& s) {
    const int cursor = s.stepper ? s.stepper->cursor() : -1;
    if (!have_ || revision_ != s.pass_revision || cursor_ != cursor || sample_ != s.sample ||
        notation_ != s.settings.notation) {
        marks_ = neuron_marks(s);
        have_ = true;
        revision_ = s.pass_revision;
        cursor_ = cursor;
        sample_ = s.sample;
        notation_ = s.settings.notation;
    }
    return marks_;
}

}  // namespace studio
